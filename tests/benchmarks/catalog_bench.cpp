// catalog_bench ROWS: a catalog of ROWS segments shaped as the recorder writes them (32 cameras
// interleaved in time, 60-s files ending now, 30 keyframes each, two legal holds, a gap per
// camera and day; empty files in each camera's newest two day folders), built in a temporary
// folder, then timed through Vigil's own code paths:
//   start_to_first_connect_ms  RecordingEngine::start() until its first camera connects (here:
//                              a listening socket on 127.0.0.1): repair, retention, cameras
//   retention_idle_ms          a retention pass with nothing due
//   retention_batch_ms         the query and index deletions of one batch of 64 due files
//   storage_ms                 `vigilctl storage`'s report
//   total_bytes_ms             SegmentStore::totalBytes()
//   segments_hour_ms           one camera's hour (SegmentStore::list)
//   bytes_per_row              the catalog's pages in use after the upgrade, per row (stderr
//                              also gives the schema-3 file's, and the file's after the upgrade)
// Prints: catalog_bench rows=.. bytes_per_row=.. start_to_first_connect_ms=.. retention_idle_ms=..
//         retention_batch_ms=.. storage_ms=.. total_bytes_ms=.. segments_hour_ms=..
// Targets (issue 11) at 5,000,000 rows: start ≤ 2000, idle ≤ 20, batch ≤ 100, storage ≤ 200,
// total bytes ≤ 5, hour ≤ 20, bytes per row ≤ 250.
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/catalog/settings_store.h"
#include "core/recording/recording_engine.h"
#include "core/recording/segment_file.h"
#include "core/storage/retention.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>

#include <cstdio>

using namespace vigil;

