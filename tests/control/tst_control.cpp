// The recorder's control channel, through the real parts: vigil-recorder on simulated cameras,
// vigilctl status as its client, raw sockets that break the protocol, another user.
#include "core/control/control_client.h"
#include "core/control/control_protocol.h"
#include "core/control/recorder_link.h"
#include "support/recording_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace vigil;
using namespace vigil::test;

class TestControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void framesSplitAndRefuseWhatIsNotAMessage();
    void statusReachesEveryClient();
    void badClientsDoNotHarmTheRecorder();
    void anotherUserIsRefused();
    void noRecorderIsSaidPlainly();
    void alertsReachClientsAndAreAcknowledged(); // last: stops the cameras
    void cleanupTestCase();

private:
    QJsonObject status();
    QTemporaryDir m_tmp;
    CamsimProcess m_sim;
    QProcess m_recorder;
    QString m_data;
};

void TestControl::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(m_sim.start(2, simArgs()));
    m_data = m_tmp.filePath(QStringLiteral("data"));
    QVERIFY(addCameras(m_data, m_sim, 2));
    m_recorder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-recorder"),
            {QStringLiteral("--data-dir"), m_data});
    QVERIFY(m_recorder.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(status().value(QLatin1String("summary"))
                                     .toObject()
                                     .value(QLatin1String("cameras_recording"))
                                     .toInt()
                    == 2,
            30000);
}

