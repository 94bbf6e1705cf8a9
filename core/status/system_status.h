#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace vigil::catalog {
class AlertStore;
class CameraStore;
} // namespace vigil::catalog
namespace vigil::control {
class RecorderLink;
}

namespace vigil::status {

/// What the status bar shows: free space where recordings go, cameras configured, online and
/// recording. Polls on the thread it lives on (the GUI thread); cheap (statvfs + one COUNT).
class SystemStatus : public QObject
{
    Q_OBJECT

public:
    struct Snapshot
    {
        qint64 storageFreeBytes = -1; ///< -1 when unknown
        qint64 storageTotalBytes = -1;
        int cameras = 0;
        int camerasOnline = 0;
        int camerasRecording = 0;
        int recordingErrors = 0; ///< streams that should record and cannot (offline, write errors)
        bool recordingStopped = false; ///< no space left but held footage
        bool recorderRunning = false; ///< the recorder of the data folder answers
        qint64 footageBytes = 0; ///< recordings on disk, as the engine last counted them
        QString lastAlert; ///< the newest recording alert, translated
        int unacknowledgedAlerts = 0; ///< alerts no person has acknowledged yet

        bool operator==(const Snapshot&) const = default;
    };

    /// One camera as the recorder last reported it.
    struct CameraState
    {
        bool reported = false; ///< the recorder runs and records this camera
        bool online = false;
        bool recording = false;
        QString error; ///< why it is not, translated by the recorder
    };

    SystemStatus(QString storagePath, catalog::CameraStore* cameras, QObject* parent = nullptr);

    Snapshot snapshot() const { return m_snapshot; }
    CameraState cameraState(qint64 cameraId) const;
    QString storagePath() const { return m_storagePath; }
    void setPollInterval(int ms) { m_timer.setInterval(ms); }
    /// Online and recording counts and alerts come from the recorder, through `link`.
    void setRecorderLink(control::RecorderLink* link);
    /// The count of unacknowledged alerts comes from the catalog.
    void setAlertStore(catalog::AlertStore* alerts);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void changed();
    /// The recorder sent a new status: cameraState() may have changed.
    void camerasReported();

private:
    QString m_storagePath;
    catalog::CameraStore* m_cameras = nullptr;
    control::RecorderLink* m_link = nullptr;
    catalog::AlertStore* m_alerts = nullptr;
    QString m_lastAlert;
    qint64 m_lastAlertCamera = 0; ///< the camera an offline alert is about, while shown
    Snapshot m_snapshot;
    QTimer m_timer;
};

} // namespace vigil::status
