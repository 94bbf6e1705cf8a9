// core/media against real parts: H.264 from a simulated camera over real RTSP (Vigil's own
// client), shared as media::Packets, decoded by media::VideoDecoder into QVideoFrames.
#include "core/media/packet.h"
#include "core/media/privacy_mask.h"
#include "core/media/rtsp_session.h"
#include "core/media/subscriber_queue.h"
#include "core/media/video_decoder.h"
#include "support/camsim_process.h"

#include <QImage>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

#include <atomic>
#include <cmath>
#include <thread>

using namespace vigil;

namespace {

/// Mean and standard deviation of a frame's luma.
std::pair<double, double> lumaStats(QVideoFrame frame)
{
    if (!frame.map(QVideoFrame::ReadOnly))
        return {0, 0};
    double sum = 0;
    double squares = 0;
    qint64 n = 0;
    for (int y = 0; y < frame.height(); y += 4) {
        const uchar* row = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0);
        for (int x = 0; x < frame.width(); x += 4) {
            sum += row[x];
            squares += double(row[x]) * row[x];
            ++n;
        }
    }
    frame.unmap();
    const double mean = sum / double(n);
    return {mean, std::sqrt(qMax(0.0, squares / double(n) - mean * mean))};
}

/// Mean absolute difference of two frames' luma (sampled).
double lumaDifference(QVideoFrame a, QVideoFrame b)
{
    if (!a.map(QVideoFrame::ReadOnly))
        return 0;
    if (!b.map(QVideoFrame::ReadOnly)) {
        a.unmap();
        return 0;
    }
    double sum = 0;
    qint64 n = 0;
    for (int y = 0; y < a.height(); y += 4) {
        const uchar* ra = a.bits(0) + qsizetype(y) * a.bytesPerLine(0);
        const uchar* rb = b.bits(0) + qsizetype(y) * b.bytesPerLine(0);
        for (int x = 0; x < a.width(); x += 4) {
            sum += qAbs(int(ra[x]) - int(rb[x]));
            ++n;
        }
    }
    a.unmap();
    b.unmap();
    return sum / double(n);
}

/// Mean absolute difference of two pictures of one size, over the three colour channels.
double colourDifference(const QImage& a, const QImage& b)
{
    double sum = 0;
    qint64 n = 0;
    for (int y = 0; y < a.height(); y += 3) {
        for (int x = 0; x < a.width(); x += 3) {
            const QRgb pa = a.pixel(x, y);
            const QRgb pb = b.pixel(x, y);
            sum += qAbs(qRed(pa) - qRed(pb)) + qAbs(qGreen(pa) - qGreen(pb))
                    + qAbs(qBlue(pa) - qBlue(pb));
            n += 3;
        }
    }
    return n > 0 ? sum / double(n) : 1e9;
}

/// `count` packets of a camera's main stream from a keyframe on, the first carrying the
/// SDP's parameter sets (as the recorder's files do).
QList<media::Packet> cameraPackets(const QString& url, int count)
{
    media::RtspSession session;
    media::RtspSession::Options options;
    options.url = QUrl(url);
    QList<media::Packet> packets;
    if (!session.open(options))
        return packets;
    while (packets.size() < count) {
        Result<media::RtspSession::Frame> frame = session.next();
        if (!frame)
            break;
        if (packets.isEmpty() && !frame->keyframe)
            continue;
        media::Packet::Info info;
        info.keyframe = frame->keyframe;
        info.pts = info.dts = frame->rtpTime;
        info.connectionId = 1;
        packets << media::Packet::fromData(
                packets.isEmpty() ? session.parameterSets() + frame->data : frame->data, info);
    }
    session.close();
    return packets;
}

} // namespace

class TestMedia : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void packetsAreSharedNotCopied();
    void cameraVideoDecodesToChangingPictures();
    void afterALossDecodingResumesAtAKeyframe();
    void picturesScaledForATileKeepTheirColours();
    void aFullQueueDropsToAKeyframeOrWaits();
    void privacyMasksBlackenEveryPlane();

private:
    test::CamsimProcess m_sim;
};

void TestMedia::initTestCase()
{
    QVERIFY(m_sim.start(1));
}

