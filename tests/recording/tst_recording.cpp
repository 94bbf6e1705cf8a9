// The recording engine end to end against vigil-camsim: playable segments that cover the wall
// time, files cut short at any byte, kill -9 at random moments, a camera that drops its stream,
// a catalog rebuilt from the files, motion triggers with pre- and post-roll, schedules.
#include "core/catalog/camera_store.h"
#include "core/catalog/segment_store.h"
#include "core/media/stream_hub.h"
#include "core/recording/recording_engine.h"
#include "core/recording/segment_file.h"
#include "core/recording/stream_recorder.h"
#include "core/runtime/app_context.h"
#include "support/recording_fixture.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <mutex>

using namespace vigil;
using namespace vigil::test;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

struct Row
{
    QString path;
    qint64 start = 0;
    qint64 end = 0;
    qint64 bytes = 0;
    QByteArray keyframes;
    qint64 stream = 0;
};

QList<Row> indexRows(const QString& dataDir)
{
    QList<Row> rows;
    for (const catalog::SegmentRecord& s : indexedSegments(dataDir))
        rows << Row {s.path, s.startMs, s.endMs, s.bytes, s.keyframes, s.streamId};
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.path < b.path; });
    return rows;
}

} // namespace

class TestRecording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordsPlayableSegmentsCoveringWallTime();
    void filesCutAtAnyByteAreRepaired();
    void killNineLoopLosesAtMostAFragment();
    void catalogRebuildReproducesIndex();
    void cameraDropLeavesGapAndResumes();
    void motionTriggerRecordsPreAndPostRoll();
    void triggerEndedBeforeNextPacketKeepsPreRoll();
    void scheduleTurnsRecordingOnAndOff();
    void secondRecorderIsRefused();
    void ffmpegDemuxerRecordsToo();
    void cameraRecordCommand();

private:
    recording::StreamConfig streamConfig(const char* folder) const;
    QString dir(const char* name) const { return m_tmp.filePath(QLatin1String(name)); }
    QTemporaryDir m_tmp;
    CamsimProcess m_sim;
};

void TestRecording::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(m_sim.start(2, simArgs()));
}

