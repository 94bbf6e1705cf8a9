// A broken or hostile camera (a small RTSP server in this test) must not crash the recorder, grow
// its memory without bound or get the camera's password in clear text, while a simulated camera
// in the same `vigilctl record` keeps recording.
#include "benchmarks/process_stats.h"
#include "hostile/hostile_rtsp_server.h"
#include "support/recording_fixture.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace vigil;
using namespace vigil::test;

class TestHostileRtsp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void malformedLengths_data();
    void malformedLengths();
    void endlessFragmentsKeepMemoryBounded();
    void timestampLeapsStartNewFiles();
    void garbageRtpIsNotCountedAsLoss();
    void lostPacketsAreCountedForTheirStream();
    void basicOnlyWhenAsked_data();
    void basicOnlyWhenAsked();
    void stopInTheMiddleOfAFrameKeepsTheLastFrameWhole_data();
    void stopInTheMiddleOfAFrameKeepsTheLastFrameWhole();

private:
    /// A data folder with the simulated camera (1, when `withSimulator`) and the hostile one.
    QString prepare(const QString& name, const HostileRtspServer& hostile, bool withSimulator);
    bool startRecording(QProcess& recorder, const QString& data);
    /// `vigilctl record --duration 6 --json` on `data`, run alongside this event loop (where the
    /// hostile server answers): its summary, empty when it failed.
    QJsonObject recordSixSeconds(const QString& data);
    /// The simulated camera recorded a file while the hostile one did its worst.
    bool simulatorRecorded(const QString& data) { return !segmentList(data, 1).isEmpty(); }
    /// SIGTERM: the recorder stops cleanly, which it cannot have done if it crashed before.
    static void stopCleanly(QProcess& recorder);
    /// A camera that also offers AAC audio (which it never sends): read through FFmpeg.
    static HostileRtspServer::Answer answersWithAudio();
    /// The simulator's sub-stream footage (12 s), as access units.
    static QList<QList<QByteArray>> simulatorFootage();

    QTemporaryDir m_tmp;
    CamsimProcess m_sim;
};

void TestHostileRtsp::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(m_sim.start(1, simArgs()));
}

QString TestHostileRtsp::prepare(
        const QString& name, const HostileRtspServer& hostile, bool withSimulator)
{
    const QString data = m_tmp.filePath(name);
    if (withSimulator && !addCameras(data, m_sim, 1))
        return {};
    const CtlRun added = vigilctl(data,
            {QStringLiteral("camera"), QStringLiteral("add"), hostile.url(),
                    QStringLiteral("--user"), QStringLiteral("admin"), QStringLiteral("--password"),
                    QStringLiteral("s3cret-pw"), QStringLiteral("--name"),
                    QStringLiteral("Hostile")});
    if (added.exitCode != 0)
        return {};
    setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2"));
    return data;
}

bool TestHostileRtsp::startRecording(QProcess& recorder, const QString& data)
{
    recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("--data-dir"), data, QStringLiteral("record")});
    return recorder.waitForStarted();
}

void TestHostileRtsp::stopCleanly(QProcess& recorder)
{
    QCOMPARE(recorder.state(), QProcess::Running);
    ::kill(pid_t(recorder.processId()), SIGTERM);
    QVERIFY(recorder.waitForFinished(20000));
    QCOMPARE(recorder.exitStatus(), QProcess::NormalExit);
    QCOMPARE(recorder.exitCode(), 0);
}

QList<QList<QByteArray>> TestHostileRtsp::simulatorFootage()
{
    QList<QList<QByteArray>> units;
    const QDir cache(CamsimProcess::cacheDir());
    for (const QString& dir : cache.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        // The default footage (other tests prepare shorter clips into the same cache).
        if (dir.endsWith(QLatin1String(".partial")) || dir.endsWith(QLatin1String("-h265"))
                || !QFile::exists(cache.filePath(dir) + QStringLiteral("/sub_00005.h264")))
            continue;
        for (int n = 0; n < 6; ++n) {
            QFile chunk(cache.filePath(dir)
                    + QStringLiteral("/sub_%1.h264").arg(n, 5, 10, QLatin1Char('0')));
            if (chunk.open(QIODevice::ReadOnly))
                units += HostileRtspServer::accessUnits(chunk.readAll());
        }
        if (!units.isEmpty())
            break;
    }
    return units;
}

