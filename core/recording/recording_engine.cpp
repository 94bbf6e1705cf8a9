#include "core/recording/recording_engine.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/catalog/settings_store.h"
#include "core/logging_categories.h"
#include "core/media/stream_hubs.h"
#include "core/recording/camera_motion_events.h"
#include "core/recording/catalog_worker.h"
#include "core/recording/record_schedule.h"
#include "core/recording/stream_recorder.h"
#include "core/security/credential_vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace vigil::recording {

namespace {

/// A hole between two files longer than two frame intervals is a gap (shorter ones are the
/// frames' own timing); a stream whose frame rate is not known is taken for 25 fps.
qint64 minGapMs(const catalog::CameraRecord* camera, const QString& role)
{
    const catalog::StreamRecord* stream = camera ? camera->stream(role) : nullptr;
    const double fps = stream && stream->fps > 0 ? stream->fps : 25.0;
    return qint64(std::ceil(2000.0 / fps));
}
constexpr qint64 kAlertRepeatMs = 60000;
constexpr int kKeptAlerts = 50;
constexpr int kBlockedRecheckMs = 5000;
/// A stream nobody records or watches any more is closed after this long.
constexpr qint64 kHubLingerMs = 5000;

} // namespace

struct RecordingEngine::Camera
{
    catalog::CameraRecord record;
    QString streamKey; ///< what the recorders were built from; a change rebuilds them
    std::vector<std::unique_ptr<StreamRecorder>> recorders;
    qint64 triggerUntilMs = 0;
    bool motion = false; ///< the camera reports motion now
    std::unique_ptr<CameraMotionEvents> events;
    QString eventsKey; ///< what `events` was built from
    bool eventsWorking = false;
};

namespace {

/// Whether a camera's mode ever records on motion.
bool usesMotion(const catalog::CameraRecord& record)
{
    if (record.recordMode == QLatin1String("motion"))
        return true;
    if (record.recordMode != QLatin1String("schedule"))
        return false;
    const std::optional<RecordSchedule> schedule = RecordSchedule::parse(record.schedule);
    return schedule && schedule->toString().contains(QLatin1Char(char(RecordMode::Motion)));
}

} // namespace

