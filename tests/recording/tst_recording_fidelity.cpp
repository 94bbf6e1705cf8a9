// What cameras with audio or H.265 send (FFmpeg's RTSP reader) is recorded faithfully, end to
// end through `vigilctl record`: from the first keyframe of every connection (a gap ends where the
// next file starts), every file with its audio at its real offset and continuous across files,
// the last frame of a stopped recording decodable, and no complaint from the MP4 muxer.
#include "support/recording_fixture.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
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

} // namespace

class TestRecordingFidelity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ffmpegPathRecordsFaithfully_data();
    void ffmpegPathRecordsFaithfully();
    void cameraClockThatDriftedIsNotTrusted_data();
    void cameraClockThatDriftedIsNotTrusted();

private:
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
    QTest::newRow("h264+aac") << QStringList {QStringLiteral("--audio")} << QStringLiteral("h264")
                              << true;
    QTest::newRow("h265") << QStringList {QStringLiteral("--main-codec"), QStringLiteral("h265")}
                          << QStringLiteral("hevc") << false;
}

void TestRecordingFidelity::ffmpegPathRecordsFaithfully()
{
    QFETCH(QStringList, cameraArgs);
    QFETCH(QString, videoCodec);
    QFETCH(bool, audio);
    // The camera drops its stream every few seconds (up 6 s, down 5 s): each reconnection must
    // start recording at its first keyframe.
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            simArgs(QStringList {QStringLiteral("--quirks"), QStringLiteral("drop-stream-after=6")}
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
            // AAC frames of 64 ms: the first one after the keyframe starts within one frame.
            QVERIFY2(a.start >= 0 && a.start < 0.070, qPrintable(QString::number(a.start)));
            const double audioStart = startMs / 1000.0 + a.start;
            if (previousAudioEnd >= 0 && qAbs(startMs - previousEndMs) < 50) {
                QVERIFY2(qAbs(audioStart - previousAudioEnd) < 0.010,
                        qPrintable(QStringLiteral("audio %1 s after the previous file's")
                                           .arg(audioStart - previousAudioEnd)));
            }
            previousAudioEnd = audioStart + a.duration;
        }
        previousEndMs = s.value(QLatin1String("end_ms")).toInteger();
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

void TestRecordingFidelity::cameraClockThatDriftedIsNotTrusted_data()
{
    QTest::addColumn<QStringList>("cameraArgs");
    QTest::newRow("h264 (Vigil's reader)") << QStringList {};
    QTest::newRow("h264+aac (FFmpeg's reader)") << QStringList {QStringLiteral("--audio")};
}

void TestRecordingFidelity::cameraClockThatDriftedIsNotTrusted()
{
    // The camera's RTCP clock is 40 s ahead: this computer's clock dates the files.
    QFETCH(QStringList, cameraArgs);
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            simArgs(QStringList {QStringLiteral("--quirks"), QStringLiteral("clock-drift=40")}
                    + cameraArgs)));
    const QString data
            = m_tmp.filePath(QStringLiteral("drift-") + QString::number(cameraArgs.size()));
    QVERIFY(addCameras(data, sim, 1));
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
