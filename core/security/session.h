#pragma once

#include "core/result.h"
#include "core/security/access.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QString>

namespace vigil::catalog {
class Catalog;
}

namespace vigil::security {

/// Who uses this window: the login, the lock, and the one permission check and audit call every
/// feature makes first. Until the first administrator exists the window runs in the setup mode
/// (everything allowed, and said so). Refusals and every login, failure, logout, lock and
/// unlock are written to the audit log.
///
/// The password is kept in memory while logged in: the window logs in again to the recorder
/// when the recorder restarts. It is forgotten at logout.
class Session : public QObject
{
    Q_OBJECT

public:
    /// `keysDir`: the audit log's keys; `via`: what is logging in, for the audit log ("window").
    Session(catalog::Catalog& catalog, QString keysDir, QString via, QObject* parent = nullptr);

    /// True once an administrator exists: then nothing happens before a login.
    Result<bool> loginNeeded() const;
    /// The setup mode (no administrator yet).
    void startSetupMode();
    Result<Principal> logIn(const QString& login, const QString& password);
    /// Checks a login (UserStore::authenticate) and writes its audit row: `login` concerning
    /// `object` with `detail`, or `login_failed` with the reason too. A login whose row cannot
    /// be written fails: nothing happens that the audit log does not hold. Without `keysDir`
    /// (a recorder tested without a data folder) nothing is written. For every program that
    /// logs people in: the window (logIn()) and the recorder's clients.
    static Result<Principal> authenticate(catalog::Catalog& catalog, const QString& keysDir,
            const QString& login, const QString& password, const QString& object,
            const QJsonObject& detail = {});
    void logOut();
    bool isLoggedIn() const { return m_loggedIn; }
    bool isSetupMode() const { return m_loggedIn && m_principal.isSetupMode(); }
    const Principal& principal() const { return m_principal; }
    /// For the recorder's control channel; empty in the setup mode.
    QString login() const { return m_principal.isSetupMode() ? QString() : m_principal.login; }
    QString password() const { return m_password; }

    /// The window is locked: only the same user's password (or another login) opens it again.
    void lock();
    bool isLocked() const { return m_locked; }
    /// Opens the lock with the password of the user who was logged in.
    Result<void> unlock(const QString& password);

    /// Allowed, or refused (Error::Code::Forbidden) with an audit row. `cameraId` > 0: the
    /// user must also see that camera.
    Result<void> check(Permission permission, qint64 cameraId = 0, const QString& what = {});
    /// One audit row as the current user; an error when it cannot be written (then the action
    /// it records must not happen).
    Result<qint64> audit(const QString& action, const QString& object,
            const QJsonObject& detail = {}, qint64 cameraId = 0);
    /// Changes the current user's own password after checking the old one.
    Result<void> changePassword(const QString& oldPassword, const QString& newPassword);

    catalog::Catalog& catalog() const { return m_catalog; }
    QString keysDir() const { return m_keysDir; }

Q_SIGNALS:
    /// Logged in, logged out, or another user.
    void principalChanged();
    void lockedChanged(bool locked);

private:
    catalog::Catalog& m_catalog;
    QString m_keysDir;
    QString m_via;
    Principal m_principal;
    QString m_password;
    bool m_loggedIn = false;
    bool m_locked = false;
};

} // namespace vigil::security
