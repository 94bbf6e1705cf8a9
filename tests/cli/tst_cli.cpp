// The executables as a user runs them: --version, `vigil --data-dir` staying up until closed,
// and every bad-input case of the issue through vigilctl (exit codes, messages, files untouched).
#include "catalog/catalog_test_util.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/catalog/settings_store.h"
#include "core/runtime/app_context.h"
#include "support/process_run.h"
#include "support/recording_fixture.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {

const QString kVigil = QStringLiteral(VIGIL_BIN_DIR "/vigil");
const QString kVigilctl = QStringLiteral(VIGIL_BIN_DIR "/vigilctl");

using vigil::test::Run;
using vigil::test::run;

/// Every file and folder under `folder` (hidden ones too), sorted.
QStringList everythingUnder(const QString& folder)
{
    QStringList found;
    QDirIterator it(folder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
            QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    found.sort();
    return found;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void versions_data();
    void versions();
    void guiRunsUntilClosed();
    void recordingOutlivesTheWindow();
    void demoShowsSimulatedCameras();
    void restartedDemoRecordsItsFourCameras();
    void ctlInfo();
    void ctlSettingsRoundTrip();
    void ctlUsageErrors();
    void ctlRefusesUnwritableDataDir();
    void ctlRefusesCorruptCatalog();
    void ctlRefusesNewerCatalog();
    void ctlReportsLockedCatalog();
    void ctlSpeaksSpanish();
    void otherProgramsSeeARunningVigilsWrites();
    void ctlReadsAFolderItMayNotWrite_data();
    void ctlReadsAFolderItMayNotWrite();

private:
    /// The pid of the recorder answering for the data folder, 0 when none answers.
    qint64 recorderPid();
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QString catalogPath() const { return dataDir() + QStringLiteral("/vigil.sqlite"); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

qint64 TestCli::recorderPid()
{
    const Run r = run(kVigilctl,
            {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("status"),
                    QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out.toUtf8())
            .object()
            .value(QLatin1String("recorder"))
            .toObject()
            .value(QLatin1String("pid"))
            .toInteger();
}

void TestCli::cleanup()
{
    // A window starts a recorder that outlives it: stop the one of this test's folder.
    if (const qint64 pid = recorderPid(); pid > 0) {
        ::kill(pid_t(pid), SIGTERM);
        QTRY_VERIFY_WITH_TIMEOUT(
                recorderPid() == 0 && !QFile::exists(QStringLiteral("/proc/%1").arg(pid)), 30000);
    }
}

void TestCli::versions_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("vigil") << kVigil;
    QTest::newRow("vigilctl") << kVigilctl;
    QTest::newRow("vigil-recorder") << QStringLiteral(VIGIL_BIN_DIR "/vigil-recorder");
}

void TestCli::versions()
{
    QFETCH(QString, program);
    // No display needed for --version, even for the GUI.
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(program, {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QString out = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    QVERIFY2(QRegularExpression(QStringLiteral("^vigil \\d+\\.\\d+\\.\\d+$")).match(out).hasMatch(),
            qPrintable(out));
}

void TestCli::guiRunsUntilClosed()
{
    QProcess vigil;
    vigil.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("vigil.*.info=true"));
    vigil.setProcessEnvironment(env);
    vigil.start(kVigil, {QStringLiteral("--data-dir"), dataDir()});
    QVERIFY(vigil.waitForStarted());

    // Up and showing its window: the catalog exists with its schema version and the log says so.
    const QString log = dataDir() + QStringLiteral("/logs/vigil.log");
    auto logText = [&] {
        QFile f(log);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(logText().contains(QLatin1String("main window shown")), 30000);
    QVERIFY(QFile::exists(catalogPath()));
    {
        vigil::test::RawDb raw(catalogPath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(),
                vigil::catalog::Catalog::latestSchemaVersion());
    }
    QCOMPARE(vigil.state(), QProcess::Running);

    // The window is a client: it started the data folder's recorder, and a second window runs
    // beside it, following the same recorder.
    QTRY_VERIFY_WITH_TIMEOUT(recorderPid() > 0, 30000);
    const qint64 recorder = recorderPid();
    QProcess second;
    second.setProcessChannelMode(QProcess::MergedChannels);
    second.setProcessEnvironment(env);
    second.start(kVigil, {QStringLiteral("--data-dir"), dataDir()});
    QTRY_VERIFY_WITH_TIMEOUT(
            logText().count(QLatin1String("connected to the recorder")) >= 2, 30000);
    QCOMPARE(recorderPid(), recorder);
    ::kill(pid_t(second.processId()), SIGTERM);
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(vigil.state(), QProcess::Running);

    // Closing (SIGTERM, as a session manager does) ends the window cleanly; the recorder, and
    // its hold on the folder, stay.
    ::kill(pid_t(vigil.processId()), SIGTERM);
    QVERIFY(vigil.waitForFinished(30000));
    QCOMPARE(vigil.exitStatus(), QProcess::NormalExit);
    QCOMPARE(vigil.exitCode(), 0);
    QCOMPARE(recorderPid(), recorder);
    QVERIFY(QFile::exists(dataDir() + QStringLiteral("/vigil.lock")));
    // Stopped in turn, the recorder lets the folder go.
    ::kill(pid_t(recorder), SIGTERM);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(dataDir() + QStringLiteral("/vigil.lock")), 30000);
}

void TestCli::recordingOutlivesTheWindow()
{
    // A camera, a window that starts the recorder, then the window closed normally, and another
    // window killed (SIGKILL: a crash, a forced log-out): recording goes on through both, in
    // the same recorder, and new files keep coming.
    vigil::test::CamsimProcess sim;
    QVERIFY(sim.start(1, vigil::test::simArgs()));
    QVERIFY(vigil::test::addCameras(dataDir(), sim, 1));
    QVERIFY(vigil::test::setSetting(
            dataDir(), QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")));
    QProcess vigil;
    vigil.start(kVigil, {QStringLiteral("--data-dir"), dataDir()});
    QVERIFY(vigil.waitForStarted());
    const auto recording = [&] {
        const Run r = run(kVigilctl,
                {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("status"),
                        QStringLiteral("--json")});
        return QJsonDocument::fromJson(r.out.toUtf8())
                .object()
                .value(QLatin1String("summary"))
                .toObject()
                .value(QLatin1String("cameras_recording"))
                .toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(recording(), 1, 30000);
    const qint64 recorder = recorderPid();
    QVERIFY(recorder > 0);

    // Closed normally (SIGTERM: what logging out does; the same quit as File ▸ Quit).
    ::kill(pid_t(vigil.processId()), SIGTERM);
    QVERIFY(vigil.waitForFinished(30000));
    QCOMPARE(vigil.exitCode(), 0);
    qsizetype before = vigil::test::segmentList(dataDir(), 1).size();
    QTRY_VERIFY_WITH_TIMEOUT(vigil::test::segmentList(dataDir(), 1).size() >= before + 2, 90000);
    QCOMPARE(recorderPid(), recorder);

    // A new window follows the same recorder (it starts no other), and is killed.
    vigil.start(kVigil, {QStringLiteral("--data-dir"), dataDir()});
    QVERIFY(vigil.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(recording(), 1, 30000);
    ::kill(pid_t(vigil.processId()), SIGKILL);
    QVERIFY(vigil.waitForFinished(10000));
    before = vigil::test::segmentList(dataDir(), 1).size();
    QTRY_VERIFY_WITH_TIMEOUT(vigil::test::segmentList(dataDir(), 1).size() >= before + 2, 90000);
    QCOMPARE(recording(), 1);
    QCOMPARE(recorderPid(), recorder);
}

void TestCli::demoShowsSimulatedCameras()
{
    QProcess vigil;
    vigil.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("vigil.*.info=true"));
    env.insert(QStringLiteral("VIGIL_CAMSIM_CACHE_DIR"),
            QStringLiteral(VIGIL_BUILD_DIR "/camsim-cache"));
    vigil.setProcessEnvironment(env);
    vigil.start(kVigil, {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dataDir()});
    QString output;
    const QRegularExpression discovered(QStringLiteral("demo: (\\d+) cameras discovered"));
    QTRY_VERIFY_WITH_TIMEOUT(
            discovered.match(output += QString::fromUtf8(vigil.readAll())).hasMatch(), 60000);
    QVERIFY2(discovered.match(output).captured(1).toInt() >= 4, qPrintable(output));
    const QRegularExpressionMatch started
            = QRegularExpression(QStringLiteral("simulator started \\(pid (\\d+)")).match(output);
    QVERIFY2(started.hasMatch(), qPrintable(output));
    const QString simulatorProc = QStringLiteral("/proc/") + started.captured(1);
    QVERIFY(QFile::exists(simulatorProc));
    QTRY_VERIFY_WITH_TIMEOUT(recorderPid() > 0, 30000);

    // Closing Vigil takes its simulator with it.
    ::kill(pid_t(vigil.processId()), SIGTERM);
    QVERIFY(vigil.waitForFinished(30000));
    QCOMPARE(vigil.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(simulatorProc), 10000);
    // The demo records only while it is open: its recorder stops too.
    QTRY_COMPARE_WITH_TIMEOUT(recorderPid(), qint64(0), 30000);
}

void TestCli::restartedDemoRecordsItsFourCameras()
{
    // The demo's cameras are the same (identities and ports) at every start: the four cameras a
    // clerk added are all online, and recorded, after Vigil is restarted.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("vigil.*.info=true"));
    env.insert(QStringLiteral("VIGIL_CAMSIM_CACHE_DIR"),
            QStringLiteral(VIGIL_BUILD_DIR "/camsim-cache"));
    const auto startDemo = [&](QProcess& vigil) {
        vigil.setProcessChannelMode(QProcess::MergedChannels);
        vigil.setProcessEnvironment(env);
        vigil.start(kVigil, {QStringLiteral("--demo"), QStringLiteral("--data-dir"), dataDir()});
        QString output;
        QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(vigil.readAll()))
                                         .contains(QLatin1String("cameras discovered")),
                60000);
    };
    const auto stopDemo = [](QProcess& vigil) {
        ::kill(pid_t(vigil.processId()), SIGTERM);
        QVERIFY(vigil.waitForFinished(30000));
        QCOMPARE(vigil.exitCode(), 0);
    };
    {
        QProcess vigil;
        startDemo(vigil);
        if (QTest::currentTestFailed())
            return;
        QFile ports(dataDir() + QStringLiteral("/demo-ports"));
        QVERIFY(ports.open(QIODevice::ReadOnly));
        const int base = ports.readAll().trimmed().toInt();
        QVERIFY(base > 0);
        // What the wizard does with the cameras it found (vigilctl beside the running window).
        for (int i = 0; i < 4; ++i) {
            const Run added = run(kVigilctl,
                    {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("camera"),
                            QStringLiteral("add"),
                            QStringLiteral("http://127.0.0.1:%1/onvif/device_service")
                                    .arg(base + 2 * i),
                            QStringLiteral("--user"), QStringLiteral("demo"),
                            QStringLiteral("--password"), QStringLiteral("demo")});
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        stopDemo(vigil);
    }
    QProcess vigil;
    startDemo(vigil);
    if (QTest::currentTestFailed())
        return;
    const auto recorded = [this](int camera) {
        const Run r = run(kVigilctl,
                {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("segments"),
                        QStringLiteral("--camera"), QString::number(camera),
                        QStringLiteral("--json")});
        return r.exitCode == 0
                && !QJsonDocument::fromJson(r.out.toUtf8())
                            .object()
                            .value(QLatin1String("segments"))
                            .toArray()
                            .isEmpty();
    };
    for (int camera = 1; camera <= 4; ++camera)
        QTRY_VERIFY2_WITH_TIMEOUT(recorded(camera), qPrintable(QString::number(camera)), 60000);
    stopDemo(vigil);
}

void TestCli::ctlInfo()
{
    const Run r = run(kVigilctl,
            {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("info"),
                    QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    // Only the setup mode's warning (no administrator exists in this folder).
    QCOMPARE(r.err.trimmed().count(u'\n'), 0);
    QVERIFY2(r.err.contains(QLatin1String("no administrator exists yet")), qPrintable(r.err));
    const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(info.value(QStringLiteral("schema_version")).toInt(),
            vigil::catalog::Catalog::latestSchemaVersion());
    QCOMPARE(info.value(QStringLiteral("data_dir")).toString(), dataDir());
    QCOMPARE(info.value(QStringLiteral("cameras")).toInt(), 0);
    QVERIFY(info.value(QStringLiteral("storage_free_bytes")).toDouble() > 0);
    QVERIFY(info.value(QStringLiteral("libraries"))
                    .toObject()
                    .value(QStringLiteral("opencv"))
                    .toString()
                    .startsWith(u'4'));

    const Run text
            = run(kVigilctl, {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("info")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QLatin1String("Catalog:")));
}

void TestCli::ctlSettingsRoundTrip()
{
    const QStringList base = {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("settings")};
    QCOMPARE(run(kVigilctl,
                     base
                             + QStringList {QStringLiteral("set"), QStringLiteral("ui/language"),
                                     QStringLiteral("es")})
                     .exitCode,
            0);
    const Run get = run(
            kVigilctl, base + QStringList {QStringLiteral("get"), QStringLiteral("ui/language")});
    QCOMPARE(get.exitCode, 0);
    QCOMPARE(get.out.trimmed(), QStringLiteral("es"));
    const Run list
            = run(kVigilctl, base + QStringList {QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8())
                     .object()
                     .value(QStringLiteral("ui/language"))
                     .toString(),
            QStringLiteral("es"));

    const Run bad = run(kVigilctl,
            base
                    + QStringList {QStringLiteral("set"), QStringLiteral("ui/language"),
                            QStringLiteral("klingon")});
    QCOMPARE(bad.exitCode, 3);
    QVERIFY2(bad.err.contains(QLatin1String("is not a valid value")), qPrintable(bad.err));
    const Run unknown
            = run(kVigilctl, base + QStringList {QStringLiteral("get"), QStringLiteral("no/such")});
    QCOMPARE(unknown.exitCode, 3);
    QVERIFY(unknown.err.contains(QLatin1String("There is no setting called")));

    QCOMPARE(run(kVigilctl,
                     base + QStringList {QStringLiteral("unset"), QStringLiteral("ui/language")})
                     .exitCode,
            0);
    QCOMPARE(run(kVigilctl,
                     base + QStringList {QStringLiteral("get"), QStringLiteral("ui/language")})
                     .out.trimmed(),
            QString());
}

void TestCli::ctlUsageErrors()
{
    const Run none = run(kVigilctl, {QStringLiteral("--data-dir"), dataDir()});
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.err.contains(QLatin1String("No command given")));
    const Run unknown = run(
            kVigilctl, {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("frobnicate")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY(unknown.err.contains(QLatin1String("Unknown command \"frobnicate\"")));
    // Usage errors are found before the data folder is touched.
    QVERIFY(!QFile::exists(dataDir()));
}

void TestCli::ctlRefusesUnwritableDataDir()
{
    const QString file = m_dir->filePath(QStringLiteral("a-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("precious");
    f.close();
    const Run r = run(kVigilctl,
            {QStringLiteral("--data-dir"), file + QStringLiteral("/data"), QStringLiteral("info")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("Cannot create the data folder")), qPrintable(r.err));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("precious"));
}

void TestCli::ctlRefusesCorruptCatalog()
{
    QVERIFY(QDir().mkpath(dataDir()));
    QFile f(catalogPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'Z'));
    f.close();
    const QByteArray before = vigil::test::fileHash(catalogPath());
    const Run r = run(kVigilctl, {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("info")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("is not a Vigil catalog")), qPrintable(r.err));
    QCOMPARE(vigil::test::fileHash(catalogPath()), before);
}

void TestCli::ctlRefusesNewerCatalog()
{
    QVERIFY(QDir().mkpath(dataDir()));
    {
        const auto catalog = vigil::catalog::Catalog::open(catalogPath());
        QVERIFY(catalog);
    }
    {
        vigil::test::RawDb raw(catalogPath());
        QVERIFY(raw.exec(
                QStringLiteral("INSERT INTO schema_version VALUES (999, 'from the future', 0)")));
    }
    const QByteArray before = vigil::test::fileHash(catalogPath());
    const Run r = run(kVigilctl, {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("info")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("newer version of Vigil")), qPrintable(r.err));
    QCOMPARE(vigil::test::fileHash(catalogPath()), before);
}

void TestCli::ctlReportsLockedCatalog()
{
    QCOMPARE(run(kVigilctl, {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("info")})
                     .exitCode,
            0);
    vigil::test::RawDb other(catalogPath());
    QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    const Run r = run(kVigilctl,
            {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--lock-timeout"),
                    QStringLiteral("0.2"), QStringLiteral("settings"), QStringLiteral("set"),
                    QStringLiteral("ui/language"), QStringLiteral("es")});
    QVERIFY(r.exitCode == 2 || r.exitCode == 3);
    QVERIFY2(r.err.contains(QLatin1String("locked by another program")), qPrintable(r.err));
    QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
}

void TestCli::ctlSpeaksSpanish()
{
    const QString file = m_dir->filePath(QStringLiteral("a-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const Run r = run(kVigilctl,
            {QStringLiteral("--lang"), QStringLiteral("es"), QStringLiteral("--data-dir"), file,
                    QStringLiteral("info")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("es un archivo, no una carpeta")), qPrintable(r.err));
}

void TestCli::otherProgramsSeeARunningVigilsWrites()
{
    // A running Vigil (here: this process) keeps writing while vigilctl reads the catalog. A
    // reader closing its connection must not take the catalog for unused and delete its
    // write-ahead log (which happened when Vigil dropped SQLite's file lock by closing another
    // descriptor of the file).
    // The catalog exists already (the bug needed an existing file).
    QCOMPARE(run(kVigilctl, {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("info")})
                     .exitCode,
            0);
    vigil::runtime::AppContext::Options options;
    options.dataDir = dataDir();
    options.logBaseName.clear();
    vigil::Result<std::unique_ptr<vigil::runtime::AppContext>> context
            = vigil::runtime::AppContext::open(options);
    QVERIFY(context);
    vigil::catalog::SettingsStore& settings = context.value()->settings();
    const QString key = QStringLiteral("recording/segmentSeconds");
    for (int value : {10, 20, 30}) {
        QVERIFY(settings.setValue(key, value).ok());
        const Run r = run(kVigilctl,
                {QStringLiteral("--data-dir"), dataDir(), QStringLiteral("settings"),
                        QStringLiteral("get"), key});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QString::number(value));
    }
    QVERIFY(QFile::exists(catalogPath() + QStringLiteral("-wal")));
}

void TestCli::ctlReadsAFolderItMayNotWrite_data()
{
    QTest::addColumn<bool>("recorderRunning");
    QTest::newRow("recorder running") << true;
    QTest::newRow("recorder stopped") << false;
}

void TestCli::ctlReadsAFolderItMayNotWrite()
{
    // The recorder's folder is its user's: a clerk in its group may read it (0750 folders, 0640
    // files) but not write. Read-only commands used to be refused there ("Vigil cannot write to
    // the data folder"); they must work, change nothing, and writing ones must still be refused.
    QFETCH(bool, recorderRunning);
    if (::geteuid() != 0)
        QSKIP("acting as another user (a member of the recorder's group) needs root");
    constexpr uid_t kClerk = 65534; // nobody
    constexpr gid_t kGroup = 65534; // nogroup: the recorder's group, of which the clerk is a member

    vigil::runtime::AppContext::Options options;
    options.dataDir = dataDir();
    options.logBaseName.clear();
    auto context = vigil::runtime::AppContext::open(options);
    QVERIFY(context);
    vigil::catalog::CameraRecord camera;
    camera.uuid = QStringLiteral("urn:uuid:read-only-test");
    camera.name = QStringLiteral("Calle Sucre");
    camera.streams << vigil::catalog::StreamRecord {QStringLiteral("main"), QStringLiteral("p0"),
            QStringLiteral("rtsp://127.0.0.1:554/main"), QStringLiteral("H264"), 1920, 1080, 15,
            4000, true, 0};
    const vigil::Result<qint64> cameraId = context.value()->cameras().add(camera);
    QVERIFY(cameraId);
    vigil::catalog::SegmentStore segments(context.value()->catalog());
    const vigil::Result<qint64> streamId
            = segments.streamId(cameraId.value(), QStringLiteral("main"));
    QVERIFY(streamId);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    vigil::catalog::SegmentRecord segment;
    segment.cameraId = cameraId.value();
    segment.streamId = streamId.value();
    segment.path = QStringLiteral("1/2026-11-29/main_20261129T120000.000Z.mp4");
    segment.startMs = now - 120000;
    segment.endMs = now - 60000;
    segment.bytes = 123456;
    segment.state = QStringLiteral("closed");
    segment.codec = QStringLiteral("h264");
    QVERIFY(segments.insert(segment));
    QVERIFY(context.value()->settings().setValue(QStringLiteral("recording/segmentSeconds"), 20));
    if (!recorderRunning)
        context.value().reset();

    // The clerk reaches the folder and a copy of vigilctl (the build tree may be private).
    QVERIFY(QFile::setPermissions(m_dir->path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                    | QFileDevice::ReadOther | QFileDevice::ExeOther));
    const QString ctl = m_dir->filePath(QStringLiteral("vigilctl"));
    QVERIFY(QFile::copy(kVigilctl, ctl));
    QVERIFY(QFile::setPermissions(ctl,
            QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                    | QFileDevice::ExeOther));
    QVERIFY(::chown(dataDir().toLocal8Bit().constData(), 0, kGroup) == 0);
    const QStringList before = everythingUnder(dataDir());
    for (const QString& path : before)
        QVERIFY(::chown(path.toLocal8Bit().constData(), 0, kGroup) == 0);

    const auto asClerk = [&](const QStringList& args) {
        return run(QStringLiteral("setpriv"),
                QStringList {QStringLiteral("--reuid=%1").arg(kClerk),
                        QStringLiteral("--regid=%1").arg(kGroup), QStringLiteral("--clear-groups"),
                        QStringLiteral("--"), ctl, QStringLiteral("--data-dir"), dataDir()}
                        + args);
    };
    const Run list
            = asClerk({QStringLiteral("camera"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 1);
    QVERIFY(list.out.contains(QLatin1String("Calle Sucre")));
    const Run listed = asClerk({QStringLiteral("segments"), QStringLiteral("--camera"),
            QString::number(cameraId.value()), QStringLiteral("--json")});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QVERIFY2(listed.out.contains(segment.path), qPrintable(listed.out));
    const Run storage = asClerk({QStringLiteral("storage"), QStringLiteral("--json")});
    QVERIFY2(storage.exitCode == 0, qPrintable(storage.err));
    QVERIFY2(storage.out.contains(QLatin1String("123456")), qPrintable(storage.out));
    const Run setting = asClerk({QStringLiteral("settings"), QStringLiteral("get"),
            QStringLiteral("recording/segmentSeconds")});
    QVERIFY2(setting.exitCode == 0, qPrintable(setting.err));
    QCOMPARE(setting.out.trimmed(), QStringLiteral("20"));
    QCOMPARE(asClerk({QStringLiteral("info")}).exitCode, 0);

    // Writing is still refused, with the reason.
    const Run set = asClerk({QStringLiteral("settings"), QStringLiteral("set"),
            QStringLiteral("recording/segmentSeconds"), QStringLiteral("30")});
    QCOMPARE(set.exitCode, 2);
    QVERIFY2(set.err.contains(QLatin1String("cannot write")), qPrintable(set.err));

    // Nothing was created or removed in the folder (no log, no lock, no catalog files).
    QCOMPARE(everythingUnder(dataDir()), before);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
