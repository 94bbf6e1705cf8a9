// The catalog schema. Never edit a migration that has shipped: add a new one at the end.
//
// Conventions (portable between SQLite and PostgreSQL):
// - instants are BIGINT milliseconds since the Unix epoch, UTC, columns named *_ms;
// - booleans are SMALLINT 0/1; text is TEXT; binary is {{blob}};
// - every time-range table has a composite index (camera_id, start_ms) and queries bound start_ms
//   from below (start_ms >= from - maxSpan) so the index is used;
// - foreign keys are declared; cameras are never hard-deleted while footage exists (removed_ms).
#include "core/catalog/keyframes.h"
#include "core/catalog/migration.h"
#include "core/catalog/segment_store.h"
#include "core/logging_categories.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

namespace vigil::catalog {

namespace {

constexpr char kSegmentColumns[] = "id, camera_id, stream_id, path, start_ms, end_ms, bytes, "
                                   "state, clock_source, clock_offset_ms, codec, width, height, "
                                   "has_audio, keyframes";

/// Version 5: copies `segments` into `segments_compact`, without the paths the recorder's
/// naming rule gives (segmentPath()) and with every keyframe table in the compact format.
Result<void> copySegmentsCompact(const QString& connectionName, Dialect)
{
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    QSqlQuery read(db);
    read.setForwardOnly(true);
    const auto failed = [](const QSqlQuery& query) -> Result<void> {
        return Error {Error::Code::MigrationFailed,
                QCoreApplication::translate("vigil::catalog::Catalog",
                        "The recordings index could not be copied into its compact form."),
                query.lastError().text()};
    };
    if (!read.exec(QStringLiteral("SELECT s.id, s.camera_id, s.stream_id, s.path, s.start_ms, "
                                  "s.end_ms, s.bytes, s.state, s.clock_source, s.clock_offset_ms, "
                                  "s.codec, s.width, s.height, s.has_audio, s.keyframes, "
                                  "st.camera_id, st.role FROM segments s LEFT JOIN streams st ON "
                                  "st.id = s.stream_id ORDER BY s.id")))
        return failed(read);
    // Rows go in by the batch: one statement per row costs three times as much.
    constexpr int kColumns = 15;
    constexpr int kBatch = 64;
    const auto insertOf = [](int rows) {
        QStringList row;
        row.fill(QStringLiteral("?"), kColumns);
        QStringList values;
        values.fill(u'(' + row.join(QLatin1String(", ")) + u')', rows);
        return QStringLiteral("INSERT INTO segments_compact (%1) VALUES %2")
                .arg(QLatin1String(kSegmentColumns), values.join(QLatin1String(", ")));
    };
    QSqlQuery write(db);
    if (!write.prepare(insertOf(kBatch)))
        return failed(write);
    constexpr int kPath = 3;
    constexpr int kStart = 4;
    constexpr int kKeyframes = 14;
    QVariantList pending;
    pending.reserve(kBatch * kColumns);
    qint64 copied = 0;
    while (read.next()) {
        for (int i = 0; i < kColumns; ++i)
            pending << read.value(i);
        const bool named = !read.value(15).isNull()
                && read.value(kPath).toString()
                        == segmentPath(read.value(15).toLongLong(), read.value(16).toString(),
                                read.value(kStart).toLongLong());
        QVariant* row = pending.data() + pending.size() - kColumns;
        if (named)
            row[kPath] = QVariant();
        if (!row[kKeyframes].isNull())
            row[kKeyframes] = compactKeyframes(row[kKeyframes].toByteArray());
        if (pending.size() == kBatch * kColumns) {
            for (int i = 0; i < pending.size(); ++i)
                write.bindValue(i, pending.at(i));
            if (!write.exec())
                return failed(write);
            pending.clear();
        }
        if (++copied % 1000000 == 0) // ~20 s each: the log shows the upgrade is alive
            qCInfo(lcCatalog, "compacting the recordings index: %lld rows so far", copied);
    }
    if (!pending.isEmpty()) {
        if (!write.prepare(insertOf(int(pending.size() / kColumns))))
            return failed(write);
        for (int i = 0; i < pending.size(); ++i)
            write.bindValue(i, pending.at(i));
        if (!write.exec())
            return failed(write);
    }
    if (read.lastError().isValid())
        return failed(read);
    return {};
}

const std::array<Migration, 12> kMigrations = {{
        {1, "initial schema",
                {
                        QStringLiteral(R"(CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_ms BIGINT NOT NULL))"),

                        QStringLiteral(R"(CREATE TABLE users (
    id {{id}},
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'operator', 'viewer')),
    password_hash TEXT NOT NULL,
    disabled SMALLINT NOT NULL DEFAULT 0,
    created_ms BIGINT NOT NULL,
    last_login_ms BIGINT))"),

                        QStringLiteral(R"(CREATE TABLE cameras (
    id {{id}},
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    vendor TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    firmware TEXT NOT NULL DEFAULT '',
    serial TEXT NOT NULL DEFAULT '',
    device_url TEXT NOT NULL DEFAULT '',
    username TEXT NOT NULL DEFAULT '',
    secret {{blob}},
    auth_method TEXT NOT NULL DEFAULT '',
    clock_offset_ms BIGINT NOT NULL DEFAULT 0,
    has_ptz SMALLINT NOT NULL DEFAULT 0,
    has_events SMALLINT NOT NULL DEFAULT 0,
    enabled SMALLINT NOT NULL DEFAULT 1,
    record_mode TEXT NOT NULL DEFAULT 'continuous'
        CHECK (record_mode IN ('off', 'continuous', 'motion', 'schedule')),
    schedule TEXT NOT NULL DEFAULT '',
    pre_roll_ms INTEGER NOT NULL DEFAULT 5000,
    post_roll_ms INTEGER NOT NULL DEFAULT 10000,
    retention_days INTEGER NOT NULL DEFAULT 30,
    created_ms BIGINT NOT NULL,
    removed_ms BIGINT))"),

