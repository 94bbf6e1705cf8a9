#include "core/security/camera_admin.h"

#include "core/security/session.h"

namespace vigil::security {

CameraAdmin::CameraAdmin(Session* session, catalog::CameraStore& cameras)
    : m_session(session)
    , m_cameras(cameras)
{ }

Result<void> CameraAdmin::allowed(qint64 id, const QString& action)
{
    if (!m_session)
        return {};
    return m_session->check(Permission::ManageCameras, id, action);
}

Result<void> CameraAdmin::change(qint64 id, const QString& action, const QJsonObject& detail,
        const std::function<Result<void>()>& apply)
{
    if (const Result<void> ok = allowed(id, action); !ok)
        return ok;
    if (const Result<void> done = apply(); !done)
        return done;
    if (!m_session)
        return {};
    if (const Result<qint64> row
            = m_session->audit(action, QStringLiteral("camera %1").arg(id), detail, id);
            !row)
        return row.error();
    return {};
}

Result<void> CameraAdmin::rename(qint64 id, const QString& name)
{
    return change(id, QStringLiteral("camera_rename"), {{QStringLiteral("name"), name}},
            [&] { return m_cameras.rename(id, name); });
}

Result<void> CameraAdmin::setEnabled(qint64 id, bool enabled)
{
    return change(id, enabled ? QStringLiteral("camera_enable") : QStringLiteral("camera_disable"),
            {}, [&] { return m_cameras.setEnabled(id, enabled); });
}

Result<void> CameraAdmin::remove(qint64 id)
{
    return change(id, QStringLiteral("camera_remove"), {}, [&] { return m_cameras.remove(id); });
}

Result<void> CameraAdmin::setRecording(const catalog::CameraRecord& camera)
{
    return change(camera.id, QStringLiteral("camera_record"),
            {{QStringLiteral("mode"), camera.recordMode},
                    {QStringLiteral("retention_days"), camera.retentionDays}},
            [&] { return m_cameras.setRecording(camera); });
}

Result<void> CameraAdmin::setPrivacyMasks(qint64 id, const QString& masks, int count)
{
    return change(id, QStringLiteral("camera_mask"), {{QStringLiteral("masks"), count}},
            [&] { return m_cameras.setPrivacyMasks(id, masks); });
}

Result<void> CameraAdmin::recordAdded(qint64 id, const QString& name)
{
    return change(id, QStringLiteral("camera_add"), {{QStringLiteral("name"), name}},
            [] { return Result<void>(); });
}

Result<void> CameraAdmin::recordConnectionChanged(qint64 id)
{
    return change(id, QStringLiteral("camera_connection"), {}, [] { return Result<void>(); });
}

} // namespace vigil::security
