// Live video through the real parts: simulated ONVIF cameras, vigil-recorder with its hubs and
// control channel, this process as a window (LiveChannel, LiveFeed, QVideoSink) decoding real
// frames. Camera connections are counted in the kernel's table of TCP connections.
#include "core/control/live_feed.h"
#include "support/camsim_process.h"
#include "support/recorder_process.h"
#include "support/recording_fixture.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QVideoSink>

#include <cstring>
#include <memory>

using namespace vigil;
using namespace vigil::test;

namespace {

/// Established TCP connections whose local port is `port` (the server's side: one per client).
int connectionsTo(int port)
{
    int count = 0;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(table));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine(); // header
        while (!f.atEnd()) {
            const QList<QByteArray> fields = f.readLine().simplified().split(' ');
            if (fields.size() < 4)
                continue;
            const QByteArray local = fields.at(1);
            const int colon = local.lastIndexOf(':');
            bool ok = false;
            if (local.mid(colon + 1).toInt(&ok, 16) == port && ok && fields.at(3) == "01")
                ++count;
        }
    }
    return count;
}

/// The frame's brightness plane as a grey picture (what a viewer sees of shapes and motion).
QImage luma(QVideoFrame frame)
{
    if (!frame.map(QVideoFrame::ReadOnly))
        return {};
    QImage image(frame.width(), frame.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < frame.height(); ++y)
        std::memcpy(image.scanLine(y), frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0),
                size_t(frame.width()));
    frame.unmap();
    return image;
}

/// A window's view of one stream: a channel of its own (as a second window would have), a feed
/// and the sink it shows in, with the frames that reached the sink.
struct Viewer
{
    Viewer(const QString& dataDir, qint64 camera, const QString& role)
        : channel(dataDir)
        , feed(channel, camera, role)
    {
        feed.setVideoSink(&sink);
        QObject::connect(
                &sink, &QVideoSink::videoFrameChanged, &sink, [this](const QVideoFrame& f) {
                    if (frames.size() < 8 || shown % 10 == 0)
                        frames << luma(f);
                    ++shown;
                    size = f.size();
                });
    }
    control::LiveChannel channel;
    control::LiveFeed feed;
    QVideoSink sink;
    QList<QImage> frames; ///< a sample of what was shown
    int shown = 0;
    QSize size;
};

/// True when the image has detail (not one flat colour).
bool hasPicture(const QImage& image)
{
    const QImage small = image.scaled(32, 18).convertToFormat(QImage::Format_Grayscale8);
    int lo = 255;
    int hi = 0;
    for (int y = 0; y < small.height(); ++y) {
        for (int x = 0; x < small.width(); ++x) {
            lo = qMin(lo, qGray(small.pixel(x, y)));
            hi = qMax(hi, qGray(small.pixel(x, y)));
        }
    }
    return hi - lo > 40;
}

/// The brightest and darkest of `image` (grey or RGB) within `area`.
QPair<int, int> range(const QImage& image, const QRect& area)
{
    int lo = 255;
    int hi = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb p = image.pixel(x, y);
            lo = qMin(lo, qMin(qRed(p), qMin(qGreen(p), qBlue(p))));
            hi = qMax(hi, qMax(qRed(p), qMax(qGreen(p), qBlue(p))));
        }
    }
    return {lo, hi};
}

/// The picture area of the mask [0.1, 0.5] × [0.1, 0.6] of `size`, one pixel inside its edges.
QRect maskedArea(QSize size)
{
    return QRect(QPoint(int(0.1 * size.width()) + 1, int(0.1 * size.height()) + 1),
            QPoint(int(0.5 * size.width()) - 1, int(0.6 * size.height()) - 1));
}

} // namespace

class TestLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void liveFramesAreRealChangingPictures();
    void oneCameraSessionPerStreamForEveryone();
    void aFeedNobodyLooksAtDecodesNothing();
    void aDroppedStreamSaysOfflineThenComesBack();
    void aWrongPasswordSaysSo();
    void privacyMasksAreBlackInLiveFramesAndSnapshots();
    void removingAWatchedRecordedCameraEndsItsTileCleanly();
    void cleanupTestCase();