RecordingEngine::RecordingEngine(catalog::Catalog& catalog, catalog::SettingsStore& settings,
        catalog::CameraStore& cameras, Options options, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_cameras(cameras)
    , m_options(std::move(options))
    , m_hubs(std::make_unique<media::StreamHubs>())
    , m_worker(std::make_unique<CatalogWorker>(catalog, m_options.recordingsRoot,
              m_options.credentialKeyPath.isEmpty()
                      ? QString()
                      : QFileInfo(m_options.credentialKeyPath).absolutePath()))
{
    m_retentionTimer.setInterval(m_options.retentionIntervalMs);
    connect(&m_retentionTimer, &QTimer::timeout, this, [this] {
        // Cameras changed by another program (vigilctl camera record/add/remove) are picked up.
        if (const Result<void> reloaded = reload(); !reloaded)
            qCWarning(lcRecording, "%s", qUtf8Printable(reloaded.error().fullText()));
        requestRetention();
    });
    m_gateTimer.setInterval(m_options.gateIntervalMs);
    connect(&m_gateTimer, &QTimer::timeout, this, [this] {
        applyGates();
        m_hubs->closeIdle(kHubLingerMs);
    });
}

RecordingEngine::~RecordingEngine()
{
    stop();
}

Result<void> RecordingEngine::start()
{
    if (!QDir().mkpath(m_options.recordingsRoot)) {
        return Error {Error::Code::NotWritable,
                tr("Cannot create the recordings folder %1.")
                        .arg(QDir::toNativeSeparators(m_options.recordingsRoot)),
                {}};
    }
    if (m_starting || m_running)
        return {};
    m_starting = true;
    const quint64 attempt = ++m_startAttempt;
    // Thousands of files may need a look after a power cut: not on this thread, which answers
    // signals (a stop asked for meanwhile) and, once recording, windows.
    m_worker->repairAfterCrash(this, [this, attempt](const Result<RepairReport>& repaired) {
        if (!m_starting || attempt != m_startAttempt)
            return; // stopped meanwhile (and maybe started again: that start has its own answer)
        m_starting = false;
        if (!repaired) {
            Q_EMIT startFailed(repaired.error());
            return;
        }
        for (const QString& problem : repaired->problems)
            qCWarning(lcRecording, "%s", qUtf8Printable(problem));
        if (repaired->quarantined > 0)
            raise(0, QStringLiteral("footage_quarantined"),
                    tr("Damaged recordings were found after Vigil stopped unexpectedly; %1 of "
                       "them were kept in %2 rather than deleted (see the log).")
                            .arg(repaired->quarantined)
                            .arg(SegmentRepair::quarantineFolder(m_options.recordingsRoot)));
        m_running = true;
        requestRetention();
        if (Result<void> loaded = reload(); !loaded) {
            m_running = false;
            Q_EMIT startFailed(loaded.error());
            return;
        }
        m_retentionTimer.start();
        m_gateTimer.start();
        Q_EMIT started(repaired.value());
    });
    return {};
}

void RecordingEngine::stop()
{
    m_starting = false;
    ++m_startAttempt;
    m_retentionTimer.stop();
    m_gateTimer.stop();
    m_hubs->requestStopAll();
    for (const auto& c : m_recorded) {
        for (const auto& r : c->recorders)
            r->stop();
    }
    drainEvents();
    m_recorded.clear();
    m_hubs->stopAll();
    m_worker->drain(); // every file's row written before the recorder says it stopped
    m_running = false;
}

Result<void> RecordingEngine::reload()
{
    if (!m_running)
        return {};
    const Result<QList<catalog::CameraRecord>> cameras = m_cameras.list();
    if (!cameras)
        return cameras.error();
    const Result<security::CredentialVault> vault
            = security::CredentialVault::open(m_options.credentialKeyPath);
    if (!vault)
        return vault.error();
    const int segmentMs
            = m_settings.value(QLatin1String(catalog::settings::kRecordingSegmentSeconds)).toInt()
            * 1000;

    std::vector<std::unique_ptr<Camera>> next;
    for (const catalog::CameraRecord& record : cameras.value()) {
        if (!record.enabled || record.recordMode == QLatin1String("off"))
            continue;
        QList<StreamConfig> configs;
        QString key = QString::number(segmentMs);
        for (const catalog::StreamRecord& s : record.streams) {
            if (s.role != QLatin1String("main") && !(s.role == QLatin1String("sub") && s.record))
                continue;
            StreamConfig config;
            config.cameraId = record.id;
            config.cameraUuid = record.uuid;
            config.streamId = s.id;
            config.role = s.role;
            config.displayUrl = QUrl(s.uri).toString();
            const Result<QString> url = streamUrl(record, s, vault.value());
            if (!url)
                continue;
            config.url = url.value();
            config.recordingsRoot = m_options.recordingsRoot;
            config.segmentMs = segmentMs;
            config.fragmentMs = m_options.fragmentMs;
            configs << config;
            key += u'|' + s.role + u'|' + config.url;
        }
        if (configs.isEmpty())
            continue;
        // Keep running recorders whose streams did not change.
        std::unique_ptr<Camera> camera;
        for (auto& old : m_recorded) {
            if (old && old->record.id == record.id && old->streamKey == key)
                camera = std::move(old);
        }
        if (!camera) {
            camera = std::make_unique<Camera>();
            camera->streamKey = key;
            for (const StreamConfig& config : configs) {
                camera->recorders.push_back(std::make_unique<StreamRecorder>(config,
                        m_hubs->acquire(config.streamId, config.sourceConfig()),
                        [this](RecorderEvent e) { post(std::move(e)); }));
            }
        }
        camera->record = record;
        QString password;
        if (!record.username.isEmpty() && !record.sealedSecret.isEmpty()) {
            if (const Result<QString> unsealed = vault->unseal(record.sealedSecret))
                password = unsealed.value();
        }
        updateMotionEvents(*camera, password);
        next.push_back(std::move(camera));
    }
    // Cameras removed, disabled or changed: stop their recorders (segments are finished).
    for (auto& old : m_recorded) {
        if (!old)
            continue;
        for (const auto& r : old->recorders)
            r->stop();
    }
    m_recorded = std::move(next);
    m_hubs->closeIdle(0); // streams of removed or changed cameras that nobody watches
    applyGates();
    for (const auto& c : m_recorded) {
        for (const auto& r : c->recorders) {
            r->setStorageBlocked(m_storageBlocked);
            r->start();
        }
    }
    drainEvents();
    Q_EMIT statusChanged();
    Q_EMIT camerasReloaded();
    return {};
}

Result<QString> RecordingEngine::streamUrl(const catalog::CameraRecord& record,
        const catalog::StreamRecord& stream, const security::CredentialVault& vault)
{
    QUrl url(stream.uri);
    // The password goes only to the camera the user added: not to another host that its
    // answers named (addresses as the camera gave them, rewriting off).
    const bool ownHost = record.deviceUrl.isEmpty()
            || QUrl(record.deviceUrl).host().compare(url.host(), Qt::CaseInsensitive) == 0;
    if (!ownHost && !record.username.isEmpty()) {
        raise(record.id, QStringLiteral("credentials"),
                tr("Camera %1 names another computer (%2) as the source of its video; "
                   "its password is not sent there.")
                        .arg(record.name, url.host()));
    }
    if (!record.username.isEmpty() && ownHost) {
        const Result<QString> password = record.sealedSecret.isEmpty()
                ? Result<QString>(QString())
                : vault.unseal(record.sealedSecret);
        if (!password) {
            const QString message = tr("Camera %1: %2").arg(record.name, password.error().message);
            raise(record.id, QStringLiteral("credentials"), message);
            return Error {password.error().code, message, password.error().detail};
        }
        url.setUserName(record.username);
        url.setPassword(password.value());
    }
    return url.toString();
}

Result<std::shared_ptr<media::StreamHub>> RecordingEngine::watch(
        qint64 cameraId, const QString& role, QString* privacyMasks)
{
    if (!m_running)
        return Error {Error::Code::Busy, tr("The recorder is stopping."), {}};
    const Result<QList<catalog::CameraRecord>> cameras = m_cameras.list();
    if (!cameras)
        return cameras.error();
    const auto record = std::find_if(cameras->cbegin(), cameras->cend(),
            [cameraId](const catalog::CameraRecord& c) { return c.id == cameraId; });
    if (record == cameras->cend())
        return Error {Error::Code::NotFound, tr("There is no camera %1.").arg(cameraId), {}};
    if (!record->enabled)
        return Error {Error::Code::Unsupported,
                tr("Camera %1 is disabled (Settings ▸ Cameras enables it).").arg(record->name), {}};
    if (privacyMasks)
        *privacyMasks = record->privacyMasks;
    // A camera without a sub stream shows its main stream in small tiles too.
    const catalog::StreamRecord* stream = record->stream(role);
    if (!stream)
        stream = record->stream(QStringLiteral("main"));
    if (!stream)
        return Error {
                Error::Code::NotFound, tr("Camera %1 has no video stream.").arg(record->name), {}};
    const Result<security::CredentialVault> vault
            = security::CredentialVault::open(m_options.credentialKeyPath);
    if (!vault)
        return vault.error();
    const Result<QString> url = streamUrl(*record, *stream, vault.value());
    if (!url)
        return url.error();
    StreamConfig config;
    config.cameraId = record->id;
    config.role = stream->role;
    config.url = url.value();
    config.displayUrl = QUrl(stream->uri).toString();
    return m_hubs->acquire(stream->id, config.sourceConfig());
}

RecordingEngine::Camera* RecordingEngine::camera(qint64 id)
{
    for (const auto& c : m_recorded) {
        if (c->record.id == id)
            return c.get();
    }
    return nullptr;
}

void RecordingEngine::trigger(qint64 cameraId, qint64 holdMs)
{
    Camera* c = camera(cameraId);
    if (!c)
        return;
    const qint64 until
            = QDateTime::currentMSecsSinceEpoch() + qMax<qint64>(holdMs, 0) + c->record.postRollMs;
    c->triggerUntilMs = qMax(c->triggerUntilMs, until);
    applyGates();
}

void RecordingEngine::setMotion(qint64 cameraId, bool motion)
{
    Camera* c = camera(cameraId);
    if (!c || c->motion == motion)
        return;
    c->motion = motion;
    if (!motion) // the post-roll runs from the end of the motion
        trigger(cameraId);
    else
        applyGates();
}

void RecordingEngine::updateMotionEvents(Camera& c, const QString& password)
{
    const bool wanted = m_options.cameraMotionEvents && usesMotion(c.record);
    const bool rewrite
            = m_settings.value(QLatin1String(catalog::settings::kOnvifRewriteAddresses)).toBool();
    const QString key = wanted ? QStringList {c.record.deviceUrl, c.record.username, password,
                                rewrite ? QStringLiteral("1") : QStringLiteral("0")}
                                         .join(u'\n')
                               : QString();
    if (key == c.eventsKey)
        return;
    c.eventsKey = key;
    c.events.reset();
    c.eventsWorking = false;
    c.motion = false;
    if (!wanted)
        return;
    const qint64 id = c.record.id;
    const QString name = c.record.name;
    if (c.record.deviceUrl.isEmpty()) {
        raise(id, QStringLiteral("motion_events"),
                tr("%1 records on motion, but it is not an ONVIF camera and sends no motion "
                   "events: it records continuously instead.")
                        .arg(name));
        return;
    }
    c.events = std::make_unique<CameraMotionEvents>(
            QUrl(c.record.deviceUrl), c.record.username, password, rewrite);
    connect(c.events.get(), &CameraMotionEvents::motionChanged, this,
            [this, id](bool motion) { setMotion(id, motion); });
    connect(c.events.get(), &CameraMotionEvents::workingChanged, this,
            [this, id, name](bool working, const QString& problem) {
                if (Camera* cam = camera(id)) {
                    cam->eventsWorking = working;
                    applyGates();
                }
                if (!working) {
                    raise(id, QStringLiteral("motion_events"),
                            tr("%1 records on motion, but its motion events do not arrive (%2): "
                               "it records continuously until they do.")
                                    .arg(name, problem));
                }
                Q_EMIT statusChanged();
            });
    c.events->start();
}

void RecordingEngine::applyGates()
{
    const QDateTime local = QDateTime::currentDateTime();
    for (const auto& c : m_recorded) {
        RecordMode mode
                = RecordSchedule::effectiveMode(c->record.recordMode, c->record.schedule, local);
        // Never silently nothing: without working motion events, motion mode records everything.
        if (mode == RecordMode::Motion && m_options.cameraMotionEvents && !c->eventsWorking)
            mode = RecordMode::Continuous;
        const qint64 until = mode == RecordMode::Continuous ? StreamRecorder::kAlways
                : mode == RecordMode::Motion
                ? (c->motion ? StreamRecorder::kAlways : c->triggerUntilMs)
                : 0;
        for (const auto& r : c->recorders) {
            r->setPreRollMs(mode == RecordMode::Motion ? c->record.preRollMs : 0);
            r->setRecordUntil(until);
        }
    }
}

void RecordingEngine::post(RecorderEvent event)
{
    bool first = false;
    {
        std::lock_guard lock(m_eventsMutex);
        first = m_events.empty();
        m_events.push_back(std::move(event));
    }
    if (first)
        QMetaObject::invokeMethod(this, &RecordingEngine::drainEvents, Qt::QueuedConnection);
}

void RecordingEngine::drainEvents()
{
    std::vector<RecorderEvent> events;
    {
        std::lock_guard lock(m_eventsMutex);
        events.swap(m_events);
    }
    for (const RecorderEvent& e : events)
        handle(e);
    if (!events.empty())
        Q_EMIT statusChanged();
}

void RecordingEngine::handle(const RecorderEvent& e)
{
    Camera* c = camera(e.cameraId);
    const QString name = c ? c->record.name : QString::number(e.cameraId);
    switch (e.type) {
    case RecorderEvent::Type::SegmentOpened: {
        if (!m_streamsStarted.contains(e.streamId)) {
            // The first segment of this run: was the stream recorded until now? (Asked of the
            // worker before this segment's row, which it writes after.)
            m_streamsStarted.insert(e.streamId);
            const bool continuous = c
                    && RecordSchedule::effectiveMode(c->record.recordMode, c->record.schedule,
                               QDateTime::currentDateTime())
                            == RecordMode::Continuous;
            if (continuous) {
                m_worker->addGap(
                        {e.cameraId, e.streamId, 0, e.facts.header.startMs,
                                QString::fromLatin1(catalog::GapRecord::kVigilStoppedReason)},
                        true, minGapMs(&c->record, e.facts.header.role));
            }
        }
        catalog::SegmentRecord r = SegmentRepair::recordFor(e.facts, e.path, e.streamId);
        r.state = QStringLiteral("open");
        m_worker->index(r, true);
        break;
    }
    case RecorderEvent::Type::SegmentClosed: {
        if (e.facts.durationMs <= 0) {
            // Closed right after its first frame (stop, space ran out): no span of video to
            // play or to index.
            m_worker->discard(e.path);
            break;
        }
        m_worker->index(SegmentRepair::recordFor(e.facts, e.path, e.streamId), false);
        ++m_segmentsClosed;
        m_usedBytes += e.facts.bytes;
        // Space is checked at every close (statvfs and a sum kept here: cheap), not only by the
        // timer, so a small disk or quota does not overflow between two runs.
        const QStorageInfo disk(m_options.recordingsRoot);
        const storage::RetentionPolicy policy = storage::RetentionPolicy::fromSettings(m_settings);
        if ((disk.isValid() && disk.bytesAvailable() < policy.freeTarget(disk.bytesTotal()))
                || (policy.quotaBytes > 0 && m_usedBytes > policy.quotaBytes))
            requestRetention();
        break;
    }
    case RecorderEvent::Type::SegmentFailed: {
        if (!e.path.isEmpty()) {
            if (e.facts.durationMs <= 0) {
                m_worker->discard(e.path);
            } else {
                catalog::SegmentRecord r = SegmentRepair::recordFor(e.facts, e.path, e.streamId);
                r.state = QStringLiteral("repaired");
                m_worker->index(r, false);
            }
        }
        if (e.error.code == Error::Code::NotWritable) {
            raise(0, QStringLiteral("disk_full"),
                    tr("The recordings disk is full; making room by deleting the oldest "
                       "recordings."));
            requestRetention();
        } else {
            raise(e.cameraId, QStringLiteral("write_error"),
                    tr("Camera %1: %2").arg(name, e.error.message));
        }
        break;
    }
    case RecorderEvent::Type::Connected:
        if (e.startMs > 0 && e.endMs - e.startMs > minGapMs(c ? &c->record : nullptr, e.role)) {
            m_worker->addGap({e.cameraId, e.streamId, e.startMs, e.endMs,
                    QString::fromLatin1(catalog::GapRecord::kCameraOfflineReason)});
        }
        qCInfo(lcRecording, "camera %s (%s): online", qUtf8Printable(name), qUtf8Printable(e.role));
        break;
    case RecorderEvent::Type::Disconnected:
        if (e.role == QLatin1String("main"))
            raise(e.cameraId, QStringLiteral("camera_offline"),
                    tr("Camera %1 is not recording: %2").arg(name, e.error.message));
        break;
    case RecorderEvent::Type::FrameTooLarge:
        raise(e.cameraId, QStringLiteral("frame_too_large"),
                tr("Camera %1 sent frames larger than 16 MB, which no camera should; %2 were "
                   "dropped. Check its firmware and settings.")
                        .arg(name)
                        .arg(e.count));
        break;
    case RecorderEvent::Type::InsecureAuthentication:
        raise(e.cameraId, QStringLiteral("insecure_authentication"),
                tr("Camera %1 asks for its password in clear text (Basic authentication): anyone "
                   "on the network can read it. Switch the camera to Digest authentication.")
                        .arg(name));
        break;
    case RecorderEvent::Type::PacketsDropped:
        raise(e.cameraId, QStringLiteral("packets_dropped"),
                tr("Camera %1: the disk is not keeping up; %2 video packets dropped so far.")
                        .arg(name)
                        .arg(e.count));
        break;
    }
}

void RecordingEngine::raise(qint64 cameraId, const QString& kind, const QString& message)
{
    const QString key = kind + u'/' + QString::number(cameraId);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lastAlertMs.contains(key) && now - m_lastAlertMs.value(key) < kAlertRepeatMs)
        return;
    m_lastAlertMs.insert(key, now);
    // Info: whoever shows alerts (status bar, vigilctl's terminal) shows this one.
    qCInfo(lcRecording, "alert %s: %s", qUtf8Printable(kind), qUtf8Printable(message));
    m_worker->addAlert(cameraId, kind, message);
    const Alert alert {QDateTime::fromMSecsSinceEpoch(now), cameraId, kind, message};
    m_alerts << alert;
    if (m_alerts.size() > kKeptAlerts)
        m_alerts.removeFirst();
    Q_EMIT alertRaised(alert);
}

