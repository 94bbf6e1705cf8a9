// search_bench [EVENTS] [SEGMENTS]: a real on-disk catalog with EVENTS events (default
// 10,000,000) and SEGMENTS segments (default 500,000) across 32 cameras × 30 days (rows made
// inside SQLite, quickly), then timed through Vigil's own queries, 200 random windows each:
//   one_camera_p95_ms          EventStore::find, one camera, 24 h, the first page (500 rows)
//   all_cameras_p95_ms         EventStore::find, every camera, 1 h, the first page
//   timeline_24h_p95_ms        TimelineLoader::load, one camera, 24 h at 1,500 pixels
//   unbounded_one_camera_p95_ms  the first query without the lower bound on start_ms (the
//                              interval overlap that scans every older row of the camera)
// Prints: search_bench rows=.. one_camera_p95_ms=.. all_cameras_p95_ms=.. timeline_24h_p95_ms=..
//         unbounded_one_camera_p95_ms=..
// Targets (issue 15): one camera ≤ 5 ms, all cameras ≤ 50 ms, timeline ≤ 5 ms.
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/event_store.h"
#include "core/playback/timeline.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace vigil;

namespace {

constexpr int kCameras = 32;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kDays = 30;
constexpr qint64 kStartMs = 1764547200000; // 2025-12-01 00:00 UTC

double p95(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? -1 : values.at(qsizetype(double(values.size()) * 0.95));
}

QList<double> timed(int runs, const std::function<bool(QRandomGenerator&)>& run)
{
    QRandomGenerator random(15);
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!run(random))
            return {};
        ms << double(t.nsecsElapsed()) / 1e6;
    }
    return ms;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 events = argc > 1 ? QByteArray(argv[1]).toLongLong() : 10000000;
    const qint64 segments = argc > 2 ? QByteArray(argv[2]).toLongLong() : 500000;
    QTemporaryDir dir;
    auto opened = catalog::Catalog::open(dir.filePath(QStringLiteral("vigil.sqlite")));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().fullText()));
        return 1;
    }
    catalog::Catalog& db = *opened.value();
    catalog::CameraStore cameras(db);
    for (int c = 1; c <= kCameras; ++c) {
        catalog::CameraRecord r;
        r.uuid = QStringLiteral("rtsp:bench-%1").arg(c);
        r.name = QStringLiteral("Camera %1").arg(c);
        catalog::StreamRecord main;
        main.role = QStringLiteral("main");
        main.uri = QStringLiteral("rtsp://127.0.0.1:9/%1").arg(c);
        r.streams << main;
        if (!cameras.add(r))
            return 1;
    }
    QElapsedTimer setup;
    setup.start();
    QSqlDatabase sql = QSqlDatabase::database(db.connectionName());
    QSqlQuery q(sql);
    const qint64 span = kDays * kDayMs;
    // Events: every camera's, spread evenly over the 30 days, 4 s long, three kinds.
    const qint64 eventStep = span / (events / kCameras);
    const qint64 segmentMs = span / (segments / kCameras);
    const QStringList statements {
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE "
                           "i < %1) INSERT INTO events (camera_id, type, source, start_ms, end_ms, "
                           "score) SELECT 1 + i %% %2, CASE i %% 3 WHEN 0 THEN 'motion' WHEN 1 "
                           "THEN 'person' ELSE 'camera_alarm' END, 'vigil', %3 + (i / %2) * %4 + "
                           "(i %% %2) * 37, %3 + (i / %2) * %4 + (i %% %2) * 37 + 4000, 0.5 FROM n")
                    .replace(QLatin1String("%%"), QLatin1String("%"))
                    .arg(events - 1)
                    .arg(kCameras)
                    .arg(kStartMs)
                    .arg(eventStep),
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE "
                           "i < %1) INSERT INTO segments (camera_id, stream_id, start_ms, end_ms, "
                           "bytes, state, codec, width, height) SELECT c.camera_id, c.id, %2 + "
                           "(n.i / %3) * %4, %2 + (n.i / %3) * %4 + %4, 30000000, 'closed', "
                           "'h264', 1920, 1080 FROM n JOIN streams c ON c.camera_id = 1 + n.i %% "
                           "%3 AND c.role = 'main'")
                    .replace(QLatin1String("%%"), QLatin1String("%"))
                    .arg(segments - 1)
                    .arg(kStartMs)
                    .arg(kCameras)
                    .arg(segmentMs),
            QStringLiteral("ANALYZE"),
    };
    for (const QString& statement : statements) {
        if (!q.exec(statement)) {
            std::fprintf(
                    stderr, "%s\n%s\n", qPrintable(statement), qPrintable(q.lastError().text()));
            return 1;
        }
    }
    std::fprintf(stderr, "catalog of %lld events and %lld segments made in %.0f s\n", events,
            segments, double(setup.elapsed()) / 1000);

    const catalog::EventStore store(db);
    const auto windowStart = [&](QRandomGenerator& r, qint64 length) {
        return kStartMs + qint64(r.bounded(quint32((span - length) / 1000))) * 1000;
    };
    const auto oneCamera = [&](bool unbounded) {
        return [&, unbounded](QRandomGenerator& r) {
            catalog::EventStore::Query query;
            query.cameraIds = {1 + r.bounded(kCameras)};
            query.fromMs = windowStart(r, kDayMs);
            query.toMs = query.fromMs + kDayMs;
            query.unbounded = unbounded;
            const auto found = store.find(query);
            return found && !found->isEmpty();
        };
    };
    const QList<double> one = timed(200, oneCamera(false));
    const QList<double> all = timed(200, [&](QRandomGenerator& r) {
        catalog::EventStore::Query query;
        query.fromMs = windowStart(r, 3600000);
        query.toMs = query.fromMs + 3600000;
        const auto found = store.find(query);
        return found && !found->isEmpty();
    });
    const playback::TimelineLoader loader(db);
    const QList<double> timeline = timed(200, [&](QRandomGenerator& r) {
        const qint64 from = windowStart(r, kDayMs);
        const auto data
                = loader.load({1 + r.bounded(kCameras)}, {from, from + kDayMs}, kDayMs / 1500);
        return data && !data->cameras.first().recorded.isEmpty();
    });
    const QList<double> unbounded = timed(50, oneCamera(true));
    if (one.isEmpty() || all.isEmpty() || timeline.isEmpty() || unbounded.isEmpty()) {
        std::fprintf(stderr, "a query failed or found nothing\n");
        return 1;
    }
    std::printf("search_bench rows=%lld one_camera_p95_ms=%.2f all_cameras_p95_ms=%.2f "
                "timeline_24h_p95_ms=%.2f unbounded_one_camera_p95_ms=%.2f\n",
            events + segments, p95(one), p95(all), p95(timeline), p95(unbounded));
    return 0;
}
