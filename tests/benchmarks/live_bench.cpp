// live_bench N SECONDS: N simulated cameras' sub streams (640×360) shown live in N tiles of a
// real Vigil window (GuiApplication, offscreen) through the whole path — camera → the recorder's
// stream hub → the local channel → the window's decoder → QVideoSink — against N
// `ffmpeg -threads 1 -rtsp_transport tcp -i URL -an -f null -` on the same streams, one after the
// other in the same run. The cameras are set not to record, so only live costs are compared.
// CPU is the recorder's and the window's together, over SECONDS once every tile is live.
// Prints: live_bench N=.. vigil_cpu_s=.. ffmpeg_cpu_s=.. ratio=.. frames=.. frames_expected=..
//         decode_latency_p95_ms=..
// Targets (issue 13, N = 16, SECONDS = 30): ratio <= 1.2, frames >= 99 % of expected,
// decode_latency_p95_ms <= 40.
#include "benchmarks/bench_live.h"
#include "benchmarks/process_stats.h"
#include "core/control/live_feed.h"

#include <QApplication>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <unistd.h>

using namespace vigil::bench;

namespace {

constexpr int kCameraFps = 15; // camsim's frame rate (tools/camsim/media_cache.h)

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    const QStringList args = QCoreApplication::arguments();
    const int n = args.value(1, QStringLiteral("16")).toInt();
    const int seconds = args.value(2, QStringLiteral("30")).toInt();
    if (n < 1 || n > vigil::widgets::LiveView::kMaxTiles || seconds < 1) {
        std::fprintf(stderr, "usage: live_bench N(1-16) SECONDS\n");
        return 1;
    }
    QTemporaryDir tmp;
    vigil::test::CamsimProcess sim;
    if (!tmp.isValid()
            || !sim.start(n,
                    {QStringLiteral("--no-discovery"), QStringLiteral("--user"), kCamUser,
                            QStringLiteral("--password"), kCamUser},
                    600000)) {
        std::fprintf(stderr, "live_bench: vigil-camsim did not start\n");
        return 1;
    }

    // --- Vigil: the recorder and a window, the cameras not recording ---
    const QString data = tmp.filePath(QStringLiteral("vigil"));
    if (!addCameras(data, sim, n))
        return 1;
    for (int i = 0; i < n; ++i) {
        if (!vigilctl(data,
                    {QStringLiteral("camera"), QStringLiteral("record"), QString::number(i + 1),
                            QStringLiteral("--mode"), QStringLiteral("off")}))
            return 1;
    }
    auto recorder = std::make_unique<vigil::test::RecorderProcess>(data);
    if (!recorder->started()) {
        std::fprintf(stderr, "live_bench: vigil-recorder did not start\n");
        return 1;
    }
    vigil::widgets::LiveView* view = nullptr;
    std::unique_ptr<vigil::app::GuiApplication> gui = openLiveWindow(data, n, &view);
    if (!gui)
        return 1;
    spin(2000, [] { return false; }); // past the first key frames and the decoders' start-up

    qint64 frames = 0;
    std::vector<size_t> latencyStart;
    for (int i = 0; i < n; ++i) {
        const vigil::control::LiveFeed* feed = view->tile(i)->feed();
        QObject::connect(
                feed, &vigil::control::LiveFeed::frameShown, &app, [&frames] { ++frames; });
        latencyStart.push_back(feed->latenciesMs().size());
    }
    const qint64 self = qint64(::getpid());
    const double vigilStart = processCpuSeconds(self) + processCpuSeconds(recorder->pid());
    spin(seconds * 1000, [] { return false; });
    const double vigilCpu
            = processCpuSeconds(self) + processCpuSeconds(recorder->pid()) - vigilStart;
    std::vector<qint64> latencies;
    for (int i = 0; i < n; ++i) {
        const std::vector<qint64>& all = view->tile(i)->feed()->latenciesMs();
        latencies.insert(latencies.end(), all.begin() + qint64(latencyStart[size_t(i)]), all.end());
    }
    gui.reset();
    recorder->stop();

    // --- ffmpeg, one single-threaded decoder per camera, on the same sub streams ---
    std::vector<std::unique_ptr<QProcess>> peers;
    for (int i = 0; i < n; ++i) {
        QUrl url(sim.endpoint(i, "rtsp_sub"));
        url.setUserName(kCamUser);
        url.setPassword(kCamUser);
        auto peer = std::make_unique<QProcess>();
        peer->start(QStringLiteral("ffmpeg"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin"),
                        QStringLiteral("-threads"), QStringLiteral("1"),
                        QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"),
                        QStringLiteral("-i"), url.toString(), QStringLiteral("-an"),
                        QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
        if (!peer->waitForStarted()) {
            std::fprintf(stderr, "live_bench: ffmpeg did not start\n");
            return 1;
        }
        peers.push_back(std::move(peer));
    }
    QThread::sleep(3); // connected and past the first key frame, as Vigil was
    std::vector<double> peerStart;
    for (auto& p : peers)
        peerStart.push_back(processCpuSeconds(p->processId()));
    QThread::sleep(ulong(seconds));
    double ffmpegCpu = 0;
    for (size_t i = 0; i < peers.size(); ++i) {
        const double now = processCpuSeconds(peers[i]->processId());
        if (now < 0) {
            std::fprintf(stderr, "live_bench: an ffmpeg stopped: %s\n",
                    peers[i]->readAllStandardError().constData());
            return 1;
        }
        ffmpegCpu += now - peerStart[i];
    }
    for (auto& p : peers) {
        ::kill(pid_t(p->processId()), SIGINT);
        if (!p->waitForFinished(20000))
            p->kill();
    }

    std::printf("live_bench N=%d vigil_cpu_s=%.2f ffmpeg_cpu_s=%.2f ratio=%.2f frames=%lld "
                "frames_expected=%d decode_latency_p95_ms=%.0f\n",
            n, vigilCpu, ffmpegCpu, ffmpegCpu > 0 ? vigilCpu / ffmpegCpu : 0.0, frames,
            n * seconds * kCameraFps, percentile(latencies, 0.95));
    return 0;
}