HostileRtspServer::Answer TestHostileRtsp::answersWithAudio()
{
    auto setups = std::make_shared<int>(0);
    return [setups](const QByteArray& method, const QByteArray& cseq) {
        if (method == "DESCRIBE")
            return HostileRtspServer::reply(cseq, "Content-Type: application/sdp\r\n",
                    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=with audio\r\nt=0 0\r\n"
                    "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n"
                    "a=fmtp:96 packetization-mode=1\r\na=control:track1\r\n"
                    "m=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/16000/1\r\n"
                    "a=fmtp:97 streamtype=5;profile-level-id=15;mode=AAC-hbr;config=1408;"
                    "sizelength=13;indexlength=3;indexdeltalength=3\r\na=control:track2\r\n");
        if (method == "SETUP")
            return HostileRtspServer::reply(cseq,
                    (*setups)++ == 0
                            ? "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\nSession: 4242\r\n"
                            : "Transport: RTP/AVP/TCP;unicast;interleaved=2-3\r\nSession: "
                              "4242\r\n");
        return HostileRtspServer::honestAnswer(method, cseq);
    };
}

void TestHostileRtsp::malformedLengths_data()
{
    QTest::addColumn<QByteArray>("length");
    QTest::addColumn<bool>("inDescribe");
    QTest::newRow("negative, DESCRIBE") << QByteArray("-1000000000") << true;
    QTest::newRow("negative, during the stream") << QByteArray("-1000000000") << false;
    QTest::newRow("100 GB, DESCRIBE") << QByteArray("100000000000") << true;
    QTest::newRow("not a number, during the stream") << QByteArray("12abc") << false;
}

void TestHostileRtsp::malformedLengths()
{
    // An RTSP answer with a negative Content-Length crashed the recorder (every camera stopped).
    QFETCH(QByteArray, length);
    QFETCH(bool, inDescribe);
    HostileRtspServer hostile;
    QVERIFY(hostile.listen());
    // A usable SDP follows, so that a reader that believed the length would go on with it.
    const QByteArray broken = "RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: application/sdp\r\n"
                              "Content-Length: "
            + length
            + "\r\n\r\nv=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=x\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n"
              "a=rtpmap:96 H264/90000\r\na=control:track1\r\n";
    if (inDescribe) {
        hostile.answer = [broken](const QByteArray& method, const QByteArray& cseq) {
            return method == "DESCRIBE" ? broken : HostileRtspServer::honestAnswer(method, cseq);
        };
    } else {
        auto sent = std::make_shared<bool>(false);
        hostile.stream = [broken, sent] {
            if (*sent)
                return QByteArray();
            *sent = true;
            return broken;
        };
    }
    const QString data = prepare(QString::fromLatin1(QTest::currentDataTag()), hostile, true);
    QVERIFY(!data.isEmpty());
    QProcess recorder;
    QVERIFY(startRecording(recorder, data));
    QTRY_VERIFY_WITH_TIMEOUT(hostile.count("DESCRIBE") >= 3 && simulatorRecorded(data), 30000);
    stopCleanly(recorder);
    if (!inDescribe)
        QVERIFY(hostile.count("PLAY") >= 2); // refused, then tried again
}

void TestHostileRtsp::endlessFragmentsKeepMemoryBounded()
{
    // A frame whose FU-A fragments never end grew the recorder to 2 GB. 300 MB of one frame:
    // dropped at 16 MB, memory stays bounded, and the alert says what happened.
    HostileRtspServer hostile;
    QVERIFY(hostile.listen());
    constexpr qint64 kTotal = 300 * 1024 * 1024;
    auto seq = std::make_shared<quint16>(0);
    hostile.stream = [&hostile, seq] {
        if (hostile.streamedBytes >= kTotal)
            return QByteArray();
        QByteArray batch;
        for (int i = 0; i < 64; ++i) {
            QByteArray payload(2, '\0');
            payload[0] = char(0x7c); // FU-A, NRI 3
            payload[1] = char(*seq == 0 ? 0x85 : 0x05); // start of an IDR slice, then middles
            payload += QByteArray(1400, char(0x42));
            batch += HostileRtspServer::rtp((*seq)++, 9000, false, payload);
        }
        return batch;
    };
    const QString data = prepare(QStringLiteral("fu-a"), hostile, true);
    QVERIFY(!data.isEmpty());
    QProcess recorder;
    QVERIFY(startRecording(recorder, data));
    QTRY_VERIFY_WITH_TIMEOUT(hostile.streamedBytes >= kTotal, 60000);
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
            (err += recorder.readAllStandardError()).contains("larger than 16 MB"), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(simulatorRecorded(data), 20000);
    const double peak = bench::peakRssMb(recorder.processId());
    QVERIFY2(peak > 0 && peak < 150 * bench::kMemoryAllowance,
            qPrintable(QStringLiteral("peak %1 MB").arg(peak)));
    QVERIFY2(!err.contains("disk is not keeping up"), err.constData());
    stopCleanly(recorder);
}

