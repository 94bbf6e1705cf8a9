#include "core/security/user_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_values.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sodium.h>

namespace vigil::security {

namespace {

constexpr int kMinPasswordLength = 8;
constexpr qint64 kMaxLockoutMs = 15 * 60 * 1000;

const char* const kColumns = "id, login, display_name, role, disabled, created_ms, "
                             "COALESCE(last_login_ms, 0), failed_logins, locked_until_ms, "
                             "all_cameras";

UserRecord userFrom(const QSqlQuery& q)
{
    UserRecord u;
    u.id = q.value(0).toLongLong();
    u.login = q.value(1).toString();
    u.displayName = q.value(2).toString();
    u.role = Access::roleFromKey(q.value(3).toString()).value_or(Role::Viewer);
    u.disabled = q.value(4).toInt() != 0;
    u.createdMs = q.value(5).toLongLong();
    u.lastLoginMs = q.value(6).toLongLong();
    u.failedLogins = q.value(7).toInt();
    u.lockedUntilMs = q.value(8).toLongLong();
    u.allCameras = q.value(9).toInt() != 0;
    return u;
}

} // namespace

UserStore::UserStore(catalog::Catalog& catalog)
    : m_catalog(catalog)
{ }

QString UserStore::passwordProblem(const QString& password)
{
    if (password.size() < kMinPasswordLength)
        return tr("A password needs at least %1 characters.").arg(kMinPasswordLength);
    return {};
}

QString UserStore::hashPassword(const QString& password)
{
    if (sodium_init() < 0)
        return {};
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, utf8.constData(), quint64(utf8.size()),
                crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                crypto_pwhash_ALG_ARGON2ID13)
            != 0)
        return {}; // out of memory
    return QString::fromLatin1(hash);
}

