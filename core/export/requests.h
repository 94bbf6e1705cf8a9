#pragma once

#include "core/catalog/request_store.h"
#include "core/redaction/redaction_log.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace vigil::catalog {
class SettingsStore;
}
namespace vigil::security {
class Session;
}

namespace vigil::evidence {

/// Records requests as the clerk handles them: each change checked (Export redacted, on each
/// camera asked for) and audited. The footage of an open request is on legal hold (a hold
/// bookmark per camera and range, which retention never deletes); the holds end when the request
/// is released or refused.
class Requests
{
    Q_DECLARE_TR_FUNCTIONS(vigil::evidence::Requests)

public:
    /// `session` null: no checks and no audit (tests of core alone).
    Requests(catalog::Catalog& catalog, security::Session* session);

    /// Stores the request and holds its footage.
    Result<qint64> create(catalog::RequestRecord request);
    /// new → redaction → approval → released / refused; the last two close it and end its holds.
    Result<void> setStatus(qint64 id, const QString& status);
    Result<QList<catalog::RequestRecord>> list() const;

    /// Saves a redaction in progress (the editor's tracks, regions, settings and the frame it
    /// showed) for a camera's clip over fromMs…toMs, so that it reopens exactly
    /// (prepareReview() finds it). Needs Export redacted on the camera.
    Result<void> saveRedaction(qint64 cameraId, qint64 fromMs, qint64 toMs, qint64 requestId,
            const redaction::RedactionLog& log, int position);

    static QStringList requesterTypes(); ///< court, prosecutor, police, citizen, press
    static QString requesterTypeName(const QString& type);
    static QStringList statuses();
    static QString statusName(const QString& status);
    static bool closes(const QString& status);
    /// The default due date of a request of `type` received at `receivedMs`.
    static qint64 dueMs(
            const catalog::SettingsStore& settings, const QString& type, qint64 receivedMs);

private:
    Result<void> audit(const QString& action, const catalog::RequestRecord& r, qint64 cameraId = 0);
    catalog::Catalog& m_catalog;
    security::Session* m_session;
};

} // namespace vigil::evidence
