// vigil-camsim against real clients: ffprobe/ffmpeg over RTSP, SOAP over HTTP, WS-Discovery over
// loopback multicast. Every request goes to 127.0.0.1 only.
#include "core/demo/simulator_process.h"
#include "core/onvif/http_digest.h"
#include "core/onvif/ws_security.h"
#include "support/camsim_process.h"
#include "support/rtsp_session.h"
#include "support/soap_test_client.h"

#include <QDeadlineTimer>
#include <QImage>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QUuid>
#include <QtEndian>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace vigil;
using test::CamsimProcess;
using test::soapCall;

namespace {

const QString kUser = QStringLiteral("admin");
const QString kPassword = QStringLiteral("pa$$ w@rd:1");

QString device(const CamsimProcess& sim, int camera = 0)
{
    return sim.endpoint(camera, "device_service");
}

onvif::UsernameToken token(const QString& password = kPassword, qint64 skewMs = 0)
{
    return onvif::UsernameToken::create(
            kUser, password, QDateTime::currentMSecsSinceEpoch() + skewMs);
}

QString probe(const QString& url, const QString& transport = QStringLiteral("tcp"))
{
    return test::probeVideo(url, transport);
}

/// RTSP DESCRIBE status line, without auth: "RTSP/1.0 200 OK", "RTSP/1.0 404 Not Found" …
QByteArray describe(const QString& rtspUrl)
{
    const QUrl url(rtspUrl);
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(3000))
        return "no connection";
    socket.write("DESCRIBE " + rtspUrl.toUtf8()
            + " RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n");
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(5000))
            return "no answer";
    }
    return socket.readLine().trimmed();
}

QString text(const test::HttpResult& r, std::initializer_list<QStringView> path)
{
    const auto doc = r.xml();
    return doc ? doc->textAt(path) : QString();
}

} // namespace

class TestCamsim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void endpointsArePrinted();
    void streamsHaveTheAdvertisedFormats();
    void rtspNeedsDigestCredentials();
    void loopKeepsTimestampsContinuous();
    void rtcpSenderReportsCarryWallClock();
    void unauthenticatedTimeOnly();
    void wsUsernameTokenChecks();
    void httpDigestWorks();
    void badRequestsGetFaults_data();
    void badRequestsGetFaults();
    void hugeBodyGetsFault();
    void mediaAndMedia2();
    void snapshotIsJpeg();
    void eventsPullPoint();
    void ptzMovesTheView();
    void discoveryAnswersEveryCamera();
    void quirkClockSkew();
    void quirkWrongXAddr();
    void quirkMedia2Only();
    void quirkHttpDigestOnly();
    void quirkSlow();
    void quirkDropStream();
    void quirkClockDrift();
    void badArguments();
    void stopsWhileEveryKindOfCameraStreams();
    void firstPreparationReportsProgress();

private:
    CamsimProcess m_sim; ///< two cameras, the second with PTZ, with credentials
    QTemporaryDir m_tmp;
};

void TestCamsim::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(m_sim.start(2,
            {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
                    QStringLiteral("--ptz"), QStringLiteral("2")}));
}

void TestCamsim::endpointsArePrinted()
{
    QCOMPARE(m_sim.endpoints().size(), 2);
    QSet<QString> uuids;
    for (int i = 0; i < 2; ++i) {
        QVERIFY(m_sim.endpoint(i, "uuid").startsWith(QLatin1String("urn:uuid:")));
        uuids << m_sim.endpoint(i, "uuid");
        QVERIFY(m_sim.endpoint(i, "device_service").startsWith(QLatin1String("http://127.0.0.1:")));
        QVERIFY(m_sim.endpoint(i, "rtsp_main").endsWith(QLatin1String("/main")));
        QVERIFY(m_sim.endpoint(i, "rtsp_sub").endsWith(QLatin1String("/sub")));
        QVERIFY(m_sim.endpoint(i, "snapshot").startsWith(QLatin1String("http://127.0.0.1:")));
        QVERIFY(!m_sim.endpoint(i, "name").isEmpty());
    }
    QCOMPARE(uuids.size(), 2);
}

void TestCamsim::streamsHaveTheAdvertisedFormats()
{
    for (int camera = 0; camera < 2; ++camera) {
        QCOMPARE(
                probe(test::withCredentials(m_sim.endpoint(camera, "rtsp_main"), kUser, kPassword)),
                QStringLiteral("h264 1920x1080"));
        QCOMPARE(probe(test::withCredentials(m_sim.endpoint(camera, "rtsp_sub"), kUser, kPassword)),
                QStringLiteral("h264 640x360"));
    }
    // UDP transport as well as TCP-interleaved.
    QCOMPARE(probe(test::withCredentials(m_sim.endpoint(0, "rtsp_sub"), kUser, kPassword),
                     QStringLiteral("udp")),
            QStringLiteral("h264 640x360"));
}

void TestCamsim::rtspNeedsDigestCredentials()
{
    QVERIFY(probe(m_sim.endpoint(0, "rtsp_sub")).contains(QLatin1String("401")));
    QVERIFY(probe(
            test::withCredentials(m_sim.endpoint(0, "rtsp_sub"), kUser, QStringLiteral("wrong")))
                    .contains(QLatin1String("401")));
}