void TestRecording::recordsPlayableSegmentsCoveringWallTime()
{
    const QString data = dir("playable");
    QVERIFY(addCameras(data, m_sim, 2));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("3")));

    QProcess recorder;
    recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("--data-dir"), data, QStringLiteral("record")});
    QVERIFY(recorder.waitForStarted());
    // Run until each camera has closed a few segments, then stop it as a service manager would.
    QTRY_VERIFY_WITH_TIMEOUT(segmentFiles(data + QStringLiteral("/recordings")).size() >= 8, 30000);
    const qint64 stopMs = nowMs();
    ::kill(pid_t(recorder.processId()), SIGTERM);
    QVERIFY(recorder.waitForFinished(20000));
    QCOMPARE(recorder.exitCode(), 0);

    for (qint64 camera : {1, 2}) {
        const QJsonArray segments = segmentList(data, camera);
        QVERIFY2(segments.size() >= 3, qPrintable(QString::number(segments.size())));
        qint64 total = 0;
        qint64 previousEnd = 0;
        for (const QJsonValue& v : segments) {
            const QJsonObject s = v.toObject();
            QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("closed"));
            QCOMPARE(s.value(QLatin1String("codec")).toString(), QStringLiteral("h264"));
            QCOMPARE(s.value(QLatin1String("width")).toInt(), 1920);
            const qint64 start = s.value(QLatin1String("start_ms")).toInteger();
            const qint64 end = s.value(QLatin1String("end_ms")).toInteger();
            total += end - start;
            if (previousEnd) // segments follow each other without holes or overlaps
                QVERIFY2(qAbs(start - previousEnd) < 300,
                        qPrintable(QStringLiteral("%1 after %2").arg(start).arg(previousEnd)));
            previousEnd = end;
            // A keyframe every 2 s, the first at the very start, each at a fragment boundary.
            const QJsonArray keyframes = s.value(QLatin1String("keyframes")).toArray();
            QVERIFY(!keyframes.isEmpty());
            QCOMPARE(keyframes.first().toArray().at(0).toInt(), 0);
            QVERIFY(qAbs(keyframes.size() - (end - start) / 2000.0) <= 1.0);
            QFile file(s.value(QLatin1String("path")).toString());
            QVERIFY(file.open(QIODevice::ReadOnly));
            for (const QJsonValue& k : keyframes) {
                QVERIFY(file.seek(k.toArray().at(1).toInteger() + 4));
                QCOMPARE(file.read(4), QByteArray("moof"));
            }
        }
        const qint64 first
                = segments.first().toObject().value(QLatin1String("start_ms")).toInteger();
        const qint64 span = previousEnd - first;
        QVERIFY2(qAbs(total - span) <= 1000,
                qPrintable(QStringLiteral("%1 vs %2").arg(total).arg(span)));
        // The recording reaches the moment it was stopped (within a second).
        QVERIFY2(qAbs(previousEnd - stopMs) <= 1000,
                qPrintable(QStringLiteral("last frame %1 ms from the stop")
                                   .arg(previousEnd - stopMs)));
        // The MP4's own duration agrees with the index.
        const QJsonObject last = segments.last().toObject();
        const Result<recording::SegmentFacts> facts
                = recording::SegmentFile::scan(last.value(QLatin1String("path")).toString());
        QVERIFY(facts);
        QVERIFY(qAbs(facts->durationMs
                        - (last.value(QLatin1String("end_ms")).toInteger()
                                - last.value(QLatin1String("start_ms")).toInteger()))
                <= 100);
    }
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRecording::filesCutAtAnyByteAreRepaired()
{
    const QStringList files = segmentFiles(dir("playable") + QStringLiteral("/recordings"));
    QVERIFY(!files.isEmpty());
    QFile original(files.first());
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();
    const Result<QList<qint64>> fragments = recording::SegmentFile::fragmentOffsets(files.first());
    QVERIFY(fragments && fragments->size() >= 2);
    QList<qint64> cuts {0, 10, fragments->at(0), fragments->at(0) + 9, fragments->at(1) - 1,
            fragments->at(1), bytes.size() - 1};
    for (int i = 0; i < 8; ++i)
        cuts << QRandomGenerator::global()->bounded(qint64(bytes.size()));
    for (qint64 cut : cuts) {
        const QString path = m_tmp.filePath(QStringLiteral("cut.mp4"));
        QFile::remove(path);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(cut));
        out.close();
        const Result<qint64> kept = recording::SegmentFile::truncateToCompleteFragments(path);
        QVERIFY(kept);
        QVERIFY(kept.value() <= cut);
        QCOMPARE(QFileInfo(path).size(), kept.value());
        const Result<QList<qint64>> left = recording::SegmentFile::fragmentOffsets(path);
        QVERIFY(left);
        if (left->isEmpty())
            continue; // nothing playable was in the first `cut` bytes
        const QString problem = decodeProblems(path);
        QVERIFY2(problem.isEmpty(),
                qPrintable(QStringLiteral("cut at %1: %2").arg(cut).arg(problem)));
        QVERIFY(recording::SegmentFile::scan(path).ok());
    }
}

namespace {

/// The engine in this process, on a data folder with one simulated camera.
struct InProcess
{
    std::unique_ptr<runtime::AppContext> context;
    std::unique_ptr<recording::RecordingEngine> engine;

    /// `cameraEvents` false: motion mode follows trigger() alone (see RecordingEngine::Options).
    bool open(const QString& data, bool cameraEvents = true)
    {
        runtime::AppContext::Options options;
        options.dataDir = data;
        options.logBaseName.clear();
        Result<std::unique_ptr<runtime::AppContext>> opened = runtime::AppContext::open(options);
        if (!opened)
            return false;
        context = std::move(opened).value();
        recording::RecordingEngine::Options engineOptions;
        engineOptions.recordingsRoot = context->dataDir().recordingsPath();
        engineOptions.credentialKeyPath = context->dataDir().credentialKeyPath();
        engineOptions.cameraMotionEvents = cameraEvents;
        engine = std::make_unique<recording::RecordingEngine>(
                context->catalog(), context->settings(), context->cameras(), engineOptions);
        return true;
    }

    bool setMode(const QString& mode, const QString& schedule = {})
    {
        Result<QList<catalog::CameraRecord>> cameras = context->cameras().list();
        if (!cameras || cameras->isEmpty())
            return false;
        catalog::CameraRecord c = cameras->first();
        c.recordMode = mode;
        c.schedule = schedule;
        c.preRollMs = 4000;
        c.postRollMs = 2000;
        return context->cameras().setRecording(c).ok();
    }

