#include "core/security/audit_log.h"

#include "core/catalog/catalog.h"
#include "core/catalog/migration.h"
#include "core/catalog/sql_values.h"
#include "core/logging_categories.h"
#include "core/runtime/csv.h"
#include "core/security/key_files.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QtEndian>

#include <sodium.h>

namespace vigil::security {

namespace {

const QByteArray kZeroHash(32, '\0');

void addField(QByteArray& out, const QByteArray& field)
{
    char length[8];
    qToBigEndian(quint64(field.size()), length);
    out.append(length, 8).append(field);
}

struct Checkpoint
{
    qint64 rows = 0;
    qint64 lastId = 0;
    QByteArray head;
};

QByteArray signedText(const Checkpoint& c)
{
    return QByteArrayLiteral("vigil-audit-checkpoint\n") + QByteArray::number(c.rows) + '\n'
            + QByteArray::number(c.lastId) + '\n' + c.head.toHex() + '\n';
}

Result<void> writeCheckpoint(const QString& path, const QByteArray& key, const Checkpoint& c)
{
    const QByteArray text = signedText(c);
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
            reinterpret_cast<const unsigned char*>(text.constData()), quint64(text.size()),
            reinterpret_cast<const unsigned char*>(key.constData()));
    const QJsonObject json {{QStringLiteral("rows"), c.rows}, {QStringLiteral("last_id"), c.lastId},
            {QStringLiteral("head"), QString::fromLatin1(c.head.toHex())},
            {QStringLiteral("signature"), QString::fromLatin1(signature.toHex())}};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)
            || out.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) < 0
            || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || !out.commit())
        return Error {Error::Code::NotWritable,
                AuditLog::tr("Cannot write the audit checkpoint \"%1\".")
                        .arg(QDir::toNativeSeparators(path)),
                out.errorString()};
    return {};
}

/// The checkpoint, if its signature holds; nullopt when there is none.
Result<std::optional<Checkpoint>> readCheckpoint(const QString& path, const QByteArray& key)
{
    QFile file(path);
    if (!file.exists())
        return std::optional<Checkpoint>();
    if (!file.open(QIODevice::ReadOnly))
        return Error {Error::Code::NotWritable,
                AuditLog::tr("Cannot read the audit checkpoint \"%1\".")
                        .arg(QDir::toNativeSeparators(path)),
                file.errorString()};
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    Checkpoint c;
    c.rows = json.value(QLatin1String("rows")).toInteger(-1);
    c.lastId = json.value(QLatin1String("last_id")).toInteger(-1);
    c.head = QByteArray::fromHex(json.value(QLatin1String("head")).toString().toLatin1());
    const QByteArray signature
            = QByteArray::fromHex(json.value(QLatin1String("signature")).toString().toLatin1());
    // No key (deleted beside a checkpoint) proves nothing: the checkpoint is not trusted.
    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, '\0');
    if (key.size() == crypto_sign_SECRETKEYBYTES)
        crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(publicKey.data()),
                reinterpret_cast<const unsigned char*>(key.constData()));
    const QByteArray text = signedText(c);
    if (key.size() != crypto_sign_SECRETKEYBYTES || signature.size() != crypto_sign_BYTES
            || crypto_sign_verify_detached(
                       reinterpret_cast<const unsigned char*>(signature.constData()),
                       reinterpret_cast<const unsigned char*>(text.constData()),
                       quint64(text.size()),
                       reinterpret_cast<const unsigned char*>(publicKey.constData()))
                    != 0)
        return Error {Error::Code::Corrupt,
                AuditLog::tr("The audit checkpoint \"%1\" is not signed by this Vigil: it was "
                             "altered or replaced.")
                        .arg(QDir::toNativeSeparators(path)),
                {}};
    return std::optional<Checkpoint>(c);
}

AuditEntry entryFrom(const QSqlQuery& q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.atMs = q.value(1).toLongLong();
    e.userId = q.value(2).toLongLong();
    e.login = q.value(3).toString();
    e.action = q.value(4).toString();
    e.object = q.value(5).toString();
    e.detail = q.value(6).toString();
    e.cameraId = q.value(7).toLongLong();
    e.prevHash = q.value(8).toByteArray();
    e.hash = q.value(9).toByteArray();
    return e;
}

const char* const kColumns = "id, at_ms, COALESCE(user_id, 0), user_login, action, object, "
                             "detail, COALESCE(camera_id, 0), prev_hash, hash";

} // namespace

AuditLog::AuditLog(catalog::Catalog& catalog, QString keysDir)
    : m_catalog(catalog)
    , m_keysDir(std::move(keysDir))
{ }

QString AuditLog::checkpointPath() const
{
    return m_keysDir + QStringLiteral("/audit.checkpoint");
}

QString AuditLog::keyPath() const
{
    return m_keysDir + QStringLiteral("/audit-signing.key");
}

