#include "core/catalog/segment_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_values.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigil::catalog {

namespace {

const char kColumns[]
        = "s.id, s.camera_id, s.stream_id, st.role, s.path, s.start_ms, s.end_ms, s.bytes, "
          "s.state, s.clock_source, s.clock_offset_ms, s.codec, s.width, s.height, s.has_audio, "
          "s.keyframes";

/// A hold covers a segment when it overlaps it (ends included: holding too much is safe).
const char kHeld[] = "EXISTS (SELECT 1 FROM bookmarks b WHERE b.legal_hold = 1 "
                     "AND (b.camera_id IS NULL OR b.camera_id = s.camera_id) "
                     "AND b.start_ms <= s.end_ms AND b.end_ms >= s.start_ms)";

/// Segments are at most an hour long (recording/segmentSeconds ≤ 3600): a lower bound on
/// start_ms lets range queries use the (camera_id, start_ms) index.
constexpr qint64 kMaxSegmentMs = 2 * 3600 * 1000;

SegmentRecord readSegment(const QSqlQuery& q)
{
    SegmentRecord s;
    s.id = q.value(0).toLongLong();
    s.cameraId = q.value(1).toLongLong();
    s.streamId = q.value(2).toLongLong();
    s.role = q.value(3).toString();
    s.path = q.value(4).toString();
    s.startMs = q.value(5).toLongLong();
    s.endMs = q.value(6).toLongLong();
    s.bytes = q.value(7).toLongLong();
    s.state = q.value(8).toString();
    s.clockSource = q.value(9).toString();
    s.clockOffsetMs = q.value(10).toLongLong();
    s.codec = q.value(11).toString();
    s.width = q.value(12).toInt();
    s.height = q.value(13).toInt();
    s.hasAudio = q.value(14).toInt() != 0;
    s.keyframes = q.value(15).toByteArray();
    return s;
}

bool bindAll(QSqlQuery& query, const QVariantList& values)
{
    for (const QVariant& v : values)
        query.addBindValue(v);
    return query.exec();
}

} // namespace

SegmentStore::SegmentStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<qint64> SegmentStore::insert(const SegmentRecord& s)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "INSERT INTO segments (camera_id, stream_id, path, start_ms, end_ms, bytes, state, "
            "clock_source, clock_offset_ms, codec, width, height, has_audio, keyframes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!bindAll(query,
                {s.cameraId, s.streamId, s.path, s.startMs, qMax(s.startMs, s.endMs), s.bytes,
                        s.state, s.clockSource, s.clockOffsetMs, textValue(s.codec), s.width,
                        s.height, s.hasAudio ? 1 : 0, s.keyframes})
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("indexing the recording %1").arg(s.path));
    return query.value(0).toLongLong();
}

Result<void> SegmentStore::update(const SegmentRecord& s)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "UPDATE segments SET end_ms = ?, bytes = ?, state = ?, codec = ?, width = ?, "
            "height = ?, has_audio = ?, keyframes = ? WHERE path = ?"));
    if (!bindAll(query,
                {qMax(s.startMs, s.endMs), s.bytes, s.state, textValue(s.codec), s.width, s.height,
                        s.hasAudio ? 1 : 0, s.keyframes, s.path}))
        return m_catalog.sqlError(query.lastError(), tr("indexing the recording %1").arg(s.path));
    if (query.numRowsAffected() == 0) { // its opening was never indexed (database was full)
        if (Result<qint64> added = insert(s); !added)
            return added.error();
    }
    return {};
}

Result<void> SegmentStore::removeById(qint64 id)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("DELETE FROM segments WHERE id = ?"));
    if (!bindAll(query, {id}))
        return m_catalog.sqlError(query.lastError(), tr("removing a recording from the index"));
    return {};
}

Result<void> SegmentStore::removeByPath(const QString& path)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("DELETE FROM segments WHERE path = ?"));
    if (!bindAll(query, {path}))
        return m_catalog.sqlError(query.lastError(), tr("removing a recording from the index"));
    return {};
}

Result<QList<SegmentRecord>> SegmentStore::select(
        const QString& where, const QVariantList& binds) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM segments s JOIN streams st ON st.id = s.stream_id "
                                 "%2")
                          .arg(QLatin1String(kColumns), where));
    if (!bindAll(query, binds))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    QList<SegmentRecord> segments;
    while (query.next())
        segments << readSegment(query);
    return segments;
}

Result<QList<SegmentRecord>> SegmentStore::openSegments() const
{
    return select(QStringLiteral("WHERE s.state = 'open' ORDER BY s.id"), {});
}