private:
    void liveFramesOfBothStreams();

    QTemporaryDir m_tmp;
    CamsimProcess m_sim;
    QString m_data;
    std::unique_ptr<RecorderProcess> m_recorder;
};

void TestLive::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    qputenv("XDG_RUNTIME_DIR", m_tmp.path().toUtf8());
    QVERIFY(m_sim.start(1, simArgs()));
    m_data = m_tmp.filePath(QStringLiteral("data"));
    // An ONVIF camera: main and sub streams; the main one is recorded.
    const CtlRun added = vigilctl(m_data,
            {QStringLiteral("camera"), QStringLiteral("add"), m_sim.endpoint(0, "device_service"),
                    QStringLiteral("--user"), kCamUser, QStringLiteral("--password"), kCamPassword,
                    QStringLiteral("--name"), QStringLiteral("Plaza")});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    m_recorder = std::make_unique<RecorderProcess>(m_data);
    QVERIFY(m_recorder->started());
}

void TestLive::cleanupTestCase()
{
    if (m_recorder)
        QVERIFY(m_recorder->stop());
}

void TestLive::liveFramesAreRealChangingPictures()
{
    liveFramesOfBothStreams();
    // Each view's start and end is in the audit log, with the computer's user who watched.
    const auto audited = [this](const char* action) {
        const CtlRun listed = vigilctl(m_data,
                {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                        QLatin1String(action), QStringLiteral("--camera"), QStringLiteral("1"),
                        QStringLiteral("--json")});
        QStringList who;
        for (const QJsonValue& v : QJsonDocument::fromJson(listed.out).array())
            who << v.toObject().value(QLatin1String("user")).toString();
        return who;
    };
    QTRY_VERIFY_WITH_TIMEOUT(audited("live_stop").size() >= 2, 10000);
    const QStringList started = audited("live_start");
    QVERIFY2(started.size() >= 2, qPrintable(started.join(u',')));
    for (const QString& who : started)
        QVERIFY2(who.startsWith(QLatin1String("os:")) && who.size() > 3, qPrintable(who));
    QCOMPARE(vigilctl(m_data, {QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
}

void TestLive::liveFramesOfBothStreams()
{
    Viewer sub(m_data, 1, QStringLiteral("sub"));
    sub.feed.setActive(true);
    QTRY_VERIFY2_WITH_TIMEOUT(sub.shown >= 30,
            qPrintable(QStringLiteral("state %1 (%2), %3 decoded, %4 shown")
                               .arg(int(sub.feed.state()))
                               .arg(sub.feed.reason())
                               .arg(sub.feed.decodedFrames())
                               .arg(sub.shown)),
            30000);
    QCOMPARE(sub.feed.state(), control::LiveFeed::State::Live);
    QCOMPARE(sub.size, QSize(640, 360)); // tiles show the sub stream
    QVERIFY(sub.frames.size() >= 3);
    for (const QImage& image : std::as_const(sub.frames))
        QVERIFY(hasPicture(image));
    QVERIFY2(sub.frames.first() != sub.frames.last(), "the picture does not change");

    // Maximised: the main stream, full size.
    Viewer main(m_data, 1, QStringLiteral("main"));
    main.feed.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(main.shown >= 10, 30000);
    QCOMPARE(main.size, QSize(1920, 1080));
    QVERIFY(hasPicture(main.frames.last()));
}

void TestLive::oneCameraSessionPerStreamForEveryone()
{
    const int port = QUrl(m_sim.endpoint(0, "rtsp_main")).port();
    QVERIFY(port > 0);
    // The recorder records the main stream; nobody watches the sub one.
    QTRY_COMPARE_WITH_TIMEOUT(connectionsTo(port), 1, 20000);

    // Four windows watch the main stream while it records: still one session.
    std::vector<std::unique_ptr<Viewer>> windows;
    for (int i = 0; i < 4; ++i) {
        windows.push_back(std::make_unique<Viewer>(m_data, 1, QStringLiteral("main")));
        windows.back()->feed.setActive(true);
    }
    for (const auto& w : windows)
        QTRY_VERIFY_WITH_TIMEOUT(w->shown >= 5, 30000);
    QCOMPARE(connectionsTo(port), 1);

    // A sub stream opens while someone watches it, and closes a few seconds after the last
    // viewer left.
    Viewer sub(m_data, 1, QStringLiteral("sub"));
    sub.feed.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(sub.shown >= 5, 30000);
    QCOMPARE(connectionsTo(port), 2);
    sub.feed.setActive(false);
    QTRY_COMPARE_WITH_TIMEOUT(connectionsTo(port), 1, 20000);
    for (const auto& w : windows)
        QCOMPARE(w->feed.state(), control::LiveFeed::State::Live);
}

void TestLive::aFeedNobodyLooksAtDecodesNothing()
{
    Viewer viewer(m_data, 1, QStringLiteral("sub"));
    viewer.feed.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.feed.decodedFrames() >= 10, 30000);
    QCOMPARE(viewer.channel.subscriptionCount(), 1);
    viewer.feed.setActive(false);
    QCOMPARE(viewer.channel.subscriptionCount(), 0);
    QCOMPARE(viewer.feed.state(), control::LiveFeed::State::Idle);
    const qint64 decoded = viewer.feed.decodedFrames();
    const int shown = viewer.shown;
    QTest::qWait(2000); // 30 frames' worth of camera time: none may be decoded
    QCOMPARE(viewer.feed.decodedFrames(), decoded);
    QCOMPARE(viewer.shown, shown);
    // Looked at again: decodes again.
    viewer.feed.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.feed.decodedFrames() >= decoded + 10, 30000);
}

void TestLive::aDroppedStreamSaysOfflineThenComesBack()
{
    CamsimProcess sim;
    QVERIFY(sim.start(
            1, simArgs({QStringLiteral("--quirks"), QStringLiteral("drop-stream-after=5")})));
    const QString data = m_tmp.filePath(QStringLiteral("dropping"));
    QVERIFY(addCameras(data, sim, 1));
    RecorderProcess recorder(data);
    QVERIFY(recorder.started());
    Viewer viewer(data, 1, QStringLiteral("main"));
    viewer.feed.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.feed.state() == control::LiveFeed::State::Live, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.feed.state() == control::LiveFeed::State::Offline, 30000);
    QVERIFY2(!viewer.feed.reason().isEmpty(), "offline without a reason");
    const int shown = viewer.shown;
    QTRY_VERIFY_WITH_TIMEOUT(
            viewer.feed.state() == control::LiveFeed::State::Live && viewer.shown > shown + 5,
            30000);
    QVERIFY(recorder.stop());
}

