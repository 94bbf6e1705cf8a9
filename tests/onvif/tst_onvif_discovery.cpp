// WS-Discovery client: parsing real-shaped answers, and finding simulated cameras over loopback
// multicast (pinned to 127.0.0.1: no probe leaves through a real network card).
#include "core/onvif/ws_discovery.h"
#include "support/camsim_process.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

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

QTEST_GUILESS_MAIN(TestOnvifDiscovery)
#include "tst_onvif_discovery.moc"
