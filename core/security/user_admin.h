#pragma once

#include "core/result.h"
#include "core/security/access.h"
#include "core/security/user_store.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace vigil::security {

class Session;

/// Managing users as the window does it: every change checked (Manage users) and audited as the
/// session's user, in core, so that no screen can skip either. In the setup mode the first user
/// must be an administrator.
class UserAdmin
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::UserAdmin)

public:
    explicit UserAdmin(Session& session);

    Result<QList<UserRecord>> list();
    Result<qint64> add(
            const QString& login, const QString& displayName, Role role, const QString& password);
    Result<void> setDisabled(const QString& login, bool disabled);
    Result<void> setRole(const QString& login, Role role);
    /// Another user's password (they change it themselves with Session::changePassword()).
    Result<void> resetPassword(const QString& login, const QString& password);
    Result<void> setCameraAccess(const QString& login, bool allCameras, const QList<qint64>& ids);

private:
    Result<void> allowed(const QString& what);
    Result<void> audited(const Result<void>& done, const QString& action, const QString& login,
            const QJsonObject& detail = {});

    Session& m_session;
};

} // namespace vigil::security
