// vigilctl's camera commands end to end against simulated cameras: discover, probe, add (with
// right and wrong passwords), list, streams that play, remove and re-add; the sealed passwords.
#include "catalog/catalog_test_util.h"
#include "core/security/credential_vault.h"
#include "support/camsim_process.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

const QString kUser = QStringLiteral("clerk");
const QString kPassword = QStringLiteral("Town Hall #7");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run vigilctl(const QStringList& args, const QProcessEnvironment& env = {})
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"), args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestCameraCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void discoverListsEveryCamera();
    void probePrintsProfiles();
    void addListPlayRemove();
    void wrongPasswordAddsNothing();
    void wrongXAddrDiscoveredThenAdded();
    void cameraAtANewAddressIsUpdated();
    void plainRtspCamera();
    void vaultSealsAndRefusesTampering();
    void passwordNeverOnTheCommandLine();
    void dataFolderIsPrivate();

private:
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    vigil::test::CamsimProcess m_sim;
    QTemporaryDir m_dir;
};

void TestCameraCommands::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sim.start(4,
            {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
                    QStringLiteral("--ptz"), QStringLiteral("2")}));
}

void TestCameraCommands::discoverListsEveryCamera()
{
    QElapsedTimer timer;
    timer.start();
    const Run r = vigilctl(
            {QStringLiteral("discover"), QStringLiteral("--interface"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("--json"), QStringLiteral("--data-dir"), dataDir()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(timer.elapsed() < 5000);
    QSet<QString> found;
    for (const QJsonValue& v : QJsonDocument::fromJson(r.out).array())
        found << v.toObject().value(QStringLiteral("endpoint")).toString();
    for (int i = 0; i < 4; ++i)
        QVERIFY2(found.contains(m_sim.endpoint(i, "uuid")), r.out.constData());
}

void TestCameraCommands::probePrintsProfiles()
{
    const Run r = vigilctl({QStringLiteral("probe"), m_sim.endpoint(1, "device_service"),
            QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
            QStringLiteral("--json"), QStringLiteral("--data-dir"), dataDir()});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("Vigil"));
    QVERIFY(o.value(QStringLiteral("ptz")).toBool());
    const QJsonArray profiles = o.value(QStringLiteral("profiles")).toArray();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).toObject().value(QStringLiteral("stream_uri")).toString(),
            m_sim.endpoint(1, "rtsp_main"));
    QCOMPARE(profiles.at(1).toObject().value(QStringLiteral("stream_uri")).toString(),
            m_sim.endpoint(1, "rtsp_sub"));
    QCOMPARE(o.value(QStringLiteral("main_profile")).toString(), QStringLiteral("Profile_1"));
    QCOMPARE(o.value(QStringLiteral("sub_profile")).toString(), QStringLiteral("Profile_2"));
}

