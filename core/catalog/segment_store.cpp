#include "core/catalog/segment_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_p.h"
#include "core/catalog/sql_values.h"

#include <QDateTime>
#include <QPair>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

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

SegmentRecord readSegment(const QSqlQuery& q)
{
    SegmentRecord s;
    s.id = q.value(0).toLongLong();
    s.cameraId = q.value(1).toLongLong();
    s.streamId = q.value(2).toLongLong();
    s.role = q.value(3).toString();
    s.startMs = q.value(5).toLongLong();
    s.path = q.value(4).isNull() ? segmentPath(s.cameraId, s.role, s.startMs)
                                 : q.value(4).toString();
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

/// Whole start-time ranges of the segments a legal hold can cover on `cameraId`, merged: each
/// segment is in at most one.
QList<QPair<qint64, qint64>> heldStartRanges(QSqlQuery& query, qint64 cameraId)
{
    QList<QPair<qint64, qint64>> ranges;
    query.prepare(QStringLiteral("SELECT start_ms, end_ms FROM bookmarks WHERE legal_hold = 1 "
                                 "AND (camera_id IS NULL OR camera_id = ?) ORDER BY start_ms"));
    if (!bindAll(query, {cameraId}))
        return ranges;
    while (query.next()) {
        const qint64 from = query.value(0).toLongLong() - kMaxSegmentMs;
        const qint64 to = query.value(1).toLongLong();
        if (!ranges.isEmpty() && from <= ranges.last().second)
            ranges.last().second = qMax(ranges.last().second, to);
        else
            ranges.append({from, to});
    }
    return ranges;
}

} // namespace

/// Writes that change the segments table and, in the same transaction, the per-camera totals
/// (a savepoint inside a caller's transaction, as in replaceAll()).
class SegmentStore::Change
{
public:
    explicit Change(const SegmentStore& store)
        : m_db(QSqlDatabase::database(store.m_catalog.connectionName(), false))
    {
        // Alone, the change takes the write lock before it reads (BEGIN IMMEDIATE): a deferred
        // transaction that reads first fails at once, without waiting, when another program
        // wrote in between. Inside a caller's transaction it is a savepoint.
        QSqlQuery query(m_db);
        // (PostgreSQL locks rows as they are written: a plain BEGIN is enough there.)
        m_own = query.exec(store.m_catalog.dialect() == Dialect::Sqlite
                        ? QStringLiteral("BEGIN IMMEDIATE")
                        : QStringLiteral("BEGIN"));
        if (!m_own
                && !query.lastError().databaseText().contains(
                        QLatin1String("within a transaction"))) {
            m_error = query.lastError(); // busy beyond the timeout, disk, …
            return;
        }
        m_open = m_own || query.exec(QStringLiteral("SAVEPOINT segment_change"));
        if (!m_open)
            m_error = query.lastError();
    }
    ~Change()
    {
        if (!m_open)
            return;
        QSqlQuery query(m_db);
        if (m_own) {
            query.exec(QStringLiteral("ROLLBACK"));
        } else {
            query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT segment_change"));
            query.exec(QStringLiteral("RELEASE SAVEPOINT segment_change"));
        }
    }
    Change(const Change&) = delete;
    Change& operator=(const Change&) = delete;

    bool ok() const { return m_open; }
    QSqlError error() const { return m_error; }
    QSqlDatabase& db() { return m_db; }

    /// Adds `segments` files and `bytes` to a camera's totals.
    bool count(qint64 cameraId, qint64 segments, qint64 bytes)
    {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral(
                "INSERT INTO segment_totals (camera_id, segments, bytes) VALUES (?, ?, ?) "
                "ON CONFLICT (camera_id) DO UPDATE SET segments = segment_totals.segments + "
                "excluded.segments, bytes = segment_totals.bytes + excluded.bytes"));
        if (bindAll(query, {cameraId, segments, bytes}))
            return true;
        m_error = query.lastError();
        return false;
    }

    /// The camera and size of the indexed segment `key` (one row), to take off its totals.
    std::optional<QPair<qint64, qint64>> indexed(const Key& key)
    {
        QSqlQuery query(m_db);
        query.prepare(
                QStringLiteral("SELECT camera_id, bytes FROM segments WHERE %1").arg(key.where));
        if (!bindAll(query, key.binds)) {
            m_error = query.lastError();
            return std::nullopt;
        }
        if (!query.next())
            return QPair<qint64, qint64> {0, 0};
        return QPair<qint64, qint64> {query.value(0).toLongLong(), query.value(1).toLongLong()};
    }

    bool commit()
    {
        QSqlQuery query(m_db);
        if (!query.exec(m_own ? QStringLiteral("COMMIT")
                              : QStringLiteral("RELEASE SAVEPOINT segment_change"))) {
            m_error = query.lastError();
            return false;
        }
        m_open = false;
        return true;
    }