void RecordingEngine::audit(const QString& login, const QString& action, const QString& object,
        const QJsonObject& detail, qint64 cameraId)
{
    m_worker->audit(login, action, object, detail, cameraId);
}

void RecordingEngine::requestRetention()
{
    if (m_retentionRunning) {
        m_retentionAgain = true;
        return;
    }
    m_retentionRunning = true;
    m_worker->runRetention(storage::RetentionPolicy::fromSettings(m_settings), this,
            [this](const storage::RetentionReport& report) { retentionDone(report); });
}

void RecordingEngine::retentionDone(const storage::RetentionReport& report)
{
    m_retentionRunning = false;
    for (const QString& problem : report.problems)
        qCWarning(lcStorage, "%s", qUtf8Printable(problem));
    m_usedBytes = report.usedBytes;
    if (report.deletedByAge || report.deletedForSpace)
        qCInfo(lcStorage, "retention: %d segments past their age, %d for space, %lld bytes freed",
                report.deletedByAge, report.deletedForSpace, report.freedBytes);
    if (report.onlyHeldLeft && report.spaceShort) {
        raise(0, QStringLiteral("storage_held_only"),
                tr("Recording has STOPPED: the recordings disk is full and everything left on it "
                   "is under legal hold or is a camera's newest recording. Free space, add a "
                   "disk, raise the quota, or release a hold."));
        setStorageBlocked(true);
    } else if (!report.spaceShort) {
        setStorageBlocked(false);
    }
    if (std::exchange(m_retentionAgain, false))
        requestRetention();
}