                        QStringLiteral(R"(CREATE TABLE streams (
    id {{id}},
    camera_id BIGINT NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('main', 'sub')),
    profile_token TEXT NOT NULL DEFAULT '',
    uri TEXT NOT NULL,
    codec TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    fps DOUBLE PRECISION NOT NULL DEFAULT 0,
    bitrate_kbps INTEGER NOT NULL DEFAULT 0,
    record SMALLINT NOT NULL DEFAULT 1,
    UNIQUE (camera_id, role)))"),

                        // keyframes: packed little-endian (offset_ms:int32, byte_pos:int64) pairs,
                        // enough to seek inside a segment without opening it.
                        QStringLiteral(R"(CREATE TABLE segments (
    id {{id}},
    camera_id BIGINT NOT NULL REFERENCES cameras(id),
    stream_id BIGINT NOT NULL REFERENCES streams(id),
    path TEXT NOT NULL UNIQUE,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    bytes BIGINT NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'repaired')),
    clock_source TEXT NOT NULL DEFAULT 'arrival' CHECK (clock_source IN ('rtcp', 'arrival')),
    clock_offset_ms BIGINT NOT NULL DEFAULT 0,
    codec TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    has_audio SMALLINT NOT NULL DEFAULT 0,
    keyframes {{blob}},
    CHECK (end_ms >= start_ms)))"),
                        QStringLiteral("CREATE INDEX segments_camera_start ON segments (camera_id, "
                                       "start_ms)"),
                        QStringLiteral("CREATE INDEX segments_stream_start ON segments (stream_id, "
                                       "start_ms)"),

                        QStringLiteral(R"(CREATE TABLE recording_gaps (
    id {{id}},
    camera_id BIGINT NOT NULL REFERENCES cameras(id),
    stream_id BIGINT REFERENCES streams(id),
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    reason TEXT NOT NULL DEFAULT ''))"),
                        QStringLiteral("CREATE INDEX recording_gaps_camera_start ON recording_gaps "
                                       "(camera_id, start_ms)"),

                        // box_*: normalised 0..1 coordinates in the frame.
                        QStringLiteral(R"(CREATE TABLE events (
    id {{id}},
    camera_id BIGINT NOT NULL REFERENCES cameras(id),
    type TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'vigil',
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    score DOUBLE PRECISION NOT NULL DEFAULT 0,
    box_x DOUBLE PRECISION,
    box_y DOUBLE PRECISION,
    box_w DOUBLE PRECISION,
    box_h DOUBLE PRECISION,
    thumbnail {{blob}},
    data TEXT NOT NULL DEFAULT ''))"),
                        QStringLiteral(
                                "CREATE INDEX events_camera_start ON events (camera_id, start_ms)"),
                        QStringLiteral("CREATE INDEX events_type_start ON events (type, start_ms)"),

                        // One row per interval (~1 s): a cols x rows bitmap of cells with motion,
                        // searched by AND-ing with a region mask.
                        QStringLiteral(R"(CREATE TABLE motion_grids (
    id {{id}},
    camera_id BIGINT NOT NULL REFERENCES cameras(id),
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    cols SMALLINT NOT NULL,
    rows SMALLINT NOT NULL,
    cells {{blob}} NOT NULL))"),
                        QStringLiteral("CREATE INDEX motion_grids_camera_start ON motion_grids "
                                       "(camera_id, start_ms)"),

                        // camera_id NULL: a bookmark over every camera (an incident).
                        QStringLiteral(R"(CREATE TABLE bookmarks (
    id {{id}},
    camera_id BIGINT REFERENCES cameras(id),
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    case_number TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    legal_hold SMALLINT NOT NULL DEFAULT 0,
    created_by BIGINT REFERENCES users(id),
    created_ms BIGINT NOT NULL,
    CHECK (end_ms >= start_ms)))"),
                        QStringLiteral("CREATE INDEX bookmarks_camera_start ON bookmarks "
                                       "(camera_id, start_ms)"),
                        QStringLiteral(
                                "CREATE INDEX bookmarks_hold ON bookmarks (legal_hold, start_ms)"),

                        // Tamper evidence: hash = H(prev_hash || canonical row), chained by id.
                        QStringLiteral(R"(CREATE TABLE audit_log (
    id {{id}},
    at_ms BIGINT NOT NULL,
    user_id BIGINT REFERENCES users(id),
    user_login TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    object TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    prev_hash {{blob}},
    hash {{blob}}))"),
                        QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at_ms)"),
                }},
        // Alerts for people (disk full, only held footage left, camera offline, packets dropped):
        // some concern no camera, which events (camera_id NOT NULL) cannot hold.
        {2, "recording alerts",
                {
                        QStringLiteral(R"(CREATE TABLE alerts (
    id {{id}},
    at_ms BIGINT NOT NULL,
    camera_id BIGINT REFERENCES cameras(id),
    kind TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT ''))"),
                        QStringLiteral("CREATE INDEX alerts_at ON alerts (at_ms)"),
                }},
        // A camera's WS-Discovery endpoint (urn:uuid:…): its identity when DHCP moves it and it
        // has no serial number to go by.
        {3, "camera discovery endpoint",
                {
                        QStringLiteral(
                                "ALTER TABLE cameras ADD COLUMN endpoint TEXT NOT NULL DEFAULT ''"),
                }},
        // Months of footage at town scale (millions of rows): what the recorder asks at every
        // start and every retention pass costs O(answer), not O(rows). Files being written have
        // an index of their own; each camera's count and bytes are kept beside the index, in
        // the transaction of each insert, update and delete (SegmentStore).
        {4, "catalog at town scale",
                {
                        QStringLiteral("CREATE INDEX segments_open ON segments (id) "
                                       "WHERE state = 'open'"),
                        QStringLiteral(R"(CREATE TABLE segment_totals (
    camera_id BIGINT PRIMARY KEY REFERENCES cameras(id),
    segments BIGINT NOT NULL DEFAULT 0,
    bytes BIGINT NOT NULL DEFAULT 0))"),
                        QStringLiteral("INSERT INTO segment_totals (camera_id, segments, bytes) "
                                       "SELECT camera_id, COUNT(*), COALESCE(SUM(bytes), 0) "
                                       "FROM segments GROUP BY camera_id"),
                }},
        // Compact rows (608 → under 250 bytes a file at town scale): a path is stored only when
        // it is not the one the recorder's naming rule gives its stream and start (segmentPath();
        // the unique index on it goes, a file is found by its stream and start), and keyframe
        // tables are rewritten in the compact format. The table is copied, so its rows are
        // written once; the space of the old rows is reused by new ones.
        {5, "compact segment rows",
                {
                        QStringLiteral(R"(CREATE TABLE segments_compact (
    id {{id}},
    camera_id BIGINT NOT NULL REFERENCES cameras(id),
    stream_id BIGINT NOT NULL REFERENCES streams(id),
    path TEXT,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    bytes BIGINT NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'repaired')),
    clock_source TEXT NOT NULL DEFAULT 'arrival' CHECK (clock_source IN ('rtcp', 'arrival')),
    clock_offset_ms BIGINT NOT NULL DEFAULT 0,
    codec TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    has_audio SMALLINT NOT NULL DEFAULT 0,
    keyframes {{blob}},
    CHECK (end_ms >= start_ms)))"),
                },
                copySegmentsCompact,
                {
                        // Ids are never given twice, even those of files already deleted.
                        QStringLiteral(
                                "{{sqlite}}UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE("
                                "(SELECT old.seq FROM sqlite_sequence old WHERE old.name = "
                                "'segments'), 0)) WHERE name = 'segments_compact'"),
                        QStringLiteral("{{postgres}}SELECT setval(pg_get_serial_sequence("
                                       "'segments_compact', 'id'), GREATEST((SELECT last_value "
                                       "FROM segments_id_seq), (SELECT COALESCE(MAX(id), 1) FROM "
                                       "segments_compact)))"),
                        QStringLiteral("DROP TABLE segments"),
                        QStringLiteral("ALTER TABLE segments_compact RENAME TO segments"),
                        QStringLiteral("CREATE INDEX segments_camera_start ON segments (camera_id, "
                                       "start_ms)"),
                        // One file per stream and start among those stored without a path.
                        QStringLiteral("CREATE UNIQUE INDEX segments_stream_start ON segments "
                                       "(stream_id, start_ms, (COALESCE(path, '')))"),
                        QStringLiteral("CREATE UNIQUE INDEX segments_path ON segments (path) "
                                       "WHERE path IS NOT NULL"),
                        QStringLiteral("CREATE INDEX segments_open ON segments (id) "
                                       "WHERE state = 'open'"),
                }},
        // Alerts are acknowledged by a person (who, when); the unacknowledged ones have an index
        // of their own, so the status bar's count reads only them.
        {6, "acknowledged alerts",
                {
                        QStringLiteral("ALTER TABLE alerts ADD COLUMN acknowledged_ms BIGINT"),
                        QStringLiteral("ALTER TABLE alerts ADD COLUMN acknowledged_by TEXT NOT "
                                       "NULL DEFAULT ''"),
                        QStringLiteral("CREATE INDEX alerts_unacknowledged ON alerts (id) "
                                       "WHERE acknowledged_ms IS NULL"),
                }},
        // Accountability: failed logins and the lockout they earn; which cameras a user may see
        // (all, or those listed); the camera an audit row concerns, for the viewer's filter.
        // The role 'operator' of the first schema is shown as "Clerk".
        {7, "users, camera access and audit camera",
                {
                        QStringLiteral("ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT "
                                       "NULL DEFAULT 0"),
                        QStringLiteral("ALTER TABLE users ADD COLUMN locked_until_ms BIGINT NOT "
                                       "NULL DEFAULT 0"),
                        QStringLiteral("ALTER TABLE users ADD COLUMN all_cameras SMALLINT NOT "
                                       "NULL DEFAULT 1"),
                        QStringLiteral(R"(CREATE TABLE user_cameras (
    user_id BIGINT NOT NULL REFERENCES users(id),
    camera_id BIGINT NOT NULL REFERENCES cameras(id),
    PRIMARY KEY (user_id, camera_id)))"),
                        QStringLiteral("ALTER TABLE audit_log ADD COLUMN camera_id BIGINT"),
                        QStringLiteral("CREATE INDEX audit_log_camera ON audit_log (camera_id, "
                                       "at_ms)"),
                }},
        // Privacy masks: per camera, polygons in picture coordinates 0…1 (a JSON array of
        // arrays of [x, y]), blacked out of every picture Vigil shows, stores or analyses.
        {8, "privacy masks",
                {
                        QStringLiteral("ALTER TABLE cameras ADD COLUMN privacy_masks TEXT NOT "
                                       "NULL DEFAULT ''"),
                }},
        // Search over every camera at once: events by time alone, a bounded range scan. A
        // camera's index also holds the end of each event, so a timeline gathers a day of a
        // busy camera's events per pixel from the index alone.
        {9, "search by time",
                {
                        QStringLiteral("CREATE INDEX events_start ON events (start_ms)"),
                        QStringLiteral("DROP INDEX events_camera_start"),
                        QStringLiteral("CREATE INDEX events_camera_start ON events (camera_id, "
                                       "start_ms, end_ms)"),
                }},
        // Records requests: who asked for which footage, on what legal basis, by when; their
        // footage is held (legal-hold bookmarks) while they are open.
        {10, "records requests",
                {
                        QStringLiteral(R"(CREATE TABLE requests (
    id {{id}},
    number TEXT NOT NULL UNIQUE,
    requester_type TEXT NOT NULL,
    requester TEXT NOT NULL DEFAULT '',
    legal_basis TEXT NOT NULL DEFAULT '',
    received_ms BIGINT NOT NULL,
    due_ms BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    notes TEXT NOT NULL DEFAULT '',
    created_by BIGINT REFERENCES users(id),
    closed_ms BIGINT))"),
                        QStringLiteral("CREATE INDEX requests_due ON requests (closed_ms, due_ms)"),
                        QStringLiteral(R"(CREATE TABLE request_footage (
    id {{id}},
    request_id BIGINT NOT NULL REFERENCES requests(id),
    camera_id BIGINT NOT NULL REFERENCES cameras(id),
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    hold_id BIGINT REFERENCES bookmarks(id),
    CHECK (end_ms > start_ms)))"),
                        QStringLiteral("CREATE INDEX request_footage_request ON request_footage "
                                       "(request_id)"),
                }},
        // Redactions in progress, reopened exactly where the reviewer left them.
        {11, "redaction projects",
                {
                        QStringLiteral(R"(CREATE TABLE redaction_projects (
    id {{id}},
    camera_id BIGINT NOT NULL REFERENCES cameras(id),
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    request_id BIGINT REFERENCES requests(id),
    original_sha256 TEXT NOT NULL,
    log TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    updated_ms BIGINT NOT NULL,
    updated_by BIGINT REFERENCES users(id),
    UNIQUE (camera_id, start_ms, end_ms, original_sha256)))"),
                }},
        // Originals asked for while no supervisor was at the PC, granted or refused later.
        {12, "export approvals",
                {
                        QStringLiteral(R"(CREATE TABLE approvals (
    id {{id}},
    requested_by BIGINT REFERENCES users(id),
    requested_login TEXT NOT NULL,
    requested_ms BIGINT NOT NULL,
    spec TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    decided_by BIGINT REFERENCES users(id),
    decided_login TEXT NOT NULL DEFAULT '',
    decided_ms BIGINT,
    note TEXT NOT NULL DEFAULT '',
    used_ms BIGINT))"),
                }},
}};

} // namespace

std::span<const Migration> schemaMigrations()
{
    return kMigrations;
}

QString expandDialect(QString sql, Dialect dialect)
{
    const QLatin1String sqliteOnly("{{sqlite}}");
    const QLatin1String postgresOnly("{{postgres}}");
    if (sql.startsWith(sqliteOnly)) {
        if (dialect != Dialect::Sqlite)
            return {};
        sql.remove(0, sqliteOnly.size());
    } else if (sql.startsWith(postgresOnly)) {
        if (dialect != Dialect::Postgres)
            return {};
        sql.remove(0, postgresOnly.size());
    }
    switch (dialect) {
    case Dialect::Sqlite:
        sql.replace(QLatin1String("{{id}}"), QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
        sql.replace(QLatin1String("{{blob}}"), QLatin1String("BLOB"));
        sql.replace(QLatin1String("{{now}}"),
                QLatin1String("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"));
        break;
    case Dialect::Postgres:
        sql.replace(QLatin1String("{{id}}"),
                QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
        sql.replace(QLatin1String("{{blob}}"), QLatin1String("BYTEA"));
        sql.replace(QLatin1String("{{now}}"),
                QLatin1String("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"));
        break;
    }
    return sql;
}

} // namespace vigil::catalog