private:
    QSqlDatabase m_db;
    bool m_own = false; ///< its own transaction, not a savepoint in the caller's
    bool m_open = false;
    QSqlError m_error;
};

QString segmentPath(qint64 cameraId, const QString& role, qint64 startMs)
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    return QStringLiteral("%1/%2/%3_%4.mp4")
            .arg(QString::number(cameraId), start.toString(QStringLiteral("yyyy-MM-dd")), role,
                    start.toString(QStringLiteral("yyyyMMdd'T'HHmmss.zzz'Z'")));
}

std::optional<SegmentName> parseSegmentPath(const QString& relative)
{
    static const QRegularExpression pattern(QStringLiteral(
            "^([0-9]+)/[0-9]{4}-[0-9]{2}-[0-9]{2}/(main|sub)_([0-9]{8}T[0-9]{6}\\.[0-9]{3})Z"
            "(-[0-9]+)?\\.mp4$"));
    const QRegularExpressionMatch m = pattern.match(relative);
    if (!m.hasMatch())
        return std::nullopt;
    QDateTime start = QDateTime::fromString(m.captured(3), QStringLiteral("yyyyMMdd'T'HHmmss.zzz"));
    start.setTimeSpec(Qt::UTC);
    if (!start.isValid())
        return std::nullopt;
    SegmentName name {m.captured(1).toLongLong(), m.captured(2), start.toMSecsSinceEpoch(), false};
    name.canonical = relative == segmentPath(name.cameraId, name.role, name.startMs);
    return name;
}

SegmentStore::SegmentStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

SegmentStore::Key SegmentStore::keyOf(const QString& path)
{
    const std::optional<SegmentName> name = parseSegmentPath(path);
    if (!name || !name->canonical)
        return {QStringLiteral("path = ?"), {path}};
    // Stored without its path (see insert()); written out only when its stream is not the one
    // the path names, which the index allows but the recorder never does.
    return {QStringLiteral("(path = ? OR (stream_id = (SELECT st.id FROM streams st WHERE "
                           "st.camera_id = ? AND st.role = ?) AND start_ms = ? AND path IS NULL))"),
            {path, name->cameraId, name->role, name->startMs}};
}

Result<qint64> SegmentStore::insert(const SegmentRecord& s)
{
    const QString during = tr("indexing the recording %1").arg(s.path);
    Change change(*this);
    if (!change.ok())
        return m_catalog.sqlError(change.error(), during);
    QSqlQuery query(change.db());
    // The path is kept only when it is not the one the stream's camera, role and start give.
    query.prepare(QStringLiteral("SELECT camera_id, role FROM streams WHERE id = ?"));
    if (!bindAll(query, {s.streamId}))
        return m_catalog.sqlError(query.lastError(), during);
    const bool named = query.next()
            && s.path
                    == segmentPath(
                            query.value(0).toLongLong(), query.value(1).toString(), s.startMs);
    query.prepare(QStringLiteral(
            "INSERT INTO segments (camera_id, stream_id, path, start_ms, end_ms, bytes, state, "
            "clock_source, clock_offset_ms, codec, width, height, has_audio, keyframes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!bindAll(query,
                {s.cameraId, s.streamId, named ? QVariant() : QVariant(s.path), s.startMs,
                        qMax(s.startMs, s.endMs), s.bytes, s.state, s.clockSource, s.clockOffsetMs,
                        textValue(s.codec), s.width, s.height, s.hasAudio ? 1 : 0, s.keyframes})
            || !query.next())
        return m_catalog.sqlError(query.lastError(), during);
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    if (!change.count(s.cameraId, 1, s.bytes) || !change.commit())
        return m_catalog.sqlError(change.error(), during);
    return id;
}

