#pragma once

#include "core/recording/segment_repair.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QObject>

#include <memory>

class QTimer;

namespace vigil::runtime {
class AppContext;
}
namespace vigil::recording {
class RecordingEngine;
}

namespace vigil::control {

class ControlServer;

/// What `vigil-recorder` and `vigilctl record` run: the recording engine of a data folder (whose
/// lock the caller holds), its control socket for the window and vigilctl, and the service
/// manager's readiness and watchdog.
class RecorderService : public QObject
{
    Q_OBJECT

public:
    explicit RecorderService(runtime::AppContext& context, QObject* parent = nullptr);
    ~RecorderService() override;

    /// Repairs (on a worker: the event loop runs meanwhile), starts recording, opens the
    /// control socket, tells systemd it is ready, and emits ready(); or emits failed().
    /// Fails at once only when the recordings folder cannot be made.
    Result<void> start();
    /// Stops recording (open files finished and indexed) and closes the socket.
    void stop();
    /// Reads cameras and settings again (SIGHUP, or a client's "reload").
    void reload();

    recording::RecordingEngine& engine() { return *m_engine; }
    ControlServer& control() { return *m_control; }

Q_SIGNALS:
    void ready(const vigil::recording::RepairReport& report);
    void failed(const vigil::Error& error);

private:
    void engineStarted(const recording::RepairReport& report);

    runtime::AppContext& m_context;
    std::unique_ptr<recording::RecordingEngine> m_engine;
    std::unique_ptr<ControlServer> m_control;
    QTimer* m_watchdog = nullptr;
    bool m_running = false;
};

} // namespace vigil::control