void TestCameraCommands::addListPlayRemove()
{
    for (int i = 0; i < 4; ++i) {
        const Run r = vigilctl({QStringLiteral("camera"), QStringLiteral("add"),
                m_sim.endpoint(i, "device_service"), QStringLiteral("--user"), kUser,
                QStringLiteral("--password"), kPassword, QStringLiteral("--data-dir"), dataDir()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }
    const Run again = vigilctl({QStringLiteral("camera"), QStringLiteral("add"),
            m_sim.endpoint(0, "device_service"), QStringLiteral("--user"), kUser,
            QStringLiteral("--password"), kPassword, QStringLiteral("--data-dir"), dataDir()});
    QCOMPARE(again.exitCode, 3);
    QVERIFY(again.err.contains("already in Vigil"));

    const Run list = vigilctl({QStringLiteral("camera"), QStringLiteral("list"),
            QStringLiteral("--json"), QStringLiteral("--data-dir"), dataDir()});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray cameras = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(cameras.size(), 4);
    for (const QJsonValue& v : cameras) {
        const QJsonObject streams = v.toObject().value(QStringLiteral("streams")).toObject();
        const QString main = streams.value(QStringLiteral("main"))
                                     .toObject()
                                     .value(QStringLiteral("uri"))
                                     .toString();
        const QString sub = streams.value(QStringLiteral("sub"))
                                    .toObject()
                                    .value(QStringLiteral("uri"))
                                    .toString();
        QCOMPARE(vigil::test::probeVideo(vigil::test::withCredentials(main, kUser, kPassword)),
                QStringLiteral("h264 1920x1080"));
        QCOMPARE(vigil::test::probeVideo(vigil::test::withCredentials(sub, kUser, kPassword)),
                QStringLiteral("h264 640x360"));
        QCOMPARE(v.toObject().value(QStringLiteral("user")).toString(), kUser);
    }
    QVERIFY(cameras.at(1).toObject().value(QStringLiteral("ptz")).toBool());

    // The password is in the catalog only sealed.
    {
        vigil::test::RawDb raw(dataDir() + QStringLiteral("/vigil.sqlite"));
        QSqlQuery q(raw.db());
        QVERIFY(q.exec(QStringLiteral("SELECT secret FROM cameras")));
        while (q.next()) {
            QVERIFY(!q.value(0).toByteArray().contains(kPassword.toUtf8()));
            const auto vault = vigil::security::CredentialVault::open(
                    dataDir() + QStringLiteral("/keys/credentials.key"));
            QVERIFY(vault);
            QCOMPARE(vault->unseal(q.value(0).toByteArray()).value(), kPassword);
        }
    }

    const qint64 id = cameras.at(2).toObject().value(QStringLiteral("id")).toInteger();
    QCOMPARE(vigilctl({QStringLiteral("camera"), QStringLiteral("remove"), QString::number(id),
                              QStringLiteral("--data-dir"), dataDir()})
                     .exitCode,
            0);
    const Run gone = vigilctl({QStringLiteral("camera"), QStringLiteral("remove"),
            QString::number(id), QStringLiteral("--data-dir"), dataDir()});
    QCOMPARE(gone.exitCode, 3);
    QVERIFY(gone.err.contains("There is no camera"));
    QCOMPARE(QJsonDocument::fromJson(vigilctl({QStringLiteral("camera"), QStringLiteral("list"),
                                                      QStringLiteral("--json"),
                                                      QStringLiteral("--data-dir"), dataDir()})
                                             .out)
                     .array()
                     .size(),
            3);
    // Adding it again brings the same camera (same id) back.
    const Run readd = vigilctl(
            {QStringLiteral("camera"), QStringLiteral("add"), m_sim.endpoint(2, "device_service"),
                    QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
                    QStringLiteral("--json"), QStringLiteral("--data-dir"), dataDir()});
    QCOMPARE(readd.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(readd.out).object().value(QStringLiteral("id")).toInteger(),
            id);
}

void TestCameraCommands::wrongPasswordAddsNothing()
{
    const QString dir = m_dir.filePath(QStringLiteral("wrong"));
    const Run r = vigilctl(
            {QStringLiteral("camera"), QStringLiteral("add"), m_sim.endpoint(3, "device_service"),
                    QStringLiteral("--user"), kUser, QStringLiteral("--password"),
                    QStringLiteral("guess"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("refused the user name or password"), r.err.constData());
    QCOMPARE(vigilctl({QStringLiteral("camera"), QStringLiteral("list"), QStringLiteral("--json"),
                              QStringLiteral("--data-dir"), dir})
                     .out.trimmed(),
            QByteArray("[\n]"));
}

void TestCameraCommands::wrongXAddrDiscoveredThenAdded()
{
    // A camera whose XAddrs name a host where nothing answers (stale, NAT'd, link-local): what
    // discovery prints must be an address that `camera add` can use.
    vigil::test::CamsimProcess stale;
    QVERIFY(stale.start(1,
            {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
                    QStringLiteral("--quirks"), QStringLiteral("wrong-xaddr")}));
    const QString dir = m_dir.filePath(QStringLiteral("stale"));
    const Run r = vigilctl(
            {QStringLiteral("discover"), QStringLiteral("--interface"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("--json"), QStringLiteral("--data-dir"), dir});
    QCOMPARE(r.exitCode, 0);
    QJsonObject found;
    for (const QJsonValue& v : QJsonDocument::fromJson(r.out).array()) {
        if (v.toObject().value(QStringLiteral("endpoint")).toString() == stale.endpoint(0, "uuid"))
            found = v.toObject();
    }
    QVERIFY2(!found.isEmpty(), r.out.constData());
    // The simulator prints what it advertises (127.0.0.2); it answers on 127.0.0.1.
    QUrl reachable(stale.endpoint(0, "device_service"));
    QCOMPARE(reachable.host(), QStringLiteral("127.0.0.2"));
    reachable.setHost(QStringLiteral("127.0.0.1"));
    const QUrl printed(found.value(QStringLiteral("device_service")).toString());
    QCOMPARE(printed.host(), reachable.host());
    QCOMPARE(printed.port(), reachable.port());
    QCOMPARE(printed.path(), reachable.path());
    // The advertised (dead) addresses are still there for whoever wants them.
    const QJsonArray xaddrs = found.value(QStringLiteral("xaddrs")).toArray();
    QVERIFY(!xaddrs.isEmpty());
    QVERIFY(QUrl(xaddrs.first().toString()).host() != reachable.host());

    const Run added = vigilctl({QStringLiteral("camera"), QStringLiteral("add"), printed.toString(),
            QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
            QStringLiteral("--json"), QStringLiteral("--data-dir"), dir});
    QVERIFY2(added.exitCode == 0, added.err.constData());

    // With rewriting switched off, discovery shows what the camera advertised.
    const Run raw = vigilctl({QStringLiteral("discover"), QStringLiteral("--interface"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--json"), QStringLiteral("--no-rewrite"),
            QStringLiteral("--data-dir"), dir});
    QCOMPARE(raw.exitCode, 0);
    bool seen = false;
    for (const QJsonValue& v : QJsonDocument::fromJson(raw.out).array()) {
        if (v.toObject().value(QStringLiteral("endpoint")).toString()
                == stale.endpoint(0, "uuid")) {
            seen = true;
            QCOMPARE(QUrl(v.toObject().value(QStringLiteral("device_service")).toString()).host(),
                    QUrl(xaddrs.first().toString()).host());
        }
    }
    QVERIFY(seen);
}

void TestCameraCommands::cameraAtANewAddressIsUpdated()
{
    // The same simulated site restarted on other ports: the same cameras (UUID, serial, MAC)
    // at new addresses, as after a DHCP renewal.
    const QString dir = m_dir.filePath(QStringLiteral("moved"));
    const QStringList site {QStringLiteral("--user"), kUser, QStringLiteral("--password"),
            kPassword, QStringLiteral("--site"), QStringLiteral("moved-site")};
    vigil::test::CamsimProcess before;
    QVERIFY(before.start(1, site));
    const QString uuid = before.endpoint(0, "uuid");
    const QString oldAddress = before.endpoint(0, "device_service");
    const Run added = vigilctl({QStringLiteral("camera"), QStringLiteral("add"), oldAddress,
            QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
            QStringLiteral("--json"), QStringLiteral("--data-dir"), dir});
    QVERIFY2(added.exitCode == 0, added.err.constData());
    const qint64 id
            = QJsonDocument::fromJson(added.out).object().value(QStringLiteral("id")).toInteger();
    before.stop();

    vigil::test::CamsimProcess after;
    QVERIFY(after.start(1, site));
    QCOMPARE(after.endpoint(0, "uuid"), uuid);
    const QString newAddress = after.endpoint(0, "device_service");
    QVERIFY(newAddress != oldAddress);
    const Run moved = vigilctl({QStringLiteral("camera"), QStringLiteral("add"), newAddress,
            QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
            QStringLiteral("--json"), QStringLiteral("--data-dir"), dir});
    QVERIFY2(moved.exitCode == 0, moved.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(moved.out).object();
    QCOMPARE(o.value(QStringLiteral("id")).toInteger(), id);
    QVERIFY(o.value(QStringLiteral("moved")).toBool());
    QCOMPARE(o.value(QStringLiteral("previous_address")).toString(), oldAddress);

    const QJsonArray cameras = QJsonDocument::fromJson(
            vigilctl({QStringLiteral("camera"), QStringLiteral("list"), QStringLiteral("--json"),
                             QStringLiteral("--data-dir"), dir})
                    .out)
                                       .array();
    QCOMPARE(cameras.size(), 1);
    const QJsonObject camera = cameras.first().toObject();
    QCOMPARE(camera.value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(camera.value(QStringLiteral("device_service")).toString(), newAddress);
    const QString main = camera.value(QStringLiteral("streams"))
                                 .toObject()
                                 .value(QStringLiteral("main"))
                                 .toObject()
                                 .value(QStringLiteral("uri"))
                                 .toString();
    QCOMPARE(main, after.endpoint(0, "rtsp_main"));
    QCOMPARE(vigil::test::probeVideo(vigil::test::withCredentials(main, kUser, kPassword)),
            QStringLiteral("h264 1920x1080"));

    // Where it now is, it is refused: it is already there.
    const Run again = vigilctl({QStringLiteral("camera"), QStringLiteral("add"), newAddress,
            QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
            QStringLiteral("--data-dir"), dir});
    QCOMPARE(again.exitCode, 3);
    QVERIFY2(again.err.contains("already in Vigil (camera"), again.err.constData());
}

void TestCameraCommands::plainRtspCamera()
{
    const QString dir = m_dir.filePath(QStringLiteral("rtsp"));
    QString url = vigil::test::withCredentials(m_sim.endpoint(0, "rtsp_sub"), kUser, kPassword);
    const Run r = vigilctl({QStringLiteral("camera"), QStringLiteral("add"), url,
            QStringLiteral("--name"), QStringLiteral("Gate"), QStringLiteral("--data-dir"), dir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject camera = QJsonDocument::fromJson(
            vigilctl({QStringLiteral("camera"), QStringLiteral("list"), QStringLiteral("--json"),
                             QStringLiteral("--data-dir"), dir})
                    .out)
                                       .array()
                                       .first()
                                       .toObject();
    QCOMPARE(camera.value(QStringLiteral("name")).toString(), QStringLiteral("Gate"));
    QCOMPARE(camera.value(QStringLiteral("user")).toString(), kUser);
    // The credentials left the URL.
    QCOMPARE(camera.value(QStringLiteral("streams"))
                     .toObject()
                     .value(QStringLiteral("main"))
                     .toObject()
                     .value(QStringLiteral("uri"))
                     .toString(),
            m_sim.endpoint(0, "rtsp_sub"));
}

void TestCameraCommands::vaultSealsAndRefusesTampering()
{
    const QString key = m_dir.filePath(QStringLiteral("k/credentials.key"));
    const auto vault = vigil::security::CredentialVault::open(key);
    QVERIFY(vault);
    QCOMPARE(QFileInfo(key).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
            QFileDevice::Permissions());
    const QByteArray a = vault->seal(QStringLiteral("pässwörd"));
    QVERIFY(a != vault->seal(QStringLiteral("pässwörd"))); // a fresh nonce each time
    QCOMPARE(vault->unseal(a).value(), QStringLiteral("pässwörd"));
    QByteArray tampered = a;
    tampered[tampered.size() - 1] = char(tampered.at(tampered.size() - 1) ^ 1);
    QVERIFY(!vault->unseal(tampered));
    QVERIFY(!vault->unseal(QByteArray("short")));
    const auto other = vigil::security::CredentialVault::open(
            m_dir.filePath(QStringLiteral("other/credentials.key")));
    QVERIFY(!other->unseal(a));
    // Reopening reads the same key.
    QCOMPARE(vigil::security::CredentialVault::open(key)->unseal(a).value(),
            QStringLiteral("pässwörd"));
}

void TestCameraCommands::passwordNeverOnTheCommandLine()
{
    // --password shows in `ps`: a file or the environment carry it instead, and --help says so.
    const QString file = m_dir.filePath(QStringLiteral("camera-password"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kPassword.toUtf8() + "\n");
    }
    const QString device = m_sim.endpoint(2, "device_service");
    Run r = vigilctl({QStringLiteral("probe"), device, QStringLiteral("--user"), kUser,
            QStringLiteral("--password-file"), file});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIL_CAMERA_PASSWORD"), kPassword);
    r = vigilctl({QStringLiteral("probe"), device, QStringLiteral("--user"), kUser}, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    env.insert(QStringLiteral("VIGIL_CAMERA_PASSWORD"), QStringLiteral("wrong"));
    r = vigilctl({QStringLiteral("probe"), device, QStringLiteral("--user"), kUser}, env);
    QVERIFY(r.exitCode != 0);
    r = vigilctl({QStringLiteral("probe"), device, QStringLiteral("--user"), kUser,
            QStringLiteral("--password-file"), m_dir.filePath(QStringLiteral("missing"))});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.err.contains("password file"));
    const Run help = vigilctl({QStringLiteral("--help")});
    QVERIFY(help.out.contains("--password-file"));
    QVERIFY(help.out.contains("VIGIL_CAMERA_PASSWORD"));
}

void TestCameraCommands::dataFolderIsPrivate()
{
    // The catalog, its WAL, logs and footage folders were 0644/0755 beside the 0600 key.
    const QString data = m_dir.filePath(QStringLiteral("private"));
    const Run r = vigilctl({QStringLiteral("camera"), QStringLiteral("add"),
            QStringLiteral("rtsp://127.0.0.1:9/x"), QStringLiteral("--data-dir"), data});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const auto mode = [](const QString& path) {
        struct stat st
        { };
        return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
    };
    QCOMPARE(mode(data), 0750);
    QCOMPARE(mode(data + QStringLiteral("/vigil.sqlite")), 0640);
    QCOMPARE(mode(data + QStringLiteral("/logs")), 0750);
    QCOMPARE(mode(data + QStringLiteral("/keys/credentials.key")), 0600);
    for (const QString& log : QDir(data + QStringLiteral("/logs")).entryList(QDir::Files))
        QCOMPARE(mode(data + QStringLiteral("/logs/") + log), 0640);
}

QTEST_GUILESS_MAIN(TestCameraCommands)
#include "tst_camera_commands.moc"
