// scrub_bench [SECONDS]: the playhead dragged across an hour of 1080p25 footage (GOP 2 s, 60-s
// segments in Vigil's layout and catalog) at 60 positions a second for SECONDS (default 10),
// through PlaybackSession as the timeline drives it — each position an exact seek on the tile's
// own thread, a newer one stopping the last — with the frames received on this (the GUI's)
// thread. The hour is one minute encoded once and remuxed 60 times over.
//   shown_fps   frames that reached this thread per second (keyframes shown at once, and
//               exact frames when the drag left time for them)
//   lag_p95_ms  for each frame, the time since the position it answers was asked
// Prints: scrub_bench shown_fps=.. lag_p95_ms=..
// Targets (issue 15): ≥ 15 frames a second, lag p95 ≤ 150 ms.
#include "core/catalog/catalog.h"
#include "core/playback/playback_session.h"
#include "support/archive_builder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace vigil;

namespace {

constexpr qint64 kStartMs = 1767225600000; // 2026-01-01 00:00 UTC
constexpr qint64 kHourMs = 3600 * 1000;

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? QByteArray(argv[1]).toInt() : 10;
    QTemporaryDir dir;
    const QString recordings = dir.filePath(QStringLiteral("recordings"));
    auto opened = catalog::Catalog::open(dir.filePath(QStringLiteral("vigil.sqlite")));
    if (!opened)
        return 1;
    catalog::Catalog& catalog = *opened.value();
    const QList<catalog::SegmentRecord> hour
            = test::buildBenchmarkHour(catalog, dir.path(), kStartMs);
    if (hour.isEmpty())
        return 1;
    const qint64 camera = hour.first().cameraId;

    playback::PlaybackSession::Config config;
    config.catalogPath = catalog.path();
    config.recordingsDir = recordings;
    config.reasonAgeDays = 0;
    playback::PlaybackSession session(config);
    session.setOutputSize(0, QSize(960, 540));
    if (!session.open({camera}, kStartMs + 1000))
        return 1;

    // The drag: 60 positions a second, across the hour in `seconds`.
    const int positions = 60 * seconds;
    const qint64 stepMs = (kHourMs - 4000) / positions;
    QList<qint64> askedAt; // wall time of each position, ms since the drag began
    QList<qint64> targets;
    QList<double> lags;
    int frames = 0;
    QElapsedTimer wall;
    QObject::connect(&session, &playback::PlaybackSession::frameShown,
            [&](int, const QVideoFrame&, qint64 utcMs, bool) {
                if (targets.isEmpty())
                    return;
                // The newest position this frame answers: at or after it, within a GOP.
                for (qsizetype i = targets.size() - 1; i >= 0; --i) {
                    if (targets.at(i) >= utcMs && targets.at(i) - utcMs <= 2000) {
                        ++frames;
                        lags << double(wall.elapsed() - askedAt.at(i));
                        return;
                    }
                }
            });
    QTimer drag;
    drag.setTimerType(Qt::PreciseTimer);
    drag.setInterval(1000 / 60);
    int done = 0;
    QObject::connect(&drag, &QTimer::timeout, [&] {
        if (done == positions) {
            drag.stop();
            // The last frames still on their way arrive within a moment.
            QTimer::singleShot(500, &app, &QCoreApplication::quit);
            return;
        }
        // Positions on whole frames, as a timeline of 40-ms steps gives them.
        const qint64 t = (kStartMs + 2000 + qint64(done) * stepMs) / 40 * 40;
        targets << t;
        askedAt << wall.elapsed();
        session.seek(t);
        ++done;
    });
    wall.start();
    drag.start();
    app.exec();
    const double elapsed = double(seconds);
    std::sort(lags.begin(), lags.end());
    const double p95 = lags.isEmpty() ? -1 : lags.at(qsizetype(double(lags.size()) * 0.95));
    std::printf("scrub_bench shown_fps=%.1f lag_p95_ms=%.0f\n", frames / elapsed, p95);
    return frames > 0 ? 0 : 1;
}