QByteArray AuditLog::rowHash(const QByteArray& prevHash, const AuditEntry& row)
{
    QByteArray content = prevHash;
    addField(content, QByteArray::number(row.id));
    addField(content, QByteArray::number(row.atMs));
    addField(content, QByteArray::number(row.userId));
    addField(content, row.login.toUtf8());
    addField(content, row.action.toUtf8());
    addField(content, row.object.toUtf8());
    addField(content, row.detail.toUtf8());
    addField(content, QByteArray::number(row.cameraId));
    QByteArray hash(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(hash.data()),
            reinterpret_cast<const unsigned char*>(content.constData()), quint64(content.size()));
    return hash;
}

Result<qint64> AuditLog::append(const Principal& who, const QString& action, const QString& object,
        const QJsonObject& detail, qint64 cameraId)
{
    return appendAs(who.userId, who.isSetupMode() ? QStringLiteral("(setup)") : who.login, action,
            object, detail, cameraId);
}

Result<qint64> AuditLog::appendAs(qint64 userId, const QString& login, const QString& action,
        const QString& object, const QJsonObject& detail, qint64 cameraId)
{
    const Result<QByteArray> key = KeyFiles::signingKey(keyPath(), true);
    if (!key)
        return key.error();
    QSqlDatabase db = QSqlDatabase::database(m_catalog.connectionName(), false);
    QSqlQuery q(db);
    // The write lock first: two programs appending at once chain one after the other.
    const bool sqlite = m_catalog.dialect() == catalog::Dialect::Sqlite;
    if (!q.exec(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"))
            || (!sqlite && !q.exec(QStringLiteral("LOCK TABLE audit_log IN EXCLUSIVE MODE"))))
        return m_catalog.sqlError(q.lastError(), tr("writing the audit log"));
    const auto fail = [&](const QSqlError& error) -> Error {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return m_catalog.sqlError(error, tr("writing the audit log"));
    };
    if (!q.exec(QStringLiteral("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")))
        return fail(q.lastError());
    AuditEntry e;
    e.prevHash = kZeroHash;
    if (q.next()) {
        e.id = q.value(0).toLongLong();
        e.prevHash = q.value(1).toByteArray();
    }
    // Rows are numbered 1, 2, 3 … by this function alone: the new row's number is the count
    // (no COUNT(*), which reads the whole table, at every row).
    e.id += 1;
    const qint64 rows = e.id;
    e.atMs = QDateTime::currentMSecsSinceEpoch();
    e.userId = userId;
    e.login = login;
    e.action = action;
    e.object = object;
    e.detail = detail.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    e.cameraId = cameraId;
    e.hash = rowHash(e.prevHash, e);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO audit_log (id, at_ms, user_id, user_login, action, "
                                  "object, detail, camera_id, prev_hash, hash) VALUES (?, ?, ?, ?, "
                                  "?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(e.id);
    insert.addBindValue(e.atMs);
    insert.addBindValue(e.userId > 0 ? QVariant(e.userId) : QVariant());
    insert.addBindValue(catalog::textValue(e.login));
    insert.addBindValue(e.action);
    insert.addBindValue(catalog::textValue(e.object));
    insert.addBindValue(catalog::textValue(e.detail));
    insert.addBindValue(e.cameraId > 0 ? QVariant(e.cameraId) : QVariant());
    insert.addBindValue(e.prevHash);
    insert.addBindValue(e.hash);
    if (!insert.exec())
        return fail(insert.lastError());
    // The checkpoint is written while the lock is held, so it never falls behind another
    // program's row; it goes back if the commit fails.
    const Result<std::optional<Checkpoint>> before = readCheckpoint(checkpointPath(), key.value());
    // A checkpoint that the table no longer matches (rows cut off the end, the last one
    // rewritten) is the evidence of it: it stays as it is, so that verify() goes on naming the
    // damage however many rows follow. The row itself is still written: the log never stops.
    bool matches = true;
    if (before && before->has_value()) {
        QSqlQuery head(db);
        head.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE id = ?"));
        head.addBindValue(before->value().lastId);
        if (!head.exec())
            return fail(head.lastError());
        matches = head.next() && head.value(0).toByteArray() == before->value().head
                && before->value().rows == e.id - 1;
        if (!matches)
            qCWarning(lcCatalog,
                    "the audit log does not match its checkpoint (%lld rows): it "
                    "was changed outside Vigil; the checkpoint is kept as evidence",
                    before->value().rows);
    }
    if (matches) {
        if (const Result<void> written
                = writeCheckpoint(checkpointPath(), key.value(), Checkpoint {rows, e.id, e.hash});
                !written) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return written.error();
        }
    }
    QSqlQuery commit(db);
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        const QSqlError error = commit.lastError();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        // Back to the rows that are there (a checkpoint ahead of them would read as a cut log).
        if (!matches) {
            // The evidence was not touched.
        } else if (before && before->has_value()) {
            if (const Result<void> restored
                    = writeCheckpoint(checkpointPath(), key.value(), before->value());
                    !restored)
                return restored.error();
        } else {
            QFile::remove(checkpointPath());
        }
        return m_catalog.sqlError(error, tr("writing the audit log"));
    }
    return e.id;
}

