#pragma once

#include "core/catalog/segment_store.h"
#include "core/recording/segment_repair.h"
#include "core/result.h"
#include "core/storage/retention.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <mutex>
#include <vector>

namespace vigil::catalog {
struct CameraRecord;
struct SegmentRecord;
struct StreamRecord;
class Catalog;
class CameraStore;
class SettingsStore;
} // namespace vigil::catalog

namespace vigil::media {
class StreamHub;
class StreamHubs;
} // namespace vigil::media

namespace vigil::security {
class CredentialVault;
}

namespace vigil::recording {

class CatalogWorker;
class StreamRecorder;
struct RecorderEvent;

/// Records every enabled camera of the catalog, in this process, without re-encoding: one
/// StreamRecorder per recorded stream, subscribed to the stream's hub (StreamHubs: one camera
/// connection per stream, shared with live views); the engine itself lives on the
/// thread that owns the catalog and keeps the index, gaps, alerts, record modes and retention.
///
/// Used by the GUI and by `vigilctl record`; only one of them runs on a data folder (the
/// AppContext instance lock).
class RecordingEngine : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString recordingsRoot;
        QString credentialKeyPath;
        int fragmentMs = 1000;
        int retentionIntervalMs = 30000;
        int gateIntervalMs = 5000; ///< how often schedules are looked at
        /// Motion mode follows the cameras' own ONVIF motion events (a camera whose events do
        /// not work records continuously, with an alert). Off: only trigger() starts recording.
        bool cameraMotionEvents = true;
    };

    struct StreamStatus
    {
        qint64 cameraId = 0;
        QString cameraName;
        QString role;
        bool online = false;
        bool recording = false;
        qint64 packets = 0;
        qint64 droppedPackets = 0;
        qint64 bytesWritten = 0;
        QString lastError;
        qint64 lostPackets = 0; ///< RTP packets sent by the camera that never arrived
    };

    struct Summary
    {
        int cameras = 0; ///< cameras being recorded (enabled, not off)
        int camerasOnline = 0;
        int camerasRecording = 0;
        int streamsWithErrors = 0;
        qint64 droppedPackets = 0;
        qint64 segmentsClosed = 0;
        bool storageBlocked = false; ///< stopped: only held footage left and no space
        qint64 footageBytes = 0; ///< recordings on disk, as of the last retention pass
    };

    struct Alert
    {
        QDateTime at;
        qint64 cameraId = 0; ///< 0: not about one camera
        QString kind; ///< disk_full, write_error, storage_held_only, camera_offline, …
        QString message; ///< translated
    };

    RecordingEngine(catalog::Catalog& catalog, catalog::SettingsStore& settings,
            catalog::CameraStore& cameras, Options options, QObject* parent = nullptr);
    ~RecordingEngine() override;

    /// Repairs what a crash left, on the catalog worker (the main thread goes on meanwhile),
    /// then starts recording every enabled camera and emits started(); or emits startFailed().
    /// Fails at once only when the recordings folder cannot be made.
    Result<void> start();
    /// Between start() and started() or startFailed().
    bool isStarting() const { return m_starting; }
    /// Stops every recorder; open segments are finished, synced and indexed before it returns.
    void stop();
    /// Picks up added, removed or changed cameras.
    Result<void> reload();

    /// Motion or an event on a camera in motion mode (or a motion hour of its schedule): records
    /// from the pre-roll until `holdMs` plus the camera's post-roll from now.
    void trigger(qint64 cameraId, qint64 holdMs = 0);
    /// Motion began (true) or ended (false) on a camera: recording holds while it lasts, then
    /// for the post-roll.
    void setMotion(qint64 cameraId, bool motion);

    QList<StreamStatus> streams() const;
    Summary summary() const;
    QList<Alert> recentAlerts() const { return m_alerts; }
    /// A retention pass, on the catalog worker; its result is applied when it ends (a pass
    /// asked for while one runs follows it).
    void requestRetention();
    /// An audit row, written by the catalog worker (never on this thread).
    void audit(const QString& login, const QString& action, const QString& object,
            const QJsonObject& detail = {}, qint64 cameraId = 0);
    /// The catalog work off this thread (logins of the recorder's clients are checked there).
    CatalogWorker& worker() { return *m_worker; }
    /// The streams' hubs: live views subscribe to the same connections the recorders use.
    media::StreamHubs& hubs() { return *m_hubs; }
    /// The hub of a camera's stream (`role` "sub" falls back to the main stream of a camera
    /// without one), opened if nobody reads it yet: for a live view. Any enabled camera,
    /// recorded or not.
    /// `privacyMasks`, when given, receives the camera's masks (media::PrivacyMask's JSON).
    Result<std::shared_ptr<media::StreamHub>> watch(
            qint64 cameraId, const QString& role, QString* privacyMasks = nullptr);

Q_SIGNALS:
    /// Recording runs; `report` says what the crash repair did.
    void started(const vigil::recording::RepairReport& report);
    void startFailed(const vigil::Error& error);
    void statusChanged();
    /// The cameras were read again (added, removed, disabled or changed ones are in effect).
    void camerasReloaded();
    void alertRaised(const vigil::recording::RecordingEngine::Alert& alert);

private:
    struct Camera;

    void post(RecorderEvent event);
    void drainEvents();
    void handle(const RecorderEvent& event);
    void applyGates();
    /// Starts or stops following the camera's motion events as its mode needs them.
    void updateMotionEvents(Camera& camera, const QString& password);
    void raise(qint64 cameraId, const QString& kind, const QString& message);
    void setStorageBlocked(bool blocked);
    void retentionDone(const storage::RetentionReport& report);
    Camera* camera(qint64 id);
    /// A stream's address with the camera's login (sent only to the camera's own host).
    Result<QString> streamUrl(const catalog::CameraRecord& record,
            const catalog::StreamRecord& stream, const security::CredentialVault& vault);

    catalog::SettingsStore& m_settings;
    catalog::CameraStore& m_cameras;
    Options m_options;
    std::unique_ptr<media::StreamHubs> m_hubs; ///< outlives the recorders subscribed to them
    std::unique_ptr<CatalogWorker> m_worker; ///< segment rows and retention
    std::vector<std::unique_ptr<Camera>> m_recorded;
    QTimer m_retentionTimer;
    QTimer m_gateTimer;
    bool m_running = false;
    bool m_starting = false;
    quint64 m_startAttempt = 0; ///< a repair's answer counts only for the start that asked it
    bool m_storageBlocked = false;
    qint64 m_segmentsClosed = 0;
    qint64 m_usedBytes = 0; ///< by recordings: from the last retention run plus what closed since
    QHash<QString, qint64> m_lastAlertMs;
    QList<Alert> m_alerts;
    QSet<qint64> m_streamsStarted; ///< streams that opened a segment in this run
    bool m_retentionRunning = false;
    bool m_retentionAgain = false;

    std::mutex m_eventsMutex;
    std::vector<RecorderEvent> m_events;
};

} // namespace vigil::recording