void TestMedia::packetsAreSharedNotCopied()
{
    const QByteArray data("\x00\x00\x00\x01\x65\x88", 6);
    media::Packet::Info info;
    info.keyframe = true;
    info.pts = 9000;
    info.wallMs = 1234;
    const media::Packet a = media::Packet::fromData(data, info);
    QVERIFY(!a.isNull());
    const media::Packet b = a; // a second consumer
    QCOMPARE(b.data().data(), a.data().data()); // the same bytes, not a copy
    QCOMPARE(b.data(), QByteArrayView(data));
    QCOMPARE(b.info().pts, 9000);
    QVERIFY(b.info().keyframe);
    QVERIFY(media::Packet().isNull());

    // A reader's assembled frame is taken over, not copied, with zeroed padding after it.
    QByteArray frame;
    frame.reserve(64 + media::Packet::padding());
    frame.append(QByteArray(64, '\x5a'));
    const char* const bytes = frame.constData();
    const media::Packet adopted = media::Packet::adopt(std::move(frame), info);
    QVERIFY(!adopted.isNull());
    QCOMPARE(adopted.data().data(), bytes);
    QCOMPARE(adopted.data(), QByteArrayView(QByteArray(64, '\x5a')));
    for (qsizetype i = 0; i < media::Packet::padding(); ++i)
        QCOMPARE(adopted.data().data()[64 + i], '\0');
    // A shared array is copied: its other owner's bytes stay as they were.
    const QByteArray shared(64, '\x33');
    const media::Packet copied = media::Packet::adopt(shared, info);
    QVERIFY(copied.data().data() != shared.constData());
    QCOMPARE(copied.data(), QByteArrayView(shared));
    QCOMPARE(shared.size(), 64);
}

void TestMedia::cameraVideoDecodesToChangingPictures()
{
    media::RtspSession session;
    media::RtspSession::Options options;
    options.url = QUrl(m_sim.endpoint(0, "rtsp_main"));
    QVERIFY2(session.open(options), qPrintable(options.url.toString()));

    media::VideoDecoder decoder(media::VideoDecoder::Codec::H264);
    QVideoSink sink;
    decoder.setVideoSink(&sink);
    QList<QVideoFrame> frames;
    connect(&decoder, &media::VideoDecoder::frameDecoded, this,
            [&](const QVideoFrame& f) { frames << f; });
    bool first = true;
    int sent = 0;
    // Two seconds of a 15 fps camera.
    while (sent < 30) {
        Result<media::RtspSession::Frame> frame = session.next();
        QVERIFY2(frame, qPrintable(frame ? QString() : frame.error().fullText()));
        if (first && !frame->keyframe)
            continue; // the decoder would skip it anyway; start the count at a keyframe
        media::Packet::Info info;
        info.keyframe = frame->keyframe;
        info.pts = frame->rtpTime;
        info.dts = frame->rtpTime;
        info.connectionId = 1;
        // The first keyframe carries the SDP's parameter sets, as the recorder's files do.
        const QByteArray data = first ? session.parameterSets() + frame->data : frame->data;
        first = false;
        decoder.decode(media::Packet::fromData(data, info));
        ++sent;
    }
    decoder.flush();
    session.close();

    // Every packet became a picture: 1080p, not uniform, and moving from frame to frame.
    QCOMPARE(decoder.decodedFrames(), qint64(sent));
    QCOMPARE(frames.size(), sent);
    QCOMPARE(frames.first().size(), QSize(1920, 1080));
    QCOMPARE(sink.videoFrame().size(), QSize(1920, 1080));
    const auto [mean, deviation] = lumaStats(frames.last());
    QVERIFY2(deviation > 10,
            qPrintable(QStringLiteral("mean %1, deviation %2").arg(mean).arg(deviation)));
    const double moved = lumaDifference(frames.first(), frames.last());
    QVERIFY2(moved > 0.5, qPrintable(QStringLiteral("difference %1").arg(moved)));
}

