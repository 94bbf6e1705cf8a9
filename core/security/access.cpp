#include "core/security/access.h"

namespace vigil::security {

Principal Principal::setupMode()
{
    Principal p;
    p.role = Role::Administrator;
    return p;
}

bool Access::roleHas(Role role, Permission permission)
{
    switch (role) {
    case Role::Administrator:
        return true;
    case Role::Supervisor:
        // Everything about footage and its release; not the system (cameras, users).
        return permission != Permission::ManageCameras && permission != Permission::ManageUsers;
    case Role::Clerk:
        // The daily work: watch, find, export redacted. An original needs a supervisor.
        return permission == Permission::ViewLive || permission == Permission::ViewPlayback
                || permission == Permission::Search || permission == Permission::ExportRedacted;
    case Role::Viewer:
        return permission == Permission::ViewLive;
    }
    return false;
}

bool Access::seesCamera(const Principal& who, qint64 cameraId)
{
    return who.isSetupMode() || who.allCameras || cameraId <= 0 || who.cameraIds.contains(cameraId);
}

Result<void> Access::check(const Principal& who, Permission permission, qint64 cameraId)
{
    if (who.isSetupMode())
        return {};
    if (!roleHas(who.role, permission)) {
        return Error {Error::Code::Forbidden,
                tr("%1 is not allowed to %2 (role: %3).")
                        .arg(who.login, permissionName(permission), roleName(who.role)),
                {}};
    }
    if (!seesCamera(who, cameraId)) {
        return Error {Error::Code::Forbidden,
                tr("%1 has no access to camera %2.").arg(who.login).arg(cameraId), {}};
    }
    return {};
}

QString Access::roleKey(Role role)
{
    switch (role) {
    case Role::Administrator:
        return QStringLiteral("admin");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Clerk:
        return QStringLiteral("operator");
    case Role::Viewer:
        return QStringLiteral("viewer");
    }
    return {};
}

std::optional<Role> Access::roleFromKey(const QString& key)
{
    for (Role r : {Role::Administrator, Role::Supervisor, Role::Clerk, Role::Viewer}) {
        if (roleKey(r) == key)
            return r;
    }
    return std::nullopt;
}

QString Access::roleWord(Role role)
{
    switch (role) {
    case Role::Administrator:
        return QStringLiteral("administrator");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Clerk:
        return QStringLiteral("clerk");
    case Role::Viewer:
        return QStringLiteral("viewer");
    }
    return {};
}

std::optional<Role> Access::roleFromWord(const QString& word)
{
    for (Role r : {Role::Administrator, Role::Supervisor, Role::Clerk, Role::Viewer}) {
        if (roleWord(r).compare(word, Qt::CaseInsensitive) == 0)
            return r;
    }
    return std::nullopt;
}

QString Access::roleName(Role role)
{
    switch (role) {
    case Role::Administrator:
        return tr("Administrator");
    case Role::Supervisor:
        return tr("Supervisor");
    case Role::Clerk:
        return tr("Clerk");
    case Role::Viewer:
        return tr("Viewer");
    }
    return {};
}

QString Access::permissionName(Permission permission)
{
    switch (permission) {
    case Permission::ViewLive:
        return tr("view live video");
    case Permission::ViewPlayback:
        return tr("play back recordings");
    case Permission::Search:
        return tr("search recordings");
    case Permission::ExportRedacted:
        return tr("export redacted footage");
    case Permission::ExportOriginal:
        return tr("export original footage");
    case Permission::ApproveRelease:
        return tr("approve a release");
    case Permission::LiftPrivacyMask:
        return tr("lift a privacy mask");
    case Permission::ManageCameras:
        return tr("manage cameras");
    case Permission::ManageUsers:
        return tr("manage users");
    case Permission::ViewAudit:
        return tr("view the audit log");
    }
    return {};
}

QList<Permission> Access::allPermissions()
{
    return {Permission::ViewLive, Permission::ViewPlayback, Permission::Search,
            Permission::ExportRedacted, Permission::ExportOriginal, Permission::ApproveRelease,
            Permission::LiftPrivacyMask, Permission::ManageCameras, Permission::ManageUsers,
            Permission::ViewAudit};
}

} // namespace vigil::security