bool UserStore::verifyPassword(const QString& hash, const QString& password)
{
    if (sodium_init() < 0)
        return false;
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

qint64 UserStore::lockoutDelayMs(int failures)
{
    if (failures < 3)
        return 0;
    const int doublings = qMin(failures - 3, 20);
    return qMin(kMaxLockoutMs, qint64(5000) << doublings);
}

Principal UserStore::principalOf(const UserRecord& user)
{
    Principal p;
    p.userId = user.id;
    p.login = user.login;
    p.role = user.role;
    p.allCameras = user.allCameras;
    p.cameraIds = user.cameraIds;
    return p;
}

Result<int> UserStore::enabledAdministrators() const
{
    QSqlQuery q(QSqlDatabase::database(m_catalog.connectionName(), false));
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM users WHERE role = ? AND disabled = 0"));
    q.addBindValue(Access::roleKey(Role::Administrator));
    if (!q.exec() || !q.next())
        return m_catalog.sqlError(q.lastError(), tr("reading the users"));
    return q.value(0).toInt();
}

Result<bool> UserStore::hasAdministrator() const
{
    const Result<int> count = enabledAdministrators();
    if (!count)
        return count.error();
    return count.value() > 0;
}

Result<qint64> UserStore::add(
        const QString& login, const QString& displayName, Role role, const QString& password)
{
    const QString name = login.trimmed();
    if (name.isEmpty() || name.size() > 64 || name.contains(QLatin1Char(' ')))
        return Error {Error::Code::InvalidArgument,
                tr("A user name is one word of at most 64 characters."), {}};
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return Error {Error::Code::InvalidArgument, problem, {}};
    const Result<std::optional<UserRecord>> existing = find(name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error {Error::Code::InvalidArgument,
                tr("There is already a user called \"%1\".").arg(name), {}};
    const QString hash = hashPassword(password);
    if (hash.isEmpty())
        return Error {Error::Code::Unknown, tr("Not enough memory to protect the password."), {}};
    QSqlQuery q(QSqlDatabase::database(m_catalog.connectionName(), false));
    q.prepare(QStringLiteral("INSERT INTO users (login, display_name, role, password_hash, "
                             "created_ms) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(name);
    q.addBindValue(catalog::textValue(displayName));
    q.addBindValue(Access::roleKey(role));
    q.addBindValue(hash);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return m_catalog.sqlError(q.lastError(), tr("adding the user"));
    return q.lastInsertId().toLongLong();
}

Result<QList<UserRecord>> UserStore::list() const
{
    QSqlQuery q(QSqlDatabase::database(m_catalog.connectionName(), false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM users ORDER BY login").arg(QLatin1String(kColumns))))
        return m_catalog.sqlError(q.lastError(), tr("reading the users"));
    QList<UserRecord> users;
    while (q.next())
        users << userFrom(q);
    QSqlQuery cams(QSqlDatabase::database(m_catalog.connectionName(), false));
    cams.setForwardOnly(true);
    if (!cams.exec(
                QStringLiteral("SELECT user_id, camera_id FROM user_cameras ORDER BY camera_id")))
        return m_catalog.sqlError(cams.lastError(), tr("reading the users"));
    while (cams.next()) {
        for (UserRecord& u : users) {
            if (u.id == cams.value(0).toLongLong())
                u.cameraIds << cams.value(1).toLongLong();
        }
    }
    return users;
}

Result<std::optional<UserRecord>> UserStore::find(const QString& login) const
{
    const Result<QList<UserRecord>> users = list();
    if (!users)
        return users.error();
    for (const UserRecord& u : users.value()) {
        if (u.login == login)
            return std::optional<UserRecord>(u);
    }
    return std::optional<UserRecord>();
}

Result<void> UserStore::updateOne(
        const QString& sql, const QVariantList& values, const QString& login, const QString& during)
{
    QSqlQuery q(QSqlDatabase::database(m_catalog.connectionName(), false));
    q.prepare(sql);
    for (const QVariant& v : values)
        q.addBindValue(v);
    q.addBindValue(login);
    if (!q.exec())
        return m_catalog.sqlError(q.lastError(), during);
    if (q.numRowsAffected() == 0)
        return Error {Error::Code::NotFound, tr("There is no user called \"%1\".").arg(login), {}};
    return {};
}

Result<void> UserStore::setPassword(const QString& login, const QString& password)
{
    if (const QString problem = passwordProblem(password); !problem.isEmpty())
        return Error {Error::Code::InvalidArgument, problem, {}};
    const QString hash = hashPassword(password);
    if (hash.isEmpty())
        return Error {Error::Code::Unknown, tr("Not enough memory to protect the password."), {}};
    return updateOne(QStringLiteral("UPDATE users SET password_hash = ?, failed_logins = 0, "
                                    "locked_until_ms = 0 WHERE login = ?"),
            {hash}, login, tr("changing the password"));
}

Result<void> UserStore::setDisabled(const QString& login, bool disabled)
{
    if (disabled) {
        const Result<std::optional<UserRecord>> user = find(login);
        if (!user)
            return user.error();
        if (user->has_value() && user->value().role == Role::Administrator
                && !user->value().disabled) {
            const Result<int> admins = enabledAdministrators();
            if (!admins)
                return admins.error();
            if (admins.value() <= 1)
                return Error {Error::Code::InvalidArgument,
                        tr("\"%1\" is the last administrator; add another before disabling "
                           "this one.")
                                .arg(login),
                        {}};
        }
    }
    return updateOne(QStringLiteral("UPDATE users SET disabled = ? WHERE login = ?"),
            {disabled ? 1 : 0}, login, tr("changing the user"));
}

Result<void> UserStore::setRole(const QString& login, Role role)
{
    return updateOne(QStringLiteral("UPDATE users SET role = ? WHERE login = ?"),
            {Access::roleKey(role)}, login, tr("changing the user"));
}

Result<void> UserStore::setCameraAccess(
        const QString& login, bool allCameras, const QList<qint64>& ids)
{
    const Result<std::optional<UserRecord>> user = find(login);
    if (!user)
        return user.error();
    if (!user->has_value())
        return Error {Error::Code::NotFound, tr("There is no user called \"%1\".").arg(login), {}};
    QSqlDatabase db = QSqlDatabase::database(m_catalog.connectionName(), false);
    if (!db.transaction())
        return m_catalog.sqlError(db.lastError(), tr("changing the user"));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE users SET all_cameras = ? WHERE id = ?"));
    q.addBindValue(allCameras ? 1 : 0);
    q.addBindValue(user->value().id);
    bool ok = q.exec();
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM user_cameras WHERE user_id = ?"));
    del.addBindValue(user->value().id);
    ok = ok && del.exec();
    for (qint64 id : ids) {
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral("INSERT INTO user_cameras (user_id, camera_id) VALUES (?, ?)"));
        ins.addBindValue(user->value().id);
        ins.addBindValue(id);
        ok = ok && ins.exec();
        if (!ok) {
            const QSqlError error = ins.lastError();
            db.rollback();
            return m_catalog.sqlError(error, tr("changing the user"));
        }
    }
    if (!ok || !db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return m_catalog.sqlError(error, tr("changing the user"));
    }
    return {};
}

Result<Principal> UserStore::authenticate(
        const QString& login, const QString& password, qint64 nowMs)
{
    const Error wrong {Error::Code::AuthenticationFailed, tr("Wrong user name or password."), {}};
    const Result<std::optional<UserRecord>> found = find(login);
    if (!found)
        return found.error();
    if (!found->has_value()) {
        // As long as a real check: the answer's time does not tell which users exist.
        static const QString dummy = hashPassword(QStringLiteral("not a password at all"));
        verifyPassword(dummy, password);
        return wrong;
    }
    const UserRecord& user = found->value();
    if (nowMs < user.lockedUntilMs) {
        const qint64 seconds = (user.lockedUntilMs - nowMs + 999) / 1000;
        return Error {Error::Code::Locked,
                tr("Too many wrong passwords for \"%1\": try again in %n second(s).", nullptr,
                        int(seconds))
                        .arg(login),
                {}};
    }
    QSqlQuery hashQuery(QSqlDatabase::database(m_catalog.connectionName(), false));
    hashQuery.prepare(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"));
    hashQuery.addBindValue(user.id);
    if (!hashQuery.exec() || !hashQuery.next())
        return m_catalog.sqlError(hashQuery.lastError(), tr("reading the users"));
    if (!verifyPassword(hashQuery.value(0).toString(), password)) {
        const int failures = user.failedLogins + 1;
        QSqlQuery q(QSqlDatabase::database(m_catalog.connectionName(), false));
        q.prepare(QStringLiteral(
                "UPDATE users SET failed_logins = ?, locked_until_ms = ? WHERE id = ?"));
        q.addBindValue(failures);
        q.addBindValue(nowMs + lockoutDelayMs(failures));
        q.addBindValue(user.id);
        if (!q.exec())
            return m_catalog.sqlError(q.lastError(), tr("recording the failed login"));
        return wrong;
    }
    if (user.disabled)
        return Error {Error::Code::Forbidden,
                tr("The user \"%1\" is disabled; an administrator can enable it again.").arg(login),
                {}};
    QSqlQuery q(QSqlDatabase::database(m_catalog.connectionName(), false));
    q.prepare(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until_ms = 0, "
                             "last_login_ms = ? WHERE id = ?"));
    q.addBindValue(nowMs);
    q.addBindValue(user.id);
    if (!q.exec())
        return m_catalog.sqlError(q.lastError(), tr("recording the login"));
    return principalOf(user);
}

} // namespace vigil::security
