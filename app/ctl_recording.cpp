#include "app/ctl_recording.h"

#include "app/ctl_application.h"
#include "core/catalog/bookmark_store.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/catalog/settings_store.h"
#include "core/control/recorder_service.h"
#include "core/recording/record_schedule.h"
#include "core/recording/recording_engine.h"
#include "core/recording/segment_file.h"
#include "core/recording/stream_recorder.h"
#include "core/runtime/app_context.h"
#include "core/runtime/termination_watcher.h"
#include "core/storage/retention.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTimer>

#include <optional>

namespace vigil::app {

namespace {

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString localTime(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

CtlRecording::CtlRecording(const QCommandLineParser& parser, runtime::AppContext& context,
        QTextStream& out, QTextStream& err)
    : m_parser(parser)
    , m_context(context)
    , m_out(out)
    , m_err(err)
    , m_json(parser.isSet(QStringLiteral("json")))
{ }

bool CtlRecording::handles(const QString& command)
{
    return command == QLatin1String("record") || command == QLatin1String("segments")
            || command == QLatin1String("storage") || command == QLatin1String("catalog")
            || command == QLatin1String("hold");
}

bool CtlRecording::needsExclusive(const QString& command, const QStringList& args)
{
    return command == QLatin1String("record")
            || (command == QLatin1String("catalog") && args.value(0) == QLatin1String("rebuild"));
}

int CtlRecording::usage(const QString& message)
{
    m_err << tr("vigilctl: %1").arg(message) << Qt::endl
          << tr("Run \"vigilctl --help\" for the commands.") << Qt::endl;
    return ExitUsage;
}

int CtlRecording::failed(const QString& message)
{
    m_err << tr("vigilctl: %1").arg(message) << Qt::endl;
    return ExitFailed;
}

int CtlRecording::run(const QString& command, const QStringList& args)
{
    if (command == QLatin1String("record") && args.isEmpty())
        return record();
    if (command == QLatin1String("segments") && args.isEmpty())
        return segments();
    if (command == QLatin1String("storage") && args.isEmpty())
        return storage();
    if (command == QLatin1String("catalog") && args == QStringList {QStringLiteral("rebuild")})
        return rebuild();
    if (command == QLatin1String("hold") && args == QStringList {QStringLiteral("add")})
        return holdAdd();
    return usage(tr("Use: record [--duration S] | segments --camera ID [--from T --to T] | "
                    "storage | catalog rebuild | hold add --camera ID --from T --to T --case C"));
}

bool CtlRecording::parseTime(const char* option, qint64* ms)
{
    const QString text = m_parser.value(QLatin1String(option));
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid()) {
        usage(tr("--%1 takes a date and time like 2026-11-29T14:30 (local time) or "
                 "2026-11-29T13:30:00Z (UTC), not \"%2\".")
                        .arg(QLatin1String(option), text));
        return false;
    }
    *ms = t.toMSecsSinceEpoch();
    return true;
}

int CtlRecording::record()
{
    double duration = 0;
    if (m_parser.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        duration = m_parser.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || duration <= 0)
            return usage(tr("--duration takes a number of seconds."));
    }
    // A foreground recorder: the same service as vigil-recorder, so the window and "vigilctl
    // status" see it too.
    control::RecorderService service(m_context);
    recording::RecordingEngine& engine = service.engine();
    QObject::connect(&engine, &recording::RecordingEngine::alertRaised, &engine,
            [this](const recording::RecordingEngine::Alert& alert) {
                m_err << tr("vigilctl: %1").arg(alert.message) << Qt::endl;
            });
    std::optional<Error> failure;
    QObject::connect(
            &service, &control::RecorderService::failed, &service, [&failure](const Error& error) {
                failure = error;
                QCoreApplication::quit();
            });
    QObject::connect(&service, &control::RecorderService::ready, &service,
            [this, &engine, duration](const recording::RepairReport& repaired) {
                if (repaired.repaired || repaired.adopted)
                    m_err << tr("Repaired %1 recordings left open by an earlier stop.")
                                     .arg(repaired.repaired + repaired.adopted)
                          << Qt::endl;
                const recording::RecordingEngine::Summary before = engine.summary();
                if (before.cameras == 0)
                    m_err << tr("No camera is set to record. Add one with \"vigilctl camera "
                                "add\".")
                          << Qt::endl;
                else if (!m_json)
                    m_out << tr("Recording %1 cameras into %2. Stop with Ctrl+C.")
                                     .arg(before.cameras)
                                     .arg(QDir::toNativeSeparators(
                                             m_context.dataDir().recordingsPath()))
                          << Qt::endl;
                if (duration > 0)
                    QTimer::singleShot(int(duration * 1000), QCoreApplication::instance(),
                            &QCoreApplication::quit);
            });
    if (const Result<void> starting = service.start(); !starting)
        return failed(starting.error().message);

