// A flood of WS-Discovery answers (a hostile device, or a broken switch looping packets) cannot
// stretch `vigilctl discover` past its window nor fill it with thousands of "cameras". Runs in a
// network namespace that has only loopback (tests/netns/loopback_only.sh): it owns port 3702.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkDatagram>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>
#include <QUuid>

class TestHostileDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floodOfAnswersIsBounded();
};

namespace {

QByteArray probeMatch(const QString& relatesTo, const QString& endpoint, const QString& xaddrs)
{
    return QStringLiteral(
            "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
            "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><s:Header>"
            "<a:MessageID>urn:uuid:%1</a:MessageID><a:RelatesTo>%2</a:RelatesTo></s:Header>"
            "<s:Body><d:ProbeMatches><d:ProbeMatch><a:EndpointReference><a:Address>%3</a:Address>"
            "</a:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types><d:Scopes>"
            "onvif://www.onvif.org/name/Flood</d:Scopes><d:XAddrs>%4</d:XAddrs>"
            "<d:MetadataVersion>1</d:MetadataVersion></d:ProbeMatch></d:ProbeMatches></s:Body>"
            "</s:Envelope>")
            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), relatesTo, endpoint, xaddrs)
            .toUtf8();
}

} // namespace

void TestHostileDiscovery::floodOfAnswersIsBounded()
{
    // 61 s for a 5 s window and 14,943 "cameras" (7 MB of JSON) before.
    QUdpSocket device;
    QVERIFY2(device.bind(QHostAddress::LocalHost, 3702), qPrintable(device.errorString()));
    QList<QPair<QHostAddress, quint16>> probers;
    QStringList messageIds;
    connect(&device, &QUdpSocket::readyRead, this, [&] {
        while (device.hasPendingDatagrams()) {
            const QNetworkDatagram d = device.receiveDatagram();
            const QString text = QString::fromUtf8(d.data());
            const QRegularExpressionMatch id
                    = QRegularExpression(QStringLiteral("MessageID>([^<]+)<")).match(text);
            if (id.hasMatch())
                messageIds << id.captured(1);
            probers << qMakePair(d.senderAddress(), quint16(d.senderPort()));
        }
    });
    int sent = 0;
    QTimer flood;
    flood.setInterval(1);
    connect(&flood, &QTimer::timeout, this, [&] {
        if (probers.isEmpty() || messageIds.isEmpty())
            return;
        for (int i = 0; i < 200; ++i, ++sent) {
            const QString endpoint = QStringLiteral("urn:uuid:")
                    + QUuid::createUuid().toString(QUuid::WithoutBraces);
            QByteArray answer;
            if (sent % 10 == 1) // no endpoint: not a camera
                answer = probeMatch(messageIds.last(), QString(),
                        QStringLiteral("http://127.0.0.1/onvif/device_service"));
            else if (sent % 10 == 2) // nothing usable to reach it at
                answer = probeMatch(messageIds.last(), endpoint, QStringLiteral("file:///etc/x"));
            else
                answer = probeMatch(messageIds.last(), endpoint,
                        QStringLiteral("http://127.0.0.1:%1/onvif/device_service")
                                .arg(1024 + sent % 60000));
            device.writeDatagram(answer, probers.last().first, probers.last().second);
        }
    });
    flood.start();

    QProcess discover;
    QElapsedTimer took;
    took.start();
    discover.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("discover"), QStringLiteral("--address"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("--timeout"), QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY(discover.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(discover.state(), QProcess::NotRunning, 30000);
    flood.stop();
    QVERIFY2(took.elapsed() < 8000, qPrintable(QString::number(took.elapsed())));
    QVERIFY2(sent > 1000, "the flood did not start");
    QCOMPARE(discover.exitCode(), 0);
    const QJsonArray devices = QJsonDocument::fromJson(discover.readAllStandardOutput()).array();
    QVERIFY2(!devices.isEmpty() && devices.size() <= 256,
            qPrintable(QString::number(devices.size())));
    for (const QJsonValue& v : devices) {
        const QJsonObject d = v.toObject();
        QVERIFY(!d.value(QLatin1String("endpoint")).toString().isEmpty());
        QVERIFY(d.value(QLatin1String("device_service"))
                        .toString()
                        .startsWith(QLatin1String("http://")));
    }
}

QTEST_GUILESS_MAIN(TestHostileDiscovery)
#include "tst_hostile_discovery.moc"