void TestControl::cleanupTestCase()
{
    if (m_recorder.state() == QProcess::Running) {
        ::kill(pid_t(m_recorder.processId()), SIGTERM);
        QVERIFY(m_recorder.waitForFinished(30000));
        QCOMPARE(m_recorder.exitCode(), 0);
    }
    // Stopped cleanly: every file finished and indexed.
    const QStringList problems = catalogAndFilesProblems(m_data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QJsonObject TestControl::status()
{
    const CtlRun run = vigilctl(m_data, {QStringLiteral("status"), QStringLiteral("--json")});
    return run.exitCode == 0 ? QJsonDocument::fromJson(run.out).object() : QJsonObject {};
}

void TestControl::framesSplitAndRefuseWhatIsNotAMessage()
{
    const QByteArray a = control::encodeMessage({{QStringLiteral("type"), QStringLiteral("a")}});
    const QByteArray b = control::encodeMessage({{QStringLiteral("type"), QStringLiteral("b")}});
    control::FrameReader reader;
    const QByteArray both = a + b;
    QList<QJsonObject> got;
    for (char c : both) // a byte at a time
        got << reader.feed(QByteArray(1, c));
    QCOMPARE(got.size(), 2);
    QCOMPARE(got.at(1).value(QLatin1String("type")).toString(), QStringLiteral("b"));
    QVERIFY(reader.error().isEmpty());

    const auto refused = [](const QByteArray& bytes) {
        control::FrameReader r;
        r.feed(bytes);
        return !r.error().isEmpty();
    };
    QByteArray huge(4, '\0');
    qToBigEndian<quint32>(100 * 1024 * 1024, huge.data());
    QVERIFY(refused(huge)); // refused at once, without waiting for 100 MB
    QVERIFY(refused(QByteArray::fromHex("0000000302") + "{}"));
    QVERIFY(refused(QByteArray::fromHex("0000000501") + "[1,2"));
    QVERIFY(refused(QByteArray::fromHex("0000000301") + "{}")); // no type
    QVERIFY(refused(QByteArray(4, '\0')));
}

void TestControl::statusReachesEveryClient()
{
    // vigilctl and a second client at the same time see the same recorder and cameras.
    control::ControlClient other(m_data);
    QVERIFY(other.connectToRecorder());
    const QJsonObject fromCtl = status();
    const Result<QJsonObject> fromOther
            = other.request({{QStringLiteral("type"), QStringLiteral("status")}});
    QVERIFY(fromOther);
    QCOMPARE(fromOther->value(QLatin1String("recorder")).toObject().value(QLatin1String("pid")),
            fromCtl.value(QLatin1String("recorder")).toObject().value(QLatin1String("pid")));
    const QJsonArray cameras = fromCtl.value(QLatin1String("cameras")).toArray();
    QCOMPARE(cameras.size(), 2);
    for (const QJsonValue& c : cameras) {
        QVERIFY(c.toObject().value(QLatin1String("online")).toBool());
        QVERIFY(c.toObject().value(QLatin1String("recording")).toBool());
        QCOMPARE(c.toObject().value(QLatin1String("streams")).toArray().size(), 1);
    }
    QCOMPARE(fromOther->value(QLatin1String("cameras")).toArray().size(), 2);
    // The text form names each camera and its state.
    const CtlRun text = vigilctl(m_data, {QStringLiteral("status")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("2 cameras: 2 online, 2 recording."), text.out.constData());
    QVERIFY2(text.out.contains("Cam 1: recording"), text.out.constData());
    // An unknown request gets an error, and the connection stays usable.
    QVERIFY(!other.request({{QStringLiteral("type"), QStringLiteral("frobnicate")}}));
    QVERIFY(other.request({{QStringLiteral("type"), QStringLiteral("status")}}));
    // A foreground recorder for the same folder is refused while the service records.
    const CtlRun second = vigilctl(
            m_data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("1")});
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.err.contains("already using the data folder"), second.err.constData());
}

void TestControl::badClientsDoNotHarmTheRecorder()
{
    const QString path = control::socketPath(m_data);
    const auto closedAfter = [&](const QByteArray& bytes) {
        QLocalSocket socket;
        socket.connectToServer(path);
        if (!socket.waitForConnected(5000))
            return false;
        socket.write(bytes);
        socket.flush();
        for (int i = 0; i < 100 && socket.state() == QLocalSocket::ConnectedState; ++i)
            socket.waitForDisconnected(100);
        return socket.state() == QLocalSocket::UnconnectedState;
    };
    QByteArray huge(4, '\0');
    qToBigEndian<quint32>(100 * 1024 * 1024, huge.data());
    QVERIFY(closedAfter(huge));
    QVERIFY(closedAfter(QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n")));
    QVERIFY(closedAfter(QByteArray::fromHex("0000000501") + "[1,2")); // not an object
    // Skipping the hello, or another protocol version.
    QVERIFY(closedAfter(
            control::encodeMessage({{QStringLiteral("type"), QStringLiteral("status")}})));
    QVERIFY(closedAfter(control::encodeMessage({{QStringLiteral("type"), QStringLiteral("hello")},
            {QStringLiteral("protocol"), 99}})));

    // A client that asks and asks and never reads (a plain socket: Qt's would read into its
    // buffer): it is dropped when its backlog passes 4 MiB; the others are served all along.
    const int silent = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(silent >= 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    QVERIFY(size_t(native.size()) < sizeof address.sun_path);
    std::memcpy(address.sun_path, native.constData(), size_t(native.size()));
    QCOMPARE(::connect(silent, reinterpret_cast<const sockaddr*>(&address), sizeof address), 0);
    const auto sendAll = [&](const QByteArray& bytes) {
        return ::send(silent, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL)
                == bytes.size();
    };
    QVERIFY(sendAll(control::encodeMessage({{QStringLiteral("type"), QStringLiteral("hello")},
            {QStringLiteral("protocol"), control::kProtocolVersion}})));
    QByteArray requests;
    for (int i = 0; i < 8000; ++i) // ~8 MB of answers
        requests += control::encodeMessage({{QStringLiteral("type"), QStringLiteral("status")}});
    QVERIFY(sendAll(requests));
    QTRY_VERIFY_WITH_TIMEOUT(!sendAll(requests.left(64)) && errno == EPIPE, 20000);
    ::close(silent);
    QTRY_VERIFY_WITH_TIMEOUT(status().value(QLatin1String("cameras")).toArray().size() == 2, 10000);
    QCOMPARE(m_recorder.state(), QProcess::Running);
    QTRY_COMPARE_WITH_TIMEOUT(status().value(QLatin1String("summary"))
                                      .toObject()
                                      .value(QLatin1String("cameras_recording"))
                                      .toInt(),
            2, 10000);
}

void TestControl::anotherUserIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("needs root to run a client as nobody");
    // Only the service's user and group may connect: the socket is 0770. Everything else on
    // the way is open to the other user (the folders may be traversed, vigilctl run from a copy:
    // the build tree may be private), so that it is the socket that refuses.
    const QString ctl = m_tmp.filePath(QStringLiteral("vigilctl"));
    QVERIFY(QFile::exists(ctl) || QFile::copy(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"), ctl));
    const auto open = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(ctl, open));
    QVERIFY(QFile::setPermissions(m_tmp.path(), open));
    QVERIFY(QFile::setPermissions(m_data, open));
    QProcess nobody;
    nobody.start(QStringLiteral("runuser"),
            {QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), ctl,
                    QStringLiteral("--data-dir"), m_data, QStringLiteral("status")});
    QVERIFY(nobody.waitForFinished(30000));
    QCOMPARE(nobody.exitCode(), 3);
    const QByteArray err = nobody.readAllStandardError();
    QVERIFY2(err.contains("does not accept this user"), err.constData());
    QCOMPARE(QFile::permissions(control::socketPath(m_data))
                    & (QFileDevice::ReadOther | QFileDevice::WriteOther),
            QFileDevice::Permissions());
}

void TestControl::noRecorderIsSaidPlainly()
{
    QTemporaryDir empty;
    const CtlRun run = vigilctl(empty.path(), {QStringLiteral("status")});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("No recorder is running for"), run.err.constData());
}

void TestControl::alertsReachClientsAndAreAcknowledged()
{
    // A client subscribed as the window is; the cameras go away (the simulator stops).
    control::RecorderLink link(m_data);
    QSignalSpy alerts(&link, &control::RecorderLink::alertReceived);
    link.start();
    QTRY_VERIFY_WITH_TIMEOUT(link.isConnected(), 10000);
    m_sim.stop();
    QTRY_VERIFY_WITH_TIMEOUT(alerts.size() >= 2, 30000); // one per camera, pushed
    QCOMPARE(alerts.first().first().toJsonObject().value(QLatin1String("kind")).toString(),
            QStringLiteral("camera_offline"));
    QTRY_COMPARE_WITH_TIMEOUT(link.status()
                                      .value(QLatin1String("summary"))
                                      .toObject()
                                      .value(QLatin1String("cameras_online"))
                                      .toInt(),
            0, 15000);
    // Kept in the catalog until a person acknowledges them.
    const auto unacknowledged = [&] {
        const CtlRun run = vigilctl(m_data, {QStringLiteral("alerts"), QStringLiteral("--json")});
        int count = 0;
        for (const QJsonValue& v :
                QJsonDocument::fromJson(run.out).object().value(QLatin1String("alerts")).toArray())
            count += v.toObject().value(QLatin1String("acknowledged_ms")).toInteger() == 0;
        return count;
    };
    QVERIFY(unacknowledged() >= 2);
    const CtlRun ack = vigilctl(
            m_data, {QStringLiteral("alerts"), QStringLiteral("ack"), QStringLiteral("all")});
    QCOMPARE(ack.exitCode, 0);
    QCOMPARE(unacknowledged(), 0);
    QCOMPARE(vigilctl(m_data,
                     {QStringLiteral("alerts"), QStringLiteral("ack"), QStringLiteral("999")})
                     .exitCode,
            3);
}

QTEST_GUILESS_MAIN(TestControl)
#include "tst_control.moc"
