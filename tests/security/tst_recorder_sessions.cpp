// The recorder's control channel carries a session. Once an administrator exists nothing but
// "hello" and "login" is answered without a login; every request and live subscription is
// checked against the user's role and cameras, and refusals are audited. Through the real
// parts: vigil-recorder on two simulated cameras, raw clients on its socket, vigilctl.
#include "core/control/control_protocol.h"
#include "core/runtime/app_context.h"
#include "core/security/access.h"
#include "core/security/audit_log.h"
#include "core/security/user_store.h"
#include "support/process_run.h"
#include "support/recorder_process.h"
#include "support/recording_fixture.h"

#include <QDeadlineTimer>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using security::Access;
using security::Permission;
using security::Role;

namespace {

const QString kPassword = QStringLiteral("session pass 1234");

/// A client on the recorder's socket that keeps every frame, packets included.
class RawClient
{
public:
    bool open(const QString& dataDir)
    {
        m_socket.abort();
        m_socket.connectToServer(control::socketPath(dataDir));
        if (!m_socket.waitForConnected(5000))
            return false;
        return ask({{QStringLiteral("type"), QStringLiteral("hello")},
                           {QStringLiteral("protocol"), control::kProtocolVersion}})
                       .value(QLatin1String("type"))
                == QLatin1String("hello");
    }

    /// Sends a request and returns its reply (empty when none came within 30 s).
    QJsonObject ask(QJsonObject message)
    {
        const qint64 id = m_nextId++;
        message.insert(QStringLiteral("id"), id);
        m_socket.write(control::encodeMessage(message));
        const QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            for (qsizetype i = 0; i < m_messages.size(); ++i) {
                if (m_messages.at(i).value(QLatin1String("id")).toInteger() == id)
                    return m_messages.takeAt(i);
            }
            if (!readSome(deadline))
                break;
        }
        return {};
    }

    QJsonObject login(const QString& user, const QString& password = kPassword)
    {
        return ask(control::loginRequest({user, password}));
    }

    /// Reads until `count` packets of `subscription` arrived (true) or 20 s passed.
    bool waitForPackets(quint32 subscription, int count)
    {
        const QDeadlineTimer deadline(20000);
        while (packets.value(subscription) < count) {
            if (!readSome(deadline))
                return false;
        }
        return true;
    }

    QHash<quint32, int> packets; ///< subscription → packets received

private:
    bool readSome(const QDeadlineTimer& deadline)
    {
        if (m_socket.bytesAvailable() == 0
                && !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
        for (const control::Frame& f : m_reader.feedFrames(m_socket.readAll())) {
            if (f.kind == control::FrameKind::Packet)
                ++packets[f.subscription];
            else
                m_messages << f.message;
        }
        return m_reader.error().isEmpty();
    }

    QLocalSocket m_socket;
    control::FrameReader m_reader {true};
    QList<QJsonObject> m_messages;
    qint64 m_nextId = 1;
};

/// The data folder beside the recorder that holds it.
std::unique_ptr<runtime::AppContext> openFolder(const QString& data)
{
    runtime::AppContext::Options options;
    options.dataDir = data;
    options.logBaseName.clear();
    options.ownership = runtime::AppContext::Ownership::Shared;
    Result<std::unique_ptr<runtime::AppContext>> context = runtime::AppContext::open(options);
    return context ? std::move(context).value() : nullptr;
}

bool refused(const QJsonObject& reply)
{
    return reply.value(QLatin1String("type")) == QLatin1String("error")
            && reply.value(QLatin1String("code")) == QLatin1String("forbidden");
}

QJsonObject request(const QString& type, qint64 camera = 0)
{
    QJsonObject r {{QStringLiteral("type"), type}};
    if (camera > 0)
        r.insert(QStringLiteral("camera"), camera);
    return r;
}

QList<qint64> cameraIds(const QJsonObject& status)
{
    QList<qint64> ids;
    for (const QJsonValue& c : status.value(QLatin1String("cameras")).toArray())
        ids << c.toObject().value(QLatin1String("id")).toInteger();
    return ids;
}

} // namespace

class TestRecorderSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void setupModeNeedsNoLogin();
    void nothingWithoutALogin();
    void roleMatrixThroughTheControlChannel_data();
    void roleMatrixThroughTheControlChannel();
    void aViewerWithoutACameraGetsNothingOfIt();
    void vigilctlStatusLogsIn();
    void aFloodWhileLoggingInIsDropped();
    void noPasswordInTheDataFolder();
    void cleanupTestCase();

private:
    void addUser(const QString& login, Role role, const QList<qint64>& cameras = {});

    QTemporaryDir m_tmp;
    test::CamsimProcess m_sim;
    std::unique_ptr<test::RecorderProcess> m_recorder;
    QString m_data;
    QList<qint64> m_cameras;
};

void TestRecorderSessions::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(m_sim.start(2, test::simArgs()));
    m_data = m_tmp.filePath(QStringLiteral("data"));
    QVERIFY(test::addCameras(m_data, m_sim, 2));
    m_recorder = std::make_unique<test::RecorderProcess>(m_data);
    QVERIFY(m_recorder->started());
}

void TestRecorderSessions::cleanupTestCase()
{
    if (m_recorder)
        QVERIFY(m_recorder->stop());
}

void TestRecorderSessions::addUser(const QString& login, Role role, const QList<qint64>& cameras)
{
    const std::unique_ptr<runtime::AppContext> context = openFolder(m_data);
    QVERIFY(context);
    security::UserStore users(context->catalog());
    QVERIFY(users.add(login, {}, role, kPassword));
    if (!cameras.isEmpty())
        QVERIFY(users.setCameraAccess(login, false, cameras));
}

void TestRecorderSessions::setupModeNeedsNoLogin()
{
    // No administrator yet: every client is let in, as vigilctl is.
    RawClient client;
    QTRY_VERIFY_WITH_TIMEOUT(client.open(m_data), 30000);
    QJsonObject status;
    QTRY_VERIFY_WITH_TIMEOUT(((status = client.ask(request(QStringLiteral("status")))),
                                     cameraIds(status).size() == 2),
            30000);
    m_cameras = cameraIds(status);
    QVERIFY(client.ask(request(QStringLiteral("reload"))).value(QLatin1String("type"))
            == QLatin1String("ok"));

    // The users of the rest of this test; from now on a login is needed.
    addUser(QStringLiteral("ada"), Role::Administrator);
    addUser(QStringLiteral("sue"), Role::Supervisor);
    addUser(QStringLiteral("carl"), Role::Clerk);
    addUser(QStringLiteral("vic"), Role::Viewer);
    addUser(QStringLiteral("vera"), Role::Viewer, {m_cameras.first()});
}