Result<void> SegmentStore::update(const SegmentRecord& s)
{
    const QString during = tr("indexing the recording %1").arg(s.path);
    Change change(*this);
    if (!change.ok())
        return m_catalog.sqlError(change.error(), during);
    const Key key = keyOf(s.path);
    const std::optional<QPair<qint64, qint64>> before = change.indexed(key);
    if (!before)
        return m_catalog.sqlError(change.error(), during);
    if (before->first == 0) { // its opening was never indexed (database was full)
        change.commit();
        if (Result<qint64> added = insert(s); !added)
            return added.error();
        return {};
    }
    QSqlQuery query(change.db());
    query.prepare(QStringLiteral(
            "UPDATE segments SET end_ms = ?, bytes = ?, state = ?, codec = ?, width = ?, "
            "height = ?, has_audio = ?, keyframes = ? WHERE %1")
                          .arg(key.where));
    if (!bindAll(query,
                QVariantList {qMax(s.startMs, s.endMs), s.bytes, s.state, textValue(s.codec),
                        s.width, s.height, s.hasAudio ? 1 : 0, s.keyframes}
                        + key.binds))
        return m_catalog.sqlError(query.lastError(), during);
    if (!change.count(before->first, 0, s.bytes - before->second) || !change.commit())
        return m_catalog.sqlError(change.error(), during);
    return {};
}

Result<void> SegmentStore::remove(const Key& key)
{
    const QString during = tr("removing a recording from the index");
    Change change(*this);
    if (!change.ok())
        return m_catalog.sqlError(change.error(), during);
    const std::optional<QPair<qint64, qint64>> before = change.indexed(key);
    if (!before)
        return m_catalog.sqlError(change.error(), during);
    if (before->first == 0)
        return {}; // not indexed
    QSqlQuery query(change.db());
    query.prepare(QStringLiteral("DELETE FROM segments WHERE %1").arg(key.where));
    if (!bindAll(query, key.binds))
        return m_catalog.sqlError(query.lastError(), during);
    if (!change.count(before->first, -1, -before->second) || !change.commit())
        return m_catalog.sqlError(change.error(), during);
    return {};
}

Result<void> SegmentStore::removeById(qint64 id)
{
    return remove({QStringLiteral("id = ?"), {id}});
}

Result<void> SegmentStore::removeByPath(const QString& path)
{
    return remove(keyOf(path));
}

Result<void> SegmentStore::recountTotals()
{
    QSqlDatabase db = QSqlDatabase::database(m_catalog.connectionName(), false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SAVEPOINT recount"))
            || !query.exec(QStringLiteral("DELETE FROM segment_totals"))
            || !query.exec(QStringLiteral(
                    "INSERT INTO segment_totals (camera_id, segments, bytes) SELECT camera_id, "
                    "COUNT(*), COALESCE(SUM(bytes), 0) FROM segments GROUP BY camera_id"))
            || !query.exec(QStringLiteral("RELEASE SAVEPOINT recount"))) {
        const QSqlError error = query.lastError();
        query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT recount"));
        query.exec(QStringLiteral("RELEASE SAVEPOINT recount"));
        return m_catalog.sqlError(error, tr("counting the recordings"));
    }
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

Result<QList<SegmentRecord>> SegmentStore::streamSegments(
        qint64 streamId, qint64 fromMs, qint64 toMs) const
{
    return select(QStringLiteral("WHERE s.stream_id = ? AND s.start_ms >= ? AND s.start_ms < ? "
                                 "AND (s.end_ms > ? OR s.state = 'open') ORDER BY s.start_ms"),
            {streamId, fromMs - kMaxSegmentMs, toMs, fromMs});
}

Result<QList<QPair<qint64, qint64>>> SegmentStore::spans(
        qint64 streamId, qint64 fromMs, qint64 toMs, qint64 joinMs) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT start_ms, end_ms, state FROM segments WHERE stream_id = ? "
                                 "AND start_ms >= ? AND start_ms < ? ORDER BY start_ms"));
    if (!bindAll(query, {streamId, fromMs - kMaxSegmentMs, toMs}))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    QList<QPair<qint64, qint64>> spans;
    while (query.next()) {
        const qint64 start = query.value(0).toLongLong();
        qint64 end = query.value(1).toLongLong();
        if (query.value(2).toString() == QLatin1String("open"))
            end = std::max(end, QDateTime::currentMSecsSinceEpoch()); // being written now
        if (end <= fromMs)
            continue;
        if (!spans.isEmpty() && start - spans.last().second < joinMs)
            spans.last().second = std::max(spans.last().second, end);
        else
            spans.append({start, end});
    }
    return spans;
}

Result<std::optional<SegmentRecord>> SegmentStore::nextSegment(
        qint64 streamId, qint64 afterMs) const
{
    const Result<QList<SegmentRecord>> rows = select(
            QStringLiteral("WHERE s.stream_id = ? AND s.start_ms > ? ORDER BY s.start_ms LIMIT 1"),
            {streamId, afterMs});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<SegmentRecord>() : rows->first();
}