void TestMedia::afterALossDecodingResumesAtAKeyframe()
{
    media::RtspSession session;
    media::RtspSession::Options options;
    options.url = QUrl(m_sim.endpoint(0, "rtsp_main"));
    QVERIFY(session.open(options));
    // Two keyframes apart, plus a few: the packets as they arrive.
    QList<media::RtspSession::Frame> arrived;
    int keyframes = 0;
    while (keyframes < 3) {
        Result<media::RtspSession::Frame> frame = session.next();
        QVERIFY(frame);
        if (arrived.isEmpty() && !frame->keyframe)
            continue;
        keyframes += frame->keyframe ? 1 : 0;
        if (keyframes < 3)
            arrived << frame.value();
    }
    session.close();
    qsizetype second = 1;
    while (!arrived.at(second).keyframe)
        ++second;
    QVERIFY2(second >= 4, "the camera's keyframes are too close for this test");

    // Packets 2 and 3 are lost: packet 4 says so; nothing decodes until the second keyframe.
    media::VideoDecoder decoder(media::VideoDecoder::Codec::H264);
    QList<qint64> shown;
    connect(&decoder, &media::VideoDecoder::frameDecoded, this,
            [&](const QVideoFrame&) { shown << decoder.decodedFrames(); });
    for (qsizetype i = 0; i < arrived.size(); ++i) {
        if (i == 2 || i == 3)
            continue;
        media::Packet::Info info;
        info.keyframe = arrived.at(i).keyframe;
        info.pts = info.dts = arrived.at(i).rtpTime;
        info.connectionId = 1;
        info.afterLoss = i == 4;
        const QByteArray data
                = i == 0 ? session.parameterSets() + arrived.at(i).data : arrived.at(i).data;
        decoder.decode(media::Packet::fromData(data, info));
    }
    decoder.flush();
    // Packets 0 and 1, then from the second keyframe to the end: no picture from 4 … second-1.
    QCOMPARE(decoder.decodedFrames(), qint64(2 + arrived.size() - second));
}

void TestMedia::picturesScaledForATileKeepTheirColours()
{
    const QList<media::Packet> packets = cameraPackets(m_sim.endpoint(0, "rtsp_main"), 20);
    QCOMPARE(packets.size(), 20);
    // The same packets into a decoder of YUV pictures (Qt converts them) and one that converts
    // and scales them itself for a tile of 480×480 device pixels.
    media::VideoDecoder yuv(media::VideoDecoder::Codec::H264);
    media::VideoDecoder tile(media::VideoDecoder::Codec::H264);
    tile.setOutputSize(QSize(480, 480));
    QVideoFrame yuvLast;
    QVideoFrame tileLast;
    QSize reported;
    connect(&yuv, &media::VideoDecoder::frameDecoded, this,
            [&](const QVideoFrame& f) { yuvLast = f; });
    connect(&tile, &media::VideoDecoder::frameDecoded, this,
            [&](const QVideoFrame& f, QSize picture) {
                tileLast = f;
                reported = picture;
            });
    for (const media::Packet& p : packets) {
        yuv.decode(p);
        tile.decode(p);
    }
    yuv.flush();
    QCOMPARE(tile.lastPicture().size(), QSize(1920, 1080)); // a snapshot is full size
    const QImage full = tile.lastPicture();
    tile.flush();
    QCOMPARE(tile.decodedFrames(), yuv.decodedFrames());
    QCOMPARE(yuvLast.pixelFormat(), QVideoFrameFormat::Format_YUV420P);
    QCOMPARE(tileLast.pixelFormat(),
            QVideoFrameFormat::pixelFormatFromImageFormat(QImage::Format_RGB32));
    QCOMPARE(tileLast.size(), QSize(480, 270)); // the aspect ratio kept
    QCOMPARE(reported, QSize(1920, 1080));

    // The same colours as Qt's own conversion (not channels swapped, not another range).
    const QImage reference = yuvLast.toImage().convertToFormat(QImage::Format_RGB32);
    const QImage scaled = tileLast.toImage().convertToFormat(QImage::Format_RGB32);
    const double small = colourDifference(
            reference.scaled(480, 270, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), scaled);
    QVERIFY2(small < 8, qPrintable(QStringLiteral("scaled picture differs by %1").arg(small)));
    const double whole = colourDifference(reference, full.convertToFormat(QImage::Format_RGB32));
    QVERIFY2(whole < 3, qPrintable(QStringLiteral("snapshot differs by %1").arg(whole)));
    // And not a picture that any conversion would match: it has contrast.
    QVERIFY(lumaStats(yuvLast).second > 10);
}