void TestHostileRtsp::timestampLeapsStartNewFiles()
{
    // RTP timestamps that leap 2^31 - 1 ticks at each keyframe made a 13-hour file of 1.6 s of
    // video, dated days ahead, and sometimes aborted the process in FFmpeg's MP4 muxer. Now each
    // leap starts a new file, dated by this computer's clock.
    const QList<QList<QByteArray>> units = simulatorFootage();
    QVERIFY(units.size() >= 150); // six groups of pictures
    HostileRtspServer hostile;
    QVERIFY(hostile.listen());
    // A leap at every keyframe but the first.
    auto leaps = std::make_shared<quint32>(0);
    hostile.playAtFps(
            units, 15, [leaps](qsizetype index, const QList<QByteArray>& unit, quint16& seq) {
                const bool keyframe = std::any_of(unit.begin(), unit.end(),
                        [](const QByteArray& nal) { return (nal[0] & 0x1f) == 5; });
                if (keyframe && index > 0)
                    ++*leaps;
                const quint32 timestamp = quint32(index * 6000) + *leaps * 0x7fffffffu;
                return HostileRtspServer::packetize(unit, seq, timestamp);
            });
    const QString data = m_tmp.filePath(QStringLiteral("leaps"));
    const CtlRun added = vigilctl(data,
            {QStringLiteral("camera"), QStringLiteral("add"), hostile.url(),
                    QStringLiteral("--name"), QStringLiteral("Leaping")});
    QCOMPARE(added.exitCode, 0);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QProcess recorder;
    QVERIFY(startRecording(recorder, data));
    QTRY_VERIFY_WITH_TIMEOUT(hostile.framesSent >= units.size(), 30000);
    // Every group of pictures has reached the index (the last one still open) before the stop.
    QTRY_VERIFY_WITH_TIMEOUT(segmentList(data, 1).size() >= 6, 30000);
    ::kill(pid_t(recorder.processId()), SIGTERM);
    QVERIFY(recorder.waitForFinished(20000));
    QCOMPARE(recorder.exitStatus(), QProcess::NormalExit);
    QCOMPARE(recorder.exitCode(), 0);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    const QJsonArray files = segmentList(data, 1);
    if (files.size() < 6) {
        QFile log(data + QStringLiteral("/logs/vigilctl.log"));
        if (log.open(QIODevice::ReadOnly))
            qWarning("%s", log.readAll().right(3000).constData());
        qWarning("%s", QJsonDocument(files).toJson().constData());
    }
    QVERIFY2(files.size() >= 6, qPrintable(QString::number(files.size())));
    for (const QJsonValue& v : files) {
        const qint64 start = v.toObject().value(QLatin1String("start_ms")).toInteger();
        const qint64 end = v.toObject().value(QLatin1String("end_ms")).toInteger();
        QVERIFY2(start >= before - 2000 && end <= after + 2000 && end - start <= 3000,
                qPrintable(QStringLiteral("a file of %1…%2 ms in a run of %3 ms")
                                   .arg(start - before)
                                   .arg(end - before)
                                   .arg(after - before)));
    }
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestHostileRtsp::garbageRtpIsNotCountedAsLoss()
{
    // Packets with random sequence numbers among real ones made lost_rtp_packets report
    // 2,162,688: every jump there and back counted as thousands of lost packets. Then a stray
    // number just behind the stream's (one time in three or so of random ones) still counted
    // the way back as hundreds lost: garbage numbered a little behind, a little ahead and at
    // random, and nothing may count.
    const QList<QList<QByteArray>> units = simulatorFootage();
    QVERIFY(units.size() >= 150); // six groups of pictures
    HostileRtspServer hostile;
    QVERIFY(hostile.listen());
    hostile.playAtFps(units, 15, [](qsizetype index, const QList<QByteArray>& unit, quint16& seq) {
        QByteArray out = HostileRtspServer::packetize(unit, seq, quint32(index * 6000));
        if (index % 3 == 1) { // garbage between two frames
            const quint32 random = QRandomGenerator::global()->generate();
            const quint16 near[] = {quint16(seq - 300), quint16(seq + 300), quint16(random)};
            out += HostileRtspServer::rtp(near[(index / 3) % 3], random, false,
                    QByteArray(1, char(0x41)) + QByteArray(100, char(random)));
        }
        return out;
    });
    const QString data = prepare(QStringLiteral("garbage"), hostile, false);
    QVERIFY(!data.isEmpty());
    const QJsonObject summary = recordSixSeconds(data);
    QVERIFY(!summary.isEmpty());
    QVERIFY(hostile.framesSent > 60);
    QVERIFY(summary.value(QLatin1String("segments")).toInteger() >= 1);
    const qint64 lost = summary.value(QLatin1String("lost_rtp_packets")).toInteger(-1);
    QVERIFY2(lost == 0, qPrintable(QString::number(lost)));
}

QJsonObject TestHostileRtsp::recordSixSeconds(const QString& data)
{
    QProcess recorder;
    QSignalSpy finished(&recorder, &QProcess::finished);
    recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("--data-dir"), data, QStringLiteral("record"),
                    QStringLiteral("--duration"), QStringLiteral("6"), QStringLiteral("--json")});
    // Waiting in this event loop, where the hostile server answers.
    if (!recorder.waitForStarted() || !finished.wait(30000) || recorder.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(recorder.readAllStandardOutput()).object();
}

