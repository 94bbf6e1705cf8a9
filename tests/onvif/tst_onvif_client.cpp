// The ONVIF client against the camera simulator, quirk by quirk (127.0.0.1 only).
#include "core/onvif/device_probe.h"
#include "core/onvif/event_subscription.h"
#include "core/onvif/onvif_parsers.h"
#include "support/camsim_process.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace vigil;
using onvif::DeviceDescription;
using onvif::DeviceProbe;

namespace {

const QString kUser = QStringLiteral("installer");
const QString kPassword = QStringLiteral("Zebra&Crossing<9>");

Result<DeviceDescription> probe(const QString& url, const QString& password = kPassword,
        int timeoutMs = 10000, bool rewrite = true)
{
    DeviceProbe p {QUrl(url), kUser, password};
    p.client().setTimeoutMs(timeoutMs);
    p.client().setRewriteAddresses(rewrite);
    std::optional<Result<DeviceDescription>> result;
    QObject::connect(&p, &DeviceProbe::finished, &p,
            [&result](const Result<DeviceDescription>& r) { result = r; });
    p.start();
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
        return Error {Error::Code::Timeout, QStringLiteral("probe never finished"), {}};
    return *result;
}

QStringList authArgs(const QStringList& more = {})
{
    return QStringList {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
                   QStringLiteral("--no-discovery")}
    + more;
}

Result<onvif::XmlElement> callSync(
        onvif::OnvifClient& client, const QString& url, const QString& body)
{
    std::optional<Result<onvif::XmlElement>> result;
    client.call(url, body, [&](Result<onvif::XmlElement> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error {Error::Code::Timeout, QStringLiteral("no answer"), {}};
    return *result;
}

} // namespace

class TestOnvifClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void probesAFixedCamera();
    void wrongPasswordIsSaidSo();
    void clockSkew_data();
    void clockSkew();
    void wrongXAddrIsRewritten();
    void media2Only();
    void httpDigestOnly();
    void slowCamera();
    void nothingThere();
    void notAnOnvifDevice();
    void ptzMovesAreObserved();
    void motionEventsThroughPullPoint();
    void streamChoice();
    void eventSubscriptionRenewsAndReports();
    void eventSubscriptionBacksOff();
};

void TestOnvifClient::probesAFixedCamera()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs()));
    const Result<DeviceDescription> r = probe(sim.endpoint(0, "device_service"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().fullText()));
    const DeviceDescription& d = r.value();
    QCOMPARE(d.info.manufacturer, QStringLiteral("Vigil"));
    QVERIFY(d.info.model.startsWith(QLatin1String("CamSim")));
    QCOMPARE(d.auth, onvif::AuthMethod::WsUsernameToken);
    QVERIFY(d.usesMedia2);
    QVERIFY(d.hasEvents);
    QVERIFY(!d.hasPtz);
    QCOMPARE(d.profiles.size(), 2);
    QCOMPARE(d.profiles.at(d.mainProfile).width, 1920);
    QCOMPARE(d.profiles.at(d.subProfile).width, 640);
    QCOMPARE(d.profiles.at(d.mainProfile).streamUri, sim.endpoint(0, "rtsp_main"));
    QCOMPARE(d.profiles.at(d.subProfile).streamUri, sim.endpoint(0, "rtsp_sub"));
    QVERIFY(d.profiles.at(d.mainProfile)
                    .snapshotUri.startsWith(QLatin1String("http://127.0.0.1:")));
    QVERIFY(qAbs(d.clockOffsetMs) < 2000);
}

void TestOnvifClient::wrongPasswordIsSaidSo()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs()));
    const Result<DeviceDescription> r
            = probe(sim.endpoint(0, "device_service"), QStringLiteral("guess"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::AuthenticationFailed);
    QVERIFY2(r.error().message.contains(QLatin1String("refused the user name or password")),
            qPrintable(r.error().message));
    QVERIFY(!r.error().message.contains(QLatin1String("clock")));
}

