// ui_stall_bench [SECONDS]: how late the GUI thread of a real Vigil window (GuiApplication,
// offscreen) runs a 5 ms heartbeat timer while 16 simulated cameras record (vigil-recorder),
// their 16 sub streams play live in a 4×4 grid, and retention deletes 2,000 old files (their
// cameras' retention is shortened while the heartbeat runs, as a clerk would in Settings).
// The heartbeat runs for SECONDS (default 30) and at least until the old files are gone.
// Prints: ui_stall_bench cameras=16 p99_ms=.. max_ms=.. beats=.. deleted=..
// Targets (issue 13): p99_ms <= 16, max_ms <= 50.
#include "benchmarks/bench_live.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace vigil;
using namespace vigil::bench;

namespace {

constexpr int kCameras = 16;
constexpr int kOldFiles = 2000;
constexpr int kBeatMs = 5;

/// Midnight (UTC) 40 days ago: the old files are that day's first hours, in one folder per
/// camera.
qint64 oldDayMs()
{
    const qint64 day = 86400000;
    return (QDateTime::currentMSecsSinceEpoch() / day - 40) * day;
}

/// kOldFiles closed files of 40 days ago, spread over the cameras, indexed as the recorder
/// indexes them, with small files on disk.
bool addOldFootage(const QString& data)
{
    Result<std::unique_ptr<catalog::Catalog>> opened
            = catalog::Catalog::open(data + QStringLiteral("/vigil.sqlite"));
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().fullText()));
        return false;
    }
    catalog::SegmentStore store(*opened.value());
    const QByteArray bytes(16 * 1024, 'x');
    const qint64 start = oldDayMs();
    for (int i = 0; i < kOldFiles; ++i) {
        catalog::SegmentRecord s;
        s.cameraId = 1 + i % kCameras;
        const Result<qint64> stream = store.streamId(s.cameraId, QStringLiteral("main"));
        if (!stream)
            return false;
        s.streamId = stream.value();
        s.startMs = start + qint64(i / kCameras) * 60000;
        s.endMs = s.startMs + 60000;
        s.path = catalog::segmentPath(s.cameraId, QStringLiteral("main"), s.startMs);
        s.bytes = bytes.size();
        s.state = QStringLiteral("closed");
        const QString file = data + QStringLiteral("/recordings/") + s.path;
        QDir().mkpath(QFileInfo(file).path());
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !store.insert(s))
            return false;
    }
    return true;
}

/// How many of the old files are still on disk (they all sit in folders of 40 days ago).
int oldFilesLeft(const QString& data)
{
    int n = 0;
    for (int c = 1; c <= kCameras; ++c) {
        const QString first = catalog::segmentPath(c, QStringLiteral("main"), oldDayMs());
        const QDir day(data + QStringLiteral("/recordings/") + QFileInfo(first).path());
        n += int(day.entryList(QDir::Files).size());
    }
    return n;
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    const int seconds = QCoreApplication::arguments().value(1, QStringLiteral("30")).toInt();
    QTemporaryDir tmp;
    test::CamsimProcess sim;
    if (!tmp.isValid()
            || !sim.start(kCameras,
                    {QStringLiteral("--no-discovery"), QStringLiteral("--user"), kCamUser,
                            QStringLiteral("--password"), kCamUser},
                    600000)) {
        std::fprintf(stderr, "ui_stall_bench: vigil-camsim did not start\n");
        return 1;
    }
    const QString data = tmp.filePath(QStringLiteral("vigil"));
    if (!addCameras(data, sim, kCameras))
        return 1;
    // Kept for ten years until the heartbeat runs, so that the recorder's first pass keeps them.
    for (int c = 1; c <= kCameras; ++c) {
        if (!vigilctl(data,
                    {QStringLiteral("camera"), QStringLiteral("record"), QString::number(c),
                            QStringLiteral("--retention-days"), QStringLiteral("3650")}))
            return 1;
    }
    if (!addOldFootage(data) || oldFilesLeft(data) != kOldFiles) {
        std::fprintf(stderr, "ui_stall_bench: the old footage could not be made\n");
        return 1;
    }
    test::RecorderProcess recorder(data);
    if (!recorder.started())
        return 1;
    widgets::LiveView* view = nullptr;
    std::unique_ptr<app::GuiApplication> gui = openLiveWindow(data, kCameras, &view);
    if (!gui)
        return 1;

    // The heartbeat.
    std::vector<qint64> lateness;
    QElapsedTimer clock;
    clock.start();
    qint64 previous = 0; // µs of the last beat
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    beat.setInterval(kBeatMs);
    QObject::connect(&beat, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed() / 1000;
        lateness.push_back(qMax<qint64>(0, now - previous - kBeatMs * 1000));
        previous = now;
    });
    previous = clock.nsecsElapsed() / 1000;
    beat.start();

    // Off the GUI thread, as another program: shorter retention, then watch the files go.
    std::atomic<int> left {kOldFiles};
    std::atomic<bool> changed {false};
    std::thread clerk([&] {
        for (int c = 1; c <= kCameras; ++c)
            vigilctl(data,
                    {QStringLiteral("camera"), QStringLiteral("record"), QString::number(c),
                            QStringLiteral("--retention-days"), QStringLiteral("30")});
        changed = true;
        QDeadlineTimer deadline(180000);
        while (left > 0 && !deadline.hasExpired()) {
            left = oldFilesLeft(data);
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
        }
    });
    spin(seconds * 1000, [] { return false; });
    spin(180000, [&] { return changed && left == 0; });
    spin(3000, [] { return false; }); // the window's own reaction to the deletion
    beat.stop();
    clerk.join();
    gui.reset();
    recorder.stop();

    std::vector<qint64> ms;
    for (const qint64 us : lateness)
        ms.push_back(us / 1000);
    std::printf("ui_stall_bench cameras=%d p99_ms=%.0f max_ms=%.0f beats=%zu deleted=%d\n",
            kCameras, percentile(ms, 0.99),
            ms.empty() ? -1.0 : double(*std::max_element(ms.begin(), ms.end())), lateness.size(),
            kOldFiles - left.load());
    return left == 0 ? 0 : 1;
}
