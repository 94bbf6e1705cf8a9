// What cameras with audio or H.265 send (FFmpeg's RTSP reader) is recorded faithfully, end to
// end through `vigilctl record`: from the first keyframe of every connection (a gap ends where the
// next file starts), every file with its audio at its real offset and continuous across files,
// the last frame of a stopped recording decodable, and no complaint from the MP4 muxer.
#include "support/recording_fixture.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace vigil;
using namespace vigil::test;

namespace {

struct StreamFacts
{
    QString codec;
    double start = 0;
    double duration = 0;
};

/// ffprobe's view of each stream of a file: codec, start time and duration in seconds.
QList<StreamFacts> probeStreams(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                    QStringLiteral("stream=codec_name,start_time,duration"), QStringLiteral("-of"),
                    QStringLiteral("csv=p=0"), path});
    p.waitForFinished(30000);
    QList<StreamFacts> streams;
    for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> f = line.trimmed().split(',');
        if (f.size() >= 3)
            streams << StreamFacts {
                    QString::fromLatin1(f.at(0)), f.at(1).toDouble(), f.at(2).toDouble()};
    }
    return streams;
}

/// The MD5 of a file's first decoded video frame (ffmpeg's framemd5), "" when none decodes.
QByteArray firstFrameMd5(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
                    QStringLiteral("-map"), QStringLiteral("0:v:0"), QStringLiteral("-frames:v"),
                    QStringLiteral("1"), QStringLiteral("-f"), QStringLiteral("framemd5"),
                    QStringLiteral("-")});
    p.waitForFinished(60000);
    for (const QByteArray& line : p.readAllStandardOutput().split('\n')) {
        if (!line.startsWith('#') && line.count(',') >= 5)
            return line.mid(line.lastIndexOf(',') + 1).trimmed();
    }
    return {};
}

/// The first frames of every group of pictures the simulator sends for a codec, as decoded by a
/// plain client from its footage: what a recording's first frames must be, bit for bit.
QSet<QByteArray> simulatorKeyframeMd5s(const QString& codec)
{
    QSet<QByteArray> md5s;
    const bool h265 = codec == QLatin1String("hevc");
    const QString chunks = h265 ? QStringLiteral("main_*.h265") : QStringLiteral("main_*.h264");
    QDir cache(CamsimProcess::cacheDir());
    for (const QString& dir : cache.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (dir.endsWith(QLatin1String(".partial")) || h265 != dir.endsWith(QLatin1String("-h265")))
            continue;
        for (const QString& chunk : QDir(cache.filePath(dir)).entryList({chunks}, QDir::Files))
            md5s.insert(firstFrameMd5(cache.filePath(dir) + u'/' + chunk));
    }
    md5s.remove(QByteArray());
    return md5s;
}

struct FrameFacts
{
    double timeMs = 0;
    bool key = false;
    QString type;
};

/// The decoded video frames of a file in presentation order, as ffprobe sees them.
QList<FrameFacts> probeFrames(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                    QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                    QStringLiteral("frame=pts_time,key_frame,pict_type"), QStringLiteral("-of"),
                    QStringLiteral("json"), path});
    p.waitForFinished(60000);
    QList<FrameFacts> frames;
    const QJsonArray list = QJsonDocument::fromJson(p.readAllStandardOutput())
                                    .object()
                                    .value(QLatin1String("frames"))
                                    .toArray();
    for (const QJsonValue& v : list) {
        const QJsonObject f = v.toObject();
        frames << FrameFacts {f.value(QLatin1String("pts_time")).toString().toDouble() * 1000,
                f.value(QLatin1String("key_frame")).toInt() == 1,
                f.value(QLatin1String("pict_type")).toString()};
    }
    return frames;
}

} // namespace

class TestRecordingFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ffmpegPathRecordsFaithfully_data();
    void ffmpegPathRecordsFaithfully();
    void bFramesKeepPresentationOrder_data();
    void bFramesKeepPresentationOrder();
    void cameraClockThatDriftedIsNotTrusted_data();
    void cameraClockThatDriftedIsNotTrusted();

private:
    /// Data rows: one camera read by Vigil's reader, one (with audio) by FFmpeg's.
    static void bothReaders();
    /// A simulated camera with `quirk`, added to a new data folder (returned; "" on failure).
    QString cameraWithQuirk(
            CamsimProcess& sim, const QString& quirk, const QStringList& cameraArgs);

    QTemporaryDir m_tmp;
};