    QList<catalog::SegmentRecord> segments()
    {
        Result<QList<catalog::SegmentRecord>> all = catalog::SegmentStore(context->catalog()).all();
        return all ? all.value() : QList<catalog::SegmentRecord>();
    }
};

} // namespace

void TestRecording::killNineLoopLosesAtMostAFragment()
{
    const QString data = dir("killed");
    const QString recordings = data + QStringLiteral("/recordings");
    QVERIFY(addCameras(data, m_sim, 2));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("4")));
    QList<QPair<qint64, qint64>> kills; // (recording under way since, killed at)
    for (int i = 0; i < 10; ++i) {
        const auto files = [&](int camera) {
            return segmentFiles(recordings + QStringLiteral("/%1").arg(camera)).size();
        };
        const qsizetype before1 = files(1);
        const qsizetype before2 = files(2);
        QProcess recorder;
        recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
                {QStringLiteral("--data-dir"), data, QStringLiteral("record")});
        QVERIFY(recorder.waitForStarted());
        // Both cameras are writing this run's first segments …
        QTRY_VERIFY_WITH_TIMEOUT(files(1) > before1 && files(2) > before2, 20000);
        const qint64 startedMs = nowMs();
        // … then the power goes at a random moment of the next five seconds.
        QTest::qWait(QRandomGenerator::global()->bounded(5000));
        kills << qMakePair(startedMs, nowMs());
        ::kill(pid_t(recorder.processId()), SIGKILL);
        QVERIFY(recorder.waitForFinished(10000));
    }
    // The next start repairs what the kills left, on the catalog worker: start() returns at
    // once, the main thread's loop runs, and started() brings the report.
    {
        InProcess p;
        QVERIFY(p.open(data));
        QSignalSpy started(p.engine.get(), &recording::RecordingEngine::started);
        QVERIFY(p.engine->start().ok());
        QVERIFY(p.engine->isStarting());
        QCOMPARE(started.count(), 0);
        QVERIFY(started.wait(30000));
        const auto report = started.first().first().value<recording::RepairReport>();
        // The last kill's files (each run before repaired the kill before it): cut back to a
        // fragment, or removed when killed before their first one was complete.
        const int handled = report.repaired + report.adopted + report.removed;
        QVERIFY2(handled > 0, qPrintable(QString::number(handled)));
        QVERIFY(!p.engine->isStarting());
        p.engine->stop();
    }
    const CtlRun repair = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("1")});
    QCOMPARE(repair.exitCode, 0);
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // Each kill lost at most the fragment being written (1 s of video, and the RTCP clock's
    // distance from this computer's).
    for (qint64 camera : {1, 2}) {
        const QJsonArray segments = segmentList(data, camera);
        for (const auto& [startedMs, kill] : kills) {
            // A kill in the first second of a run may leave no complete fragment at all.
            qint64 lastEndBefore = startedMs - 1000;
            for (const QJsonValue& v : segments) {
                const qint64 end = v.toObject().value(QLatin1String("end_ms")).toInteger();
                if (end <= kill + 1000)
                    lastEndBefore = qMax(lastEndBefore, end);
            }
            QVERIFY2(kill - lastEndBefore <= 2500,
                    qPrintable(
                            QStringLiteral("camera %1 lost %2 ms at a kill at %3 (run from %4): %5")
                                    .arg(camera)
                                    .arg(kill - lastEndBefore)
                                    .arg(kill)
                                    .arg(startedMs)
                                    .arg(QString::fromUtf8(QJsonDocument(segments).toJson(
                                            QJsonDocument::Compact)))));
        }
        // Every hole between recordings is explained by a gap ("Vigil was not recording").
        const QJsonArray gaps = segmentsOf(data, camera).value(QLatin1String("gaps")).toArray();
        for (qsizetype i = 1; i < segments.size(); ++i) {
            const qint64 holeStart
                    = segments[i - 1].toObject().value(QLatin1String("end_ms")).toInteger();
            const qint64 holeEnd
                    = segments[i].toObject().value(QLatin1String("start_ms")).toInteger();
            if (holeEnd - holeStart <= 2 * 1000 / 15) // two frame intervals: the frames' timing
                continue;
            const bool explained = std::any_of(gaps.begin(), gaps.end(), [&](const QJsonValue& g) {
                return g.toObject().value(QLatin1String("start_ms")).toInteger() <= holeStart
                        && g.toObject().value(QLatin1String("end_ms")).toInteger() >= holeEnd;
            });
            QVERIFY2(explained,
                    qPrintable(QStringLiteral("hole %1–%2").arg(holeStart).arg(holeEnd)));
        }
    }
}

