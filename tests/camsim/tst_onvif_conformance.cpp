// vigil-camsim judged by a third-party ONVIF client: the npm `onvif` package (tools/setup installs
// it into tests/onvif_conformance/node_modules). Skips, saying so, only when Node.js is absent.
#include "support/camsim_process.h"

#include <QDir>
#include <QStandardPaths>
#include <QTest>

class TestOnvifConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void npmOnvifClient_data();
    void npmOnvifClient();
};

void TestOnvifConformance::npmOnvifClient_data()
{
    QTest::addColumn<QStringList>("camsimArgs");
    QTest::addColumn<bool>("ptz");
    const QStringList auth {QStringLiteral("--user"), QStringLiteral("operator"),
            QStringLiteral("--password"), QStringLiteral("S3cret&<pw>"),
            QStringLiteral("--no-discovery")};
    QTest::newRow("fixed camera") << auth << false;
    QTest::newRow("PTZ camera") << (auth
            + QStringList {QStringLiteral("--ptz"), QStringLiteral("1")})
                                << true;
    QTest::newRow("media2-only camera")
            << (auth + QStringList {QStringLiteral("--quirks"), QStringLiteral("media2-only")})
            << false;
}

void TestOnvifConformance::npmOnvifClient()
{
    QFETCH(QStringList, camsimArgs);
    QFETCH(bool, ptz);
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        QSKIP("Node.js is not installed: the npm onvif conformance check cannot run (tools/setup "
              "installs it)");
    const QString dir = QStringLiteral(VIGIL_SOURCE_DIR "/tests/onvif_conformance");
    QVERIFY2(QDir(dir + QStringLiteral("/node_modules/onvif")).exists(),
            "the npm onvif package is missing: run tools/setup (it runs npm ci in "
            "tests/onvif_conformance)");

    vigil::test::CamsimProcess sim;
    QVERIFY(sim.start(1, camsimArgs));
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.setWorkingDirectory(dir);
    QStringList args {dir + QStringLiteral("/conformance.js"), sim.endpoint(0, "device_service"),
            QStringLiteral("operator"), QStringLiteral("S3cret&<pw>")};
    if (ptz)
        args << QStringLiteral("ptz");
    client.start(node, args);
    QVERIFY(client.waitForFinished(90000));
    const QByteArray output = client.readAll();
    qInfo().noquote() << output.trimmed();
    QVERIFY2(client.exitCode() == 0, output.constData());
    QVERIFY(output.contains(" passed, 0 failed"));
}

QTEST_GUILESS_MAIN(TestOnvifConformance)
#include "tst_onvif_conformance.moc"