void RecordingEngine::setStorageBlocked(bool blocked)
{
    if (blocked == m_storageBlocked)
        return;
    m_storageBlocked = blocked;
    // While stopped for space, look for space often so recording resumes soon after it returns.
    m_retentionTimer.setInterval(blocked ? kBlockedRecheckMs : m_options.retentionIntervalMs);
    qCInfo(lcStorage, blocked ? "recording paused: no space" : "recording resumed: space back");
    for (const auto& c : m_recorded) {
        for (const auto& r : c->recorders)
            r->setStorageBlocked(blocked);
    }
    Q_EMIT statusChanged();
}

QList<RecordingEngine::StreamStatus> RecordingEngine::streams() const
{
    QList<StreamStatus> list;
    for (const auto& c : m_recorded) {
        for (const auto& r : c->recorders) {
            const StreamRecorder::Status s = r->status();
            list << StreamStatus {c->record.id, c->record.name, r->config().role, s.online,
                    s.recording, s.packets, s.droppedPackets, s.bytesWritten, s.lastError,
                    r->lostRtpPackets()};
        }
    }
    return list;
}

RecordingEngine::Summary RecordingEngine::summary() const
{
    Summary s;
    s.storageBlocked = m_storageBlocked;
    s.segmentsClosed = m_segmentsClosed;
    s.footageBytes = m_usedBytes;
    for (const auto& c : m_recorded) {
        ++s.cameras;
        bool online = false;
        bool recording = false;
        for (const auto& r : c->recorders) {
            const StreamRecorder::Status st = r->status();
            if (r->config().role == QLatin1String("main"))
                online = st.online;
            recording = recording || st.recording;
            s.droppedPackets += st.droppedPackets;
            if (!st.online && !st.lastError.isEmpty())
                ++s.streamsWithErrors;
        }
        s.camerasOnline += online ? 1 : 0;
        s.camerasRecording += recording ? 1 : 0;
    }
    return s;
}

} // namespace vigil::recording
