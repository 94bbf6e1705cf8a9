#include "core/catalog/approval_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_p.h"
#include "core/catalog/sql_values.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigil::catalog {

namespace {

const char kColumns[] = "id, requested_by, requested_login, requested_ms, spec, status, "
                        "COALESCE(decided_by, 0), decided_login, COALESCE(decided_ms, 0), note, "
                        "COALESCE(used_ms, 0)";

ApprovalRecord readApproval(const QSqlQuery& q)
{
    ApprovalRecord a;
    a.id = q.value(0).toLongLong();
    a.requestedBy = q.value(1).toLongLong();
    a.requestedLogin = q.value(2).toString();
    a.requestedMs = q.value(3).toLongLong();
    a.spec = q.value(4).toString().toUtf8();
    a.status = q.value(5).toString();
    a.decidedBy = q.value(6).toLongLong();
    a.decidedLogin = q.value(7).toString();
    a.decidedMs = q.value(8).toLongLong();
    a.note = q.value(9).toString();
    a.usedMs = q.value(10).toLongLong();
    return a;
}

} // namespace

ApprovalStore::ApprovalStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<qint64> ApprovalStore::add(const ApprovalRecord& a)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("INSERT INTO approvals (requested_by, requested_login, "
                                 "requested_ms, spec, status) VALUES (?, ?, ?, ?, 'pending') "
                                 "RETURNING id"));
    if (!bindAll(query,
                {a.requestedBy > 0 ? QVariant(a.requestedBy) : QVariant(), a.requestedLogin,
                        a.requestedMs, QString::fromUtf8(a.spec)})
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("saving the approval"));
    return query.value(0).toLongLong();
}

Result<void> ApprovalStore::decide(qint64 id, bool grant, qint64 userId, const QString& login,
        const QString& note, qint64 nowMs)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE approvals SET status = ?, decided_by = ?, "
                                 "decided_login = ?, decided_ms = ?, note = ? "
                                 "WHERE id = ? AND status = 'pending'"));
    if (!bindAll(query,
                {grant ? QStringLiteral("granted") : QStringLiteral("refused"),
                        userId > 0 ? QVariant(userId) : QVariant(), login, nowMs, textValue(note),
                        id}))
        return m_catalog.sqlError(query.lastError(), tr("saving the approval"));
    if (query.numRowsAffected() != 1)
        return Error {Error::Code::InvalidArgument, tr("This approval was decided already."), {}};
    return {};
}

Result<void> ApprovalStore::markUsed(qint64 id, qint64 nowMs)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE approvals SET status = 'used', used_ms = ? "
                                 "WHERE id = ? AND status = 'granted'"));
    if (!bindAll(query, {nowMs, id}))
        return m_catalog.sqlError(query.lastError(), tr("saving the approval"));
    if (query.numRowsAffected() != 1)
        return Error {Error::Code::InvalidArgument, tr("This approval was used already."), {}};
    return {};
}

Result<std::optional<ApprovalRecord>> ApprovalStore::find(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(
            QStringLiteral("SELECT %1 FROM approvals WHERE id = ?").arg(QLatin1String(kColumns)));
    if (!bindAll(query, {id}))
        return m_catalog.sqlError(query.lastError(), tr("reading the approvals"));
    if (!query.next())
        return std::optional<ApprovalRecord>();
    return std::optional<ApprovalRecord>(readApproval(query));
}

Result<QList<ApprovalRecord>> ApprovalStore::list() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT %1 FROM approvals ORDER BY "
                                 "CASE WHEN status IN ('pending', 'granted') THEN 0 ELSE 1 END, "
                                 "CASE WHEN status IN ('pending', 'granted') THEN requested_ms "
                                 "ELSE -requested_ms END LIMIT 200")
                          .arg(QLatin1String(kColumns)));
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("reading the approvals"));
    QList<ApprovalRecord> out;
    while (query.next())
        out << readApproval(query);
    return out;
}

} // namespace vigil::catalog