Result<std::optional<SegmentRecord>> SegmentStore::previousSegment(
        qint64 streamId, qint64 beforeMs) const
{
    const Result<QList<SegmentRecord>> rows = select(QStringLiteral("WHERE s.stream_id = ? AND "
                                                                    "s.start_ms < ? ORDER BY "
                                                                    "s.start_ms DESC LIMIT 1"),
            {streamId, beforeMs});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<SegmentRecord>() : rows->first();
}

Result<QList<SegmentRecord>> SegmentStore::all() const
{
    return select(QStringLiteral("ORDER BY s.camera_id, s.stream_id, s.start_ms"), {});
}

Result<bool> SegmentStore::contains(const QString& path) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    const Key key = keyOf(path);
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM segments WHERE %1").arg(key.where));
    if (!bindAll(query, key.binds) || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    return query.value(0).toInt() > 0;
}

Result<std::optional<qint64>> SegmentStore::lastEnd(qint64 streamId) const
{
    // A stream's files follow each other: the newest few by start hold the latest end.
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT MAX(newest.end_ms) FROM (SELECT end_ms FROM segments "
                                 "WHERE stream_id = ? ORDER BY start_ms DESC LIMIT 4) newest"));
    if (!bindAll(query, {streamId}) || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    if (query.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value(0).toLongLong());
}

Result<std::optional<qint64>> SegmentStore::newestStart(qint64 streamId) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT MAX(start_ms) FROM segments WHERE stream_id = ?"));
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
    if (!query.exec(QStringLiteral("DELETE FROM segments"))
            || !query.exec(QStringLiteral("DELETE FROM segment_totals"))) {
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

const char* const GapRecord::kVigilStoppedReason
        = QT_TRANSLATE_NOOP("vigil::catalog::GapRecord", "Vigil was not recording");
const char* const GapRecord::kCameraOfflineReason
        = QT_TRANSLATE_NOOP("vigil::catalog::GapRecord", "The camera was offline");

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
    // The same problem, still not acknowledged, is not listed twice (a camera that stays
    // offline across recorder restarts): the first alert says since when.
    query.prepare(
            QStringLiteral("INSERT INTO alerts (at_ms, camera_id, kind, message) SELECT ?, ?, ?, ? "
                           "WHERE NOT EXISTS (SELECT 1 FROM alerts WHERE acknowledged_ms IS NULL "
                           "AND camera_id IS ? AND kind = ? AND message = ?)"));
    const QVariant camera = cameraId > 0 ? QVariant(cameraId) : QVariant();
    if (!bindAll(query,
                {QDateTime::currentMSecsSinceEpoch(), camera, kind, textValue(message), camera,
                        kind, textValue(message)}))
        return m_catalog.sqlError(query.lastError(), tr("recording an alert"));
    return {};
}

Result<QList<QPair<qint64, int>>> SegmentStore::camerasWithFootage() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT t.camera_id, c.retention_days FROM segment_totals t "
                                   "JOIN cameras c ON c.id = t.camera_id WHERE t.segments > 0 "
                                   "ORDER BY t.camera_id")))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    QList<QPair<qint64, int>> cameras;
    while (query.next())
        cameras.append({query.value(0).toLongLong(), query.value(1).toInt()});
    return cameras;
}

Result<QList<SegmentRecord>> SegmentStore::oldestOf(
        const QList<CameraCondition>& perCamera, int limit) const
{
    // Each camera's oldest through its (camera_id, start_ms) index, merged oldest first.
    QList<SegmentRecord> merged;
    for (const CameraCondition& c : perCamera) {
        QVariantList all {c.cameraId};
        all << c.binds << limit;
        Result<QList<SegmentRecord>> some
                = select(QStringLiteral("WHERE s.camera_id = ? AND %1 ORDER BY s.start_ms LIMIT ?")
                                 .arg(c.where),
                        all);
        if (!some)
            return some.error();
        merged << some.value();
    }
    std::stable_sort(merged.begin(), merged.end(),
            [](const SegmentRecord& a, const SegmentRecord& b) { return a.startMs < b.startMs; });
    if (merged.size() > limit)
        merged.resize(limit);
    return merged;
}

