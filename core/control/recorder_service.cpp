#include "core/control/recorder_service.h"

#include "core/control/control_server.h"
#include "core/logging_categories.h"
#include "core/recording/recording_engine.h"
#include "core/runtime/app_context.h"
#include "core/runtime/service_notifier.h"

#include <QTimer>

namespace vigil::control {

RecorderService::RecorderService(runtime::AppContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
    recording::RecordingEngine::Options options;
    options.recordingsRoot = context.dataDir().recordingsPath();
    options.credentialKeyPath = context.dataDir().credentialKeyPath();
    m_engine = std::make_unique<recording::RecordingEngine>(
            context.catalog(), context.settings(), context.cameras(), options);
    m_control = std::make_unique<ControlServer>(*m_engine, context.dataDir().path());
}

RecorderService::~RecorderService()
{
    stop();
}

Result<void> RecorderService::start()
{
    connect(m_engine.get(), &recording::RecordingEngine::startFailed, this,
            &RecorderService::failed, Qt::UniqueConnection);
    connect(m_engine.get(), &recording::RecordingEngine::started, this,
            &RecorderService::engineStarted, Qt::UniqueConnection);
    return m_engine->start();
}

void RecorderService::engineStarted(const recording::RepairReport& report)
{
    if (Result<void> listening = m_control->listen(); !listening) {
        m_engine->stop();
        Q_EMIT failed(listening.error());
        return;
    }
    m_running = true;
    runtime::ServiceNotifier::notify("READY=1");
    // The watchdog is fed from the event loop: a loop that hangs stops feeding it, and systemd
    // restarts the recorder.
    if (const int interval = runtime::ServiceNotifier::watchdogPingIntervalMs(); interval > 0) {
        m_watchdog = new QTimer(this);
        connect(m_watchdog, &QTimer::timeout, this,
                [] { runtime::ServiceNotifier::notify("WATCHDOG=1"); });
        m_watchdog->start(interval);
    }
    Q_EMIT ready(report);
}

void RecorderService::stop()
{
    if (!m_running) {
        m_engine->stop(); // a start still repairing is abandoned
        return;
    }
    m_running = false;
    runtime::ServiceNotifier::notify("STOPPING=1");
    if (m_watchdog)
        m_watchdog->stop();
    m_control.reset(); // clients see the connection close
    m_engine->stop();
}

void RecorderService::reload()
{
    qCInfo(lcRecording) << "reloading cameras and settings";
    if (Result<void> reloaded = m_engine->reload(); !reloaded)
        qCWarning(lcRecording) << "reload failed:" << reloaded.error().fullText();
}

} // namespace vigil::control
