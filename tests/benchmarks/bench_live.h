#pragma once

// What the live benchmarks (live_bench, ui_stall_bench) share: a real Vigil window
// (GuiApplication, offscreen) following a real recorder of simulated cameras, its Live page
// showing one camera per tile.

#include "app/gui_application.h"
#include "support/camsim_process.h"
#include "support/recorder_process.h"
#include "widgets/live/live_tile.h"
#include "widgets/live/live_view.h"
#include "widgets/main_window.h"
#include "widgets/pages/live_page.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace vigil::bench {

inline const QString kCamUser = QStringLiteral("bench");

/// Runs vigilctl on `data` to its end (blocking: call it off the GUI thread while measuring).
inline bool vigilctl(const QString& data, const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            QStringList {QStringLiteral("--data-dir"), data} + args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        std::fprintf(stderr, "vigilctl %s failed: %s\n", qPrintable(args.join(u' ')),
                p.readAllStandardError().constData());
        return false;
    }
    return true;
}

/// Runs the event loop until `done` holds (checked every 100 ms) or `ms` pass.
template<typename Done>
bool spin(int ms, Done done)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

inline double percentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(std::ceil(p * double(values.size())) - 1));
    return double(values[i]);
}

/// Cameras 1 … n of `sim` added to `data` (ONVIF, so that their sub streams are known).
inline bool addCameras(const QString& data, const test::CamsimProcess& sim, int n)
{
    for (int i = 0; i < n; ++i) {
        if (!vigilctl(data,
                    {QStringLiteral("camera"), QStringLiteral("add"),
                            sim.endpoint(i, "device_service"), QStringLiteral("--user"), kCamUser,
                            QStringLiteral("--password"), kCamUser}))
            return false;
    }
    return true;
}

/// A window on `data` (whose recorder runs) with cameras 1 … n in the tiles of its Live page,
/// every tile live; null (said on stderr) when that does not happen within a minute.
inline std::unique_ptr<app::GuiApplication> openLiveWindow(
        const QString& data, int n, widgets::LiveView** view)
{
    auto gui = std::make_unique<app::GuiApplication>();
    if (const Result<void> started = gui->start({QStringLiteral("vigil"),
                QStringLiteral("--data-dir"), data, QStringLiteral("--no-recorder")});
            !started) {
        std::fprintf(
                stderr, "the window did not start: %s\n", qPrintable(started.error().fullText()));
        return nullptr;
    }
    gui->mainWindow()->resize(1600, 1000);
    auto* page = static_cast<widgets::LivePage*>(gui->mainWindow()->page(widgets::PageId::Live));
    *view = page->liveView();
    widgets::LiveView* v = *view;
    if (!spin(30000, [v] { return v->isVisible(); })) {
        std::fprintf(stderr, "the Live page did not show\n");
        return nullptr;
    }
    v->setColumns(n == 1 ? 1 : n <= 4 ? 2 : n <= 9 ? 3 : 4);
    for (int i = 0; i < n; ++i)
        v->assign(i, i + 1);
    const bool live = spin(60000, [v, n] {
        for (int i = 0; i < n; ++i) {
            if (!v->tile(i)->isLive())
                return false;
        }
        return true;
    });
    if (!live) {
        std::fprintf(stderr, "not every tile went live\n");
        return nullptr;
    }
    return gui;
}

} // namespace vigil::bench