    runtime::TerminationWatcher watcher;
    QObject::connect(&watcher, &runtime::TerminationWatcher::terminationRequested,
            QCoreApplication::instance(), &QCoreApplication::quit);
    QCoreApplication::exec();
    if (failure) {
        service.stop();
        return failed(failure->message);
    }

    const QList<recording::RecordingEngine::StreamStatus> streams = engine.streams();
    service.stop();
    const recording::RecordingEngine::Summary after = engine.summary();
    qint64 packets = 0;
    qint64 dropped = 0;
    qint64 lost = 0;
    for (const recording::RecordingEngine::StreamStatus& s : streams) {
        packets += s.packets;
        dropped += s.droppedPackets;
        lost += s.lostPackets;
    }
    if (m_json) {
        QJsonArray array;
        for (const recording::RecordingEngine::StreamStatus& s : streams) {
            array.append(QJsonObject {{QStringLiteral("camera"), s.cameraId},
                    {QStringLiteral("stream"), s.role}, {QStringLiteral("packets"), s.packets},
                    {QStringLiteral("dropped_packets"), s.droppedPackets},
                    {QStringLiteral("lost_packets"), s.lostPackets},
                    {QStringLiteral("bytes"), s.bytesWritten},
                    {QStringLiteral("error"), s.lastError}});
        }
        m_out << QString::fromUtf8(QJsonDocument(
                QJsonObject {{QStringLiteral("segments"), after.segmentsClosed},
                        {QStringLiteral("packets"), packets},
                        {QStringLiteral("dropped_packets"), dropped},
                        {QStringLiteral("lost_rtp_packets"), lost},
                        {QStringLiteral("streams"),
                                array}}).toJson(QJsonDocument::Compact))
              << Qt::endl;
    } else {
        m_out << tr("Stopped. %1 recordings written; %2 video packets received, %3 dropped.")
                         .arg(after.segmentsClosed)
                         .arg(packets)
                         .arg(dropped)
              << Qt::endl;
    }
    return ExitOk;
}

int CtlRecording::segments()
{
    bool ok = false;
    const qint64 camera = m_parser.value(QStringLiteral("camera")).toLongLong(&ok);
    if (!ok)
        return usage(tr("segments needs --camera ID (\"vigilctl camera list\" shows them)."));
    qint64 from = 0;
    qint64 to = QDateTime::currentMSecsSinceEpoch() + 86400000;
    if (m_parser.isSet(QStringLiteral("from")) && !parseTime("from", &from))
        return ExitUsage;
    if (m_parser.isSet(QStringLiteral("to")) && !parseTime("to", &to))
        return ExitUsage;
    catalog::SegmentStore store(m_context.catalog());
    const Result<QList<catalog::SegmentRecord>> list = store.list(camera, from, to);
    if (!list)
        return failed(list.error().message);
    const Result<QList<catalog::GapRecord>> gaps = store.gaps(camera, from, to);
    if (!gaps)
        return failed(gaps.error().message);
    const QString root = m_context.dataDir().recordingsPath();
    if (m_json) {
        QJsonArray array;
        for (const catalog::SegmentRecord& s : list.value()) {
            QJsonArray keyframes;
            for (const recording::KeyframeEntry& k : recording::unpackKeyframes(s.keyframes))
                keyframes.append(QJsonArray {k.offsetMs, k.bytePos});
            array.append(QJsonObject {{QStringLiteral("id"), s.id},
                    {QStringLiteral("stream"), s.role},
                    {QStringLiteral("path"), QDir::toNativeSeparators(root + u'/' + s.path)},
                    {QStringLiteral("start"), isoUtc(s.startMs)},
                    {QStringLiteral("end"), isoUtc(s.endMs)},
                    {QStringLiteral("start_ms"), s.startMs}, {QStringLiteral("end_ms"), s.endMs},
                    {QStringLiteral("bytes"), s.bytes}, {QStringLiteral("state"), s.state},
                    {QStringLiteral("clock"), s.clockSource},
                    {QStringLiteral("clock_offset_ms"), s.clockOffsetMs},
                    {QStringLiteral("codec"), s.codec}, {QStringLiteral("width"), s.width},
                    {QStringLiteral("height"), s.height}, {QStringLiteral("audio"), s.hasAudio},
                    {QStringLiteral("keyframes"), keyframes}});
        }
        QJsonArray gapArray;
        for (const catalog::GapRecord& g : gaps.value()) {
            gapArray.append(QJsonObject {{QStringLiteral("start"), isoUtc(g.startMs)},
                    {QStringLiteral("end"), isoUtc(g.endMs)},
                    {QStringLiteral("start_ms"), g.startMs}, {QStringLiteral("end_ms"), g.endMs},
                    {QStringLiteral("reason"), g.reason}});
        }
        m_out << QString::fromUtf8(QJsonDocument(
                QJsonObject {{QStringLiteral("camera"), camera},
                        {QStringLiteral("segments"), array},
                        {QStringLiteral("gaps"),
                                gapArray}}).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    if (list->isEmpty())
        m_out << tr("No recordings of camera %1 in that time.").arg(camera) << Qt::endl;
    const QLocale locale;
    for (const catalog::SegmentRecord& s : list.value()) {
        m_out << tr("%1  %2 – %3  %4  %5  %6")
                         .arg(s.role, localTime(s.startMs), localTime(s.endMs),
                                 locale.formattedDataSize(s.bytes), s.state,
                                 QDir::toNativeSeparators(root + u'/' + s.path))
              << Qt::endl;
    }
    for (const catalog::GapRecord& g : gaps.value())
        m_out << tr("gap   %1 – %2  %3")
                         .arg(localTime(g.startMs), localTime(g.endMs), g.reasonText())
              << Qt::endl;
    return ExitOk;
}

int CtlRecording::storage()
{
    const Result<storage::StorageReport> report
            = storage::storageReport(m_context.catalog(), m_context.settings(),
                    m_context.dataDir().recordingsPath(), QDateTime::currentMSecsSinceEpoch());
    if (!report)
        return failed(report.error().message);
    const storage::StorageReport& r = report.value();
    if (m_json) {
        QJsonArray cameras;
        for (const storage::StorageReport::Camera& c : r.cameras) {
            cameras.append(QJsonObject {{QStringLiteral("id"), c.id},
                    {QStringLiteral("name"), c.name},
                    {QStringLiteral("retention_days"), c.retentionDays},
                    {QStringLiteral("segments"), c.segments}, {QStringLiteral("bytes"), c.bytes},
                    {QStringLiteral("held_bytes"), c.heldBytes},
                    {QStringLiteral("oldest"), c.oldestMs ? isoUtc(c.oldestMs) : QString()},
                    {QStringLiteral("newest"), c.newestMs ? isoUtc(c.newestMs) : QString()},
                    {QStringLiteral("days_retained"), c.daysRetained}});
        }
        m_out << QString::fromUtf8(QJsonDocument(
                QJsonObject {{QStringLiteral("path"), r.path},
                        {QStringLiteral("free_bytes"), r.freeBytes},
                        {QStringLiteral("total_bytes"), r.totalBytes},
                        {QStringLiteral("used_bytes"), r.usedBytes},
                        {QStringLiteral("held_bytes"), r.heldBytes},
                        {QStringLiteral("free_target_bytes"), r.freeTargetBytes},
                        {QStringLiteral("quota_bytes"), r.quotaBytes},
                        {QStringLiteral("write_bytes_per_second"), r.writeBytesPerSecond},
                        {QStringLiteral("cameras"),
                                cameras}}).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    const QLocale l;
    m_out << tr("Recordings:   %1").arg(QDir::toNativeSeparators(r.path)) << Qt::endl
          << tr("Free space:   %1 of %2 (kept free: %3)")
                     .arg(l.formattedDataSize(qMax<qint64>(r.freeBytes, 0)),
                             l.formattedDataSize(qMax<qint64>(r.totalBytes, 0)),
                             l.formattedDataSize(r.freeTargetBytes))
          << Qt::endl
          << tr("Used:         %1; under legal hold: %2; quota: %3")
                     .arg(l.formattedDataSize(r.usedBytes), l.formattedDataSize(r.heldBytes),
                             r.quotaBytes > 0 ? l.formattedDataSize(r.quotaBytes) : tr("none"))
          << Qt::endl
          << tr("Writing:      %1/s").arg(l.formattedDataSize(qint64(r.writeBytesPerSecond)))
          << Qt::endl;
    for (const storage::StorageReport::Camera& c : r.cameras) {
        m_out << tr("%1  %2: %3 days kept (limit %4), %5, held %6")
                         .arg(c.id)
                         .arg(c.name)
                         .arg(c.daysRetained, 0, 'f', 1)
                         .arg(c.retentionDays > 0 ? QString::number(c.retentionDays) : tr("none"))
                         .arg(l.formattedDataSize(c.bytes), l.formattedDataSize(c.heldBytes))
              << Qt::endl;
    }
    return ExitOk;
}

int CtlRecording::rebuild()
{
    const Result<recording::RepairReport> report = recording::SegmentRepair::rebuildIndex(
            m_context.catalog(), m_context.dataDir().recordingsPath());
    if (!report)
        return failed(report.error().message);
    for (const QString& problem : report->problems)
        m_err << tr("vigilctl: %1").arg(problem) << Qt::endl;
    if (m_json) {
        m_out << QString::fromUtf8(QJsonDocument(
                QJsonObject {{QStringLiteral("indexed"), report->indexed},
                        {QStringLiteral("removed_empty"), report->removed},
                        {QStringLiteral("quarantined"), report->quarantined},
                        {QStringLiteral("left_alone"), report->leftAlone},
                        {QStringLiteral("problems"), QJsonArray::fromStringList(report->problems)}})
                                           .toJson(QJsonDocument::Compact))
              << Qt::endl;
    } else {
        m_out << tr("Index rebuilt from the files: %1 recordings; %2 unfinished files without "
                    "video removed; %3 damaged files kept in %4; %5 files not written by Vigil "
                    "left alone.")
                         .arg(report->indexed)
                         .arg(report->removed)
                         .arg(report->quarantined)
                         .arg(recording::SegmentRepair::quarantineFolder(
                                 m_context.dataDir().recordingsPath()))
                         .arg(report->leftAlone)
              << Qt::endl;
    }
    return report->problems.isEmpty() ? ExitOk : ExitFailed;
}

int CtlRecording::cameraRecord(const QString& id)
{
    bool ok = false;
    const qint64 cameraId = id.toLongLong(&ok);
    if (!ok)
        return usage(
                tr("\"%1\" is not a camera number; \"vigilctl camera list\" shows them.").arg(id));
    const Result<QList<catalog::CameraRecord>> cameras = m_context.cameras().list();
    if (!cameras)
        return failed(cameras.error().message);
    const auto it = std::find_if(cameras->cbegin(), cameras->cend(),
            [&](const catalog::CameraRecord& c) { return c.id == cameraId; });
    if (it == cameras->cend())
        return failed(tr("There is no camera %1.").arg(cameraId));
    catalog::CameraRecord camera = *it;
    if (m_parser.isSet(QStringLiteral("mode"))) {
        const QString mode = m_parser.value(QStringLiteral("mode"));
        if (!QStringList {QStringLiteral("off"), QStringLiteral("continuous"),
                    QStringLiteral("motion"), QStringLiteral("schedule")}
                        .contains(mode))
            return usage(tr("--mode takes off, continuous, motion or schedule."));
        camera.recordMode = mode;
    }
    if (m_parser.isSet(QStringLiteral("schedule"))) {
        const QString schedule = m_parser.value(QStringLiteral("schedule"));
        if (!recording::RecordSchedule::parse(schedule))
            return usage(tr("--schedule takes seven comma-separated groups of 24 characters "
                            "(Monday first), each - (off), C (continuous) or M (motion)."));
        camera.schedule = schedule;
    }
    const auto number = [&](const char* option, int max, int scale, int* out) {
        if (!m_parser.isSet(QLatin1String(option)))
            return true;
        bool valid = false;
        const int value = m_parser.value(QLatin1String(option)).toInt(&valid);
        if (!valid || value < 0 || value > max) {
            usage(tr("--%1 takes a number from 0 to %2.").arg(QLatin1String(option)).arg(max));
            return false;
        }
        *out = value * scale;
        return true;
    };
    if (!number("retention-days", 3650, 1, &camera.retentionDays)
            || !number("pre-roll", 30, 1000, &camera.preRollMs)
            || !number("post-roll", 600, 1000, &camera.postRollMs))
        return ExitUsage;
    if (const Result<void> saved = m_context.cameras().setRecording(camera); !saved)
        return failed(saved.error().message);
    m_out << tr("Camera %1 records: %2; keeps %3 days; pre-roll %4 s, post-roll %5 s. A running "
                "recorder applies this within a minute.")
                     .arg(camera.id)
                     .arg(camera.recordMode)
                     .arg(camera.retentionDays)
                     .arg(camera.preRollMs / 1000)
                     .arg(camera.postRollMs / 1000)
          << Qt::endl;
    return ExitOk;
}

int CtlRecording::holdAdd()
{
    catalog::BookmarkRecord hold;
    const QString camera = m_parser.value(QStringLiteral("camera"));
    bool ok = camera == QLatin1String("all");
    if (!ok)
        hold.cameraId = camera.toLongLong(&ok);
    if (!ok || hold.cameraId < 0)
        return usage(tr("hold add needs --camera ID (or --camera all)."));
    if (!m_parser.isSet(QStringLiteral("from")) || !m_parser.isSet(QStringLiteral("to")))
        return usage(tr("hold add needs --from and --to."));
    if (!parseTime("from", &hold.startMs) || !parseTime("to", &hold.endMs))
        return ExitUsage;
    hold.caseNumber = m_parser.value(QStringLiteral("case")).trimmed();
    if (hold.caseNumber.isEmpty())
        return usage(tr("hold add needs --case with the case or reference number."));
    hold.title = tr("Legal hold %1").arg(hold.caseNumber);
    hold.note = m_parser.value(QStringLiteral("note"));
    hold.legalHold = true;
    if (hold.cameraId > 0) {
        const Result<QList<catalog::CameraRecord>> cameras = m_context.cameras().list();
        if (!cameras)
            return failed(cameras.error().message);
        const bool known = std::any_of(cameras->cbegin(), cameras->cend(),
                [&](const catalog::CameraRecord& c) { return c.id == hold.cameraId; });
        if (!known)
            return failed(tr("There is no camera %1.").arg(hold.cameraId));
    }
    const Result<qint64> id = catalog::BookmarkStore(m_context.catalog()).add(hold);
    if (!id)
        return failed(id.error().message);
    if (m_json) {
        m_out << QString::fromUtf8(QJsonDocument(
                QJsonObject {{QStringLiteral("id"),
                        id.value()}}).toJson(QJsonDocument::Compact))
              << Qt::endl;
    } else {
        m_out << tr("Legal hold %1 added for case %2: %3 – %4. Retention will not delete this "
                    "footage.")
                         .arg(id.value())
                         .arg(hold.caseNumber, localTime(hold.startMs), localTime(hold.endMs))
              << Qt::endl;
    }
    return ExitOk;
}

} // namespace vigil::app