void TestCamsim::loopKeepsTimestampsContinuous()
{
    // A 4 s clip loops 3 times in 12 s: recorded time must be ~12 s with no jump at a loop point.
    const QString clip = m_tmp.filePath(QStringLiteral("clip.mp4"));
    QProcess make;
    make.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                    QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                    QStringLiteral("testsrc2=size=320x240:rate=15:duration=4"), clip});
    QVERIFY(make.waitForFinished(60000) && make.exitCode() == 0);
    CamsimProcess sim;
    QVERIFY(sim.start(1, {QStringLiteral("--video"), clip, QStringLiteral("--no-discovery")}));

    const QString recording = m_tmp.filePath(QStringLiteral("pull.mkv"));
    QProcess pull;
    pull.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                    QStringLiteral("-rtsp_transport"), QStringLiteral("tcp"), QStringLiteral("-i"),
                    sim.endpoint(0, "rtsp_sub"), QStringLiteral("-t"), QStringLiteral("12"),
                    QStringLiteral("-c"), QStringLiteral("copy"), recording});
    QVERIFY(pull.waitForFinished(60000));
    QCOMPARE(pull.exitCode(), 0);

    QProcess packets;
    packets.start(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                    QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                    QStringLiteral("packet=pts_time"), QStringLiteral("-of"),
                    QStringLiteral("csv=p=0"), recording});
    QVERIFY(packets.waitForFinished(30000));
    QList<double> pts;
    for (const QByteArray& line : packets.readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            pts << line.trimmed().toDouble();
    }
    std::sort(pts.begin(), pts.end());
    QVERIFY2(pts.size() > 150, qPrintable(QString::number(pts.size())));
    double largestStep = 0;
    for (int i = 1; i < pts.size(); ++i)
        largestStep = qMax(largestStep, pts.at(i) - pts.at(i - 1));
    const double duration = pts.last() - pts.first();
    QVERIFY2(largestStep < 0.2,
            qPrintable(QStringLiteral("timestamp jump of %1 s").arg(largestStep)));
    QVERIFY2(qAbs(duration - 12.0) < 1.0,
            qPrintable(QStringLiteral("%1 s of video in 12 s").arg(duration)));
}

void TestCamsim::rtcpSenderReportsCarryWallClock()
{
    // Recorders date footage from RTCP: each sender report maps an RTP time to NTP wall-clock time.
    CamsimProcess sim;
    QVERIFY(sim.start(1, {QStringLiteral("--no-discovery")}));
    test::RtspSession session;
    QVERIFY(session.open(sim.endpoint(0, "rtsp_sub")));
    struct Report
    {
        double ntp;
        quint32 rtp;
        double arrival;
    };
    QList<Report> reports;
    while (reports.size() < 2) {
        const QByteArray rtcp = session.nextPacket(1, 15000);
        QVERIFY2(!rtcp.isEmpty(), "no RTCP sender report");
        if (rtcp.size() < 20 || quint8(rtcp.at(1)) != 200)
            continue;
        auto be32 = [&](int at) {
            return qFromBigEndian<quint32>(reinterpret_cast<const uchar*>(rtcp.constData()) + at);
        };
        const double ntp = double(be32(8)) - 2208988800.0 + double(be32(12)) / 4294967296.0;
        reports << Report {ntp, be32(16), QDateTime::currentMSecsSinceEpoch() / 1000.0};
    }
    for (const Report& r : reports)
        QVERIFY2(qAbs(r.ntp - r.arrival) < 1.0,
                qPrintable(QStringLiteral("NTP %1 vs clock %2")
                                   .arg(r.ntp, 0, 'f', 3)
                                   .arg(r.arrival, 0, 'f', 3)));
    // RTP time (90 kHz) and NTP time advance together.
    const double ntpDelta = reports.at(1).ntp - reports.at(0).ntp;
    const double rtpDelta = double(quint32(reports.at(1).rtp - reports.at(0).rtp)) / 90000.0;
    QVERIFY(ntpDelta > 0.5);
    QVERIFY2(qAbs(ntpDelta - rtpDelta) < 0.05,
            qPrintable(QStringLiteral("%1 vs %2").arg(ntpDelta).arg(rtpDelta)));
}

void TestCamsim::unauthenticatedTimeOnly()
{
    const test::HttpResult time
            = soapCall(device(m_sim), QStringLiteral("<tds:GetSystemDateAndTime/>"));
    QCOMPARE(time.status, 200);
    const int year = text(time,
            {u"Body", u"GetSystemDateAndTimeResponse", u"SystemDateAndTime", u"UTCDateTime",
                    u"Date", u"Year"})
                             .toInt();
    QCOMPARE(year, QDate::currentDate().year());

    // Anything else without credentials: 401 with Digest challenges, and a NotAuthorized fault.
    const test::HttpResult info
            = soapCall(device(m_sim), QStringLiteral("<tds:GetDeviceInformation/>"));
    QCOMPARE(info.status, 401);
    QCOMPARE(info.faultSubcode(), QStringLiteral("ter:NotAuthorized"));
    const QList<onvif::DigestChallenge> challenges
            = onvif::DigestChallenge::parse(info.wwwAuthenticate);
    QVERIFY(!challenges.isEmpty());
}