void TestOnvifClient::clockSkew_data()
{
    QTest::addColumn<int>("seconds");
    QTest::newRow("an hour ahead") << 3600;
    QTest::newRow("an hour behind") << -3600;
}

void TestOnvifClient::clockSkew()
{
    QFETCH(int, seconds);
    test::CamsimProcess sim;
    QVERIFY(sim.start(1,
            authArgs({QStringLiteral("--quirks"), QStringLiteral("clock-skew=%1").arg(seconds)})));
    const Result<DeviceDescription> r = probe(sim.endpoint(0, "device_service"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().fullText()));
    QVERIFY(qAbs(r.value().clockOffsetMs - seconds * 1000LL) < 2000);
    // With a wrong password, the message also points at the clock.
    const Result<DeviceDescription> wrong
            = probe(sim.endpoint(0, "device_service"), QStringLiteral("guess"));
    QVERIFY(!wrong);
    QVERIFY2(wrong.error().message.contains(QLatin1String("60 minutes")),
            qPrintable(wrong.error().message));
}

void TestOnvifClient::wrongXAddrIsRewritten()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs({QStringLiteral("--quirks"), QStringLiteral("wrong-xaddr")})));
    QUrl reached(sim.endpoint(0, "device_service"));
    QCOMPARE(reached.host(), QStringLiteral("127.0.0.2"));
    reached.setHost(QStringLiteral("127.0.0.1"));
    const Result<DeviceDescription> r = probe(reached.toString());
    QVERIFY2(r, qPrintable(r ? QString() : r.error().fullText()));
    QUrl expected(sim.endpoint(0, "rtsp_main"));
    expected.setHost(QStringLiteral("127.0.0.1"));
    QCOMPARE(r.value().profiles.at(r.value().mainProfile).streamUri, expected.toString());
    for (const QString& xaddr : r.value().services)
        QCOMPARE(QUrl(xaddr).host(), QStringLiteral("127.0.0.1"));

    // With rewriting off, the advertised (unreachable) addresses are used, and Media fails.
    const Result<DeviceDescription> raw = probe(reached.toString(), kPassword, 2000, false);
    QVERIFY(!raw);
    QCOMPARE(raw.error().code, Error::Code::Unreachable);
}

void TestOnvifClient::media2Only()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs({QStringLiteral("--quirks"), QStringLiteral("media2-only")})));
    const Result<DeviceDescription> r = probe(sim.endpoint(0, "device_service"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().fullText()));
    QVERIFY(r.value().usesMedia2);
    QVERIFY(!r.value().services.contains(QLatin1String(onvif::ns::kMedia)));
    QCOMPARE(r.value().profiles.size(), 2);
    QCOMPARE(r.value().profiles.at(r.value().mainProfile).streamUri, sim.endpoint(0, "rtsp_main"));
}

void TestOnvifClient::httpDigestOnly()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(
            1, authArgs({QStringLiteral("--quirks"), QStringLiteral("http-digest-only")})));
    const Result<DeviceDescription> r = probe(sim.endpoint(0, "device_service"));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().fullText()));
    QCOMPARE(r.value().auth, onvif::AuthMethod::HttpDigest);
    const Result<DeviceDescription> wrong
            = probe(sim.endpoint(0, "device_service"), QStringLiteral("guess"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, Error::Code::AuthenticationFailed);
}

void TestOnvifClient::slowCamera()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs({QStringLiteral("--quirks"), QStringLiteral("slow=1200")})));
    const Result<DeviceDescription> impatient
            = probe(sim.endpoint(0, "device_service"), kPassword, 500);
    QVERIFY(!impatient);
    QCOMPARE(impatient.error().code, Error::Code::Timeout);
    QVERIFY(impatient.error().message.contains(QLatin1String("did not answer within")));
    const Result<DeviceDescription> patient
            = probe(sim.endpoint(0, "device_service"), kPassword, 5000);
    QVERIFY2(patient, qPrintable(patient ? QString() : patient.error().fullText()));
}

