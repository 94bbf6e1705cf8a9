// The catalog schema. Never edit a migration that has shipped: add a new one at the end.
//
// Conventions (portable between SQLite and PostgreSQL):
// - instants are BIGINT milliseconds since the Unix epoch, UTC, columns named *_ms;
// - booleans are SMALLINT 0/1; text is TEXT; binary is {{blob}};
// - every time-range table has a composite index (camera_id, start_ms) and queries bound start_ms
//   from below (start_ms >= from - maxSpan) so the index is used;
// - foreign keys are declared; cameras are never hard-deleted while footage exists (removed_ms).
#include "core/catalog/migration.h"

#include <array>

namespace vigil::catalog {

namespace {

const std::array<Migration, 4> kMigrations = {{
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
}};

} // namespace

std::span<const Migration> schemaMigrations()
{
    return kMigrations;
}

QString expandDialect(QString sql, Dialect dialect)
{
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