void TestCamsim::wsUsernameTokenChecks()
{
    const QString url = device(m_sim);
    const QString op = QStringLiteral("<tds:GetDeviceInformation/>");
    onvif::UsernameToken good = token();
    const test::HttpResult ok = soapCall(url, op, &good);
    QCOMPARE(ok.status, 200);
    QCOMPARE(text(ok, {u"Body", u"GetDeviceInformationResponse", u"Manufacturer"}),
            QStringLiteral("Vigil"));

    // The same token again: a replay.
    QCOMPARE(soapCall(url, op, &good).faultSubcode(), QStringLiteral("ter:NotAuthorized"));

    onvif::UsernameToken wrong = token(QStringLiteral("not the password"));
    const test::HttpResult refused = soapCall(url, op, &wrong);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.faultSubcode(), QStringLiteral("ter:NotAuthorized"));

    onvif::UsernameToken stale = token(kPassword, -10 * 60'000);
    QCOMPARE(soapCall(url, op, &stale).faultSubcode(), QStringLiteral("ter:NotAuthorized"));
    onvif::UsernameToken future = token(kPassword, +10 * 60'000);
    QCOMPARE(soapCall(url, op, &future).faultSubcode(), QStringLiteral("ter:NotAuthorized"));
}

void TestCamsim::httpDigestWorks()
{
    const QString url = device(m_sim);
    const QByteArray body = test::soapEnvelope(QStringLiteral("<tds:GetDeviceInformation/>"));
    const test::HttpResult challenge = test::httpRequest("POST", url, body);
    const QList<onvif::DigestChallenge> challenges
            = onvif::DigestChallenge::parse(challenge.wwwAuthenticate);
    QVERIFY(!challenges.isEmpty());
    const QString path = QUrl(url).path();
    for (const onvif::DigestChallenge& c : challenges) {
        const QByteArray authorization
                = onvif::digestAuthorization(c, kUser, kPassword, QStringLiteral("POST"), path, 1);
        const test::HttpResult r
                = test::httpRequest("POST", url, body, {{"Authorization", authorization}});
        QVERIFY2(r.status == 200, qPrintable(c.algorithm + QString::number(r.status)));
        const QByteArray bad = onvif::digestAuthorization(
                c, kUser, QStringLiteral("nope"), QStringLiteral("POST"), path, 2);
        QCOMPARE(test::httpRequest("POST", url, body, {{"Authorization", bad}}).status, 401);
    }
}

void TestCamsim::badRequestsGetFaults_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("subcode");
    QTest::newRow("malformed XML") << QByteArray(
            "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><tds:Get")
                                   << 400 << QStringLiteral("ter:WellFormed");
    QTest::newRow("not XML") << QByteArray("\x00\x01garbage\xff", 11) << 400
                             << QStringLiteral("ter:WellFormed");
    QTest::newRow("not an envelope") << QByteArray("<html><body>hi</body></html>") << 400
                                     << QStringLiteral("ter:WellFormed");
    QTest::newRow("SOAP 1.1") << QByteArray(
            "<e:Envelope "
            "xmlns:e=\"http://schemas.xmlsoap.org/soap/envelope/\"><e:Body/></e:Envelope>")
                              << 400 << QStringLiteral("ter:WellFormed");
    QTest::newRow("deep nesting")
            << QByteArray("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">")
                    + QByteArray("<a>").repeated(500)
            << 400 << QStringLiteral("ter:WellFormed");
    const QByteArray unknownOp = test::soapEnvelope(QStringLiteral("<tds:FormatTheDisk/>"));
    QTest::newRow("unknown operation (authenticated)")
            << unknownOp << 400 << QStringLiteral("ter:ActionNotSupported");
}

void TestCamsim::badRequestsGetFaults()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, subcode);
    QByteArray request = body;
    if (QByteArrayView(QTest::currentDataTag()).startsWith("unknown operation")) {
        const onvif::UsernameToken t = token();
        request = test::soapEnvelope(QStringLiteral("<tds:FormatTheDisk/>"), &t);
    }
    const test::HttpResult r = test::httpRequest("POST", device(m_sim), request);
    QCOMPARE(r.status, status);
    QCOMPARE(r.faultSubcode(), subcode);
    // And the camera still answers.
    QCOMPARE(soapCall(device(m_sim), QStringLiteral("<tds:GetSystemDateAndTime/>")).status, 200);
}

void TestCamsim::hugeBodyGetsFault()
{
    QByteArray huge = test::soapEnvelope(QStringLiteral("<tds:GetSystemDateAndTime/>"));
    huge.append(QByteArray(8 * 1024 * 1024, ' '));
    const test::HttpResult r = test::httpRequest("POST", device(m_sim), huge);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.faultSubcode(), QStringLiteral("ter:InvalidArgVal"));
    QCOMPARE(soapCall(device(m_sim), QStringLiteral("<tds:GetSystemDateAndTime/>")).status, 200);
}