void TestLive::aWrongPasswordSaysSo()
{
    // The camera's password changed after it was added (someone reset it on the camera).
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            {QStringLiteral("--user"), kCamUser, QStringLiteral("--password"),
                    QStringLiteral("changed"), QStringLiteral("--no-discovery")}));
    const QString data = m_tmp.filePath(QStringLiteral("password"));
    const CtlRun added = vigilctl(data,
            {QStringLiteral("camera"), QStringLiteral("add"), sim.endpoint(0, "rtsp_main"),
                    QStringLiteral("--user"), kCamUser, QStringLiteral("--password"),
                    QStringLiteral("old"), QStringLiteral("--name"), QStringLiteral("Reset")});
    QVERIFY2(added.exitCode == 0, added.err.constData()); // an RTSP address is taken as given
    RecorderProcess recorder(data);
    QVERIFY(recorder.started());
    Viewer viewer(data, 1, QStringLiteral("main"));
    viewer.feed.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.feed.state() == control::LiveFeed::State::WrongLogin, 30000);
    QCOMPARE(viewer.shown, 0);
    QVERIFY(recorder.stop());
}

void TestLive::privacyMasksAreBlackInLiveFramesAndSnapshots()
{
    // A mask that is not one is refused and changes nothing.
    const CtlRun bad = vigilctl(m_data,
            {QStringLiteral("camera"), QStringLiteral("mask"), QStringLiteral("1"),
                    QStringLiteral("set"), QStringLiteral("[[[0,0],[2,0],[1,1]]]")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("outside the picture"), bad.err.constData());
    // A neighbour's window: drawn on the camera, recorded in the catalog, sent to the recorder.
    const CtlRun set = vigilctl(m_data,
            {QStringLiteral("camera"), QStringLiteral("mask"), QStringLiteral("1"),
                    QStringLiteral("set"),
                    QStringLiteral("[[[0.1,0.1],[0.5,0.1],[0.5,0.6],[0.1,0.6]]]")});
    QVERIFY2(set.exitCode == 0, set.err.constData());

    Viewer viewer(m_data, 1, QStringLiteral("sub"));
    viewer.feed.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.shown >= 10, 30000);
    const QRect area = maskedArea(viewer.size);
    for (const QImage& frame : std::as_const(viewer.frames)) {
        // Every masked pixel is black (Y = 16 in the camera's limited range) in every frame;
        // the rest of the picture is still there.
        QVERIFY2(range(frame, area).second <= 16,
                qPrintable(
                        QStringLiteral("brightest masked luma %1").arg(range(frame, area).second)));
        QVERIFY(hasPicture(frame.copy(
                QRect(QPoint(int(0.55 * frame.width()), 0), frame.rect().bottomRight()))));
    }
    // A snapshot (the full-size picture) too, colours included.
    const QImage snapshot = viewer.feed.lastPicture();
    QVERIFY(!snapshot.isNull());
    const QPair<int, int> snap = range(snapshot, maskedArea(snapshot.size()));
    QVERIFY2(snap.second <= 1,
            qPrintable(QStringLiteral("brightest masked channel %1").arg(snap.second)));
    QVERIFY(hasPicture(snapshot));

    // Cleared in the settings, the open view shows the whole picture again.
    QCOMPARE(vigilctl(m_data,
                     {QStringLiteral("camera"), QStringLiteral("mask"), QStringLiteral("1"),
                             QStringLiteral("clear")})
                     .exitCode,
            0);
    QTRY_VERIFY_WITH_TIMEOUT(
            range(viewer.feed.lastPicture(), maskedArea(snapshot.size())).second > 40, 20000);
    const CtlRun audited = vigilctl(m_data,
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                    QStringLiteral("camera_mask"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(audited.out).array().size(), 2);
}

void TestLive::removingAWatchedRecordedCameraEndsItsTileCleanly()
{
    CamsimProcess sim;
    QVERIFY(sim.start(1, simArgs()));
    const QString data = m_tmp.filePath(QStringLiteral("removed"));
    QVERIFY(addCameras(data, sim, 1));
    RecorderProcess recorder(data);
    QVERIFY(recorder.started());
    Viewer viewer(data, 1, QStringLiteral("main"));
    viewer.feed.setActive(true);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.shown >= 10, 30000);
    // Removed while its tile decodes and its recorder writes (vigilctl tells the recorder).
    const CtlRun removed = vigilctl(
            data, {QStringLiteral("camera"), QStringLiteral("remove"), QStringLiteral("1")});
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    // vigilctl asks the recorder to reload (waiting 2 s at most for it to answer); failing
    // that, the recorder re-reads its cameras every 30 s on its own.
    QTRY_VERIFY_WITH_TIMEOUT(viewer.feed.state() == control::LiveFeed::State::Offline, 45000);
    QVERIFY2(viewer.feed.reason().contains(QLatin1String("no camera")),
            qPrintable(viewer.feed.reason()));
    // The camera's connection closes; the recorder goes on and stops cleanly.
    const int port = QUrl(sim.endpoint(0, "rtsp_main")).port();
    QTRY_COMPARE_WITH_TIMEOUT(connectionsTo(port), 0, 30000);
    QVERIFY(recorder.stop());
    QVERIFY(catalogAndFilesProblems(data).isEmpty());
}

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