Result<QList<SegmentRecord>> SegmentStore::list(qint64 cameraId, qint64 fromMs, qint64 toMs) const
{
    return select(QStringLiteral("WHERE s.camera_id = ? AND s.start_ms >= ? AND s.start_ms < ? "
                                 "AND (s.end_ms > ? OR s.state = 'open') "
                                 "ORDER BY s.start_ms, st.role"),
            {cameraId, fromMs - kMaxSegmentMs, toMs, fromMs});
}

Result<QList<SegmentRecord>> SegmentStore::all() const
{
    return select(QStringLiteral("ORDER BY s.camera_id, s.stream_id, s.start_ms"), {});
}

Result<QSet<QString>> SegmentStore::pathsUnder(const QString& prefix) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT path FROM segments WHERE substr(path, 1, ?) = ?"));
    if (!bindAll(query, {prefix.size(), prefix}))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    QSet<QString> paths;
    while (query.next())
        paths.insert(query.value(0).toString());
    return paths;
}

Result<std::optional<qint64>> SegmentStore::lastEnd(qint64 streamId) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT MAX(end_ms) FROM segments WHERE stream_id = ?"));
    if (!bindAll(query, {streamId}) || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    if (query.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value(0).toLongLong());
}

Result<qint64> SegmentStore::streamId(qint64 cameraId, const QString& role) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT id FROM streams WHERE camera_id = ? AND role = ?"));
    if (!bindAll(query, {cameraId, role}))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

Result<bool> SegmentStore::isHeld(qint64 cameraId, qint64 fromMs, qint64 toMs) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM bookmarks b WHERE b.legal_hold = 1 "
                                 "AND (b.camera_id IS NULL OR b.camera_id = ?) "
                                 "AND b.start_ms <= ? AND b.end_ms >= ?)"));
    if (!bindAll(query, {cameraId, toMs, fromMs}) || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the legal holds"));
    return query.value(0).toInt() != 0;
}

Result<void> SegmentStore::replaceAll(const QList<SegmentRecord>& segments)
{
    QSqlDatabase db = QSqlDatabase::database(m_catalog.connectionName(), false);
    if (!db.transaction())
        return m_catalog.sqlError(db.lastError(), tr("rebuilding the recordings index"));
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("DELETE FROM segments"))) {
        const QSqlError error = query.lastError();
        db.rollback();
        return m_catalog.sqlError(error, tr("rebuilding the recordings index"));
    }
    for (const SegmentRecord& s : segments) {
        if (Result<qint64> id = insert(s); !id) {
            db.rollback();
            return id.error();
        }
    }
    if (!db.commit())
        return m_catalog.sqlError(db.lastError(), tr("rebuilding the recordings index"));
    return {};
}

Result<void> SegmentStore::addGap(const GapRecord& gap)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("INSERT INTO recording_gaps (camera_id, stream_id, start_ms, "
                                 "end_ms, reason) VALUES (?, ?, ?, ?, ?)"));
    if (!bindAll(query,
                {gap.cameraId, gap.streamId > 0 ? QVariant(gap.streamId) : QVariant(), gap.startMs,
                        qMax(gap.startMs, gap.endMs), textValue(gap.reason)}))
        return m_catalog.sqlError(query.lastError(), tr("recording a gap in the recordings"));
    return {};
}

Result<QList<GapRecord>> SegmentStore::gaps(qint64 cameraId, qint64 fromMs, qint64 toMs) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "SELECT camera_id, COALESCE(stream_id, 0), start_ms, end_ms, reason FROM "
            "recording_gaps WHERE camera_id = ? AND start_ms < ? AND end_ms > ? ORDER BY "
            "start_ms"));
    if (!bindAll(query, {cameraId, toMs, fromMs}))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    QList<GapRecord> gaps;
    while (query.next()) {
        gaps << GapRecord {query.value(0).toLongLong(), query.value(1).toLongLong(),
                query.value(2).toLongLong(), query.value(3).toLongLong(),
                query.value(4).toString()};
    }
    return gaps;
}

Result<void> SegmentStore::addAlert(qint64 cameraId, const QString& kind, const QString& message)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "INSERT INTO alerts (at_ms, camera_id, kind, message) VALUES (?, ?, ?, ?)"));
    if (!bindAll(query,
                {QDateTime::currentMSecsSinceEpoch(),
                        cameraId > 0 ? QVariant(cameraId) : QVariant(), kind, textValue(message)}))
        return m_catalog.sqlError(query.lastError(), tr("recording an alert"));
    return {};
}

Result<QList<SegmentRecord>> SegmentStore::expired(qint64 nowMs, int limit) const
{
    return select(QStringLiteral("JOIN cameras c ON c.id = s.camera_id "
                                 "WHERE s.state != 'open' AND c.retention_days > 0 "
                                 "AND s.end_ms < ? - c.retention_days * CAST(86400000 AS BIGINT) "
                                 "AND NOT %1 ORDER BY s.start_ms LIMIT ?")
                          .arg(QLatin1String(kHeld)),
            {nowMs, limit});
}