void TestOnvifClient::nothingThere()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    const Result<DeviceDescription> r
            = probe(QStringLiteral("http://127.0.0.1:%1/onvif/device_service").arg(port));
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Unreachable);
    QVERIFY(r.error().message.contains(QLatin1String("Nothing answers")));
}

void TestOnvifClient::notAnOnvifDevice()
{
    // A web server that is not a camera: a home router's login page.
    QTcpServer web;
    QVERIFY(web.listen(QHostAddress::LocalHost, 0));
    connect(&web, &QTcpServer::newConnection, &web, [&web] {
        QTcpSocket* s = web.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s] {
            s->readAll();
            s->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
                     "27\r\n\r\n<html><body>Login</body></html>");
            s->disconnectFromHost();
        });
    });
    const Result<DeviceDescription> r = probe(
            QStringLiteral("http://127.0.0.1:%1/onvif/device_service").arg(web.serverPort()));
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::Protocol);
    QVERIFY2(r.error().message.contains(QLatin1String("not as an ONVIF camera")),
            qPrintable(r.error().message));
}

void TestOnvifClient::ptzMovesAreObserved()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs({QStringLiteral("--ptz"), QStringLiteral("1")})));
    const Result<DeviceDescription> r = probe(sim.endpoint(0, "device_service"));
    QVERIFY(r);
    QVERIFY(r.value().hasPtz);
    const QString ptz = r.value().services.value(QLatin1String(onvif::ns::kPtz));
    onvif::OnvifClient client(QUrl(sim.endpoint(0, "device_service")), kUser, kPassword);
    const QString ns = QStringLiteral("xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\"");
    const QString tt = QStringLiteral("xmlns:tt=\"http://www.onvif.org/ver10/schema\"");
    QVERIFY(callSync(client, ptz,
            QStringLiteral("<ContinuousMove %1 %2><ProfileToken>Profile_1</ProfileToken><Velocity>"
                           "<tt:PanTilt x=\"1\" y=\"0\"/></Velocity></ContinuousMove>")
                    .arg(ns, tt)));
    auto panOf = [&] {
        const Result<onvif::XmlElement> status = callSync(client, ptz,
                QStringLiteral("<GetStatus %1><ProfileToken>Profile_1</ProfileToken></GetStatus>")
                        .arg(ns));
        const onvif::XmlElement* panTilt = status ? status.value().find(u"PanTilt") : nullptr;
        return panTilt ? panTilt->attribute(u"x").toDouble() : -9.0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(panOf() > 0.2, 5000);
    QVERIFY(callSync(client, ptz,
            QStringLiteral("<Stop %1><ProfileToken>Profile_1</ProfileToken></Stop>").arg(ns)));
    const double stopped = panOf();
    QTest::qWait(300); // to observe that nothing moves any more
    QCOMPARE(panOf(), stopped);
    QVERIFY(callSync(client, ptz,
            QStringLiteral("<GotoPreset "
                           "%1><ProfileToken>Profile_1</ProfileToken><PresetToken>2</PresetToken>"
                           "</GotoPreset>")
                    .arg(ns)));
    QTRY_COMPARE_WITH_TIMEOUT(panOf(), 0.5, 8000);
}

void TestOnvifClient::motionEventsThroughPullPoint()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs()));
    const Result<DeviceDescription> r = probe(sim.endpoint(0, "device_service"));
    QVERIFY(r);
    onvif::OnvifClient client(QUrl(sim.endpoint(0, "device_service")), kUser, kPassword);
    const Result<onvif::XmlElement> created = callSync(client,
            r.value().services.value(QLatin1String(onvif::ns::kEvents)),
            QStringLiteral(
                    "<CreatePullPointSubscription xmlns=\"http://www.onvif.org/ver10/events/wsdl\">"
                    "<InitialTerminationTime>PT60S</InitialTerminationTime></"
                    "CreatePullPointSubscription>"));
    QVERIFY(created);
    const onvif::XmlElement* address = created.value().find(u"Address");
    QVERIFY(address);
    const Result<onvif::XmlElement> pulled = callSync(client, client.rewrite(address->text()),
            QStringLiteral(
                    "<PullMessages "
                    "xmlns=\"http://www.onvif.org/ver10/events/wsdl\"><Timeout>PT5S</Timeout>"
                    "<MessageLimit>10</MessageLimit></PullMessages>"));
    QVERIFY(pulled);
    QStringList topics;
    const onvif::XmlElement* response
            = onvif::soapBody(pulled.value())->child(u"PullMessagesResponse");
    for (const onvif::XmlElement* m : response->childrenNamed(u"NotificationMessage"))
        topics << m->textAt({u"Topic"});
    QVERIFY2(topics.contains(QStringLiteral("tns1:RuleEngine/CellMotionDetector/Motion")),
            qPrintable(topics.join(u',')));
}