Result<QList<SegmentRecord>> SegmentStore::expired(qint64 nowMs, int limit) const
{
    const Result<QList<QPair<qint64, int>>> cameras = camerasWithFootage();
    if (!cameras)
        return cameras.error();
    // Due files start before the cut-off: each camera's walk stops at the first that does not.
    QList<CameraCondition> perCamera;
    for (const auto& [cameraId, days] : cameras.value()) {
        if (days <= 0)
            continue;
        const qint64 cutoff = nowMs - days * qint64(86400000);
        perCamera.append({cameraId,
                QStringLiteral("s.start_ms < ? AND s.end_ms < ? AND s.state != 'open' AND NOT %1")
                        .arg(QLatin1String(kHeld)),
                {cutoff, cutoff}});
    }
    return oldestOf(perCamera, limit);
}

Result<QList<SegmentRecord>> SegmentStore::oldestDeletable(int limit) const
{
    const Result<QList<QPair<qint64, int>>> cameras = camerasWithFootage();
    if (!cameras)
        return cameras.error();
    // Never a stream's newest finished file: deleting it to make room for the next one of the
    // same camera keeps nothing at all on a disk too small for two.
    QList<CameraCondition> perCamera;
    for (const auto& camera : cameras.value()) {
        perCamera.append({camera.first,
                QStringLiteral("s.state != 'open' AND NOT %1 AND s.start_ms < (SELECT "
                               "MAX(later.start_ms) FROM segments later WHERE "
                               "later.stream_id = s.stream_id AND later.state != 'open')")
                        .arg(QLatin1String(kHeld)),
                {}});
    }
    return oldestOf(perCamera, limit);
}

Result<qint64> SegmentStore::totalBytes() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM segment_totals"))
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    return query.value(0).toLongLong();
}

Result<QList<CameraUsage>> SegmentStore::usage() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral(
                "SELECT c.id, c.name, c.retention_days, COALESCE(t.segments, 0), "
                "COALESCE(t.bytes, 0) FROM cameras c LEFT JOIN segment_totals t ON t.camera_id = "
                "c.id WHERE c.removed_ms IS NULL OR t.segments > 0 ORDER BY c.id")))
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    QList<CameraUsage> usage;
    while (query.next()) {
        usage << CameraUsage {query.value(0).toLongLong(), query.value(1).toString(),
                query.value(2).toInt(), query.value(3).toLongLong(), query.value(4).toLongLong(), 0,
                0, 0};
    }
    for (CameraUsage& u : usage) {
        if (u.segments == 0)
            continue;
        // Oldest and newest through the camera's (camera_id, start_ms) index.
        query.prepare(QStringLiteral(
                "SELECT (SELECT MIN(start_ms) FROM segments WHERE camera_id = ?), (SELECT "
                "MAX(newest.end_ms) FROM (SELECT end_ms FROM segments WHERE camera_id = ? ORDER BY "
                "start_ms DESC LIMIT 8) newest)"));
        if (!bindAll(query, {u.cameraId, u.cameraId}) || !query.next())
            return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
        u.oldestMs = query.value(0).toLongLong();
        u.newestMs = query.value(1).toLongLong();
        // Held bytes: the files that the holds on this camera can reach, by start time.
        for (const auto& [from, to] : heldStartRanges(query, u.cameraId)) {
            QSqlQuery held(QSqlDatabase::database(m_catalog.connectionName(), false));
            held.prepare(QStringLiteral("SELECT COALESCE(SUM(s.bytes), 0) FROM segments s WHERE "
                                        "s.camera_id = ? AND s.start_ms >= ? AND s.start_ms <= ? "
                                        "AND %1")
                                 .arg(QLatin1String(kHeld)));
            if (!bindAll(held, {u.cameraId, from, to}) || !held.next())
                return m_catalog.sqlError(held.lastError(), tr("reading the recordings index"));
            u.heldBytes += held.value(0).toLongLong();
        }
        if (query.lastError().isValid())
            return m_catalog.sqlError(query.lastError(), tr("reading the legal holds"));
    }
    return usage;
}

Result<qint64> SegmentStore::bytesEndedBetween(qint64 fromMs, qint64 toMs) const
{
    // Through each camera's (camera_id, start_ms) index: a file that ended in the window
    // started at most kMaxSegmentMs before it.
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "SELECT COALESCE(SUM(bytes), 0) FROM segments WHERE camera_id IN (SELECT camera_id "
            "FROM segment_totals) AND start_ms >= ? AND start_ms < ? AND state != 'open' AND "
            "end_ms >= ? AND end_ms < ?"));
    if (!bindAll(query, {fromMs - kMaxSegmentMs, toMs, fromMs, toMs}) || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the recordings index"));
    return query.value(0).toLongLong();
}

} // namespace vigil::catalog