void TestRecordingFidelity::initTestCase()
{
    QVERIFY(m_tmp.isValid());
}

void TestRecordingFidelity::ffmpegPathRecordsFaithfully_data()
{
    QTest::addColumn<QStringList>("cameraArgs");
    QTest::addColumn<QString>("videoCodec");
    QTest::addColumn<bool>("audio");
    QTest::addColumn<QString>("quirks");
    // Video timestamps that vary as capture times do: durations guessed from the previous
    // interval overshoot the next frame and the MP4 muxer complains at every fragment end. Audio
    // whose sender reports put it 3 s after its video (FFmpeg's reader moves it there at the
    // first report): it stays with the video and continuous from file to file.
    QTest::newRow("h264+aac") << QStringList {QStringLiteral("--audio")} << QStringLiteral("h264")
                              << true << QStringLiteral(",timestamp-jitter=12,audio-skew=3000");
    QTest::newRow("h265") << QStringList {QStringLiteral("--main-codec"), QStringLiteral("h265")}
                          << QStringLiteral("hevc") << false << QString();
}

void TestRecordingFidelity::ffmpegPathRecordsFaithfully()
{
    QFETCH(QStringList, cameraArgs);
    QFETCH(QString, videoCodec);
    QFETCH(bool, audio);
    QFETCH(QString, quirks);
    // The camera drops its stream every few seconds (up 6 s, down 5 s): each reconnection must
    // start recording at its first keyframe.
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            simArgs(QStringList {QStringLiteral("--quirks"),
                            QStringLiteral("drop-stream-after=6") + quirks}
                    + cameraArgs)));
    const QString data = m_tmp.filePath(QString::fromLatin1(QTest::currentDataTag()));
    QVERIFY(addCameras(data, sim, 1));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")));

    QProcess recorder;
    recorder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("--data-dir"), data, QStringLiteral("record")});
    QVERIFY(recorder.waitForStarted());
    // Two outages and what follows them, then a stop as a service manager does it.
    QTRY_VERIFY_WITH_TIMEOUT(segmentsOf(data, 1).value(QLatin1String("gaps")).toArray().size() >= 2
                    && segmentList(data, 1).size() >= 6,
            60000);
    ::kill(pid_t(recorder.processId()), SIGTERM);
    QVERIFY(recorder.waitForFinished(20000));
    QCOMPARE(recorder.exitCode(), 0);

    const QJsonObject index = segmentsOf(data, 1);
    const QJsonArray segments = index.value(QLatin1String("segments")).toArray();
    const QJsonArray gaps = index.value(QLatin1String("gaps")).toArray();
    // Every outage ends exactly where the next file starts: nothing of the reconnection is lost
    // between them (the first keyframe of a connection used to be dropped with its GOP).
    for (const QJsonValue& g : gaps) {
        const qint64 gapEnd = g.toObject().value(QLatin1String("end_ms")).toInteger();
        qint64 nearest = std::numeric_limits<qint64>::max();
        for (const QJsonValue& s : segments) {
            const qint64 start = s.toObject().value(QLatin1String("start_ms")).toInteger();
            if (qAbs(start - gapEnd) < qAbs(nearest))
                nearest = start - gapEnd;
        }
        if (gapEnd >= segments.last().toObject().value(QLatin1String("end_ms")).toInteger())
            continue; // the stop came during this outage
        QVERIFY2(qAbs(nearest) <= 100,
                qPrintable(QStringLiteral("a file starts %1 ms from the end of an outage")
                                   .arg(nearest)));
    }

    // Gaps and files never overlap.
    for (const QJsonValue& g : gaps) {
        const qint64 gapStart = g.toObject().value(QLatin1String("start_ms")).toInteger();
        const qint64 gapEnd = g.toObject().value(QLatin1String("end_ms")).toInteger();
        for (const QJsonValue& v : segments) {
            const qint64 start = v.toObject().value(QLatin1String("start_ms")).toInteger();
            const qint64 end = v.toObject().value(QLatin1String("end_ms")).toInteger();
            QVERIFY2(end <= gapStart || start >= gapEnd,
                    qPrintable(QStringLiteral("file %1…%2 overlaps gap %3…%4")
                                       .arg(start)
                                       .arg(end)
                                       .arg(gapStart)
                                       .arg(gapEnd)));
        }
    }

    // Files of one connection: audio present, at its real offset, continuous from file to file.
    double previousAudioEnd = -1;
    qint64 previousEndMs = 0;
    QString files; // what a failure message shows: each file so far, as the catalog and ffprobe see
                   // it
    for (const QJsonValue& v : segments) {
        const QJsonObject s = v.toObject();
        const QString path = s.value(QLatin1String("path")).toString();
        const QList<StreamFacts> streams = probeStreams(path);
        QVERIFY2(!streams.isEmpty(), qPrintable(path));
        QCOMPARE(streams.first().codec, videoCodec);
        QCOMPARE(streams.size(), audio ? 2 : 1);
        const qint64 startMs = s.value(QLatin1String("start_ms")).toInteger();
        if (audio) {
            const StreamFacts& a = streams.at(1);
            QCOMPARE(a.codec, QStringLiteral("aac"));
            files += QStringLiteral("\n  %1 … %2 ms, audio from %3 s for %4 s")
                             .arg(startMs)
                             .arg(s.value(QLatin1String("end_ms")).toInteger())
                             .arg(a.start)
                             .arg(a.duration);
            // AAC frames of 64 ms: the first one after the keyframe starts within one frame.
            QVERIFY2(a.start >= 0 && a.start < 0.070,
                    qPrintable(QStringLiteral("audio starts at %1 s:%2").arg(a.start).arg(files)));
            const double audioStart = startMs / 1000.0 + a.start;
            if (previousAudioEnd >= 0 && qAbs(startMs - previousEndMs) < 50) {
                QVERIFY2(qAbs(audioStart - previousAudioEnd) < 0.010,
                        qPrintable(QStringLiteral("audio %1 s after the previous file's:%2")
                                           .arg(audioStart - previousAudioEnd)
                                           .arg(files)));
            }
            previousAudioEnd = audioStart + a.duration;
        }
        previousEndMs = s.value(QLatin1String("end_ms")).toInteger();
    }
    // Each file starts with a keyframe exactly as the camera sent it: its picture decodes to the
    // same bytes as the simulator's footage does for a plain client.
    const QSet<QByteArray> cameraKeyframes = simulatorKeyframeMd5s(videoCodec);
    QVERIFY(cameraKeyframes.size() >= 10);
    for (const QJsonValue& v : segments) {
        const QString path = v.toObject().value(QLatin1String("path")).toString();
        QVERIFY2(cameraKeyframes.contains(firstFrameMd5(path)),
                qPrintable(path
                        + QStringLiteral(" does not start with one of the camera's "
                                         "keyframes")));
    }
    // The stop leaves a file whose last frame decodes.
    const QString last = segments.last().toObject().value(QLatin1String("path")).toString();
    QVERIFY2(decodeProblems(last).isEmpty(), qPrintable(decodeProblems(last)));
    // The muxer had nothing to complain about.
    QStringList complaints;
    for (const QString& log :
            QDir(data + QStringLiteral("/logs")).entryList({QStringLiteral("*.log")})) {
        QFile f(data + QStringLiteral("/logs/") + log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.contains("[mp4 @") || line.contains("[mov @"))
                complaints << QString::fromUtf8(line);
        }
    }
    QVERIFY2(complaints.isEmpty(), qPrintable(complaints.join(u'\n')));
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRecordingFidelity::bothReaders()
{
    QTest::addColumn<QStringList>("cameraArgs");
    QTest::newRow("Vigil's reader") << QStringList {};
    QTest::newRow("FFmpeg's reader (with audio)") << QStringList {QStringLiteral("--audio")};
}