void TestOnvifClient::streamChoice()
{
    auto profile = [](const char* token, const char* encoding, int w, int h) {
        onvif::MediaProfile p;
        p.token = QLatin1String(token);
        p.encoding = QLatin1String(encoding);
        p.width = w;
        p.height = h;
        return p;
    };
    const QList<onvif::MediaProfile> profiles = {profile("jpeg", "JPEG", 3840, 2160),
            profile("mid", "H264", 1280, 720), profile("main", "H265", 2560, 1440),
            profile("tiny", "H264", 176, 144), profile("sub", "H264", 640, 360)};
    const auto [main, sub] = DeviceDescription::chooseStreams(profiles);
    QCOMPARE(profiles.at(main).token, QStringLiteral("main"));
    QCOMPARE(profiles.at(sub).token, QStringLiteral("sub"));
    const auto [only, none]
            = DeviceDescription::chooseStreams({profile("one", "H264", 1920, 1080)});
    QCOMPARE(only, 0);
    QCOMPARE(none, -1);
}

void TestOnvifClient::eventSubscriptionRenewsAndReports()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs()));
    const Result<DeviceDescription> r = probe(sim.endpoint(0, "device_service"));
    QVERIFY(r);
    onvif::OnvifClient client(QUrl(sim.endpoint(0, "device_service")), kUser, kPassword);
    onvif::EventSubscription events(
            &client, r.value().services.value(QLatin1String(onvif::ns::kEvents)));
    events.setTerminationSeconds(3);
    events.setPullTimeoutSeconds(1);
    QSignalSpy motion(&events, &onvif::EventSubscription::motionChanged);
    QSignalSpy failures(&events, &onvif::EventSubscription::failed);
    events.start();
    QVERIFY(motion.wait(10000)); // the initial state
    QTRY_VERIFY_WITH_TIMEOUT(events.renewals() >= 2, 15000);
    QVERIFY(events.isSubscribed());
    QCOMPARE(failures.count(), 0);
    events.stop();
}

void TestOnvifClient::eventSubscriptionBacksOff()
{
    test::CamsimProcess sim;
    QVERIFY(sim.start(1, authArgs()));
    const Result<DeviceDescription> r = probe(sim.endpoint(0, "device_service"));
    QVERIFY(r);
    onvif::OnvifClient client(QUrl(sim.endpoint(0, "device_service")), kUser, kPassword);
    client.setTimeoutMs(2000);
    onvif::EventSubscription events(
            &client, r.value().services.value(QLatin1String(onvif::ns::kEvents)));
    events.setPullTimeoutSeconds(1);
    QSignalSpy subscribed(&events, &onvif::EventSubscription::subscribed);
    QSignalSpy failures(&events, &onvif::EventSubscription::failed);
    events.start();
    QVERIFY(subscribed.wait(10000));
    sim.stop(); // the camera goes away
    QTRY_VERIFY_WITH_TIMEOUT(failures.count() >= 3, 20000);
    QCOMPARE(events.retryDelayMs(), 4000); // 1 s, 2 s, 4 s …
    QVERIFY(!events.isSubscribed());
}

QTEST_GUILESS_MAIN(TestOnvifClient)
#include "tst_onvif_client.moc"
