// WS-Discovery client: parsing real-shaped answers, and finding simulated cameras over loopback
// multicast (pinned to 127.0.0.1: no probe leaves through a real network card).
#include "core/onvif/ws_discovery.h"
#include "core/onvif/xml_tree.h"
#include "support/camsim_process.h"

#include <QFile>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using vigil::onvif::DiscoveredDevice;
using vigil::onvif::WsDiscovery;

namespace {

// The ONVIF Application Programmer's Guide example answer (ONVIF.md §1.3).
QByteArray apgProbeMatches()
{
    QFile file(QStringLiteral(VIGIL_SOURCE_DIR "/tests/onvif/data/apg_probe_matches.xml"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestOnvifDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRealShapedAnswer();
    void ignoresGarbage_data();
    void ignoresGarbage();
    void findsSimulatedCameras_data();
    void findsSimulatedCameras();
    void helloAndBye();
    void clientHearsHelloAndBye();
};

void TestOnvifDiscovery::parsesRealShapedAnswer()
{
    QString relatesTo;
    const QList<DiscoveredDevice> devices = WsDiscovery::parseAnswer(apgProbeMatches(), &relatesTo);
    QCOMPARE(devices.size(), 1);
    const DiscoveredDevice& d = devices.first();
    QCOMPARE(relatesTo, QStringLiteral("uuid:84ede3de-7dec-11d0-c360-F01234567890"));
    QCOMPARE(d.endpoint, QStringLiteral("urn:uuid:a1f48ac2-dc8b-11df-b255-00408c1836b2"));
    QCOMPARE(d.xaddrs,
            (QStringList {QStringLiteral("http://169.254.76.145/onvif/services"),
                    QStringLiteral("http://192.168.1.24/onvif/services")}));
    QCOMPARE(d.name, QStringLiteral("VENDOR MODEL"));
    QCOMPARE(d.hardware, QStringLiteral("MODEL"));
    QCOMPARE(d.location, QStringLiteral("ANY"));
    QCOMPARE(d.scopes.size(), 5);
}

void TestOnvifDiscovery::ignoresGarbage_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::newRow("lollipop") << QByteArray("lollipop");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << apgProbeMatches().left(400);
    QTest::newRow("a probe (our own, looped back)")
            << QByteArray("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                          "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/"
                          "discovery\"><s:Body><d:Probe/></s:Body></s:Envelope>");
}

void TestOnvifDiscovery::ignoresGarbage()
{
    QFETCH(QByteArray, datagram);
    QVERIFY(WsDiscovery::parseAnswer(datagram).isEmpty());
}

void TestOnvifDiscovery::findsSimulatedCameras_data()
{
    QTest::addColumn<QStringList>("camsimArgs");
    QTest::newRow("plain") << QStringList();
    QTest::newRow("duplicate answers")
            << QStringList {QStringLiteral("--quirks"), QStringLiteral("duplicate-probe-matches")};
}

void TestOnvifDiscovery::findsSimulatedCameras()
{
    QFETCH(QStringList, camsimArgs);
    vigil::test::CamsimProcess sim;
    QVERIFY(sim.start(3, camsimArgs));

    WsDiscovery discovery;
    QSignalSpy finished(&discovery, &WsDiscovery::finished);
    QSignalSpy found(&discovery, &WsDiscovery::deviceFound);
    WsDiscovery::Options options;
    options.interfaces = {QHostAddress(QHostAddress::LocalHost)};
    options.windowMs = 1500;
    QVERIFY(discovery.start(options));
    QVERIFY(finished.wait(5000));

    // Other simulators (parallel tests) may answer too: look at ours only, each exactly once.
    int ours = 0;
    for (const DiscoveredDevice& d : discovery.devices()) {
        for (int i = 0; i < 3; ++i) {
            if (d.endpoint != sim.endpoint(i, "uuid"))
                continue;
            ++ours;
            QCOMPARE(d.preferredXAddr(), sim.endpoint(i, "device_service"));
            QCOMPARE(d.name, sim.endpoint(i, "name"));
            QVERIFY(d.hardware.startsWith(QLatin1String("CamSim")));
            QCOMPARE(d.location, QStringLiteral("city/Town Hall"));
            QCOMPARE(d.source, QHostAddress(QHostAddress::LocalHost));
        }
    }
    QCOMPARE(ours, 3);
    QVERIFY(found.count() >= 3);
}

void TestOnvifDiscovery::helloAndBye()
{
    // A listener on 3702, joined on loopback only, as a VMS listens for cameras coming and going.
    QUdpSocket listener;
    QVERIFY(listener.bind(
            QHostAddress::AnyIPv4, 3702, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint));
    ip_mreq membership {};
    membership.imr_multiaddr.s_addr
            = htonl(QHostAddress(QStringLiteral("239.255.255.250")).toIPv4Address());
    membership.imr_interface.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::setsockopt(int(listener.socketDescriptor()), IPPROTO_IP, IP_ADD_MEMBERSHIP,
                     &membership, sizeof membership),
            0);

    QStringList hellos;
    QStringList byes;
    auto collect = [&] {
        while (listener.hasPendingDatagrams()) {
            const QNetworkDatagram d = listener.receiveDatagram();
            for (const DiscoveredDevice& device : WsDiscovery::parseAnswer(d.data()))
                hellos << device.endpoint;
            if (const auto doc = vigil::onvif::XmlElement::parse(d.data())) {
                if (const auto* bye = doc->path({u"Body", u"Bye"}))
                    byes << bye->textAt({u"EndpointReference", u"Address"});
            }
        }
    };
    vigil::test::CamsimProcess sim;
    QVERIFY(sim.start(2));
    const QString first = sim.endpoint(0, "uuid");
    const QString second = sim.endpoint(1, "uuid");
    QTRY_VERIFY_WITH_TIMEOUT((collect(), hellos.contains(first) && hellos.contains(second)), 5000);
    sim.stop();
    QTRY_VERIFY_WITH_TIMEOUT((collect(), byes.contains(first) && byes.contains(second)), 5000);
}

void TestOnvifDiscovery::clientHearsHelloAndBye()
{
    WsDiscovery discovery;
    QVERIFY2(discovery.listen({QHostAddress(QHostAddress::LocalHost)}),
            qPrintable(discovery.errorString()));
    QSignalSpy found(&discovery, &WsDiscovery::deviceFound);
    QSignalSpy left(&discovery, &WsDiscovery::deviceLeft);
    vigil::test::CamsimProcess sim;
    QVERIFY(sim.start(1));
    const QString uuid = sim.endpoint(0, "uuid");
    auto seen = [&](const QSignalSpy& spy) {
        for (const QList<QVariant>& args : spy) {
            const QVariant& v = args.first();
            if ((v.canConvert<DiscoveredDevice>() ? v.value<DiscoveredDevice>().endpoint
                                                  : v.toString())
                    == uuid)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(seen(found), 5000);
    const auto known = discovery.devices();
    QVERIFY(std::any_of(known.begin(), known.end(), [&](const DiscoveredDevice& d) {
        return d.endpoint == uuid && d.preferredXAddr() == sim.endpoint(0, "device_service");
    }));
    sim.stop();
    QTRY_VERIFY_WITH_TIMEOUT(seen(left), 5000);
}

QTEST_GUILESS_MAIN(TestOnvifDiscovery)
#include "tst_onvif_discovery.moc"
