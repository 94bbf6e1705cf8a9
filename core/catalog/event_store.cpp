#include "core/catalog/event_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_p.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace vigil::catalog {

EventStore::EventStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<void> EventStore::add(const EventRecord& event)
{
    if (event.endMs < event.startMs)
        return Error {Error::Code::InvalidArgument, tr("An event must end after it starts."), {}};
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("INSERT INTO events (camera_id, type, source, start_ms, end_ms, "
                                 "score) VALUES (?, ?, ?, ?, ?, ?)"));
    for (qint64 start = event.startMs; start < event.endMs || start == event.startMs;
            start += kMaxEventMs) {
        const qint64 end = std::min(event.endMs, start + kMaxEventMs);
        if (!bindAll(query, {event.cameraId, event.type, event.source, start, end, event.score}))
            return m_catalog.sqlError(query.lastError(), tr("saving an event"));
        if (end == event.endMs)
            break;
    }
    return {};
}

Result<QList<EventRecord>> EventStore::find(const Query& q) const
{
    QStringList where;
    QVariantList binds;
    if (!q.cameraIds.isEmpty()) {
        QStringList marks;
        for (const qint64 id : q.cameraIds) {
            marks << QStringLiteral("?");
            binds << id;
        }
        where << QStringLiteral("camera_id IN (%1)").arg(marks.join(u','));
    }
    if (!q.types.isEmpty()) {
        QStringList marks;
        for (const QString& t : q.types) {
            marks << QStringLiteral("?");
            binds << t;
        }
        where << QStringLiteral("type IN (%1)").arg(marks.join(u','));
    }
    if (!q.unbounded) {
        where << QStringLiteral("start_ms >= ?");
        binds << std::max(q.fromMs - kMaxEventMs, q.afterStartMs);
    }
    where << QStringLiteral("start_ms < ?") << QStringLiteral("end_ms > ?");
    binds << q.toMs << q.fromMs;
    if (q.afterStartMs > 0) {
        where << QStringLiteral("(start_ms > ? OR (start_ms = ? AND id > ?))");
        binds << q.afterStartMs << q.afterStartMs << q.afterId;
    }
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, camera_id, type, source, start_ms, end_ms, score FROM "
                                 "events WHERE %1 ORDER BY start_ms, id LIMIT %2")
                          .arg(where.join(QLatin1String(" AND ")))
                          .arg(std::max(1, q.limit)));
    if (!bindAll(query, binds))
        return m_catalog.sqlError(query.lastError(), tr("reading the events"));
    QList<EventRecord> events;
    while (query.next()) {
        events << EventRecord {query.value(0).toLongLong(), query.value(1).toLongLong(),
                query.value(2).toString(), query.value(3).toString(), query.value(4).toLongLong(),
                query.value(5).toLongLong(), query.value(6).toDouble()};
    }
    return events;
}

} // namespace vigil::catalog