namespace {

constexpr int kCameras = 32;
constexpr qint64 kFileMs = 60 * 1000;
constexpr qint64 kDayMs = 24 * 3600 * 1000;

double msSince(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

/// 30 keyframes, 2 s apart, at the byte positions of a 4 Mbit/s stream, as schema 3 stored
/// them: 12 bytes each (int32 offset_ms, int64 byte_pos, little-endian).
QByteArray keyframesOf(qint64 seed)
{
    QByteArray blob;
    qint64 pos = 1200 + seed % 97;
    for (int k = 0; k < 30; ++k) {
        char entry[12];
        qToLittleEndian<qint32>(k * 2000, entry);
        qToLittleEndian<qint64>(pos, entry + 4);
        blob.append(entry, sizeof entry);
        pos += 1000000 + (seed * 7919 + k * 104729) % 60000;
    }
    return blob;
}

/// Bytes of the catalog's pages that hold something (the file less its free pages).
qint64 bytesInUse(QSqlDatabase& db)
{
    QSqlQuery q(db);
    const auto pragma = [&](const char* name) {
        return q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) && q.next()
                ? q.value(0).toLongLong()
                : 0;
    };
    return (pragma("page_count") - pragma("freelist_count")) * pragma("page_size");
}

bool exec(QSqlQuery& q, const QString& sql)
{
    if (q.exec(sql))
        return true;
    std::fprintf(
            stderr, "catalog_bench: %s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
    return false;
}

} // namespace

/// Builds a schema-3 catalog of `perCamera` files per camera ending at `now`; 0 on success.
int buildCatalog(const QString& catalogPath, quint16 port, qint64 perCamera, qint64 now,
        qint64& first, double& buildMs)
{
    // Schema 3, the last before this issue: what a town's catalog is when it upgrades.
    catalog::Catalog::Options v3;
    v3.migrations = catalog::schemaMigrations().first(3);
    Result<std::unique_ptr<catalog::Catalog>> opened = catalog::Catalog::open(catalogPath, v3);
    if (!opened) {
        std::fprintf(stderr, "catalog_bench: %s\n", qPrintable(opened.error().fullText()));
        return 1;
    }
    catalog::Catalog& cat = *opened.value();
    catalog::CameraStore cameras(cat);
    catalog::SettingsStore settings(cat);
    if (!settings.setValue(QLatin1String(catalog::settings::kStorageMinFreeMB), 0)
            || !settings.setValue(QLatin1String(catalog::settings::kStorageMinFreePercent), 0))
        return 1;
    QList<qint64> streams;
    for (int c = 1; c <= kCameras; ++c) {
        catalog::CameraRecord r;
        r.uuid = QStringLiteral("rtsp:bench-%1").arg(c);
        r.name = QStringLiteral("Camera %1").arg(c);
        r.retentionDays = 0; // nothing due: the idle pass
        catalog::StreamRecord main;
        main.role = QStringLiteral("main");
        main.uri = QStringLiteral("rtsp://127.0.0.1:%1/camera%2").arg(port).arg(c);
        r.streams << main;
        const Result<qint64> id = cameras.add(r);
        if (!id || id.value() != c) {
            std::fprintf(stderr, "catalog_bench: cannot add camera %d\n", c);
            return 1;
        }
    }
    catalog::SegmentStore store(cat);
    for (int c = 1; c <= kCameras; ++c)
        streams << store.streamId(c, QStringLiteral("main")).value();

    // The rows, oldest first, cameras interleaved, in one transaction.
    QSqlDatabase db = QSqlDatabase::database(cat.connectionName(), false);
    first = now - perCamera * kFileMs;
    QElapsedTimer build;
    build.start();
    db.transaction();
    {
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
                "INSERT INTO segments (camera_id, stream_id, path, start_ms, end_ms, bytes, "
                "state, clock_source, clock_offset_ms, codec, width, height, has_audio, "
                "keyframes) VALUES (?, ?, ?, ?, ?, ?, 'closed', 'rtcp', 12, 'h264', 1920, 1080, "
                "0, ?)"));
        for (qint64 i = 0; i < perCamera; ++i) {
            for (int c = 1; c <= kCameras; ++c) {
                const qint64 start = first + i * kFileMs + c * 37;
                insert.bindValue(0, c);
                insert.bindValue(1, streams.at(c - 1));
                insert.bindValue(2, catalog::segmentPath(c, QStringLiteral("main"), start));
                insert.bindValue(3, start);
                insert.bindValue(4, start + kFileMs - 1);
                insert.bindValue(5, 30000000 + (i * 31 + c) % 1000000);
                insert.bindValue(6, keyframesOf(i * kCameras + c));
                if (!insert.exec()) {
                    std::fprintf(
                            stderr, "catalog_bench: %s\n", qPrintable(insert.lastError().text()));
                    return 1;
                }
            }
        }
        QSqlQuery q(db);
        // A gap per camera and day, two legal holds (one camera's hour, every camera's minute).
        for (qint64 day = first; day < now; day += kDayMs) {
            for (int c = 1; c <= kCameras; ++c) {
                if (!exec(q,
                            QStringLiteral("INSERT INTO recording_gaps (camera_id, stream_id, "
                                           "start_ms, end_ms, reason) VALUES (%1, %2, %3, %4, "
                                           "'The camera was offline')")
                                    .arg(c)
                                    .arg(streams.at(c - 1))
                                    .arg(day + 3600000)
                                    .arg(day + 3660000)))
                    return 1;
            }
        }
        const qint64 middle = first + (now - first) / 2;
        if (!exec(q,
                    QStringLiteral("INSERT INTO bookmarks (camera_id, start_ms, end_ms, title, "
                                   "legal_hold, created_ms) VALUES (3, %1, %2, 'Case 1', 1, %3), "
                                   "(NULL, %4, %5, 'Case 2', 1, %3)")
                            .arg(middle)
                            .arg(middle + 3600000)
                            .arg(now)
                            .arg(first + 86400000)
                            .arg(first + 86460000)))
            return 1;
    }
    db.commit();
    buildMs = msSince(build);
    return 0;
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 100000;
    if (rows < 50000) { // a day and an hour per camera: one camera has a batch due
        std::fprintf(stderr, "usage: catalog_bench ROWS (at least 50000)\n");
        return 2;
    }
    QTemporaryDir tmp;
    if (!tmp.isValid())
        return 1;
    if (qEnvironmentVariableIsSet("CATALOG_BENCH_KEEP")) { // to look into it afterwards
        tmp.setAutoRemove(false);
        std::fprintf(stderr, "catalog_bench: keeping %s\n", qPrintable(tmp.path()));
    }
    const QString root = tmp.filePath(QStringLiteral("recordings"));
    const QString catalogPath = tmp.filePath(QStringLiteral("vigil.sqlite"));
    QTcpServer camera;
    if (!camera.listen(QHostAddress::LocalHost))
        return 1;

    const qint64 perCamera = rows / kCameras;
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / kFileMs * kFileMs;
    qint64 first = 0;
    double buildMs = 0;
    if (const int built
            = buildCatalog(catalogPath, camera.serverPort(), perCamera, now, first, buildMs))
        return built;
    const double rowCount = double(perCamera * kCameras);
    const double fileBytesBefore = double(QFileInfo(catalogPath).size()) / rowCount;
    // The upgrade to this version's schema, timed.
    QElapsedTimer upgrade;
    upgrade.start();
    Result<std::unique_ptr<catalog::Catalog>> opened = catalog::Catalog::open(catalogPath);
    if (!opened) {
        std::fprintf(stderr, "catalog_bench: %s\n", qPrintable(opened.error().fullText()));
        return 1;
    }
    const double upgradeMs = msSince(upgrade);
    catalog::Catalog& cat = *opened.value();
    catalog::CameraStore cameras(cat);
    catalog::SettingsStore settings(cat);
    catalog::SegmentStore store(cat);
    QSqlDatabase db = QSqlDatabase::database(cat.connectionName(), false);
    // Files of the newest two days, as the repair after a crash finds them.
    for (int c = 1; c <= kCameras; ++c) {
        for (qint64 start = qMax(first, now - 2 * kDayMs) / kFileMs * kFileMs; start < now;
                start += kFileMs) {
            const QString path
                    = root + u'/' + catalog::segmentPath(c, QStringLiteral("main"), start + c * 37);
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile(path).open(QIODevice::WriteOnly);
        }
    }
    QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    // An upgraded catalog keeps the old rows' pages as free space that new rows fill first; a
    // new catalog has none.
    const double fileBytesAfter = double(QFileInfo(catalogPath).size()) / rowCount;
    const double bytesPerRow = double(bytesInUse(db)) / rowCount;

    // Recorder start → first camera contact.
    double startMs = 0;
    {
        recording::RecordingEngine::Options options;
        options.recordingsRoot = root;
        options.credentialKeyPath = tmp.filePath(QStringLiteral("credential.key"));
        recording::RecordingEngine engine(cat, settings, cameras, options);
        QElapsedTimer t;
        t.start();
        const Result<void> started = engine.start();
        if (!started) {
            std::fprintf(stderr, "catalog_bench: %s\n", qPrintable(started.error().fullText()));
            return 1;
        }
        // The crash repair runs on the catalog worker and reports back through the event loop.
        while (!camera.hasPendingConnections() && t.elapsed() < 30000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            camera.waitForNewConnection(10);
        }
        if (!camera.hasPendingConnections()) {
            std::fprintf(stderr, "catalog_bench: no camera contact\n");
            return 1;
        }
        startMs = msSince(t);
        engine.stop();
    }

    // Retention with nothing due, then one batch of due files.
    storage::RetentionPolicy policy;
    storage::Retention retention(cat, root);
    QElapsedTimer t;
    t.start();
    retention.run(policy, QDateTime::currentMSecsSinceEpoch());
    const double idleMs = msSince(t);
    QSqlQuery(db).exec(QStringLiteral("UPDATE cameras SET retention_days = 1 WHERE id = 7"));
    t.start();
    const Result<QList<catalog::SegmentRecord>> due
            = store.expired(QDateTime::currentMSecsSinceEpoch(), 64);
    if (!due || due->size() != 64) {
        std::fprintf(stderr, "catalog_bench: expected 64 due files\n");
        return 1;
    }
    for (const catalog::SegmentRecord& s : due.value()) {
        if (!store.removeById(s.id))
            return 1;
    }
    const double batchMs = msSince(t);

    t.start();
    const Result<storage::StorageReport> report
            = storage::storageReport(cat, settings, root, QDateTime::currentMSecsSinceEpoch());
    const double storageMs = msSince(t);
    if (!report)
        return 1;
    t.start();
    const Result<qint64> total = store.totalBytes();
    const double totalMs = msSince(t);
    t.start();
    const Result<QList<catalog::SegmentRecord>> hour = store.list(16, now - 3600000, now);
    const double hourMs = msSince(t);
    if (!total || !hour || hour->size() < 59) {
        std::fprintf(stderr, "catalog_bench: wrong answers\n");
        return 1;
    }
    std::fprintf(stderr, "catalog_bench: built in %.0f ms\n", buildMs);
    std::fprintf(stderr, "catalog_bench: upgrade to this schema took %.0f ms\n", upgradeMs);
    std::fprintf(stderr,
            "catalog_bench: bytes per row: %.0f before the upgrade (file); after it %.0f in use, "
            "%.0f with the free pages the file keeps\n",
            fileBytesBefore, bytesPerRow, fileBytesAfter);
    std::printf("catalog_bench rows=%lld bytes_per_row=%.0f start_to_first_connect_ms=%.0f "
                "retention_idle_ms=%.1f retention_batch_ms=%.1f storage_ms=%.1f "
                "total_bytes_ms=%.2f segments_hour_ms=%.2f\n",
            perCamera * kCameras, bytesPerRow, startMs, idleMs, batchMs, storageMs, totalMs,
            hourMs);
    return 0;
}
