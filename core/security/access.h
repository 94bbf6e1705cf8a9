#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::security {

/// A person's role. Stored in the catalog as its key ("admin", "supervisor", "operator",
/// "viewer": the first schema's names; "operator" is shown as Clerk).
enum class Role { Administrator, Supervisor, Clerk, Viewer };

/// What a role may do. Every core service that shows, finds, exports or changes something asks
/// Access::check() first; the user interface only hides what would be refused.
enum class Permission {
    ViewLive,
    ViewPlayback,
    Search,
    ExportRedacted,
    ExportOriginal,
    ApproveRelease,
    LiftPrivacyMask,
    ManageCameras,
    ManageUsers,
    ViewAudit,
};

/// Who is acting: a logged-in user, or the setup mode before the first administrator exists
/// (then everything is allowed, and said so).
struct Principal
{
    qint64 userId = 0; ///< 0: setup mode (no user exists yet)
    QString login;
    Role role = Role::Viewer;
    bool allCameras = true;
    QList<qint64> cameraIds; ///< when !allCameras: the cameras this user may see

    bool isSetupMode() const { return userId == 0; }
    static Principal setupMode();
};

class Access
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::Access)

public:
    static bool roleHas(Role role, Permission permission);
    /// Refused (Error::Code::Forbidden, with a message naming what and why) or allowed.
    /// `cameraId` > 0: the user must also have access to that camera.
    static Result<void> check(const Principal& who, Permission permission, qint64 cameraId = 0);
    /// Whether `who` may see `cameraId` at all (per-camera access).
    static bool seesCamera(const Principal& who, qint64 cameraId);

    static QString roleKey(Role role);
    static std::optional<Role> roleFromKey(const QString& key);
    /// "administrator", "supervisor", "clerk", "viewer" (the command line's words).
    static QString roleWord(Role role);
    static std::optional<Role> roleFromWord(const QString& word);
    /// Translated, for people.
    static QString roleName(Role role);
    static QString permissionName(Permission permission);
    static QList<Permission> allPermissions();
};

} // namespace vigil::security