void TestCamsim::mediaAndMedia2()
{
    const QString url = device(m_sim);
    onvif::UsernameToken t1 = token();
    const test::HttpResult services = soapCall(url,
            QStringLiteral("<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></"
                           "tds:GetServices>"),
            &t1);
    QCOMPARE(services.status, 200);
    QVERIFY(services.body.contains("http://www.onvif.org/ver10/media/wsdl"));
    QVERIFY(services.body.contains("http://www.onvif.org/ver20/media/wsdl"));

    onvif::UsernameToken t2 = token();
    const test::HttpResult profiles = soapCall(url, QStringLiteral("<trt:GetProfiles/>"), &t2);
    QCOMPARE(profiles.status, 200);
    const auto doc = profiles.xml();
    QVERIFY(doc);
    const auto list = doc->path({u"Body", u"GetProfilesResponse"})->childrenNamed(u"Profiles");
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0)->textAt({u"VideoEncoderConfiguration", u"Resolution", u"Width"}),
            QStringLiteral("1920"));
    QCOMPARE(list.at(1)->textAt({u"VideoEncoderConfiguration", u"Resolution", u"Height"}),
            QStringLiteral("360"));
    QCOMPARE(list.at(0)->textAt({u"VideoEncoderConfiguration", u"Encoding"}),
            QStringLiteral("H264"));

    onvif::UsernameToken t3 = token();
    const test::HttpResult uri = soapCall(url,
            QStringLiteral("<trt:GetStreamUri><trt:StreamSetup><tt:Stream>RTP-Unicast</tt:Stream>"
                           "<tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport>"
                           "</trt:StreamSetup><trt:ProfileToken>Profile_2</trt:ProfileToken></"
                           "trt:GetStreamUri>"),
            &t3);
    QCOMPARE(text(uri, {u"Body", u"GetStreamUriResponse", u"MediaUri", u"Uri"}),
            m_sim.endpoint(0, "rtsp_sub"));

    onvif::UsernameToken t4 = token();
    const test::HttpResult uri2 = soapCall(url,
            QStringLiteral("<tr2:GetStreamUri><tr2:Protocol>RTSP</tr2:Protocol>"
                           "<tr2:ProfileToken>Profile_1</tr2:ProfileToken></tr2:GetStreamUri>"),
            &t4);
    QCOMPARE(
            text(uri2, {u"Body", u"GetStreamUriResponse", u"Uri"}), m_sim.endpoint(0, "rtsp_main"));

    for (const char* op :
            {"<trt:GetVideoEncoderConfigurations/>", "<tr2:GetVideoEncoderConfigurations/>"}) {
        onvif::UsernameToken t = token();
        const test::HttpResult configs = soapCall(url, QLatin1String(op), &t);
        QCOMPARE(configs.status, 200);
        const auto configsDoc = configs.xml();
        QVERIFY(configsDoc);
        QCOMPARE(configsDoc->path({u"Body", u"GetVideoEncoderConfigurationsResponse"})
                         ->childrenNamed(u"Configurations")
                         .size(),
                2);
    }
    onvif::UsernameToken t6 = token();
    const test::HttpResult sources = soapCall(url, QStringLiteral("<trt:GetVideoSources/>"), &t6);
    QCOMPARE(text(sources,
                     {u"Body", u"GetVideoSourcesResponse", u"VideoSources", u"Resolution",
                             u"Width"}),
            QStringLiteral("1920"));

    onvif::UsernameToken t5 = token();
    const test::HttpResult noProfile = soapCall(url,
            QStringLiteral("<trt:GetSnapshotUri><trt:ProfileToken>nope</trt:ProfileToken></"
                           "trt:GetSnapshotUri>"),
            &t5);
    QCOMPARE(noProfile.faultSubcode(), QStringLiteral("ter:InvalidArgVal"));
}

void TestCamsim::snapshotIsJpeg()
{
    const QString url = m_sim.endpoint(0, "snapshot");
    const test::HttpResult challenge = test::httpRequest("GET", url);
    QCOMPARE(challenge.status, 401);
    const QList<onvif::DigestChallenge> challenges
            = onvif::DigestChallenge::parse(challenge.wwwAuthenticate);
    QVERIFY(!challenges.isEmpty());
    const QUrl u(url);
    const QByteArray authorization = onvif::digestAuthorization(challenges.first(), kUser,
            kPassword, QStringLiteral("GET"),
            u.path(QUrl::FullyEncoded) + u'?' + u.query(QUrl::FullyEncoded), 1);
    const test::HttpResult jpeg
            = test::httpRequest("GET", url, {}, {{"Authorization", authorization}});
    QCOMPARE(jpeg.status, 200);
    QCOMPARE(jpeg.contentType, QByteArray("image/jpeg"));
    const QImage image = QImage::fromData(jpeg.body, "JPEG");
    QCOMPARE(image.size(), QSize(1920, 1080));
}

