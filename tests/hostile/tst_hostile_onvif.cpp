// A broken or hostile ONVIF device (a small HTTP server in this test) cannot make a probe run
// forever, and bad --timeout values are refused.
#include "hostile/hostile_http_server.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

using namespace vigil::test;

class TestHostileOnvif : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notAuthorizedEverywhereEnds();
    void hugeAnswerIsCutOff_data();
    void hugeAnswerIsCutOff();
    void redirectToAnotherHostNotFollowed();
    void badTimeoutsRefused_data();
    void badTimeoutsRefused();
};

void TestHostileOnvif::notAuthorizedEverywhereEnds()
{
    // Every call, even the unauthenticated clock query, refused with NotAuthorized: the probe
    // re-synchronised the clock forever (748 times in 35 s).
    HostileHttpServer device;
    QVERIFY(device.listen());
    device.answer = [](const HostileHttpServer::Request&) {
        return HostileHttpServer::response("400 Bad Request",
                HostileHttpServer::soapFault("ter:NotAuthorized", "Sender not Authorized"));
    };
    QProcess probe;
    probe.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("probe"), device.url(), QStringLiteral("--user"),
                    QStringLiteral("admin"), QStringLiteral("--password"), QStringLiteral("wrong"),
                    QStringLiteral("--timeout"), QStringLiteral("2")});
    QVERIFY(probe.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(probe.state(), QProcess::NotRunning, 30000);
    QVERIFY(probe.exitCode() != 0);
    const QByteArray err = probe.readAllStandardError();
    QVERIFY2(err.contains("password"), err.constData());
    QVERIFY2(device.requests.size() <= 6, qPrintable(QString::number(device.requests.size())));
}

void TestHostileOnvif::hugeAnswerIsCutOff_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::newRow("1 GB declared") << QByteArray("Content-Length: 1073741824\r\n");
    QTest::newRow("endless, until the connection closes") << QByteArray("Connection: close\r\n");
}

void TestHostileOnvif::hugeAnswerIsCutOff()
{
    // Answers of 1 GB grew the probe to 1 GB before the 4 MB limit applied: they are cut off
    // at 4 MB, as they arrive.
    QFETCH(QByteArray, headers);
    HostileHttpServer device;
    QVERIFY(device.listen());
    device.endlessHeaders = headers;
    constexpr qint64 kCap = 1024LL * 1024 * 1024;
    device.endlessBody = [&device] {
        return device.streamedBytes < kCap ? QByteArray(256 * 1024, 'a') : QByteArray();
    };
    QProcess probe;
    probe.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("probe"), device.url(), QStringLiteral("--timeout"),
                    QStringLiteral("60")});
    QVERIFY(probe.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(probe.state(), QProcess::NotRunning, 30000);
    QVERIFY(probe.exitCode() != 0);
    const QByteArray err = probe.readAllStandardError();
    QVERIFY2(err.contains("larger than 4 MB"), err.constData());
    QVERIFY2(device.streamedBytes < 64 * 1024 * 1024,
            qPrintable(QString::number(device.streamedBytes)));
}

void TestHostileOnvif::redirectToAnotherHostNotFollowed()
{
    // An HTTP 307 to another host re-sent the request, with its UsernameToken, there.
    HostileHttpServer elsewhere;
    QVERIFY(elsewhere.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    elsewhere.answer = [](const HostileHttpServer::Request&) {
        return HostileHttpServer::response("500 Internal Server Error", "no");
    };
    HostileHttpServer device;
    QVERIFY(device.listen());
    const QByteArray target = elsewhere.url().toUtf8();
    device.answer = [target](const HostileHttpServer::Request&) -> QByteArray {
        return "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + target
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    };
    QProcess probe;
    probe.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("probe"), device.url(), QStringLiteral("--user"),
                    QStringLiteral("admin"), QStringLiteral("--password"), QStringLiteral("s3cret"),
                    QStringLiteral("--timeout"), QStringLiteral("5")});
    QVERIFY(probe.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(probe.state(), QProcess::NotRunning, 30000);
    QVERIFY(probe.exitCode() != 0);
    QVERIFY(!device.requests.isEmpty());
    QCOMPARE(elsewhere.requests.size(), 0);
}

void TestHostileOnvif::badTimeoutsRefused_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("negative") << QStringLiteral("-1"); // meant no timeout at all
    QTest::newRow("not a number") << QStringLiteral("abc"); // meant "within 0 seconds"
    QTest::newRow("zero") << QStringLiteral("0");
}

void TestHostileOnvif::badTimeoutsRefused()
{
    QFETCH(QString, value);
    QProcess probe;
    probe.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("probe"), QStringLiteral("http://127.0.0.1:9/onvif/device_service"),
                    QStringLiteral("--timeout"), value});
    QVERIFY(probe.waitForFinished(20000));
    QCOMPARE(probe.exitCode(), 1); // usage
    QVERIFY(probe.readAllStandardError().contains("--timeout takes"));
}

QTEST_GUILESS_MAIN(TestHostileOnvif)
#include "tst_hostile_onvif.moc"
