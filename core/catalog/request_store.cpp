#include "core/catalog/request_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_p.h"
#include "core/catalog/sql_values.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigil::catalog {

namespace {

const char kColumns[] = "id, number, requester_type, requester, legal_basis, received_ms, due_ms, "
                        "status, notes, COALESCE(created_by, 0), COALESCE(closed_ms, 0)";

RequestRecord readRequest(const QSqlQuery& q)
{
    RequestRecord r;
    r.id = q.value(0).toLongLong();
    r.number = q.value(1).toString();
    r.requesterType = q.value(2).toString();
    r.requester = q.value(3).toString();
    r.legalBasis = q.value(4).toString();
    r.receivedMs = q.value(5).toLongLong();
    r.dueMs = q.value(6).toLongLong();
    r.status = q.value(7).toString();
    r.notes = q.value(8).toString();
    r.createdBy = q.value(9).toLongLong();
    r.closedMs = q.value(10).toLongLong();
    return r;
}

} // namespace

RequestStore::RequestStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<qint64> RequestStore::add(const RequestRecord& r)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("INSERT INTO requests (number, requester_type, requester, "
                                 "legal_basis, received_ms, due_ms, status, notes, created_by) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!bindAll(query,
                {r.number, r.requesterType, textValue(r.requester), textValue(r.legalBasis),
                        r.receivedMs, r.dueMs, r.status, textValue(r.notes),
                        r.createdBy > 0 ? QVariant(r.createdBy) : QVariant()})
            || !query.next()) {
        if (query.lastError().text().contains(QLatin1String("UNIQUE")))
            return Error {Error::Code::InvalidArgument,
                    tr("A request numbered \"%1\" exists already.").arg(r.number), {}};
        return m_catalog.sqlError(query.lastError(), tr("saving the request"));
    }
    return query.value(0).toLongLong();
}

Result<qint64> RequestStore::addFootage(qint64 requestId, const RequestFootage& f)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("INSERT INTO request_footage (request_id, camera_id, start_ms, "
                                 "end_ms, hold_id) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    if (!bindAll(query,
                {requestId, f.cameraId, f.startMs, f.endMs,
                        f.holdId > 0 ? QVariant(f.holdId) : QVariant()})
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("saving the request"));
    return query.value(0).toLongLong();
}

Result<void> RequestStore::setHold(qint64 footageId, qint64 holdId)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE request_footage SET hold_id = ? WHERE id = ?"));
    if (!bindAll(query, {holdId > 0 ? QVariant(holdId) : QVariant(), footageId}))
        return m_catalog.sqlError(query.lastError(), tr("saving the request"));
    return {};
}

Result<void> RequestStore::update(const RequestRecord& r)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE requests SET requester_type = ?, requester = ?, "
                                 "legal_basis = ?, received_ms = ?, due_ms = ?, status = ?, "
                                 "notes = ?, closed_ms = ? WHERE id = ?"));
    if (!bindAll(query,
                {r.requesterType, textValue(r.requester), textValue(r.legalBasis), r.receivedMs,
                        r.dueMs, r.status, textValue(r.notes),
                        r.closedMs > 0 ? QVariant(r.closedMs) : QVariant(), r.id}))
        return m_catalog.sqlError(query.lastError(), tr("saving the request"));
    return {};
}

Result<QList<RequestFootage>> RequestStore::footageOf(qint64 requestId) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT id, camera_id, start_ms, end_ms, COALESCE(hold_id, 0) "
                                 "FROM request_footage WHERE request_id = ? ORDER BY id"));
    if (!bindAll(query, {requestId}))
        return m_catalog.sqlError(query.lastError(), tr("reading the requests"));
    QList<RequestFootage> footage;
    while (query.next())
        footage << RequestFootage {query.value(0).toLongLong(), query.value(1).toLongLong(),
                query.value(2).toLongLong(), query.value(3).toLongLong(),
                query.value(4).toLongLong()};
    return footage;
}

Result<QList<RequestRecord>> RequestStore::list() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT %1 FROM requests ORDER BY closed_ms IS NOT NULL, "
                                 "CASE WHEN closed_ms IS NULL THEN due_ms ELSE -closed_ms END")
                          .arg(QLatin1String(kColumns)));
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("reading the requests"));
    QList<RequestRecord> requests;
    while (query.next())
        requests << readRequest(query);
    for (RequestRecord& r : requests) {
        Result<QList<RequestFootage>> footage = footageOf(r.id);
        if (!footage)
            return footage.error();
        r.footage = footage.value();
    }
    return requests;
}

Result<std::optional<RequestRecord>> RequestStore::find(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(
            QStringLiteral("SELECT %1 FROM requests WHERE id = ?").arg(QLatin1String(kColumns)));
    if (!bindAll(query, {id}))
        return m_catalog.sqlError(query.lastError(), tr("reading the requests"));
    if (!query.next())
        return std::optional<RequestRecord>();
    RequestRecord r = readRequest(query);
    Result<QList<RequestFootage>> footage = footageOf(r.id);
    if (!footage)
        return footage.error();
    r.footage = footage.value();
    return std::optional<RequestRecord>(r);
}

} // namespace vigil::catalog
