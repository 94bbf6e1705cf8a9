#pragma once

#include "core/catalog/camera_store.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>

namespace vigil::security {

class Session;

/// Changing cameras as the window does it: each change checked (Manage cameras, and the camera
/// itself) and written to the audit log as the session's user, in core, so that no screen skips
/// either. Without a session (a page tested alone) changes go straight to the store.
class CameraAdmin
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::CameraAdmin)

public:
    CameraAdmin(Session* session, catalog::CameraStore& cameras);

    Result<void> rename(qint64 id, const QString& name);
    Result<void> setEnabled(qint64 id, bool enabled);
    Result<void> remove(qint64 id);
    Result<void> setRecording(const catalog::CameraRecord& camera);
    Result<void> setPrivacyMasks(qint64 id, const QString& masks, int count);
    /// A camera added (by the setup wizard) or its connection changed (checked live and saved
    /// by setup::CameraEditor): only the audit row, after the fact.
    Result<void> recordAdded(qint64 id, const QString& name);
    Result<void> recordConnectionChanged(qint64 id);
    /// Whether the session may change camera `id` (0: cameras at all); refusals are audited.
    Result<void> allowed(qint64 id, const QString& action);

private:
    Result<void> change(qint64 id, const QString& action, const QJsonObject& detail,
            const std::function<Result<void>()>& apply);

    Session* m_session;
    catalog::CameraStore& m_cameras;
};

} // namespace vigil::security
