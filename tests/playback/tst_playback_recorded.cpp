// Playback of footage the recorder itself wrote from a simulated camera (not remuxed by a test):
// every frame Vigil shows at a time is checked against the ffmpeg tool's own decode of the file
// (`-f framemd5`: each decoded picture's MD5 and presentation time), across a file boundary,
// backwards over it, and in the file still being written.

#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/playback/archive_player.h"
#include "support/recorder_process.h"
#include "support/recording_fixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

namespace {

struct DecodedFrame
{
    qint64 utcMs = 0;
    QByteArray md5; ///< of the decoded planes, as ffmpeg's framemd5 gives it
};

/// The frames of a segment file as ffmpeg decodes them, with their UTC times.
QList<DecodedFrame> framesOf(const QString& path, qint64 startMs)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
                    QStringLiteral("-map"), QStringLiteral("0:v"), QStringLiteral("-f"),
                    QStringLiteral("framemd5"), QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(120000))
        return {};
    QList<DecodedFrame> frames;
    qint64 timeBaseDen = 0;
    qint64 firstPts = -1;
    for (const QByteArray& raw : ffmpeg.readAllStandardOutput().split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith("#tb 0:")) {
            const QList<QByteArray> tb = line.mid(6).trimmed().split('/');
            timeBaseDen = tb.value(1).toLongLong() / std::max<qint64>(1, tb.value(0).toLongLong());
        }
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> f = line.split(',');
        if (f.size() < 6 || timeBaseDen <= 0)
            continue;
        const qint64 pts = f.at(2).trimmed().toLongLong();
        if (firstPts < 0)
            firstPts = pts;
        frames << DecodedFrame {startMs + ((pts - firstPts) * 1000 + timeBaseDen / 2) / timeBaseDen,
                f.at(5).trimmed()};
    }
    return frames;
}

/// The MD5 of a YUV 4:2:0 frame's planes, packed as ffmpeg's rawvideo lays them out.
QByteArray md5Of(const QVideoFrame& source)
{
    QVideoFrame frame(source);
    if (!frame.map(QVideoFrame::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Md5);
    for (int plane = 0; plane < 3; ++plane) {
        const int w = plane == 0 ? frame.width() : (frame.width() + 1) / 2;
        const int h = plane == 0 ? frame.height() : (frame.height() + 1) / 2;
        for (int y = 0; y < h; ++y)
            hash.addData(QByteArrayView(
                    frame.bits(plane) + qsizetype(y) * frame.bytesPerLine(plane), w));
    }
    frame.unmap();
    return hash.result().toHex();
}

} // namespace

class TestPlaybackRecorded : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyFrameShownIsTheRecordedFrameOfItsTime();
    void theFileBeingWrittenPlays();
    void anExportDuringRecordingLosesNothing();

private:
    std::unique_ptr<playback::ArchivePlayer> player() const
    {
        playback::ArchivePlayer::Config c;
        c.catalogPath = m_data + QStringLiteral("/vigil.sqlite");
        c.recordingsDir = m_data + QStringLiteral("/recordings");
        c.cameraId = 1;
        return std::make_unique<playback::ArchivePlayer>(c);
    }
    QList<catalog::SegmentRecord> mainSegments() const
    {
        QList<catalog::SegmentRecord> main;
        for (const catalog::SegmentRecord& s : indexedSegments(m_data)) {
            if (s.role == QLatin1String("main"))
                main << s;
        }
        return main;
    }

    QTemporaryDir m_tmp;
    CamsimProcess m_sim;
    QString m_data;
    std::unique_ptr<RecorderProcess> m_recorder;
};

void TestPlaybackRecorded::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    qputenv("XDG_RUNTIME_DIR", m_tmp.path().toUtf8());
    QVERIFY(m_sim.start(1, simArgs()));
    m_data = m_tmp.filePath(QStringLiteral("data"));
    QVERIFY(addCameras(m_data, m_sim, 1));
    QVERIFY(setSetting(m_data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("3")));
    m_recorder = std::make_unique<RecorderProcess>(m_data);
    QVERIFY(m_recorder->started());
    // Two closed files and one being written.
    QTRY_VERIFY_WITH_TIMEOUT(mainSegments().size() >= 3, 60000);
}

void TestPlaybackRecorded::cleanupTestCase()
{
    if (m_recorder)
        QVERIFY(m_recorder->stop());
}

