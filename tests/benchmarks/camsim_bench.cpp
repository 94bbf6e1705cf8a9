// camsim_bench CAMERAS SECONDS: CPU cost of vigil-camsim serving every camera's main stream to one
// RTSP client each (ffmpeg -c copy to null), against the clients' own CPU in the same run.
// Prints: camsim_bench cameras=.. clients=.. seconds=.. camsim_cpu_s=.. camsim_core_percent=..
//         clients_cpu_s=.. ratio=.. camsim_rss_mb=.. client_failures=..
// Target (issue 3): camsim_core_percent < 10 for 16 cameras.
#include "benchmarks/process_stats.h"
#include "support/camsim_process.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using vigil::bench::peakRssMb;
using vigil::bench::processCpuSeconds;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int cameras = args.value(1, QStringLiteral("16")).toInt();
    const int seconds = args.value(2, QStringLiteral("30")).toInt();
    if (cameras < 1 || seconds < 1) {
        std::fprintf(stderr, "usage: camsim_bench CAMERAS SECONDS\n");
        return 1;
    }

    vigil::test::CamsimProcess sim;
    if (!sim.start(cameras, {QStringLiteral("--no-discovery")}, 600000)) {
        std::fprintf(stderr, "camsim_bench: vigil-camsim did not start\n");
        return 1;
    }
    const qint64 pid = sim.process().processId();

    std::vector<std::unique_ptr<QProcess>> clients;
    for (int i = 0; i < cameras; ++i) {
        auto client = std::make_unique<QProcess>();
        client->start(QStringLiteral("ffmpeg"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin"),
                        QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"),
                        QStringLiteral("-i"), sim.endpoint(i, "rtsp_main"), QStringLiteral("-t"),
                        QString::number(seconds), QStringLiteral("-c"), QStringLiteral("copy"),
                        QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
        clients.push_back(std::move(client));
    }
    // Measure the simulator over the window in which every client is streaming.
    QThread::sleep(2);
    const double cpuStart = processCpuSeconds(pid);
    QElapsedTimer window;
    window.start();
    QThread::sleep(ulong(qMax(1, seconds - 4)));
    const double cpuEnd = processCpuSeconds(pid);
    const double elapsed = window.elapsed() / 1000.0;

    int failures = 0;
    for (auto& client : clients) {
        if (!client->waitForFinished((seconds + 30) * 1000) || client->exitCode() != 0)
            ++failures;
    }
    rusage children {};
    getrusage(RUSAGE_CHILDREN, &children);
    const double clientsCpu = double(children.ru_utime.tv_sec + children.ru_stime.tv_sec)
            + double(children.ru_utime.tv_usec + children.ru_stime.tv_usec) / 1e6;
    const double rss = peakRssMb(pid);
    const double camsimCpu = cpuEnd - cpuStart;
    // Scale the simulator's window to the clients' whole run for a like-for-like ratio.
    const double camsimCpuFull = camsimCpu * seconds / elapsed;
    std::printf("camsim_bench cameras=%d clients=%d seconds=%d camsim_cpu_s=%.2f "
                "camsim_core_percent=%.1f "
                "clients_cpu_s=%.2f ratio=%.2f camsim_rss_mb=%.0f client_failures=%d\n",
            cameras, cameras, seconds, camsimCpuFull, 100.0 * camsimCpu / elapsed, clientsCpu,
            clientsCpu > 0 ? camsimCpuFull / clientsCpu : 0.0, rss, failures);
    return failures == 0 ? 0 : 1;
}