void TestHostileRtsp::lostPacketsAreCountedForTheirStream()
{
    // One RTP packet in every ten frames never arrives (its sequence number is skipped): the
    // stream reports what it lost, and the run's total is the sum of its streams'.
    const QList<QList<QByteArray>> units = simulatorFootage();
    HostileRtspServer hostile;
    QVERIFY(hostile.listen());
    int skipped = 0;
    hostile.playAtFps(units, 15, [&](qsizetype index, const QList<QByteArray>& unit, quint16& seq) {
        if (index % 10 == 5) {
            ++seq; // lost on the way
            ++skipped;
        }
        return HostileRtspServer::packetize(unit, seq, quint32(index * 6000));
    });
    const QString data = prepare(QStringLiteral("lossy"), hostile, false);
    QVERIFY(!data.isEmpty());
    const QJsonObject summary = recordSixSeconds(data);
    QVERIFY(!summary.isEmpty());
    const qint64 lost = summary.value(QLatin1String("lost_rtp_packets")).toInteger(-1);
    const QJsonArray streams = summary.value(QLatin1String("streams")).toArray();
    QCOMPARE(streams.size(), 1);
    QCOMPARE(streams.first().toObject().value(QLatin1String("lost_packets")).toInteger(-1), lost);
    // The skips the recorder heard (it may stop before the last ones are sent).
    QVERIFY2(lost >= 3 && lost <= skipped,
            qPrintable(QStringLiteral("%1 lost, %2 skipped").arg(lost).arg(skipped)));
}

void TestHostileRtsp::basicOnlyWhenAsked_data()
{
    QTest::addColumn<QByteArray>("challenge");
    QTest::addColumn<bool>("basicSent");
    QTest::newRow("no method offered") << QByteArray() << false;
    QTest::newRow("Basic asked") << QByteArray("WWW-Authenticate: Basic realm=\"cam\"\r\n") << true;
}

void TestHostileRtsp::basicOnlyWhenAsked()
{
    // A 401 without WWW-Authenticate made the recorder send the password as Basic, in clear.
    QFETCH(QByteArray, challenge);
    QFETCH(bool, basicSent);
    HostileRtspServer hostile;
    QVERIFY(hostile.listen());
    hostile.answer = [challenge](const QByteArray&, const QByteArray& cseq) {
        return HostileRtspServer::reply(cseq, challenge, {}, "401 Unauthorized");
    };
    const QString data = prepare(QString::fromLatin1(QTest::currentDataTag()), hostile, false);
    QVERIFY(!data.isEmpty());
    QProcess recorder;
    QVERIFY(startRecording(recorder, data));
    QTRY_VERIFY_WITH_TIMEOUT(hostile.count("DESCRIBE") >= 4, 30000);
    QByteArray err;
    if (basicSent) {
        QTRY_VERIFY_WITH_TIMEOUT(
                (err += recorder.readAllStandardError()).contains("in clear text"), 20000);
    }
    stopCleanly(recorder);
    bool basic = false;
    for (const QByteArray& request : std::as_const(hostile.requests)) {
        if (request.contains("Authorization: Basic"))
            basic = true;
    }
    QCOMPARE(basic, basicSent);
}