void TestPlaybackRecorded::everyFrameShownIsTheRecordedFrameOfItsTime()
{
    const QList<catalog::SegmentRecord> segments = mainSegments();
    QVERIFY(segments.size() >= 3);
    const catalog::SegmentRecord& first = segments.at(0);
    const catalog::SegmentRecord& second = segments.at(1);
    QCOMPARE(first.state, QStringLiteral("closed"));
    const QString recordings = m_data + QStringLiteral("/recordings/");
    QList<DecodedFrame> frames = framesOf(recordings + first.path, first.startMs);
    const qsizetype firstCount = frames.size();
    frames += framesOf(recordings + second.path, second.startMs);
    QVERIFY2(firstCount > 20 && frames.size() > firstCount + 20,
            qPrintable(QString::number(frames.size())));

    const auto p = player();
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    const auto nextExact = [&]() -> QList<QVariant> {
        for (;;) {
            if (shown.isEmpty() && !shown.wait(10000))
                return {};
            QList<QVariant> args = shown.takeFirst();
            if (args.at(2).toBool())
                return args;
        }
    };
    // Random frames of both files, the last of the first file and the first of the second.
    QList<qsizetype> picks {0, firstCount - 1, firstCount, firstCount + 1};
    QRandomGenerator random(15);
    for (int i = 0; i < 20; ++i)
        picks << random.bounded(int(frames.size()));
    for (const qsizetype i : std::as_const(picks)) {
        p->seek(frames.at(i).utcMs);
        const QList<QVariant> args = nextExact();
        QVERIFY2(!args.isEmpty(), "no frame");
        QCOMPARE(args.at(1).toLongLong(), frames.at(i).utcMs);
        QVERIFY2(md5Of(args.at(0).value<QVideoFrame>()) == frames.at(i).md5,
                qPrintable(QStringLiteral("frame %1 of %2 is not the recorded picture")
                                   .arg(i)
                                   .arg(frames.size())));
    }
    // Backwards over the boundary, frame by frame.
    p->seek(frames.at(firstCount + 1).utcMs);
    QCOMPARE(nextExact().at(1).toLongLong(), frames.at(firstCount + 1).utcMs);
    for (qsizetype i = firstCount; i >= firstCount - 2; --i) {
        p->step(-1);
        const QList<QVariant> args = nextExact();
        QCOMPARE(args.at(1).toLongLong(), frames.at(i).utcMs);
        QCOMPARE(md5Of(args.at(0).value<QVideoFrame>()), frames.at(i).md5);
    }
}

void TestPlaybackRecorded::theFileBeingWrittenPlays()
{
    // The newest main file is open; a moment a second or two old plays.
    QList<catalog::SegmentRecord> segments;
    QTRY_VERIFY_WITH_TIMEOUT(
            (segments = mainSegments(),
                    !segments.isEmpty() && segments.last().state == QLatin1String("open")
                            && QDateTime::currentMSecsSinceEpoch() - segments.last().startMs
                                    > 2000),
            20000);
    const catalog::SegmentRecord open = segments.last();
    const qint64 target = open.startMs + 1000;
    const auto p = player();
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    p->seek(target);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(2).toBool(), 10000);
    const qint64 at = shown.last().at(1).toLongLong();
    QVERIFY2(at <= target && target - at < 200,
            qPrintable(QStringLiteral("%1 ms before the time asked").arg(target - at)));
    // The file (chosen while it was open) is still indexed from the same start.
    const QList<catalog::SegmentRecord> now = mainSegments();
    QVERIFY(std::any_of(now.cbegin(), now.cend(),
            [&](const catalog::SegmentRecord& s) { return s.startMs == open.startMs; }));
}

void TestPlaybackRecorded::anExportDuringRecordingLosesNothing()
{
    // Everything recorded so far, exported redacted (the detectors load both cores) and original
    // while the recorder goes on writing.
    const QList<catalog::SegmentRecord> before = mainSegments();
    QVERIFY(!before.isEmpty());
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    };
    const QString out = m_tmp.filePath(QStringLiteral("package"));
    const CtlRun made = vigilctl(m_data,
            {QStringLiteral("export"), QStringLiteral("--camera"), QStringLiteral("1"),
                    QStringLiteral("--from"), iso(before.first().startMs), QStringLiteral("--to"),
                    iso(before.last().endMs), QStringLiteral("--out"), out,
                    QStringLiteral("--case"), QStringLiteral("C-9"), QStringLiteral("--reason"),
                    QStringLiteral("test"), QStringLiteral("--redact"),
                    QStringLiteral("faces,plates"), QStringLiteral("--original")},
            240000);
    QVERIFY2(made.exitCode == 0, made.err.constData());
    QCOMPARE(vigilctl(m_data, {QStringLiteral("verify"), out}).exitCode, 0);

    // Meanwhile the recorder dropped nothing, and its files follow one another without a gap.
    QTRY_VERIFY_WITH_TIMEOUT(mainSegments().size() >= before.size() + 2, 60000);
    const CtlRun status = vigilctl(m_data, {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject summary = QJsonDocument::fromJson(status.out)
                                        .object()
                                        .value(QLatin1String("summary"))
                                        .toObject();
    QCOMPARE(summary.value(QLatin1String("dropped_packets")).toInteger(-1), 0);
    const QList<catalog::SegmentRecord> after = mainSegments();
    for (qsizetype i = 1; i < after.size(); ++i)
        QVERIFY2(after.at(i).startMs - after.at(i - 1).endMs < 1000,
                qPrintable(QStringLiteral("a gap before file %1").arg(i)));
}

QTEST_GUILESS_MAIN(TestPlaybackRecorded)
#include "tst_playback_recorded.moc"