void TestCamsim::eventsPullPoint()
{
    const QString url = device(m_sim);
    onvif::UsernameToken t1 = token();
    const test::HttpResult created = soapCall(url,
            QStringLiteral("<tev:CreatePullPointSubscription><tev:InitialTerminationTime>PT60S"
                           "</tev:InitialTerminationTime></tev:CreatePullPointSubscription>"),
            &t1);
    QCOMPARE(created.status, 200);
    const QString address = text(created,
            {u"Body", u"CreatePullPointSubscriptionResponse", u"SubscriptionReference",
                    u"Address"});
    QVERIFY2(address.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(address));

    // The first pull returns the current motion state at once.
    onvif::UsernameToken t2 = token();
    const test::HttpResult first = soapCall(address,
            QStringLiteral("<tev:PullMessages><tev:Timeout>PT5S</tev:Timeout>"
                           "<tev:MessageLimit>10</tev:MessageLimit></tev:PullMessages>"),
            &t2);
    QCOMPARE(first.status, 200);
    QVERIFY(first.elapsedMs < 3000);
    QVERIFY(first.body.contains("tns1:RuleEngine/CellMotionDetector/Motion"));
    QVERIFY(first.body.contains("PropertyOperation=\"Initialized\""));

    // A pull with nothing new waits for its timeout, then answers empty (or with a change).
    onvif::UsernameToken t3 = token();
    const test::HttpResult second = soapCall(address,
            QStringLiteral("<tev:PullMessages><tev:Timeout>PT1S</tev:Timeout>"
                           "<tev:MessageLimit>10</tev:MessageLimit></tev:PullMessages>"),
            &t3);
    QCOMPARE(second.status, 200);
    QVERIFY(second.body.contains("PullMessagesResponse"));

    onvif::UsernameToken t4 = token();
    const test::HttpResult renewed = soapCall(address,
            QStringLiteral(
                    "<wsnt:Renew><wsnt:TerminationTime>PT120S</wsnt:TerminationTime></wsnt:Renew>"),
            &t4);
    QCOMPARE(renewed.status, 200);
    QVERIFY(!text(renewed, {u"Body", u"RenewResponse", u"TerminationTime"}).isEmpty());

    onvif::UsernameToken t5 = token();
    QCOMPARE(soapCall(address, QStringLiteral("<wsnt:Unsubscribe/>"), &t5).status, 200);
    onvif::UsernameToken t6 = token();
    const test::HttpResult gone = soapCall(address,
            QStringLiteral("<tev:PullMessages><tev:Timeout>PT1S</tev:Timeout>"
                           "<tev:MessageLimit>1</tev:MessageLimit></tev:PullMessages>"),
            &t6);
    QCOMPARE(gone.faultSubcode(), QStringLiteral("ter:InvalidArgVal"));
}

void TestCamsim::ptzMovesTheView()
{
    onvif::UsernameToken t0 = token();
    QCOMPARE(soapCall(device(m_sim, 0), QStringLiteral("<tptz:GetNodes/>"), &t0).faultSubcode(),
            QStringLiteral("ter:ActionNotSupported"));

    const QString url = device(m_sim, 1);
    onvif::UsernameToken t1 = token();
    QCOMPARE(soapCall(url,
                     QStringLiteral("<tptz:AbsoluteMove><tptz:ProfileToken>Profile_1</"
                                    "tptz:ProfileToken><tptz:Position>"
                                    "<tt:PanTilt x=\"0.5\" y=\"-0.25\"/><tt:Zoom "
                                    "x=\"0.75\"/></tptz:Position></tptz:AbsoluteMove>"),
                     &t1)
                     .status,
            200);
    auto position = [&] {
        onvif::UsernameToken t = token();
        const test::HttpResult status = soapCall(url,
                QStringLiteral("<tptz:GetStatus><tptz:ProfileToken>Profile_1</tptz:ProfileToken></"
                               "tptz:GetStatus>"),
                &t);
        const auto doc = status.xml();
        const onvif::XmlElement* pos = doc
                ? doc->path({u"Body", u"GetStatusResponse", u"PTZStatus", u"Position"})
                : nullptr;
        if (!pos || !pos->child(u"PanTilt") || !pos->child(u"Zoom"))
            return QString();
        return QStringLiteral("%1 %2 %3")
                .arg(pos->child(u"PanTilt")->attribute(u"x"),
                        pos->child(u"PanTilt")->attribute(u"y"),
                        pos->child(u"Zoom")->attribute(u"x"));
    };
    QTRY_COMPARE_WITH_TIMEOUT(position(), QStringLiteral("0.5 -0.25 0.75"), 10000);

    onvif::UsernameToken t2 = token();
    const test::HttpResult set = soapCall(url,
            QStringLiteral("<tptz:SetPreset><tptz:ProfileToken>Profile_1</tptz:ProfileToken>"
                           "<tptz:PresetName>Door</tptz:PresetName></tptz:SetPreset>"),
            &t2);
    const QString preset = text(set, {u"Body", u"SetPresetResponse", u"PresetToken"});
    QVERIFY(!preset.isEmpty());
    onvif::UsernameToken t3 = token();
    QVERIFY(soapCall(url,
            QStringLiteral("<tptz:GetPresets><tptz:ProfileToken>Profile_1</tptz:ProfileToken></"
                           "tptz:GetPresets>"),
            &t3)
                    .body.contains("<tt:Name>Door</tt:Name>"));
    onvif::UsernameToken t4 = token();
    QCOMPARE(soapCall(url,
                     QStringLiteral(
                             "<tptz:GotoPreset><tptz:ProfileToken>Profile_1</tptz:ProfileToken>"
                             "<tptz:PresetToken>1</tptz:PresetToken></tptz:GotoPreset>"),
                     &t4)
                     .status,
            200);
    QTRY_COMPARE_WITH_TIMEOUT(position(), QStringLiteral("-0.6 0.2 0.4"), 10000);
    onvif::UsernameToken t5 = token();
    QCOMPARE(soapCall(url,
                     QStringLiteral(
                             "<tptz:GotoPreset><tptz:ProfileToken>Profile_1</tptz:ProfileToken>"
                             "<tptz:PresetToken>99</tptz:PresetToken></tptz:GotoPreset>"),
                     &t5)
                     .faultSubcode(),
            QStringLiteral("ter:InvalidArgVal"));

    // The moved view is what the PTZ camera's stream shows.
    QCOMPARE(probe(test::withCredentials(m_sim.endpoint(1, "rtsp_sub"), kUser, kPassword)),
            QStringLiteral("h264 640x360"));
}