void TestHostileRtsp::stopInTheMiddleOfAFrameKeepsTheLastFrameWhole_data()
{
    QTest::addColumn<int>("cutAfterS");
    // FFmpeg looks at the first 3 s of a stream whose SDP does not say everything.
    QTest::newRow("while recording") << 5;
    QTest::newRow("while the stream is analysed") << 1;
}

void TestHostileRtsp::stopInTheMiddleOfAFrameKeepsTheLastFrameWhole()
{
    // A camera with audio (read by FFmpeg) stalls in the middle of a keyframe: the read that the
    // stop interrupts returned that half frame, which was written as the file's last frame (4 of
    // 6 stops ended in a frame that does not decode); a stall while FFmpeg analysed the stream
    // left the half frame among the packets it kept, written once the analysis gave up.
    QFETCH(int, cutAfterS);
    const QList<QList<QByteArray>> units = simulatorFootage();
    QVERIFY(units.size() >= 150);
    const auto isKeyframe = [](const QList<QByteArray>& unit) {
        return std::any_of(unit.begin(), unit.end(),
                [](const QByteArray& nal) { return (nal[0] & 0x1f) == 5; });
    };
    qsizetype cut = cutAfterS * 15; // the first keyframe after that
    while (cut < units.size() && !isKeyframe(units.at(cut)))
        ++cut;
    QVERIFY(cut < units.size());
    HostileRtspServer hostile;
    QVERIFY(hostile.listen());
    hostile.answer = answersWithAudio();
    // Whole frames up to the cut, then the first half of the keyframe's packets, then silence.
    auto halfSent = std::make_shared<bool>(false);
    hostile.playAtFps(units.mid(0, cut + 1), 15,
            [cut, halfSent](qsizetype index, const QList<QByteArray>& unit, quint16& seq) {
                const quint32 timestamp = quint32(index * 6000);
                QByteArray packets = HostileRtspServer::packetize(unit, seq, timestamp);
                if (index < cut)
                    return packets;
                // Interleaved packets: $, channel, 16-bit length, RTP.
                QByteArray half;
                int count = 0;
                for (qsizetype at = 0; at + 4 <= packets.size();) {
                    const int length = qFromBigEndian<quint16>(packets.constData() + at + 2);
                    ++count;
                    at += 4 + length;
                }
                for (qsizetype at = 0, n = 0; n < count / 2; ++n) {
                    const int length = qFromBigEndian<quint16>(packets.constData() + at + 2);
                    half += packets.mid(at, 4 + length);
                    at += 4 + length;
                }
                *halfSent = count >= 4;
                return half;
            });
    const QString data = m_tmp.filePath(QStringLiteral("half-frame-%1").arg(cutAfterS));
    const CtlRun added = vigilctl(data,
            {QStringLiteral("camera"), QStringLiteral("add"), hostile.url(),
                    QStringLiteral("--name"), QStringLiteral("Half a frame")});
    QCOMPARE(added.exitCode, 0);
    QProcess recorder;
    QVERIFY(startRecording(recorder, data));
    // The half keyframe has left for the recorder's socket, and the footage before it is in
    // the index (or, stalled in the analysis, the recorder gave up on the connection).
    QTRY_VERIFY_WITH_TIMEOUT(*halfSent && hostile.deliveredBytes == hostile.writtenBytes, 30000);
    if (cutAfterS > 3)
        QTRY_VERIFY_WITH_TIMEOUT(!segmentList(data, 1).isEmpty(), 20000);
    else
        QTRY_VERIFY_WITH_TIMEOUT(
                hostile.count("DESCRIBE") >= 3, 40000); // own reader, FFmpeg, again
    stopCleanly(recorder);
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestHostileRtsp)
#include "tst_hostile_rtsp.moc"
