#include "core/status/system_status.h"

#include "core/catalog/alert_store.h"
#include "core/catalog/camera_store.h"
#include "core/control/recorder_link.h"
#include "core/logging_categories.h"

#include <QJsonArray>
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

void SystemStatus::setRecorderLink(control::RecorderLink* link)
{
    m_link = link;
    connect(link, &control::RecorderLink::statusChanged, this, &SystemStatus::refresh);
    connect(link, &control::RecorderLink::connectionChanged, this, &SystemStatus::refresh);
    connect(link, &control::RecorderLink::statusChanged, this, &SystemStatus::camerasReported);
    connect(link, &control::RecorderLink::connectionChanged, this, &SystemStatus::camerasReported);
    connect(link, &control::RecorderLink::alertReceived, this, [this](const QJsonObject& alert) {
        m_lastAlert = alert.value(QLatin1String("message")).toString();
        m_lastAlertCamera
                = alert.value(QLatin1String("kind")).toString() == QLatin1String("camera_offline")
                ? alert.value(QLatin1String("camera")).toInteger()
                : 0;
        refresh();
    });
    refresh();
}

void SystemStatus::setAlertStore(catalog::AlertStore* alerts)
{
    m_alerts = alerts;
    refresh();
}

SystemStatus::CameraState SystemStatus::cameraState(qint64 cameraId) const
{
    if (!m_link || !m_link->isConnected())
        return {};
    for (const QJsonValue& v : m_link->status().value(QLatin1String("cameras")).toArray()) {
        const QJsonObject camera = v.toObject();
        if (camera.value(QLatin1String("id")).toInteger() == cameraId) {
            return {true, camera.value(QLatin1String("online")).toBool(),
                    camera.value(QLatin1String("recording")).toBool(),
                    camera.value(QLatin1String("error")).toString()};
        }
    }
    return {};
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
    if (m_link && m_link->isConnected()) {
        const QJsonObject status = m_link->status();
        const QJsonObject summary = status.value(QLatin1String("summary")).toObject();
        next.camerasOnline = summary.value(QLatin1String("cameras_online")).toInt();
        next.camerasRecording = summary.value(QLatin1String("cameras_recording")).toInt();
        next.recordingErrors = summary.value(QLatin1String("streams_with_errors")).toInt();
        next.recordingStopped = summary.value(QLatin1String("storage_blocked")).toBool();
        next.recorderRunning = true;
        next.footageBytes = summary.value(QLatin1String("footage_bytes")).toInteger();
        // "Camera X is not recording: unreachable" stops being true when X is back: not shown then.
        if (m_lastAlertCamera > 0) {
            for (const QJsonValue& v : status.value(QLatin1String("cameras")).toArray()) {
                const QJsonObject camera = v.toObject();
                if (camera.value(QLatin1String("id")).toInteger() == m_lastAlertCamera
                        && camera.value(QLatin1String("online")).toBool()) {
                    m_lastAlert.clear();
                    m_lastAlertCamera = 0;
                }
            }
        }
    }
    next.lastAlert = m_lastAlert;
    if (m_alerts) {
        if (const Result<int> count = m_alerts->unacknowledgedCount(); count)
            next.unacknowledgedAlerts = count.value();
        else
            qCWarning(lcStatus) << count.error().fullText();
    }
    if (next == m_snapshot)
        return;
    m_snapshot = next;
    Q_EMIT changed();
}

} // namespace vigil::status
