#pragma once

// Helpers for tests that look into catalog files directly, beside the core API: a second,
// independent SQLite connection, schema dumps and file fingerprints.

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

namespace vigil::test {

/// An independent connection to an SQLite file, closed and removed on destruction.
class RawDb
{
public:
    explicit RawDb(const QString& path)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

    bool exec(const QString& sql) const
    {
        QSqlQuery query(db());
        return query.exec(sql);
    }

    QVariant scalar(const QString& sql) const
    {
        QSqlQuery query(db());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    /// Every table and index definition, sorted: equal dumps mean equal schemas.
    QStringList schema() const
    {
        QSqlQuery query(db());
        query.exec(
                QStringLiteral("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM "
                               "sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
        QStringList result;
        while (query.next())
            result << query.value(0).toString();
        return result;
    }

private:
    QString m_name;
};

inline QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

} // namespace vigil::test