Result<QList<AuditEntry>> AuditLog::list(const AuditFilter& f) const
{
    QSqlQuery q(QSqlDatabase::database(m_catalog.connectionName(), false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM audit_log WHERE (? = '' OR user_login = ?) AND "
                             "(? = '' OR action = ?) AND (? = 0 OR camera_id = ?) AND at_ms >= ? "
                             "AND (? = 0 OR at_ms < ?) ORDER BY id DESC LIMIT ?")
                      .arg(QLatin1String(kColumns)));
    q.addBindValue(catalog::textValue(f.login));
    q.addBindValue(catalog::textValue(f.login));
    q.addBindValue(catalog::textValue(f.action));
    q.addBindValue(catalog::textValue(f.action));
    q.addBindValue(f.cameraId);
    q.addBindValue(f.cameraId);
    q.addBindValue(f.fromMs);
    q.addBindValue(f.toMs);
    q.addBindValue(f.toMs);
    q.addBindValue(f.limit);
    if (!q.exec())
        return m_catalog.sqlError(q.lastError(), tr("reading the audit log"));
    QList<AuditEntry> entries;
    while (q.next())
        entries << entryFrom(q);
    return entries;
}

Result<AuditLog::Verification> AuditLog::verify() const
{
    const Result<QByteArray> key = KeyFiles::signingKey(keyPath(), false);
    if (!key)
        return key.error();
    const Result<std::optional<Checkpoint>> checkpoint
            = readCheckpoint(checkpointPath(), key.value());
    if (!checkpoint)
        return checkpoint.error();
    QSqlQuery q(QSqlDatabase::database(m_catalog.connectionName(), false));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM audit_log ORDER BY id")
                        .arg(QLatin1String(kColumns))))
        return m_catalog.sqlError(q.lastError(), tr("reading the audit log"));
    Verification v;
    QByteArray prev = kZeroHash;
    qint64 previousId = 0;
    const auto broken = [&v](qint64 id, const QString& problem) {
        v.intact = false;
        v.brokenRowId = id;
        v.problem = problem;
    };
    while (q.next()) {
        const AuditEntry e = entryFrom(q);
        ++v.rows;
        if (e.prevHash != prev) {
            // The row was fine when written after some other row: the one before it went.
            broken(e.id,
                    e.id != previousId + 1
                            ? tr("Row %1 was deleted (row %2 follows row %3).")
                                      .arg(previousId + 1)
                                      .arg(e.id)
                                      .arg(previousId)
                            : tr("Row %1 does not follow row %2: rows were changed, swapped or "
                                 "inserted.")
                                      .arg(e.id)
                                      .arg(previousId));
            return v;
        }
        if (rowHash(prev, e) != e.hash) {
            broken(e.id, tr("Row %1 was changed after it was written.").arg(e.id));
            return v;
        }
        prev = e.hash;
        previousId = e.id;
    }
    if (checkpoint->has_value()) {
        const Checkpoint& c = checkpoint->value();
        if (v.rows < c.rows || previousId < c.lastId) {
            broken(0,
                    tr("The log was cut: it ends at row %1, but %2 rows up to row %3 were "
                       "written.")
                            .arg(previousId)
                            .arg(c.rows)
                            .arg(c.lastId));
            return v;
        }
        // The rows up to the checkpoint's last one must end in its hash.
        QSqlQuery head(QSqlDatabase::database(m_catalog.connectionName(), false));
        head.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE id = ?"));
        head.addBindValue(c.lastId);
        if (!head.exec())
            return m_catalog.sqlError(head.lastError(), tr("reading the audit log"));
        if (c.lastId > 0 && (!head.next() || head.value(0).toByteArray() != c.head)) {
            broken(c.lastId,
                    tr("Row %1 is not the row the checkpoint recorded: the log was rewritten.")
                            .arg(c.lastId));
            return v;
        }
    } else if (v.rows > 0) {
        broken(0,
                tr("The audit checkpoint is missing: whether rows were cut off the end cannot "
                   "be told."));
    }
    return v;
}

QByteArray AuditLog::toCsv(const QList<AuditEntry>& entries)
{
    const auto cell = [](const QString& text) { return runtime::csvCell(text).toUtf8(); };
    QByteArray csv = "id,time_utc,user,action,object,camera,detail,hash\r\n";
    for (const AuditEntry& e : entries) {
        const QList<QByteArray> cells {QByteArray::number(e.id),
                cell(QDateTime::fromMSecsSinceEpoch(e.atMs, QTimeZone::utc())
                                .toString(Qt::ISODateWithMs)),
                cell(e.login), cell(e.action), cell(e.object),
                e.cameraId > 0 ? QByteArray::number(e.cameraId) : QByteArray(), cell(e.detail),
                e.hash.toHex()};
        csv += cells.join(',') + "\r\n";
    }
    return csv;
}

} // namespace vigil::security
