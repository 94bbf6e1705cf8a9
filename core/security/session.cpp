#include "core/security/session.h"

#include "core/logging_categories.h"
#include "core/security/audit_actions.h"
#include "core/security/audit_log.h"
#include "core/security/user_store.h"

#include <QDateTime>

namespace vigil::security {

Session::Session(catalog::Catalog& catalog, QString keysDir, QString via, QObject* parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_keysDir(std::move(keysDir))
    , m_via(std::move(via))
{ }

Result<bool> Session::loginNeeded() const
{
    return UserStore(m_catalog).hasAdministrator();
}

void Session::startSetupMode()
{
    m_principal = Principal::setupMode();
    m_password.clear();
    m_loggedIn = true;
    Q_EMIT principalChanged();
}

Result<Principal> Session::authenticate(catalog::Catalog& catalog, const QString& keysDir,
        const QString& login, const QString& password, const QString& object,
        const QJsonObject& detail)
{
    const Result<Principal> who
            = UserStore(catalog).authenticate(login, password, QDateTime::currentMSecsSinceEpoch());
    if (keysDir.isEmpty())
        return who;
    AuditLog log(catalog, keysDir);
    if (!who) {
        QJsonObject failure = detail;
        failure.insert(QStringLiteral("reason"), who.error().message);
        if (const Result<qint64> row
                = log.appendAs(0, login, QLatin1String(audit::kLoginFailed), object, failure);
                !row)
            qCWarning(lcApp, "%s", qUtf8Printable(row.error().fullText()));
        return who;
    }
    if (const Result<qint64> row
            = log.append(who.value(), QLatin1String(audit::kLogin), object, detail);
            !row)
        return row.error();
    return who;
}

Result<Principal> Session::logIn(const QString& login, const QString& password)
{
    const Result<Principal> who = authenticate(m_catalog, m_keysDir, login, password, m_via);
    if (!who)
        return who;
    m_principal = who.value();
    m_password = password;
    m_loggedIn = true;
    const bool wasLocked = std::exchange(m_locked, false);
    Q_EMIT principalChanged();
    if (wasLocked)
        Q_EMIT lockedChanged(false);
    return who;
}

void Session::logOut()
{
    if (!m_loggedIn)
        return;
    if (!m_principal.isSetupMode())
        (void)audit(QLatin1String(audit::kLogout), m_via);
    m_principal = Principal {};
    m_password.clear();
    m_loggedIn = false;
    Q_EMIT principalChanged();
}

void Session::lock()
{
    if (m_locked || !m_loggedIn || m_principal.isSetupMode())
        return; // nobody to unlock it in the setup mode
    (void)audit(QLatin1String(audit::kLock), m_via);
    m_locked = true;
    Q_EMIT lockedChanged(true);
}

Result<void> Session::unlock(const QString& password)
{
    if (!m_locked)
        return {};
    const Result<Principal> who = UserStore(m_catalog).authenticate(
            m_principal.login, password, QDateTime::currentMSecsSinceEpoch());
    if (!who) {
        (void)AuditLog(m_catalog, m_keysDir)
                .appendAs(0, m_principal.login, QLatin1String(audit::kLoginFailed), m_via,
                        {{QStringLiteral("reason"), who.error().message},
                                {QStringLiteral("unlock"), true}});
        return who.error();
    }
    m_principal = who.value(); // a role changed meanwhile takes effect
    m_password = password;
    m_locked = false;
    (void)audit(QLatin1String(audit::kUnlock), m_via);
    Q_EMIT lockedChanged(false);
    return {};
}

Result<void> Session::check(Permission permission, qint64 cameraId, const QString& what)
{
    if (!m_loggedIn || m_locked)
        return Error {Error::Code::Forbidden, tr("Log in first."), {}};
    const Result<void> allowed = Access::check(m_principal, permission, cameraId);
    if (!allowed) {
        (void)audit(QLatin1String(audit::kRefused),
                what.isEmpty() ? Access::permissionName(permission) : what, {}, cameraId);
    }
    return allowed;
}

Result<qint64> Session::audit(
        const QString& action, const QString& object, const QJsonObject& detail, qint64 cameraId)
{
    return AuditLog(m_catalog, m_keysDir).append(m_principal, action, object, detail, cameraId);
}

Result<void> Session::changePassword(const QString& oldPassword, const QString& newPassword)
{
    if (!m_loggedIn || m_principal.isSetupMode())
        return Error {Error::Code::InvalidArgument,
                tr("There is no user to change the password of yet: create the administrator "
                   "first."),
                {}};
    UserStore users(m_catalog);
    if (const Result<Principal> who = users.authenticate(
                m_principal.login, oldPassword, QDateTime::currentMSecsSinceEpoch());
            !who)
        return Error {who.error().code,
                tr("The current password is not right: %1").arg(who.error().message), {}};
    if (const Result<void> set = users.setPassword(m_principal.login, newPassword); !set)
        return set;
    m_password = newPassword;
    if (const Result<qint64> row = audit(QStringLiteral("user_passwd"), m_principal.login); !row)
        return row.error();
    return {};
}

} // namespace vigil::security
