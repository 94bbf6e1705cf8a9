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

namespace {

/// The WHERE clause of a query (cameras, types, the bounded range) and its values.
QString whereOf(const EventStore::Query& q, QVariantList& binds)
{
    QStringList where;
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
    return where.join(QLatin1String(" AND "));
}

} // namespace

Result<QList<EventRecord>> EventStore::buckets(
        qint64 cameraId, qint64 fromMs, qint64 toMs, qint64 bucketMs) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.setForwardOnly(true);
    // Only the index's columns, one camera (its index range in start order), no sorting of the
    // result: what a day of a busy camera (10,000 events) costs stays a few milliseconds.
    query.prepare(
            QStringLiteral("SELECT MIN(start_ms), MAX(end_ms) FROM events WHERE camera_id = ? "
                           "AND start_ms >= ? AND start_ms < ? AND end_ms > ? GROUP BY "
                           "start_ms / ?"));
    if (!bindAll(query,
                {cameraId, fromMs - kMaxEventMs, toMs, fromMs, std::max<qint64>(1, bucketMs)}))
        return m_catalog.sqlError(query.lastError(), tr("reading the events"));
    QList<EventRecord> events;
    while (query.next()) {
        EventRecord e;
        e.cameraId = cameraId;
        e.startMs = query.value(0).toLongLong();
        e.endMs = query.value(1).toLongLong();
        events << e;
    }
    std::sort(events.begin(), events.end(),
            [](const EventRecord& a, const EventRecord& b) { return a.startMs < b.startMs; });
    return events;
}

Result<QList<EventRecord>> EventStore::find(const Query& q) const
{
    QVariantList binds;
    const QString where = whereOf(q, binds);
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, camera_id, type, source, start_ms, end_ms, score FROM "
                                 "events WHERE %1 ORDER BY start_ms, id LIMIT %2")
                          .arg(where)
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