void TestMedia::aFullQueueDropsToAKeyframeOrWaits()
{
    const auto item = [](bool keyframe, int bytes) {
        media::Packet::Info info;
        info.keyframe = keyframe;
        media::SourceItem i;
        i.kind = media::SourceItem::Kind::Packet;
        i.packet = media::Packet::fromData(QByteArray(bytes, '\0'), info);
        return i;
    };
    // A live consumer: full at 1,000 bytes, packets go until a keyframe finds it half empty.
    media::SubscriberQueue live(media::SubscriberQueue::Policy::DropToKeyframe, 1000);
    QVERIFY(live.push(item(true, 400)).queued);
    QVERIFY(live.push(item(false, 400)).queued);
    QVERIFY(!live.push(item(false, 400)).queued); // full
    QVERIFY(!live.push(item(true, 400)).queued); // a keyframe, but more than half full
    QCOMPARE(live.takeAll().size(), size_t(2));
    QVERIFY(!live.push(item(false, 100)).queued); // empty now, but it would not decode
    QVERIFY(live.push(item(true, 400)).queued);
    QVERIFY(live.push(item(false, 100)).queued);
    QCOMPARE(live.takeAll().size(), size_t(2));

    // A reader of files: a full queue makes the pusher wait until the consumer takes.
    media::SubscriberQueue files(media::SubscriberQueue::Policy::BackPressure, 1000);
    QVERIFY(files.push(item(true, 600)).queued);
    std::atomic<int> pushed {0};
    std::thread reader([&] {
        for (int i = 0; i < 3; ++i) {
            if (files.push(item(false, 600)).queued)
                ++pushed;
        }
    });
    QCOMPARE(pushed.load(), 0); // it cannot have gone in: waiting for room, nothing lost
    QCOMPARE(files.takeAll().size(), size_t(1));
    QTRY_COMPARE(pushed.load(), 1);
    QCOMPARE(files.takeAll().size(), size_t(1));
    QTRY_COMPARE(pushed.load(), 2);
    files.close(); // the third push gives up: the consumer went away
    reader.join();
    QCOMPARE(pushed.load(), 2);
}

void TestMedia::privacyMasksBlackenEveryPlane()
{
    // Refused: not a list, too few corners, a corner outside the picture.
    QString problem;
    QVERIFY(!media::PrivacyMask::fromJson(QStringLiteral("{}"), &problem));
    QVERIFY(!media::PrivacyMask::fromJson(QStringLiteral("[[[0,0],[1,1]]]"), &problem));
    QVERIFY(!media::PrivacyMask::fromJson(QStringLiteral("[[[0,0],[1.5,0],[1,1]]]"), &problem));
    QVERIFY(problem.contains(QLatin1String("outside")));
    QVERIFY(media::PrivacyMask::fromJson(QString())->isEmpty());
    const QString json = QStringLiteral("[[[0.25,0.25],[0.75,0.25],[0.5,0.75]]]");
    std::optional<media::PrivacyMask> mask = media::PrivacyMask::fromJson(json);
    QVERIFY(mask);
    QCOMPARE(media::PrivacyMask::fromJson(mask->toJson())->polygons(), mask->polygons());

    // A YUV 4:2:0 picture of odd size, bright and coloured everywhere.
    const QSize size(101, 57);
    const int strides[3] = {104, 52, 52};
    std::vector<uint8_t> y(size_t(strides[0] * size.height()), 200);
    std::vector<uint8_t> u(size_t(strides[1] * 29), 30);
    std::vector<uint8_t> v(size_t(strides[2] * 29), 220);
    uint8_t* const planes[3] = {y.data(), u.data(), v.data()};
    mask->applyYuv420(planes, strides, size, false);
    int black = 0;
    for (int row = 0; row < size.height(); ++row) {
        for (int x = 0; x < size.width(); ++x) {
            const uint8_t luma = y[size_t(row * strides[0] + x)];
            QVERIFY(luma == 16 || luma == 200);
            if (luma != 16)
                continue;
            ++black;
            // The chroma sample over a black pixel is neutral: no colour at the edges.
            QCOMPARE(int(u[size_t((row / 2) * strides[1] + x / 2)]), 128);
            QCOMPARE(int(v[size_t((row / 2) * strides[2] + x / 2)]), 128);
        }
    }
    // About the triangle's area (an eighth of the picture), its centre and not the corners.
    QVERIFY2(std::abs(black - size.width() * size.height() / 8) < 150,
            qPrintable(QString::number(black)));
    QCOMPARE(int(y[size_t(28 * strides[0] + 50)]), 16);
    QCOMPARE(int(y[0]), 200);
    QCOMPARE(int(y[size_t(56 * strides[0] + 100)]), 200);
    // Full range: black is 0. An RGB picture: black is black.
    std::fill(y.begin(), y.end(), 200);
    mask->applyYuv420(planes, strides, size, true);
    QCOMPARE(int(y[size_t(28 * strides[0] + 50)]), 0);
    QImage rgb(size, QImage::Format_RGB32);
    rgb.fill(Qt::white);
    mask->apply(rgb);
    QCOMPARE(rgb.pixel(50, 28), qRgb(0, 0, 0));
    QCOMPARE(rgb.pixel(0, 0), qRgb(255, 255, 255));
}

QTEST_MAIN(TestMedia)
#include "tst_media.moc"
