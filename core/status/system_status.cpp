#include "core/status/system_status.h"

#include "core/catalog/camera_store.h"
#include "core/logging_categories.h"
#include "core/recording/recording_engine.h"

#include <QStorageInfo>

namespace vigil::status {

SystemStatus::SystemStatus(QString storagePath, catalog::CameraStore* cameras, QObject* parent)
    : QObject(parent)
    , m_storagePath(std::move(storagePath))
    , m_cameras(cameras)
{
    m_timer.setInterval(10'000);
    connect(&m_timer, &QTimer::timeout, this, &SystemStatus::refresh);
    m_timer.start();
    refresh();
}

void SystemStatus::setRecordingEngine(recording::RecordingEngine* engine)
{
    m_engine = engine;
    connect(engine, &recording::RecordingEngine::statusChanged, this, &SystemStatus::refresh);
    connect(engine, &recording::RecordingEngine::alertRaised, this,
            [this](const recording::RecordingEngine::Alert& alert) {
                m_lastAlert = alert.message;
                m_lastAlertCamera
                        = alert.kind == QLatin1String("camera_offline") ? alert.cameraId : 0;
                refresh();
            });
    refresh();
}

void SystemStatus::refresh()
{
    Snapshot next;
    const QStorageInfo storage(m_storagePath);
    if (storage.isValid() && storage.isReady()) {
        next.storageFreeBytes = storage.bytesAvailable();
        next.storageTotalBytes = storage.bytesTotal();
    }
    if (m_cameras) {
        const Result<int> count = m_cameras->activeCount();
        if (count)
            next.cameras = count.value();
        else
            qCWarning(lcStatus) << count.error().fullText();
    }
    if (m_engine) {
        const recording::RecordingEngine::Summary summary = m_engine->summary();
        next.camerasOnline = summary.camerasOnline;
        next.camerasRecording = summary.camerasRecording;
        next.recordingErrors = summary.streamsWithErrors;
        next.recordingStopped = summary.storageBlocked;
        next.recorderRunning = true;
        next.footageBytes = summary.footageBytes;
        // "Camera X is not recording: unreachable" stops being true when X is back: not shown then.
        if (m_lastAlertCamera > 0) {
            for (const recording::RecordingEngine::StreamStatus& s : m_engine->streams()) {
                if (s.cameraId == m_lastAlertCamera && s.role == QLatin1String("main")
                        && s.online) {
                    m_lastAlert.clear();
                    m_lastAlertCamera = 0;
                }
            }
        }
    }
    next.lastAlert = m_lastAlert;
    if (next == m_snapshot)
        return;
    m_snapshot = next;
    Q_EMIT changed();
}

} // namespace vigil::status
