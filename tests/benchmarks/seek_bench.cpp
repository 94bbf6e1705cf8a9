// seek_bench [SEEKS]: 24 h of recorded 1080p25 H.264 (GOP 2 s, 60-s fragmented-MP4 segments in
// Vigil's layout and catalog), then SEEKS (default 500) random exact seeks through ArchivePlayer
// — the catalog lookup, the segment opened at the keyframe before, the keyframe shown at once,
// decoding on to the frame — timed to the first frame shown and to the exact one, against
// `ffmpeg -ss T -i SEGMENT -frames:v 1 -f null -` on the same targets in the same run.
//
// The day is made quickly: one minute is encoded once (libx264, ultrafast, 2 Mbit/s) and remuxed
// 60 times over by the recorder's SegmentWriter into an hour of 60 segments, one after the
// other on one timeline; the other 23 hours are catalog rows whose
// files are hard links to those 60 (same bytes, same keyframe index), so the catalog holds a
// whole day of rows and every seek goes through a real file of the day's layout.
//
// Prints: seek_bench seeks=.. keyframe_p50_ms=.. keyframe_p95_ms=.. exact_p50_ms=..
//         exact_p95_ms=.. ffmpeg_p50_ms=.. ffmpeg_p95_ms=..
// Targets (issue 15): keyframe p50 ≤ 50 ms; exact p50 ≤ 150 ms and ≤ ffmpeg's p50 + 20 ms.
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/playback/archive_player.h"
#include "support/archive_builder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace vigil;

namespace {

constexpr qint64 kStartMs = 1767225600000; // 2026-01-01 00:00 UTC
constexpr qint64 kHourMs = 3600 * 1000;

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const auto i = std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(i);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int seeks = argc > 1 ? QByteArray(argv[1]).toInt() : 500;
    QTemporaryDir dir;
    const QString recordings = dir.filePath(QStringLiteral("recordings"));
    auto opened = catalog::Catalog::open(dir.filePath(QStringLiteral("vigil.sqlite")));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().fullText()));
        return 1;
    }
    catalog::Catalog& catalog = *opened.value();
    QElapsedTimer setup;
    setup.start();
    const QList<catalog::SegmentRecord> hour
            = test::buildBenchmarkHour(catalog, dir.path(), kStartMs);
    if (hour.isEmpty())
        return 1;
    const qint64 camera = hour.first().cameraId;
    catalog::SegmentStore store(catalog);
    QList<catalog::SegmentRecord> day = hour;
    for (int h = 1; h < 24; ++h) {
        for (const catalog::SegmentRecord& s : hour) {
            catalog::SegmentRecord copy = s;
            copy.id = 0;
            copy.startMs += h * kHourMs;
            copy.endMs += h * kHourMs;
            copy.path = catalog::segmentPath(camera, copy.role, copy.startMs);
            QDir().mkpath(QFileInfo(recordings + u'/' + copy.path).absolutePath());
            if (::link(QFile::encodeName(recordings + u'/' + s.path).constData(),
                        QFile::encodeName(recordings + u'/' + copy.path).constData())
                    != 0) {
                std::fprintf(stderr, "cannot link %s\n", qPrintable(copy.path));
                return 1;
            }
            if (!store.insert(copy)) {
                std::fprintf(stderr, "cannot index %s\n", qPrintable(copy.path));
                return 1;
            }
            day << copy;
        }
    }
    std::fprintf(stderr, "a day of footage: %d segments in %.0f s\n", int(day.size()),
            double(setup.elapsed()) / 1000);

    // The same targets for both: a random time inside a random segment, on a frame.
    QRandomGenerator random(15);
    struct Target
    {
        qint64 utcMs;
        const catalog::SegmentRecord* segment;
    };
    QList<Target> targets;
    for (int i = 0; i < seeks; ++i) {
        const catalog::SegmentRecord& s = day.at(random.bounded(int(day.size())));
        const qint64 offset = random.bounded(int(s.endMs - s.startMs - 40)) / 40 * 40;
        targets << Target {s.startMs + offset, &s};
    }

    playback::ArchivePlayer::Config config;
    config.catalogPath = catalog.path();
    config.recordingsDir = recordings;
    config.cameraId = camera;
    playback::ArchivePlayer player(config);
    // Times are taken as the frames are handed out (on this thread, inside the player's work).
    QElapsedTimer timer;
    double first = -1;
    double exact = -1;
    qint64 exactUtc = 0;
    QObject::connect(&player, &playback::ArchivePlayer::frameShown,
            [&](const QVideoFrame&, qint64 utcMs, bool isExact) {
                const double now = double(timer.nsecsElapsed()) / 1e6;
                if (first < 0)
                    first = now;
                if (isExact && exact < 0) {
                    exact = now;
                    exactUtc = utcMs;
                }
            });
    QList<double> keyframeMs, exactMs, ffmpegMs;
    int wrong = 0;
    for (const Target& t : std::as_const(targets)) {
        first = exact = -1;
        timer.start();
        player.seek(t.utcMs);
        while (exact < 0 && timer.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        if (exact < 0)
            continue;
        keyframeMs << first;
        exactMs << exact;
        if (exactUtc != t.utcMs)
            ++wrong;
    }

    for (const Target& t : std::as_const(targets)) {
        QElapsedTimer timer;
        timer.start();
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-ss"),
                        QString::number(double(t.utcMs - t.segment->startMs) / 1000, 'f', 3),
                        QStringLiteral("-i"), recordings + u'/' + t.segment->path,
                        QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-f"),
                        QStringLiteral("null"), QStringLiteral("-")});
        ffmpeg.waitForFinished(30000);
        ffmpegMs << double(timer.nsecsElapsed()) / 1e6;
    }

    if (wrong > 0 || exactMs.size() != targets.size())
        std::fprintf(stderr, "%d seeks showed another frame, %d none\n", wrong,
                int(targets.size() - exactMs.size()));
    std::printf("seek_bench seeks=%d keyframe_p50_ms=%.1f keyframe_p95_ms=%.1f exact_p50_ms=%.1f "
                "exact_p95_ms=%.1f ffmpeg_p50_ms=%.1f ffmpeg_p95_ms=%.1f\n",
            int(targets.size()), percentile(keyframeMs, 0.5), percentile(keyframeMs, 0.95),
            percentile(exactMs, 0.5), percentile(exactMs, 0.95), percentile(ffmpegMs, 0.5),
            percentile(ffmpegMs, 0.95));
    return wrong == 0 && exactMs.size() == targets.size() ? 0 : 1;
}
