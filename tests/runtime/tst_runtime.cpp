// Runtime: data folder checks, the one-Vigil-per-folder lock, secret masking, the rotating log
// file, translations and the start-up sequence shared by vigil and vigilctl.
#include "core/catalog/catalog.h"
#include "core/runtime/app_context.h"
#include "core/runtime/data_dir.h"
#include "core/runtime/log_file.h"
#include "core/runtime/secret_masking.h"
#include "core/runtime/translations.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using vigil::Error;
using namespace vigil::runtime;

Q_LOGGING_CATEGORY(lcTest, "vigil.test", QtDebugMsg)

class TestRuntime : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dataDirCreatedWhenMissing();
    void dataDirUnderAFileIsRefused();
    void dataDirThatIsAFileIsRefused();
    void instanceLockIsExclusive();
    void maskSecrets_data();
    void maskSecrets();
    void logFileMasksAndRotates();
    void spanishTranslationLoads();
    void chooseLocalePrecedence();
    void appContextOpensEverything();
    void appContextRefusesSecondOwner();

private:
    QTemporaryDir m_dir;
};

void TestRuntime::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestRuntime::dataDirCreatedWhenMissing()
{
    const QString path = m_dir.filePath(QStringLiteral("new/nested/data"));
    const vigil::Result<DataDir> dir = DataDir::open(path);
    QVERIFY(dir);
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(dir->catalogPath(), QDir(path).filePath(QStringLiteral("vigil.sqlite")));
    // The write probe leaves nothing behind.
    QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList());
}