void TestRecorderSessions::nothingWithoutALogin()
{
    RawClient client;
    QVERIFY(client.open(m_data));
    for (const QString& type :
            {QStringLiteral("status"), QStringLiteral("subscribe"), QStringLiteral("reload")})
        QVERIFY2(refused(client.ask(request(type))), qPrintable(type));
    QVERIFY(refused(client.ask(request(QStringLiteral("live_subscribe"), m_cameras.first()))));
    QVERIFY(refused(client.ask(request(QStringLiteral("trigger"), m_cameras.first()))));
    QVERIFY(client.packets.isEmpty());

    // A wrong password is refused, and so is an unknown user, with the same words.
    const QJsonObject wrong = client.login(QStringLiteral("ada"), QStringLiteral("nope nope nope"));
    const QJsonObject unknown = client.login(QStringLiteral("nobody"));
    QCOMPARE(wrong.value(QLatin1String("code")).toString(), QStringLiteral("login_failed"));
    QCOMPARE(unknown.value(QLatin1String("message")), wrong.value(QLatin1String("message")));
    QVERIFY(refused(client.ask(request(QStringLiteral("status")))));

    // The right one opens the session; a logout closes it.
    const QJsonObject in = client.login(QStringLiteral("ada"));
    QCOMPARE(in.value(QLatin1String("type")).toString(), QStringLiteral("logged_in"));
    QCOMPARE(in.value(QLatin1String("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(client.ask(request(QStringLiteral("status"))).value(QLatin1String("type")),
            QStringLiteral("status"));
    QCOMPARE(client.ask(request(QStringLiteral("logout"))).value(QLatin1String("type")),
            QStringLiteral("ok"));
    QVERIFY(refused(client.ask(request(QStringLiteral("status")))));
}

void TestRecorderSessions::roleMatrixThroughTheControlChannel_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("role");
    QTest::newRow("administrator") << QStringLiteral("ada") << int(Role::Administrator);
    QTest::newRow("supervisor") << QStringLiteral("sue") << int(Role::Supervisor);
    QTest::newRow("clerk") << QStringLiteral("carl") << int(Role::Clerk);
    QTest::newRow("viewer") << QStringLiteral("vic") << int(Role::Viewer);
}

void TestRecorderSessions::roleMatrixThroughTheControlChannel()
{
    QFETCH(QString, user);
    QFETCH(int, role);
    RawClient client;
    QVERIFY(client.open(m_data));
    QCOMPARE(client.login(user).value(QLatin1String("type")), QStringLiteral("logged_in"));
    const qint64 camera = m_cameras.first();

    struct Operation
    {
        QJsonObject request;
        std::optional<Permission> needs; ///< none: any logged-in user
    };
    const QList<Operation> operations {
            {request(QStringLiteral("status")), std::nullopt},
            {request(QStringLiteral("subscribe")), std::nullopt},
            {request(QStringLiteral("reload")), Permission::ManageCameras},
            {request(QStringLiteral("trigger"), camera), Permission::ManageCameras},
            {request(QStringLiteral("live_subscribe"), camera), Permission::ViewLive},
    };
    for (const Operation& op : operations) {
        const bool expected = !op.needs || Access::roleHas(Role(role), *op.needs);
        const QJsonObject reply = client.ask(op.request);
        QVERIFY2(!reply.isEmpty(), qPrintable(op.request.value(QLatin1String("type")).toString()));
        QVERIFY2(refused(reply) == !expected,
                qPrintable(QStringLiteral("%1 %2: %3")
                                   .arg(user, op.request.value(QLatin1String("type")).toString(),
                                           QString::fromUtf8(QJsonDocument(reply).toJson(
                                                   QJsonDocument::Compact)))));
    }
    // The matrix itself, as the issue states it: a viewer watches and changes nothing.
    if (Role(role) == Role::Viewer) {
        QVERIFY(refused(client.ask(request(QStringLiteral("reload")))));
        QVERIFY(!refused(client.ask(request(QStringLiteral("live_subscribe"), camera))));
    }

    // Refusals are in the audit log under the user's name.
    const std::unique_ptr<runtime::AppContext> context = openFolder(m_data);
    QVERIFY(context);
    security::AuditLog log(context->catalog(), context->dataDir().keysPath());
    security::AuditFilter filter;
    filter.login = user;
    filter.action = QStringLiteral("refused");
    Result<QList<security::AuditEntry>> rows = QList<security::AuditEntry> {};
    const int expectedRefusals = Access::roleHas(Role(role), Permission::ManageCameras)
            ? 0
            : (Role(role) == Role::Viewer ? 3 : 2);
    QTRY_VERIFY_WITH_TIMEOUT((rows = log.list(filter)) && rows->size() == expectedRefusals, 10000);
}

void TestRecorderSessions::aViewerWithoutACameraGetsNothingOfIt()
{
    const qint64 allowed = m_cameras.first();
    const qint64 other = m_cameras.last();
    RawClient vera;
    QVERIFY(vera.open(m_data));
    QCOMPARE(vera.login(QStringLiteral("vera")).value(QLatin1String("type")),
            QStringLiteral("logged_in"));
    // Status and alerts name only her camera.
    QCOMPARE(cameraIds(vera.ask(request(QStringLiteral("status")))), QList<qint64> {allowed});
    QVERIFY(refused(vera.ask(request(QStringLiteral("live_subscribe"), other))));
    const QJsonObject mine = vera.ask(request(QStringLiteral("live_subscribe"), allowed));
    QCOMPARE(mine.value(QLatin1String("type")).toString(), QStringLiteral("live_subscribed"));
    const auto subscription = quint32(mine.value(QLatin1String("subscription")).toInteger());
    QVERIFY(vera.waitForPackets(subscription, 50));
    // Every packet she got belongs to her one subscription.
    QCOMPARE(vera.packets.keys(), QList<quint32> {subscription});

    // A viewer with every camera gets the other one's packets: the refusal was about her.
    RawClient vic;
    QVERIFY(vic.open(m_data));
    QCOMPARE(vic.login(QStringLiteral("vic")).value(QLatin1String("type")),
            QStringLiteral("logged_in"));
    const QJsonObject theirs = vic.ask(request(QStringLiteral("live_subscribe"), other));
    QCOMPARE(theirs.value(QLatin1String("type")).toString(), QStringLiteral("live_subscribed"));
    QVERIFY(vic.waitForPackets(
            quint32(theirs.value(QLatin1String("subscription")).toInteger()), 20));
}

void TestRecorderSessions::vigilctlStatusLogsIn()
{
    const QString ctl = QStringLiteral(VIGIL_BIN_DIR "/vigilctl");
    const QStringList dir {QStringLiteral("--data-dir"), m_data};
    const test::Run anonymous = test::run(ctl, dir + QStringList {QStringLiteral("status")});
    QCOMPARE(anonymous.exitCode, 3);
    QVERIFY2(anonymous.err.contains(QLatin1String("Log in first")), qPrintable(anonymous.err));

    QProcessEnvironment env;
    env.insert(QStringLiteral("VIGIL_PASSWORD"), kPassword);
    const test::Run vera = test::run(ctl,
            dir
                    + QStringList {QStringLiteral("--login"), QStringLiteral("vera"),
                            QStringLiteral("status"), QStringLiteral("--json")},
            env);
    QCOMPARE(vera.exitCode, 0);
    QCOMPARE(cameraIds(QJsonDocument::fromJson(vera.out.toUtf8()).object()),
            QList<qint64> {m_cameras.first()});

    env.insert(QStringLiteral("VIGIL_PASSWORD"), QStringLiteral("not her password"));
    const test::Run wrong = test::run(ctl,
            dir
                    + QStringList {QStringLiteral("--login"), QStringLiteral("vera"),
                            QStringLiteral("status")},
            env);
    QCOMPARE(wrong.exitCode, 3);
    QVERIFY2(wrong.err.contains(QLatin1String("Wrong user name or password")),
            qPrintable(wrong.err));
}

void TestRecorderSessions::aFloodWhileLoggingInIsDropped()
{
    // Requests wait, in order, while a login is checked (Argon2id takes a while); a client
    // that piles up more than the recorder keeps is dropped, and the others never notice.
    QLocalSocket flood;
    flood.connectToServer(control::socketPath(m_data));
    QVERIFY(flood.waitForConnected(5000));
    QByteArray bytes = control::encodeMessage({{QStringLiteral("type"), QStringLiteral("hello")},
                               {QStringLiteral("protocol"), control::kProtocolVersion}})
            + control::encodeMessage(control::loginRequest({QStringLiteral("ada"), kPassword}));
    for (int i = 0; i < 1500; ++i)
        bytes += control::encodeMessage({{QStringLiteral("type"), QStringLiteral("status")}});
    flood.write(bytes);
    QTRY_COMPARE_WITH_TIMEOUT(flood.state(), QLocalSocket::UnconnectedState, 20000);

    RawClient other;
    QVERIFY(other.open(m_data));
    QCOMPARE(other.login(QStringLiteral("ada")).value(QLatin1String("type")),
            QStringLiteral("logged_in"));
    QCOMPARE(other.ask(request(QStringLiteral("status"))).value(QLatin1String("type")),
            QStringLiteral("status"));
}

void TestRecorderSessions::noPasswordInTheDataFolder()
{
    // The passwords sent over the channel are checked, never kept: not in the catalog, its WAL,
    // the logs or anything else in the folder (the recorder still runs: nothing flushed yet
    // would hide it later either — the logs are written as they go).
    QByteArray all;
    QDirIterator it(m_data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.fileName().endsWith(QLatin1String(".sock")) || !f.open(QIODevice::ReadOnly))
            continue;
        all += f.readAll();
    }
    QVERIFY(all.size() > 10000);
    QVERIFY(!all.contains(kPassword.toUtf8()));
    QVERIFY(!all.contains(QByteArrayLiteral("not her password")));
}

QTEST_GUILESS_MAIN(TestRecorderSessions)
#include "tst_recorder_sessions.moc"
