#include "core/security/user_admin.h"

#include "core/security/session.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vigil::security {

UserAdmin::UserAdmin(Session& session)
    : m_session(session)
{ }

Result<void> UserAdmin::allowed(const QString& what)
{
    return m_session.check(Permission::ManageUsers, 0, what);
}

Result<void> UserAdmin::audited(const Result<void>& done, const QString& action,
        const QString& login, const QJsonObject& detail)
{
    if (!done)
        return done;
    if (const Result<qint64> row = m_session.audit(action, login, detail); !row)
        return row.error();
    return {};
}

Result<QList<UserRecord>> UserAdmin::list()
{
    if (const Result<void> ok = allowed(QStringLiteral("user_list")); !ok)
        return ok.error();
    return UserStore(m_session.catalog()).list();
}

Result<qint64> UserAdmin::add(
        const QString& login, const QString& displayName, Role role, const QString& password)
{
    if (const Result<void> ok = allowed(QStringLiteral("user_add")); !ok)
        return ok.error();
    if (m_session.isSetupMode() && role != Role::Administrator)
        return Error {Error::Code::InvalidArgument,
                tr("The first user must be an administrator: only an administrator can add the "
                   "others."),
                {}};
    const Result<qint64> id
            = UserStore(m_session.catalog()).add(login, displayName, role, password);
    if (!id)
        return id;
    if (const Result<qint64> row = m_session.audit(QStringLiteral("user_add"), login,
                {{QStringLiteral("role"), Access::roleWord(role)}});
            !row)
        return row.error();
    return id;
}

Result<void> UserAdmin::setDisabled(const QString& login, bool disabled)
{
    if (const Result<void> ok = allowed(QStringLiteral("user_disable")); !ok)
        return ok;
    return audited(UserStore(m_session.catalog()).setDisabled(login, disabled),
            disabled ? QStringLiteral("user_disable") : QStringLiteral("user_enable"), login);
}

Result<void> UserAdmin::setRole(const QString& login, Role role)
{
    if (const Result<void> ok = allowed(QStringLiteral("user_role")); !ok)
        return ok;
    return audited(UserStore(m_session.catalog()).setRole(login, role), QStringLiteral("user_role"),
            login, {{QStringLiteral("role"), Access::roleWord(role)}});
}

Result<void> UserAdmin::resetPassword(const QString& login, const QString& password)
{
    if (const Result<void> ok = allowed(QStringLiteral("user_passwd")); !ok)
        return ok;
    return audited(UserStore(m_session.catalog()).setPassword(login, password),
            QStringLiteral("user_passwd"), login);
}

Result<void> UserAdmin::setCameraAccess(
        const QString& login, bool allCameras, const QList<qint64>& ids)
{
    if (const Result<void> ok = allowed(QStringLiteral("user_cameras")); !ok)
        return ok;
    QJsonArray cameras;
    for (qint64 id : ids)
        cameras.append(id);
    return audited(UserStore(m_session.catalog()).setCameraAccess(login, allCameras, ids),
            QStringLiteral("user_cameras"), login,
            {{QStringLiteral("all_cameras"), allCameras}, {QStringLiteral("cameras"), cameras}});
}

} // namespace vigil::security