void TestCamsim::discoveryAnswersEveryCamera()
{
    QUdpSocket socket;
    QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
    const in_addr loopback {htonl(INADDR_LOOPBACK)};
    QCOMPARE(::setsockopt(int(socket.socketDescriptor()), IPPROTO_IP, IP_MULTICAST_IF, &loopback,
                     sizeof loopback),
            0);
    const QString messageId
            = QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray probe = QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope "
            "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
            "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
            "xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\"><s:Header>"
            "<a:Action "
            "s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</"
            "a:Action>"
            "<a:MessageID>%1</a:MessageID><a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/"
            "08/addressing/role/anonymous"
            "</a:Address></a:ReplyTo><a:To "
            "s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>"
            "<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body></"
            "s:Envelope>")
                                     .arg(messageId)
                                     .toUtf8();
    QCOMPARE(socket.writeDatagram(probe, QHostAddress(QStringLiteral("239.255.255.250")), 3702),
            qint64(probe.size()));

    QMap<QString, QString> found; // uuid → XAddrs, for our simulator's cameras only
    QSet<QString> ours {m_sim.endpoint(0, "uuid"), m_sim.endpoint(1, "uuid")};
    auto collect = [&] {
        while (socket.hasPendingDatagrams()) {
            const QNetworkDatagram d = socket.receiveDatagram();
            const auto doc = onvif::XmlElement::parse(d.data());
            if (!doc || doc->textAt({u"Header", u"RelatesTo"}) != messageId)
                continue;
            const onvif::XmlElement* match = doc->path({u"Body", u"ProbeMatches", u"ProbeMatch"});
            const QString uuid
                    = match ? match->textAt({u"EndpointReference", u"Address"}) : QString();
            if (ours.contains(uuid))
                found.insert(uuid, match->textAt({u"XAddrs"}));
        }
        return found.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(collect(), 2, 5000);
    QCOMPARE(found.value(m_sim.endpoint(0, "uuid")), m_sim.endpoint(0, "device_service"));
    QCOMPARE(found.value(m_sim.endpoint(1, "uuid")), m_sim.endpoint(1, "device_service"));
}

void TestCamsim::quirkClockSkew()
{
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
                    QStringLiteral("--quirks"), QStringLiteral("clock-skew=600"),
                    QStringLiteral("--no-discovery")}));
    const test::HttpResult time
            = soapCall(device(sim), QStringLiteral("<tds:GetSystemDateAndTime/>"));
    // Kept alive: path() points into it (found by AddressSanitizer).
    const std::optional<onvif::XmlElement> answer = time.xml();
    QVERIFY(answer);
    const onvif::XmlElement* utc = answer->path(
            {u"Body", u"GetSystemDateAndTimeResponse", u"SystemDateAndTime", u"UTCDateTime"});
    QVERIFY(utc);
    const QDateTime deviceTime(
            QDate(utc->textAt({u"Date", u"Year"}).toInt(), utc->textAt({u"Date", u"Month"}).toInt(),
                    utc->textAt({u"Date", u"Day"}).toInt()),
            QTime(utc->textAt({u"Time", u"Hour"}).toInt(),
                    utc->textAt({u"Time", u"Minute"}).toInt(),
                    utc->textAt({u"Time", u"Second"}).toInt()),
            Qt::UTC);
    const qint64 offsetMs = deviceTime.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(qAbs(offsetMs - 600'000) < 3000, qPrintable(QString::number(offsetMs)));

    onvif::UsernameToken local = token();
    QCOMPARE(soapCall(device(sim), QStringLiteral("<tds:GetDeviceInformation/>"), &local)
                     .faultSubcode(),
            QStringLiteral("ter:NotAuthorized"));
    onvif::UsernameToken dated = token(kPassword, offsetMs);
    QCOMPARE(soapCall(device(sim), QStringLiteral("<tds:GetDeviceInformation/>"), &dated).status,
            200);
}

void TestCamsim::quirkWrongXAddr()
{
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            {QStringLiteral("--quirks"), QStringLiteral("wrong-xaddr"),
                    QStringLiteral("--no-discovery")}));
    // The printed endpoints are what the camera advertises: an address it cannot be reached on.
    const QUrl advertised(sim.endpoint(0, "device_service"));
    QCOMPARE(advertised.host(), QStringLiteral("127.0.0.2"));
    QVERIFY(sim.endpoint(0, "rtsp_main").startsWith(QLatin1String("rtsp://127.0.0.2:")));
    // It answers on 127.0.0.1, and still advertises 127.0.0.2 there.
    QUrl reachable = advertised;
    reachable.setHost(QStringLiteral("127.0.0.1"));
    const test::HttpResult caps = soapCall(reachable.toString(),
            QStringLiteral(
                    "<tds:GetCapabilities><tds:Category>All</tds:Category></tds:GetCapabilities>"));
    QCOMPARE(caps.status, 200);
    QVERIFY(caps.body.contains("<tt:XAddr>http://127.0.0.2:"));
    QTcpSocket unreachable;
    unreachable.connectToHost(QStringLiteral("127.0.0.2"), quint16(advertised.port()));
    QVERIFY(!unreachable.waitForConnected(2000));
}

