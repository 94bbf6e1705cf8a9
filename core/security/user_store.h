#pragma once

#include "core/result.h"
#include "core/security/access.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::catalog {
class Catalog;
}

namespace vigil::security {

struct UserRecord
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Viewer;
    bool disabled = false;
    qint64 createdMs = 0;
    qint64 lastLoginMs = 0;
    int failedLogins = 0;
    qint64 lockedUntilMs = 0; ///< no login before this time (a growing delay after failures)
    bool allCameras = true;
    QList<qint64> cameraIds; ///< when !allCameras
};

/// The people who use Vigil. Passwords are kept only as Argon2id hashes (libsodium's
/// crypto_pwhash_str: "$argon2id$v=19$m=65536,t=2,p=1$…"). Users are disabled, never deleted:
/// the audit log names them for as long as it is kept.
class UserStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::UserStore)

public:
    explicit UserStore(catalog::Catalog& catalog);

    /// False until the first administrator exists: the setup mode, in which Vigil works
    /// without login (the setup wizard's first page creates that administrator).
    Result<bool> hasAdministrator() const;
    Result<qint64> add(
            const QString& login, const QString& displayName, Role role, const QString& password);
    Result<QList<UserRecord>> list() const;
    Result<std::optional<UserRecord>> find(const QString& login) const;
    Result<void> setPassword(const QString& login, const QString& password);
    /// The last enabled administrator cannot be disabled (nobody could manage users).
    Result<void> setDisabled(const QString& login, bool disabled);
    Result<void> setRole(const QString& login, Role role);
    Result<void> setCameraAccess(const QString& login, bool allCameras, const QList<qint64>& ids);

    /// Checks a login. Wrong passwords count; from the third in a row each further attempt
    /// waits longer (lockoutDelayMs), even with the right password. Unknown users and wrong
    /// passwords get the same answer and take the same time.
    Result<Principal> authenticate(const QString& login, const QString& password, qint64 nowMs);
    /// The wait after `failures` wrong passwords in a row: none for the first two, then 5 s,
    /// 10 s, 20 s … at most 15 minutes.
    static qint64 lockoutDelayMs(int failures);

    /// A password acceptable for a Vigil user: "" or what is wrong with it.
    static QString passwordProblem(const QString& password);
    static QString hashPassword(const QString& password);
    static bool verifyPassword(const QString& hash, const QString& password);
    static Principal principalOf(const UserRecord& user);

private:
    Result<int> enabledAdministrators() const;
    Result<void> updateOne(const QString& sql, const QVariantList& values, const QString& login,
            const QString& during);

    catalog::Catalog& m_catalog;
};

} // namespace vigil::security