void TestRecording::catalogRebuildReproducesIndex()
{
    const QString data = dir("killed");
    const QList<Row> before = indexRows(data);
    QVERIFY(before.size() >= 20);
    RawDb(data + QStringLiteral("/vigil.sqlite")).exec(QStringLiteral("DELETE FROM segments"));
    QVERIFY(indexRows(data).isEmpty());

    const CtlRun rebuilt = vigilctl(data, {QStringLiteral("catalog"), QStringLiteral("rebuild")});
    QVERIFY2(rebuilt.exitCode == 0, rebuilt.err.constData());
    const QList<Row> after = indexRows(data);
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        QCOMPARE(after[i].path, before[i].path);
        QCOMPARE(after[i].start, before[i].start);
        QVERIFY(qAbs(after[i].end - before[i].end) <= 100); // last frame's length is estimated
        QCOMPARE(after[i].bytes, before[i].bytes);
        QCOMPARE(after[i].keyframes, before[i].keyframes);
        QCOMPARE(after[i].stream, before[i].stream);
    }
}

void TestRecording::cameraDropLeavesGapAndResumes()
{
    CamsimProcess flaky;
    QVERIFY(flaky.start(1,
            simArgs()
                    + QStringList {
                            QStringLiteral("--quirks"), QStringLiteral("drop-stream-after=6")}));
    const QString data = dir("dropped");
    QVERIFY(addCameras(data, flaky, 1));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("4")));
    const CtlRun r = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("16")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("not recording"), r.err.constData()); // the offline alert

    const QJsonObject index = segmentsOf(data, 1);
    const QJsonArray gaps = index.value(QLatin1String("gaps")).toArray();
    QVERIFY2(!gaps.isEmpty(), QJsonDocument(index).toJson().constData());
    const QJsonObject gap = gaps.first().toObject();
    QVERIFY(gap.value(QLatin1String("reason")).toString().contains(QLatin1String("offline")));
    const qint64 gapStart = gap.value(QLatin1String("start_ms")).toInteger();
    const qint64 gapEnd = gap.value(QLatin1String("end_ms")).toInteger();
    // The stream is away 5 s; recording resumes within 5 s of its return.
    QVERIFY2(gapEnd - gapStart >= 4000 && gapEnd - gapStart <= 10000,
            QJsonDocument(index).toJson().constData());
    bool before = false;
    bool after = false;
    for (const QJsonValue& v : index.value(QLatin1String("segments")).toArray()) {
        const QJsonObject s = v.toObject();
        before = before || s.value(QLatin1String("end_ms")).toInteger() <= gapStart + 1000;
        after = after || s.value(QLatin1String("start_ms")).toInteger() >= gapEnd - 1000;
    }
    QVERIFY(before);
    QVERIFY(after);
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRecording::motionTriggerRecordsPreAndPostRoll()
{
    const QString data = dir("motion");
    QVERIFY(addCameras(data, m_sim, 1));
    InProcess p;
    QVERIFY(p.open(data, false)); // the trigger alone, without the camera's events
    QVERIFY(p.setMode(QStringLiteral("motion")));
    QVERIFY(p.engine->start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(p.engine->summary().camerasOnline, 1, 15000);
    // Long enough for the pre-roll buffer to fill; nothing may be written meanwhile.
    QTest::qWait(6000);
    QVERIFY(p.segments().isEmpty());

    const qint64 triggeredMs = nowMs();
    p.engine->trigger(1);
    QTRY_VERIFY_WITH_TIMEOUT(
            !p.segments().isEmpty() && p.segments().first().state == QLatin1String("closed"),
            30000);
    const catalog::SegmentRecord s = p.segments().first();
    // Starts at a keyframe at least the pre-roll (4 s) before the trigger, at most one GOP (2 s)
    // more; ends after the post-roll (2 s).
    QVERIFY2(s.startMs <= triggeredMs - 4000 + 300 && s.startMs >= triggeredMs - 6000 - 700,
            qPrintable(QString::number(s.startMs - triggeredMs)));
    QVERIFY2(s.endMs >= triggeredMs + 2000 - 300 && s.endMs <= triggeredMs + 3500,
            qPrintable(QString::number(s.endMs - triggeredMs)));
    QVERIFY(decodeProblems(p.context->dataDir().recordingsPath() + u'/' + s.path).isEmpty());
    p.engine->stop();
    QCOMPARE(p.segments().size(), 1);
}

void TestRecording::scheduleTurnsRecordingOnAndOff()
{
    const QString data = dir("schedule");
    QVERIFY(addCameras(data, m_sim, 1));
    InProcess p;
    QVERIFY(p.open(data));
    const QString off = QStringList(7, QString(24, u'-')).join(u',');
    QVERIFY(p.setMode(QStringLiteral("schedule"), off));
    QVERIFY(p.engine->start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(p.engine->summary().camerasOnline, 1, 15000);
    QTest::qWait(3000); // a whole GOP and more: an "off" hour writes nothing
    QVERIFY(p.segments().isEmpty());

    const QString on = QStringList(7, QString(24, u'C')).join(u',');
    QVERIFY(p.setMode(QStringLiteral("schedule"), on));
    QVERIFY(p.engine->reload().ok());
    QTRY_VERIFY_WITH_TIMEOUT(!p.segments().isEmpty(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(p.engine->summary().camerasRecording, 1, 5000);
    // A fragment on disk: a file stopped right after its first frame has nothing to keep.
    QTRY_VERIFY_WITH_TIMEOUT(p.engine->streams().value(0).bytesWritten > 0, 5000);
    p.engine->stop();
    QCOMPARE(p.segments().value(0).state, QStringLiteral("closed"));
}

void TestRecording::secondRecorderIsRefused()
{
    const QString data = dir("schedule");
    InProcess gui; // holds the data folder, as the GUI does
    QVERIFY(gui.open(data));
    const CtlRun r = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("already using the data folder"), r.err.constData());
}

recording::StreamConfig TestRecording::streamConfig(const char* folder) const
{
    recording::StreamConfig config;
    config.cameraId = 7;
    config.cameraUuid = QStringLiteral("urn:test");
    config.streamId = 7;
    config.role = QStringLiteral("main");
    QUrl url(m_sim.endpoint(0, "rtsp_main"));
    url.setUserName(kCamUser);
    url.setPassword(kCamPassword);
    config.url = url.toString();
    config.displayUrl = m_sim.endpoint(0, "rtsp_main");
    config.recordingsRoot = dir(folder);
    return config;
}

void TestRecording::triggerEndedBeforeNextPacketKeepsPreRoll()
{
    // A trigger whose post-roll is over when the next packet arrives (a stalled camera or a
    // loaded machine) still records the pre-roll the buffer holds; it used to be thrown away.
    recording::StreamConfig config = streamConfig("late-trigger");
    std::mutex mutex;
    QList<recording::RecorderEvent> events;
    const auto hub = std::make_shared<media::StreamHub>(config.sourceConfig());
    recording::StreamRecorder recorder(config, hub, [&](recording::RecorderEvent e) {
        std::lock_guard lock(mutex);
        events << e;
    });
    recorder.setPreRollMs(3000);
    recorder.setRecordUntil(0);
    recorder.start();
    // Three seconds of 25 fps with a keyframe every two seconds: the buffer holds a keyframe.
    QTRY_VERIFY_WITH_TIMEOUT(recorder.status().packets > 90, 15000);
    const qint64 until = recorder.status().lastPacketMs + 1;
    recorder.setRecordUntil(until);
    const auto closed = [&] {
        std::lock_guard lock(mutex);
        for (const recording::RecorderEvent& e : events) {
            if (e.type == recording::RecorderEvent::Type::SegmentClosed)
                return std::optional<recording::RecorderEvent>(e);
        }
        return std::optional<recording::RecorderEvent>();
    };
    QTRY_VERIFY_WITH_TIMEOUT(closed().has_value(), 10000);
    recorder.stop();
    const recording::RecorderEvent e = *closed();
    const qint64 start = e.facts.header.startMs;
    const qint64 end = start + e.facts.durationMs;
    QVERIFY2(start <= until - 1000 && end <= until + 200 && end >= until - 200,
            qPrintable(QStringLiteral("the file spans %1…%2 ms from the trigger's end")
                               .arg(start - until)
                               .arg(end - until)));
    const QString file = config.recordingsRoot + u'/' + e.path;
    QVERIFY2(decodeProblems(file).isEmpty(), qPrintable(decodeProblems(file)));
}

void TestRecording::ffmpegDemuxerRecordsToo()
{
    // Streams with audio or H.265 go through FFmpeg's RTSP demuxer; camsim sends H.264 only, so
    // that path is forced here.
    recording::StreamConfig config = streamConfig("ffmpeg");
    config.segmentMs = 3000;
    config.ffmpegDemuxer = true;
    std::mutex mutex;
    QList<recording::RecorderEvent> events;
    const auto hub = std::make_shared<media::StreamHub>(config.sourceConfig());
    recording::StreamRecorder recorder(config, hub, [&](recording::RecorderEvent e) {
        std::lock_guard lock(mutex);
        events << e;
    });
    recorder.setRecordUntil(recording::StreamRecorder::kAlways);
    recorder.start();
    const auto closed = [&] {
        std::lock_guard lock(mutex);
        QStringList paths;
        for (const recording::RecorderEvent& e : events) {
            if (e.type == recording::RecorderEvent::Type::SegmentClosed)
                paths << e.path;
        }
        return paths;
    };
    QTRY_VERIFY_WITH_TIMEOUT(closed().size() >= 2, 20000);
    recorder.stop();
    QVERIFY(recorder.status().packets > 60);
    const QStringList paths = closed();
    for (const QString& path : paths) {
        const QString file = config.recordingsRoot + u'/' + path;
        QVERIFY2(decodeProblems(file).isEmpty(), qPrintable(decodeProblems(file)));
        const Result<recording::SegmentFacts> facts = recording::SegmentFile::scan(file);
        QVERIFY(facts);
        QCOMPARE(facts->width, 1920);
        QCOMPARE(facts->header.cameraId, 7);
        if (path != paths.last()) // the last one ends when the recorder stops
            QVERIFY(facts->durationMs >= 2900);
    }
}

void TestRecording::cameraRecordCommand()
{
    const QString data = dir("modes");
    QVERIFY(addCameras(data, m_sim, 1));
    const QString week = QStringList(7, QStringLiteral("------CCCCCCCCCCCCMMMMMM")).join(u',');
    const CtlRun set = vigilctl(data,
            {QStringLiteral("camera"), QStringLiteral("record"), QStringLiteral("1"),
                    QStringLiteral("--mode"), QStringLiteral("schedule"),
                    QStringLiteral("--schedule"), week, QStringLiteral("--retention-days"),
                    QStringLiteral("14"), QStringLiteral("--pre-roll"), QStringLiteral("3"),
                    QStringLiteral("--post-roll"), QStringLiteral("20")});
    QVERIFY2(set.exitCode == 0, set.err.constData());
    const auto row = [&] {
        RawDb db(data + QStringLiteral("/vigil.sqlite"));
        QSqlQuery q(db.db());
        q.exec(QStringLiteral("SELECT record_mode, schedule, retention_days, pre_roll_ms, "
                              "post_roll_ms FROM cameras WHERE id = 1"));
        q.next();
        return QStringList {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                q.value(3).toString(), q.value(4).toString()};
    };
    const QStringList expected {QStringLiteral("schedule"), week, QStringLiteral("14"),
            QStringLiteral("3000"), QStringLiteral("20000")};
    QCOMPARE(row(), expected);
    // Bad values are refused with a message and change nothing.
    for (const QStringList& bad : {QStringList {QStringLiteral("--mode"), QStringLiteral("always")},
                 QStringList {QStringLiteral("--schedule"), QStringLiteral("CCC")},
                 QStringList {QStringLiteral("--retention-days"), QStringLiteral("-1")}}) {
        const CtlRun r = vigilctl(data,
                QStringList {
                        QStringLiteral("camera"), QStringLiteral("record"), QStringLiteral("1")}
                        + bad);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());
        QCOMPARE(row(), expected);
    }
    QCOMPARE(vigilctl(data,
                     {QStringLiteral("camera"), QStringLiteral("record"), QStringLiteral("9")})
                     .exitCode,
            3);
}

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