void TestCamsim::quirkMedia2Only()
{
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            {QStringLiteral("--quirks"), QStringLiteral("media2-only"),
                    QStringLiteral("--no-discovery")}));
    const test::HttpResult services = soapCall(device(sim),
            QStringLiteral("<tds:GetServices><tds:IncludeCapability>false</tds:IncludeCapability></"
                           "tds:GetServices>"));
    QVERIFY(!services.body.contains(
            "<tds:Namespace>http://www.onvif.org/ver10/media/wsdl</tds:Namespace>"));
    QVERIFY(services.body.contains(
            "<tds:Namespace>http://www.onvif.org/ver20/media/wsdl</tds:Namespace>"));
    QCOMPARE(soapCall(device(sim), QStringLiteral("<trt:GetProfiles/>")).faultSubcode(),
            QStringLiteral("ter:ActionNotSupported"));
    const test::HttpResult profiles = soapCall(device(sim),
            QStringLiteral("<tr2:GetProfiles><tr2:Type>All</tr2:Type></tr2:GetProfiles>"));
    QCOMPARE(profiles.status, 200);
    QCOMPARE(profiles.xml()
                     ->path({u"Body", u"GetProfilesResponse"})
                     ->childrenNamed(u"Profiles")
                     .size(),
            2);
}

void TestCamsim::quirkHttpDigestOnly()
{
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
                    QStringLiteral("--quirks"), QStringLiteral("http-digest-only"),
                    QStringLiteral("--no-discovery")}));
    onvif::UsernameToken good = token();
    const test::HttpResult wsse
            = soapCall(device(sim), QStringLiteral("<tds:GetDeviceInformation/>"), &good);
    QCOMPARE(wsse.status, 401);
    const auto challenges = onvif::DigestChallenge::parse(wsse.wwwAuthenticate);
    QVERIFY(!challenges.isEmpty());
    const QByteArray authorization = onvif::digestAuthorization(challenges.last(), kUser, kPassword,
            QStringLiteral("POST"), QUrl(device(sim)).path(), 1);
    QCOMPARE(soapCall(device(sim), QStringLiteral("<tds:GetDeviceInformation/>"), nullptr,
                     {{"Authorization", authorization}})
                     .status,
            200);
}

void TestCamsim::quirkSlow()
{
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            {QStringLiteral("--quirks"), QStringLiteral("slow=700"),
                    QStringLiteral("--no-discovery")}));
    const test::HttpResult r = soapCall(device(sim), QStringLiteral("<tds:GetSystemDateAndTime/>"));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.elapsedMs >= 690, qPrintable(QString::number(r.elapsedMs)));
}