Result<QList<SegmentRecord>> SegmentStore::oldestDeletable(int limit) const
{
    // Never a stream's newest finished file: deleting it to make room for the next one of the
    // same camera keeps nothing at all on a disk too small for two.
    return select(QStringLiteral("WHERE s.state != 'open' AND NOT %1 AND s.start_ms < (SELECT "
                                 "MAX(n.start_ms) FROM segments n WHERE n.stream_id = s.stream_id "
                                 "AND n.state != 'open') ORDER BY s.start_ms LIMIT ?")
                          .arg(QLatin1String(kHeld)),
            {limit});
}

Result<qint64> SegmentStore::totalBytes() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM segments"))
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    return query.value(0).toLongLong();
}

Result<QList<CameraUsage>> SegmentStore::usage() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral(
                "SELECT c.id, c.name, c.retention_days, COUNT(s.id), COALESCE(SUM(s.bytes), 0), "
                "COALESCE(MIN(s.start_ms), 0), COALESCE(MAX(s.end_ms), 0) FROM cameras c "
                "LEFT JOIN segments s ON s.camera_id = c.id "
                "WHERE c.removed_ms IS NULL OR s.id IS NOT NULL GROUP BY c.id, c.name, "
                "c.retention_days ORDER BY c.id")))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    QList<CameraUsage> usage;
    while (query.next()) {
        usage << CameraUsage {query.value(0).toLongLong(), query.value(1).toString(),
                query.value(2).toInt(), query.value(3).toLongLong(), query.value(4).toLongLong(),
                query.value(5).toLongLong(), query.value(6).toLongLong(), 0};
    }
    if (!query.exec(QStringLiteral("SELECT s.camera_id, SUM(s.bytes) FROM segments s WHERE %1 "
                                   "GROUP BY s.camera_id")
                            .arg(QLatin1String(kHeld))))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    while (query.next()) {
        for (CameraUsage& u : usage) {
            if (u.cameraId == query.value(0).toLongLong())
                u.heldBytes = query.value(1).toLongLong();
        }
    }
    return usage;
}

Result<qint64> SegmentStore::bytesEndedBetween(qint64 fromMs, qint64 toMs) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM segments "
                                 "WHERE state != 'open' AND end_ms >= ? AND end_ms < ?"));
    if (!bindAll(query, {fromMs, toMs}) || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    return query.value(0).toLongLong();
}

BookmarkStore::BookmarkStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<qint64> BookmarkStore::add(const BookmarkRecord& b)
{
    if (b.endMs < b.startMs)
        return Error {Error::Code::InvalidArgument, tr("A bookmark must end after it starts."), {}};
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("INSERT INTO bookmarks (camera_id, start_ms, end_ms, title, "
                                 "case_number, note, legal_hold, created_ms) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!bindAll(query,
                {b.cameraId > 0 ? QVariant(b.cameraId) : QVariant(), b.startMs, b.endMs,
                        textValue(b.title), textValue(b.caseNumber), textValue(b.note),
                        b.legalHold ? 1 : 0, QDateTime::currentMSecsSinceEpoch()})
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("saving the bookmark"));
    return query.value(0).toLongLong();
}

Result<QList<BookmarkRecord>> BookmarkStore::list(qint64 fromMs, qint64 toMs) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT id, COALESCE(camera_id, 0), start_ms, end_ms, title, "
                                 "case_number, note, legal_hold, created_ms FROM bookmarks "
                                 "WHERE start_ms < ? AND end_ms >= ? ORDER BY start_ms"));
    if (!bindAll(query, {toMs, fromMs}))
        return m_catalog.sqlError(query.lastError(), tr("reading the bookmarks"));
    QList<BookmarkRecord> bookmarks;
    while (query.next()) {
        bookmarks << BookmarkRecord {query.value(0).toLongLong(), query.value(1).toLongLong(),
                query.value(2).toLongLong(), query.value(3).toLongLong(), query.value(4).toString(),
                query.value(5).toString(), query.value(6).toString(), query.value(7).toInt() != 0,
                query.value(8).toLongLong()};
    }
    return bookmarks;
}

Result<void> BookmarkStore::setLegalHold(qint64 id, bool hold)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE bookmarks SET legal_hold = ? WHERE id = ?"));
    if (!bindAll(query, {hold ? 1 : 0, id}))
        return m_catalog.sqlError(query.lastError(), tr("changing the bookmark"));
    if (query.numRowsAffected() == 0)
        return Error {Error::Code::NotFound, tr("There is no bookmark %1.").arg(id), {}};
    return {};
}

} // namespace vigil::catalog