QString TestRecordingFidelity::cameraWithQuirk(
        CamsimProcess& sim, const QString& quirk, const QStringList& cameraArgs)
{
    if (!sim.start(1, simArgs(QStringList {QStringLiteral("--quirks"), quirk} + cameraArgs)))
        return {};
    const QString data
            = m_tmp.filePath(quirk.section(u'=', 0, 0) + u'-' + QString::number(cameraArgs.size()));
    return addCameras(data, sim, 1) ? data : QString();
}

void TestRecordingFidelity::bFramesKeepPresentationOrder_data()
{
    bothReaders();
}

void TestRecordingFidelity::bFramesKeepPresentationOrder()
{
    // H.264 with B-frames arrives in decoding order with presentation timestamps: every frame is
    // shown once, in order, a frame apart, from the keyframe at the file's time 0, and the
    // keyframe index holds presentation times. (Frames used to be shown in decoding order, two
    // with one time, or the first group of pictures scrambled.)
    QFETCH(QStringList, cameraArgs);
    CamsimProcess sim;
    const QString data = cameraWithQuirk(sim, QStringLiteral("b-frames"), cameraArgs);
    QVERIFY(!data.isEmpty());
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")));
    const CtlRun r = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("7")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray segments = segmentList(data, 1);
    QVERIFY(segments.size() >= 2);
    int bFrames = 0;
    for (const QJsonValue& v : segments) {
        const QJsonObject s = v.toObject();
        const QString path = s.value(QLatin1String("path")).toString();
        QVERIFY2(decodeProblems(path).isEmpty(), qPrintable(decodeProblems(path)));
        const QList<FrameFacts> frames = probeFrames(path);
        // The stop may come right after the keyframe that began the last file.
        QVERIFY2(frames.size() >= (v == segments.last() ? 1 : 2),
                qPrintable(QStringLiteral("%1 of %2 files: %3 frames in %4")
                                   .arg(segments.toVariantList().indexOf(v.toVariant()) + 1)
                                   .arg(segments.size())
                                   .arg(frames.size())
                                   .arg(path)));
        QVERIFY(frames.first().key);
        QVERIFY2(qAbs(frames.first().timeMs) < 1,
                qPrintable(QString::number(frames.first().timeMs)));
        QList<double> keyTimes;
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (frames.at(i).type == QLatin1String("B"))
                ++bFrames;
            if (frames.at(i).key)
                keyTimes << frames.at(i).timeMs;
            // A stop cuts the decoding order: the last reference frame may have come without the
            // B-frames shown before it.
            if (i == 0 || (v == segments.last() && i >= frames.size() - 2))
                continue;
            const double step = frames.at(i).timeMs - frames.at(i - 1).timeMs;
            QVERIFY2(step > 60 && step < 73, // 15 fps
                    qPrintable(QStringLiteral("%1: frame %2 is shown %3 ms after the one before")
                                       .arg(path)
                                       .arg(i)
                                       .arg(step)));
        }
        const QJsonArray index = s.value(QLatin1String("keyframes")).toArray();
        QCOMPARE(index.size(), keyTimes.size());
        for (qsizetype i = 0; i < index.size(); ++i) {
            const double indexed = index.at(i).toArray().at(0).toDouble();
            QVERIFY2(qAbs(indexed - keyTimes.at(i)) <= 1,
                    qPrintable(QStringLiteral("keyframe at %1 ms indexed at %2 ms")
                                       .arg(keyTimes.at(i))
                                       .arg(indexed)));
        }
    }
    QVERIFY2(bFrames > 10, "the camera sent no B-frames");
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRecordingFidelity::cameraClockThatDriftedIsNotTrusted_data()
{
    bothReaders();
}

void TestRecordingFidelity::cameraClockThatDriftedIsNotTrusted()
{
    // The camera's RTCP clock is 40 s ahead: this computer's clock dates the files.
    QFETCH(QStringList, cameraArgs);
    CamsimProcess sim;
    const QString data = cameraWithQuirk(sim, QStringLiteral("clock-drift=40"), cameraArgs);
    QVERIFY(!data.isEmpty());
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const CtlRun r = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("6")});
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    QCOMPARE(r.exitCode, 0);
    const QJsonArray segments = segmentList(data, 1);
    QVERIFY(!segments.isEmpty());
    for (const QJsonValue& v : segments) {
        const QJsonObject s = v.toObject();
        const qint64 start = s.value(QLatin1String("start_ms")).toInteger();
        const qint64 end = s.value(QLatin1String("end_ms")).toInteger();
        QVERIFY2(start >= before - 1000 && end <= after + 1000,
                qPrintable(QStringLiteral("%1…%2 ms around a run of %3 ms")
                                   .arg(start - before)
                                   .arg(end - before)
                                   .arg(after - before)));
    }
}

QTEST_GUILESS_MAIN(TestRecordingFidelity)
#include "tst_recording_fidelity.moc"