void TestCamsim::quirkDropStream()
{
    CamsimProcess sim;
    // Up 3 s, down 5 s (404: the stream is gone), up again, and so on.
    QVERIFY(sim.start(1,
            {QStringLiteral("--quirks"), QStringLiteral("drop-stream-after=3"),
                    QStringLiteral("--no-discovery")}));
    const QString url = sim.endpoint(0, "rtsp_main");
    QCOMPARE(describe(url), QByteArray("RTSP/1.0 200 OK"));
    QTRY_VERIFY_WITH_TIMEOUT(describe(url).contains("404"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(describe(url), QByteArray("RTSP/1.0 200 OK"), 20000);
}

void TestCamsim::quirkClockDrift()
{
    // A camera whose clock is 30 s ahead says so in its sender reports (the recorder's tests
    // use it; without the quirk, rtcpSenderReportsCarryWallClock checks the clock is right).
    CamsimProcess sim;
    QVERIFY(sim.start(1,
            {QStringLiteral("--no-discovery"), QStringLiteral("--quirks"),
                    QStringLiteral("clock-drift=30")}));
    test::RtspSession session;
    QVERIFY(session.open(sim.endpoint(0, "rtsp_main")));
    for (;;) {
        const QByteArray rtcp = session.nextPacket(1, 15000);
        QVERIFY2(!rtcp.isEmpty(), "no RTCP sender report");
        if (rtcp.size() < 20 || quint8(rtcp.at(1)) != 200)
            continue;
        const auto* data = reinterpret_cast<const uchar*>(rtcp.constData());
        const double ntp = double(qFromBigEndian<quint32>(data + 8)) - 2208988800.0
                + double(qFromBigEndian<quint32>(data + 12)) / 4294967296.0;
        const double now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
        QVERIFY2(qAbs(ntp - now - 30) < 1.0, qPrintable(QString::number(ntp - now)));
        break;
    }
}

void TestCamsim::badArguments()
{
    const QList<QStringList> cases = {
            {QStringLiteral("--cameras"), QStringLiteral("0")},
            {QStringLiteral("--quirks"), QStringLiteral("teleport")},
            {QStringLiteral("--user"), QStringLiteral("x")},
            {QStringLiteral("--bind"), QStringLiteral("not-an-address")},
            {QStringLiteral("--video"), QStringLiteral("/no/such/file.avi"),
                    QStringLiteral("--cache-dir"), m_tmp.filePath(QStringLiteral("c"))},
    };
    for (const QStringList& args : cases) {
        QProcess p;
        p.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-camsim"), args);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(p.readAllStandardError().contains("vigil-camsim: "), qPrintable(args.join(u' ')));
    }
}

void TestCamsim::stopsWhileEveryKindOfCameraStreams()
{
    // SIGTERM while a fixed and a PTZ camera stream both their streams to clients: the simulator
    // ends promptly every time (it used to deadlock on a PTZ camera's media).
    for (int round = 0; round < 3; ++round) {
        CamsimProcess sim;
        QVERIFY(sim.start(2,
                {QStringLiteral("--ptz"), QStringLiteral("2"), QStringLiteral("--no-discovery")}));
        std::vector<std::unique_ptr<test::RtspSession>> sessions;
        for (int camera = 0; camera < 2; ++camera) {
            for (const char* stream : {"rtsp_main", "rtsp_sub"}) {
                auto session = std::make_unique<test::RtspSession>();
                QVERIFY(session->open(sim.endpoint(camera, stream)));
                QVERIFY2(!session->nextPacket(0, 15000).isEmpty(), stream);
                sessions.push_back(std::move(session));
            }
        }
        QProcess& process = sim.process();
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY2(process.waitForFinished(5000), qPrintable(QStringLiteral("round %1").arg(round)));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
}

void TestCamsim::firstPreparationReportsProgress()
{
    // A 4-second piece of the usual footage, in a cache of its own: the first start encodes it
    // and says how far it is, as the demo shows it.
    const QString clip = m_tmp.filePath(QStringLiteral("clip.avi"));
    QProcess cut;
    cut.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                    QStringLiteral("-i"),
                    QStringLiteral("/usr/share/doc/opencv-doc/examples/data/vtest.avi"),
                    QStringLiteral("-t"), QStringLiteral("4"), QStringLiteral("-c"),
                    QStringLiteral("copy"), clip});
    QVERIFY(cut.waitForFinished(30000));
    QCOMPARE(cut.exitCode(), 0);
    demo::SimulatorProcess process;
    QSignalSpy preparing(&process, &demo::SimulatorProcess::preparing);
    QSignalSpy ready(&process, &demo::SimulatorProcess::ready);
    process.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-camsim"), 1,
            {QStringLiteral("--cameras"), QStringLiteral("1"), QStringLiteral("--video"), clip,
                    QStringLiteral("--cache-dir"), m_tmp.filePath(QStringLiteral("clip-cache")),
                    QStringLiteral("--no-discovery")});
    QVERIFY(ready.wait(120000));
    QVERIFY(preparing.size() >= 2);
    double last = 0;
    for (const QList<QVariant>& report : std::as_const(preparing)) {
        const double done = report.at(0).toDouble();
        QVERIFY(done >= last && done <= 1.0);
        last = done;
    }
    QVERIFY2(last > 0.8, qPrintable(QString::number(last)));
    QVERIFY(preparing.last().at(1).toInt() >= 0); // a time left was told
    QCOMPARE(process.endpoints().size(), 1);
    process.stop();

    // Prepared once: the next start reports nothing and is ready at once.
    demo::SimulatorProcess again;
    QSignalSpy preparingAgain(&again, &demo::SimulatorProcess::preparing);
    QSignalSpy readyAgain(&again, &demo::SimulatorProcess::ready);
    again.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-camsim"), 1,
            {QStringLiteral("--cameras"), QStringLiteral("1"), QStringLiteral("--video"), clip,
                    QStringLiteral("--cache-dir"), m_tmp.filePath(QStringLiteral("clip-cache")),
                    QStringLiteral("--no-discovery")});
    QVERIFY(readyAgain.wait(30000));
    QCOMPARE(preparingAgain.size(), 0);
}

QTEST_MAIN(TestCamsim)
#include "tst_camsim.moc"
