#pragma once

#include "core/result.h"
#include "core/security/access.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vigil::catalog {
class Catalog;
}

namespace vigil::security {

struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    qint64 userId = 0; ///< 0: the setup mode, or a login that failed
    QString login;
    QString action; ///< "login", "login_failed", "user_add", "camera_add", "live_start" …
    QString object; ///< what it concerns, in words ("camera 3", a user's login, a setting key)
    QString detail; ///< compact JSON: the rest (reason, time range, counts)
    qint64 cameraId = 0;
    QByteArray prevHash;
    QByteArray hash;
};

struct AuditFilter
{
    QString login;
    QString action;
    qint64 cameraId = 0;
    qint64 fromMs = 0;
    qint64 toMs = 0; ///< 0: no end
    int limit = 1000;
};

/// Every access and change, in a log that cannot be switched off and shows any edit.
///
/// Each row's hash is SHA-256 of the previous row's hash (32 zero bytes for the first) followed
/// by the row's fields id, at_ms, user_id, user_login, action, object, detail, camera_id, each as
/// an 8-byte big-endian length and its UTF-8 decimal or text. A changed, deleted, inserted or
/// reordered row breaks the chain at that row. A checkpoint file beside the key files holds the
/// number of rows and the last hash, signed (Ed25519) with a key only the data folder's owner
/// reads: cutting rows off the end is found too.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::AuditLog)

public:
    /// `keysDir`: where the signing key and the checkpoint live (the data folder's keys/).
    AuditLog(catalog::Catalog& catalog, QString keysDir);

    Result<qint64> append(const Principal& who, const QString& action, const QString& object,
            const QJsonObject& detail = {}, qint64 cameraId = 0);
    /// For failures before anyone is known (a wrong password names only the login tried).
    Result<qint64> appendAs(qint64 userId, const QString& login, const QString& action,
            const QString& object, const QJsonObject& detail = {}, qint64 cameraId = 0);
    /// Newest first.
    Result<QList<AuditEntry>> list(const AuditFilter& filter) const;

    struct Verification
    {
        bool intact = true;
        qint64 rows = 0;
        qint64 brokenRowId = 0; ///< the first row that does not fit (0: none, or the tail)
        QString problem; ///< translated: what is wrong, naming the row
    };
    Result<Verification> verify() const;

    /// `entries` as CSV (RFC 4180, UTF-8, a header row; times in UTC ISO 8601). A cell that a
    /// spreadsheet would run as a formula (=, +, -, @) is prefixed with an apostrophe.
    static QByteArray toCsv(const QList<AuditEntry>& entries);

    static QByteArray rowHash(const QByteArray& prevHash, const AuditEntry& row);
    QString checkpointPath() const;
    QString keyPath() const;

private:
    catalog::Catalog& m_catalog;
    QString m_keysDir;
};

} // namespace vigil::security