void TestRuntime::dataDirUnderAFileIsRefused()
{
    const QString file = m_dir.filePath(QStringLiteral("plain-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep me");
    f.close();
    const vigil::Result<DataDir> dir = DataDir::open(file + QStringLiteral("/data"));
    QVERIFY(!dir);
    QCOMPARE(dir.error().code, Error::Code::NotWritable);
    QVERIFY2(dir.error().message.contains(QLatin1String("Cannot create the data folder")),
            qPrintable(dir.error().message));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me"));
}

void TestRuntime::dataDirThatIsAFileIsRefused()
{
    const QString file = m_dir.filePath(QStringLiteral("another-file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const vigil::Result<DataDir> dir = DataDir::open(file);
    QVERIFY(!dir);
    QVERIFY(dir.error().message.contains(QLatin1String("is a file, not a folder")));
}

void TestRuntime::instanceLockIsExclusive()
{
    const vigil::Result<DataDir> dir = DataDir::open(m_dir.filePath(QStringLiteral("locked")));
    QVERIFY(dir);
    {
        auto first = InstanceLock::acquire(dir.value());
        QVERIFY(first);
        auto second = InstanceLock::acquire(dir.value());
        QVERIFY(!second);
        QCOMPARE(second.error().code, Error::Code::Locked);
        QVERIFY2(second.error().message.contains(
                         QString::number(QCoreApplication::applicationPid())),
                qPrintable(second.error().message));
    }
    // Released with its owner.
    QVERIFY(InstanceLock::acquire(dir.value()));
}

void TestRuntime::maskSecrets_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("rtsp url") << QStringLiteral(
            "opening rtsp://admin:Secr3t!@10.0.0.5:554/Streaming/101")
                              << QStringLiteral(
                                         "opening rtsp://admin:***@10.0.0.5:554/Streaming/101");
    QTest::newRow("http url, empty user")
            << QStringLiteral("http://:pw@host/onvif") << QStringLiteral("http://:***@host/onvif");
    QTest::newRow("url without password")
            << QStringLiteral("rtsp://admin@host/x") << QStringLiteral("rtsp://admin@host/x");
    QTest::newRow("query") << QStringLiteral("GET /snap.jpg?user=admin&password=hunter2&ch=1")
                           << QStringLiteral("GET /snap.jpg?user=admin&password=***&ch=1");
    QTest::newRow("json") << QStringLiteral(R"({"user":"a","password":"p w"})")
                          << QStringLiteral(R"({"user":"a","password":"***"})");
    QTest::newRow("ws-security") << QStringLiteral(
            "<wsse:Password "
            "Type=\"...#PasswordDigest\">tuOSpGlFlIXsozq4HFNeeGeFLEI=</"
            "wsse:Password><wsse:Nonce>LKqI6G/AikKCQrN0zqZFlg==</wsse:Nonce>")
                                 << QStringLiteral("<wsse:Password "
                                                   "Type=\"...#PasswordDigest\">***</"
                                                   "wsse:Password><wsse:Nonce>***</wsse:Nonce>");
    QTest::newRow("authorization header")
            << QStringLiteral("Authorization: Digest username=\"admin\", "
                              "response=\"6629fae49393a05397450978507c4ef1\"")
            << QStringLiteral("Authorization: Digest ***");
    QTest::newRow("harmless") << QStringLiteral("camera 3 recording at 4 Mbit/s")
                              << QStringLiteral("camera 3 recording at 4 Mbit/s");
}

void TestRuntime::maskSecrets()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(vigil::runtime::maskSecrets(input), expected);
}

void TestRuntime::logFileMasksAndRotates()
{
    const QString logs = m_dir.filePath(QStringLiteral("logs"));
    LogFile::Options options;
    options.directory = logs;
    options.baseName = QStringLiteral("test");
    options.maxBytes = 2000;
    options.keepFiles = 2;
    options.consoleMinLevel = QtFatalMsg; // keep the test output clean
    QVERIFY(LogFile::install(options));
    QCOMPARE(LogFile::currentPath(), logs + QStringLiteral("/test.log"));

    for (int i = 0; i < 100; ++i)
        qCWarning(lcTest) << "line" << i << QString(40, u'x');
    qCWarning(lcTest) << "connecting to rtsp://admin:TopSecret@127.0.0.1:8554/main";
    LogFile::uninstall();

    const QStringList files
            = QDir(logs).entryList({QStringLiteral("test*.log")}, QDir::Files, QDir::Name);
    QCOMPARE(files,
            (QStringList {QStringLiteral("test.1.log"), QStringLiteral("test.2.log"),
                    QStringLiteral("test.log")}));
    QString all;
    for (const QString& name : files) {
        QFile f(QDir(logs).filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.size() <= options.maxBytes + 200);
        all += QString::fromUtf8(f.readAll());
    }
    QVERIFY(!all.contains(QLatin1String("TopSecret")));
    QVERIFY(all.contains(
            QLatin1String("W vigil.test: connecting to rtsp://admin:***@127.0.0.1:8554/main")));
    QVERIFY(all.contains(QLatin1String("line 99")));
    QVERIFY(all.contains(QLatin1String(" W vigil.test: line 99")));
}

void TestRuntime::spanishTranslationLoads()
{
    QVERIFY(availableLanguages().contains(QStringLiteral("es")));
    QVERIFY(installTranslations(QLocale(QStringLiteral("es"))));
    const QString translated
            = QCoreApplication::translate("vigil::runtime::DataDir", "No data folder was given.");
    QVERIFY(!translated.isEmpty());
    QVERIFY2(translated != QLatin1String("No data folder was given."), qPrintable(translated));
    QVERIFY(!installTranslations(QLocale(QStringLiteral("en"))));
    QCOMPARE(QCoreApplication::translate("vigil::runtime::DataDir", "No data folder was given."),
            QStringLiteral("No data folder was given."));
    // English picks its plural forms from the source text.
    QCOMPARE(QCoreApplication::translate(
                     "vigil::widgets::RedactionEditor", "%n frame(s)", nullptr, 1),
            QStringLiteral("1 frame"));
    QCOMPARE(QCoreApplication::translate(
                     "vigil::widgets::RedactionEditor", "%n frame(s)", nullptr, 12),
            QStringLiteral("12 frames"));
    QCOMPARE(QCoreApplication::translate("x", "%n stretch(es) muted, %n file(s)", nullptr, 2),
            QStringLiteral("2 stretches muted, 2 files"));
    QCOMPARE(QCoreApplication::translate("x", "Open (s)ome", nullptr),
            QStringLiteral("Open (s)ome"));
}

void TestRuntime::chooseLocalePrecedence()
{
    QCOMPARE(chooseLocale(QStringLiteral("es"), QStringLiteral("en")).language(), QLocale::Spanish);
    QCOMPARE(chooseLocale({}, QStringLiteral("es")).language(), QLocale::Spanish);
    QCOMPARE(chooseLocale({}, {}), QLocale::system());
}

void TestRuntime::appContextOpensEverything()
{
    AppContext::Options options;
    options.dataDir = m_dir.filePath(QStringLiteral("context"));
    options.consoleMinLevel = QtFatalMsg;
    const auto context = AppContext::open(options);
    QVERIFY2(context, qPrintable(context ? QString() : context.error().fullText()));
    QVERIFY(QFile::exists(options.dataDir + QStringLiteral("/vigil.sqlite")));
    QVERIFY(QFile::exists(options.dataDir + QStringLiteral("/logs/vigil.log")));
    QCOMPARE(context.value()->catalog().schemaVersion(),
            vigil::catalog::Catalog::latestSchemaVersion());
}

void TestRuntime::appContextRefusesSecondOwner()
{
    AppContext::Options options;
    options.dataDir = m_dir.filePath(QStringLiteral("owned"));
    options.logBaseName.clear();
    const auto first = AppContext::open(options);
    QVERIFY(first);
    const auto second = AppContext::open(options);
    QVERIFY(!second);
    QCOMPARE(second.error().code, Error::Code::Locked);
    // A shared (command-line) user may still open it beside the owner.
    options.ownership = AppContext::Ownership::Shared;
    QVERIFY(AppContext::open(options));
}

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
