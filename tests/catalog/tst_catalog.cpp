// Catalog: migrations (fresh, upgrade from every earlier version, refusal of a newer schema,
// failure and crash in the middle of a migration), validation before writing, locking.
#include "catalog_test_util.h"
#include "core/catalog/alert_store.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/catalog/settings_store.h"
#include "core/setup/camera_records.h"
#include "synthetic_migrations.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <mutex>
#include <thread>

using vigil::Error;
using vigil::Result;
using vigil::catalog::CameraRecord;
using vigil::catalog::CameraStore;
using vigil::catalog::Catalog;
using vigil::catalog::StreamRecord;
namespace setup = vigil::setup;
using vigil::test::RawDb;

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void freshCatalog();
    void streamAddressesAreRtspWithoutCredentials();
    void camerasAreRenamedDisabledAndReconnected();
    void anAlertWaitingForAPersonIsNotRepeated();
    void workerThreadsReadThroughTheirOwnConnection();
    void freshCatalogHasTimeRangeIndexes();
    void foreignKeysEnforced();
    void upgradeFromEveryEarlierVersion_data();
    void upgradeFromEveryEarlierVersion();
    void upgradeKeepsData();
    void refusesNewerSchema();
    void failedMigrationLeavesOldSchema();
    void crashDuringMigration_data();
    void crashDuringMigration();
    void refusesNonSqliteFile_data();
    void refusesNonSqliteFile();
    void refusesForeignSqliteDatabase();
    void busyCatalogGivesClearError();
    void postgresDialectHasNoSqliteisms();

private:
    QString catalogPath() const { return m_dir->filePath(QStringLiteral("vigil.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCatalog::streamAddressesAreRtspWithoutCredentials()
{
    // A camera's answers named file:///etc/passwd, FFmpeg's concat: or a cloud metadata service
    // as its video, and they were stored (and later opened by FFmpeg); credentials in a URI
    // stayed in plain text in the catalog.
    const auto catalog = Catalog::open(catalogPath());
    QVERIFY(catalog);
    CameraStore store(*catalog.value());
    const auto record = [](const QString& uri, const QString& uuid) {
        CameraRecord c;
        c.uuid = uuid;
        c.name = uuid;
        c.streams << StreamRecord {QStringLiteral("main"), {}, uri, {}, 0, 0, 0, 0};
        return c;
    };
    for (const QString& uri :
            {QStringLiteral("file:///etc/passwd"), QStringLiteral("concat:/etc/passwd|/etc/shadow"),
                    QStringLiteral("http://169.254.169.254/latest/meta-data/"),
                    QStringLiteral("rtsp:///no-host")}) {
        const Result<setup::SavedCamera> saved = setup::saveCamera(store, record(uri, uri));
        QVERIFY2(!saved, qPrintable(uri));
        QVERIFY(saved.error().message.contains(QLatin1String("rtsp://")));
    }
    QVERIFY(setup::saveCamera(store,
            record(QStringLiteral("rtsp://admin:s3cret@10.0.0.5:554/main"), QStringLiteral("ok"))));
    const Result<QList<CameraRecord>> cameras = store.list();
    QVERIFY(cameras);
    QCOMPARE(cameras->size(), 1);
    QCOMPARE(cameras->first().streams.first().uri, QStringLiteral("rtsp://10.0.0.5:554/main"));
    QCOMPARE(RawDb(catalogPath())
                     .scalar(QStringLiteral("SELECT COUNT(*) FROM streams WHERE uri LIKE "
                                            "'%s3cret%'"))
                     .toInt(),
            0);
}

void TestCatalog::camerasAreRenamedDisabledAndReconnected()
{
    const auto catalog = Catalog::open(catalogPath());
    QVERIFY(catalog);
    CameraStore store(*catalog.value());
    CameraRecord c;
    c.uuid = QStringLiteral("cam");
    c.name = QStringLiteral("Cam");
    c.streams << StreamRecord {QStringLiteral("main"), QStringLiteral("p1"),
            QStringLiteral("rtsp://10.0.0.5/main"), QStringLiteral("H264"), 1920, 1080, 25, 0}
              << StreamRecord {QStringLiteral("sub"), QStringLiteral("p2"),
                         QStringLiteral("rtsp://10.0.0.5/sub"), QStringLiteral("H264"), 640, 360,
                         15, 0, true};
    const Result<qint64> id = store.add(c);
    QVERIFY(id);

    // Names: trimmed; empty and overlong ones refused with a reason; unknown cameras too.
    QVERIFY(store.rename(id.value(), QStringLiteral("  Calle   Sucre ")));
    QCOMPARE(store.list()->first().name, QStringLiteral("Calle Sucre"));
    QVERIFY(!store.rename(id.value(), QStringLiteral("   ")));
    QVERIFY(!store.rename(id.value(), QString(CameraStore::kMaxNameLength + 1, u'x')));
    const Result<void> missing = store.rename(id.value() + 1, QStringLiteral("x"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, Error::Code::NotFound);

    QVERIFY(store.setEnabled(id.value(), false));
    QVERIFY(!store.list()->first().enabled);
    QVERIFY(store.setEnabled(id.value(), true));

    // A new login and streams: streams with footage keep their rows (footage refers to them):
    // the main one with its new profile, the sub one no longer recorded.
    const qint64 mainId = store.list()->first().stream(u"main")->id;
    const qint64 subId = store.list()->first().stream(u"sub")->id;
    vigil::catalog::SegmentRecord footage;
    footage.cameraId = id.value();
    footage.streamId = subId;
    footage.startMs = 1000;
    footage.endMs = 2000;
    footage.bytes = 10;
    footage.state = QStringLiteral("closed");
    QVERIFY(vigil::catalog::SegmentStore(*catalog.value()).insert(footage));
    footage.streamId = mainId;
    QVERIFY(vigil::catalog::SegmentStore(*catalog.value()).insert(footage));
    CameraRecord changed = store.list()->first();
    changed.username = QStringLiteral("operator");
    changed.sealedSecret = QByteArray("sealed");
    changed.authMethod = QStringLiteral("http-digest");
    changed.streams = {StreamRecord {QStringLiteral("main"), QStringLiteral("p3"),
            QStringLiteral("rtsp://10.0.0.5/other"), QStringLiteral("H265"), 2560, 1440, 20, 0}};
    QVERIFY(store.setConnection(changed));
    const CameraRecord after = store.list()->first();
    QCOMPARE(after.username, QStringLiteral("operator"));
    QCOMPARE(after.sealedSecret, QByteArray("sealed"));
    QCOMPARE(after.authMethod, QStringLiteral("http-digest"));
    QCOMPARE(after.stream(u"main")->id, mainId);
    QCOMPARE(after.stream(u"main")->profileToken, QStringLiteral("p3"));
    QCOMPARE(after.stream(u"main")->width, 2560);
    QVERIFY(after.stream(u"sub"));
    QCOMPARE(after.stream(u"sub")->id, subId);
    QVERIFY(!after.stream(u"sub")->record);
}

void TestCatalog::anAlertWaitingForAPersonIsNotRepeated()
{
    const auto catalog = Catalog::open(catalogPath());
    QVERIFY(catalog);
    vigil::catalog::SegmentStore segments(*catalog.value());
    vigil::catalog::AlertStore alerts(*catalog.value());
    const QString offline = QStringLiteral("Camera 0 is not recording: unreachable");
    // A camera offline across three recorder restarts: one alert, not three.
    for (int restart = 0; restart < 3; ++restart)
        QVERIFY(segments.addAlert(0, QStringLiteral("camera_offline"), offline));
    QVERIFY(segments.addAlert(0, QStringLiteral("disk_full"), QStringLiteral("full")));
    QCOMPARE(alerts.list()->size(), 2);
    QCOMPARE(alerts.unacknowledgedCount().value(), 2);
    // Once a person has seen it, the same problem coming back is news again.
    QCOMPARE(alerts.acknowledgeAll(QStringLiteral("ana")).value(), 2);
    QVERIFY(segments.addAlert(0, QStringLiteral("camera_offline"), offline));
    QCOMPARE(alerts.list()->size(), 3);
    QCOMPARE(alerts.unacknowledgedCount().value(), 1);
}

void TestCatalog::workerThreadsReadThroughTheirOwnConnection()
{
    const auto catalog = Catalog::open(catalogPath());
    QVERIFY(catalog);
    CameraStore store(*catalog.value());
    CameraRecord c;
    c.uuid = QStringLiteral("first");
    c.name = QStringLiteral("First");
    QVERIFY(store.add(c));

    // A worker reads beside the owner (WAL): it sees what the owner writes meanwhile, and can
    // write nothing itself.
    QStringList seen;
    QString refused;
    std::mutex step;
    std::condition_variable changed;
    int phase = 0;
    std::thread worker([&] {
        const auto reader = catalog.value()->openReader();
        if (!reader) {
            seen << reader.error().fullText();
            return;
        }
        if (reader.value()->schemaVersion() != catalog.value()->schemaVersion())
            seen << QStringLiteral("another schema version");
        CameraStore readerStore(*reader.value());
        seen << QString::number(readerStore.list()->size());
        {
            std::unique_lock lock(step);
            phase = 1;
            changed.notify_all();
            changed.wait(lock, [&] { return phase == 2; });
        }
        seen << QString::number(readerStore.list()->size());
        const Result<void> renamed = readerStore.rename(1, QStringLiteral("Changed"));
        refused = renamed ? QStringLiteral("written") : renamed.error().fullText();
    });
    {
        std::unique_lock lock(step);
        changed.wait(lock, [&] { return phase == 1; });
    }
    c.uuid = QStringLiteral("second");
    c.name = QStringLiteral("Second");
    QVERIFY(store.add(c));
    {
        std::lock_guard lock(step);
        phase = 2;
    }
    changed.notify_all();
    worker.join();
    QCOMPARE(seen, QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    QVERIFY2(refused.contains(QLatin1String("readonly"))
                    || refused.contains(QLatin1String("read-only"))
                    || refused.contains(QLatin1String("read only")),
            qPrintable(refused));
    QCOMPARE(store.list()->first().name, QStringLiteral("First"));
}

void TestCatalog::freshCatalog()
{
    const auto catalog = Catalog::open(catalogPath());
    QVERIFY2(catalog, qPrintable(catalog ? QString() : catalog.error().fullText()));
    QCOMPARE(catalog.value()->schemaVersion(), Catalog::latestSchemaVersion());
    QVERIFY(Catalog::latestSchemaVersion() >= 1);

    RawDb raw(catalogPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(),
            Catalog::latestSchemaVersion());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    const QStringList expected = {QStringLiteral("cameras"), QStringLiteral("streams"),
            QStringLiteral("segments"), QStringLiteral("recording_gaps"), QStringLiteral("events"),
            QStringLiteral("motion_grids"), QStringLiteral("bookmarks"), QStringLiteral("users"),
            QStringLiteral("audit_log"), QStringLiteral("settings"),
            QStringLiteral("schema_version")};
    const QStringList tables = raw.db().tables();
    for (const QString& table : expected)
        QVERIFY2(tables.contains(table), qPrintable(table));

    // The catalog's own connection has foreign keys on.
    QSqlQuery query(QSqlDatabase::database(catalog.value()->connectionName()));
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestCatalog::freshCatalogHasTimeRangeIndexes()
{
    QVERIFY(Catalog::open(catalogPath()));
    RawDb raw(catalogPath());
    // Each time-range table is indexed on (camera_id, start_ms), and a query bounded from below
    // uses that index rather than scanning.
    for (const char* table :
            {"segments", "events", "motion_grids", "bookmarks", "recording_gaps"}) {
        QSqlQuery query(raw.db());
        QVERIFY(query.exec(QStringLiteral("EXPLAIN QUERY PLAN SELECT * FROM %1 WHERE camera_id = 1 "
                                          "AND start_ms >= 1000 AND start_ms < 2000")
                                   .arg(QLatin1String(table))));
        QString plan;
        while (query.next())
            plan += query.value(3).toString() + u'\n';
        QVERIFY2(plan.contains(QLatin1String("USING INDEX"))
                        && plan.contains(QLatin1String("camera_id=? AND start_ms>?")),
                qPrintable(QLatin1String(table) + u':' + plan));
    }
}

void TestCatalog::foreignKeysEnforced()
{
    const auto catalog = Catalog::open(catalogPath());
    QVERIFY(catalog);
    QSqlQuery query(QSqlDatabase::database(catalog.value()->connectionName()));
    QVERIFY(!query.exec(QStringLiteral(
            "INSERT INTO streams (camera_id, role, uri) VALUES (999, 'main', 'rtsp://x')")));
    QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO cameras (uuid, name, created_ms) VALUES ('u1', 'Door', 1)")));
    QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO streams (camera_id, role, uri) VALUES (1, 'main', 'rtsp://x')")));
    QVERIFY(!query.exec(QStringLiteral(
            "INSERT INTO streams (camera_id, role, uri) VALUES (1, 'main', 'rtsp://y')")));
    QVERIFY(!query.exec(QStringLiteral(
            "INSERT INTO streams (camera_id, role, uri) VALUES (1, 'third', 'rtsp://y')")));
}

void TestCatalog::upgradeFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("fromVersion");
    for (int v = 0; v < Catalog::latestSchemaVersion(); ++v)
        QTest::addRow("from v%d", v) << v;
}

void TestCatalog::upgradeFromEveryEarlierVersion()
{
    QFETCH(int, fromVersion);
    const QString fresh = m_dir->filePath(QStringLiteral("fresh.sqlite"));
    QVERIFY(Catalog::open(fresh));

    if (fromVersion > 0) {
        Catalog::Options old;
        old.migrations = vigil::catalog::schemaMigrations().first(std::size_t(fromVersion));
        const auto catalog = Catalog::open(catalogPath(), old);
        QVERIFY(catalog);
        QCOMPARE(catalog.value()->schemaVersion(), fromVersion);
    }
    const auto upgraded = Catalog::open(catalogPath());
    QVERIFY2(upgraded, qPrintable(upgraded ? QString() : upgraded.error().fullText()));
    QCOMPARE(upgraded.value()->schemaVersion(), Catalog::latestSchemaVersion());

    // An upgraded catalog has exactly the schema of a fresh one.
    const QStringList upgradedSchema = RawDb(catalogPath()).schema();
    const QStringList freshSchema = RawDb(fresh).schema();
    QCOMPARE(upgradedSchema, freshSchema);
}

void TestCatalog::upgradeKeepsData()
{
    Catalog::Options v1;
    v1.migrations = vigil::test::syntheticMigrations(1);
    {
        const auto catalog = Catalog::open(catalogPath(), v1);
        QVERIFY(catalog);
        QSqlQuery query(QSqlDatabase::database(catalog.value()->connectionName()));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO notes (text) VALUES ('kept')")));
    }
    Catalog::Options v3;
    v3.migrations = vigil::test::syntheticMigrations(3);
    QList<int> steps;
    v3.onMigrationStep = [&](int version, int, int) {
        if (steps.isEmpty() || steps.last() != version)
            steps << version;
    };
    const auto catalog = Catalog::open(catalogPath(), v3);
    QVERIFY(catalog);
    QCOMPARE(catalog.value()->schemaVersion(), 3);
    QCOMPARE(steps, (QList<int> {2, 3}));
    RawDb raw(catalogPath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT text FROM notes WHERE created_ms = 0")).toString(),
            QStringLiteral("kept"));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(), 3);
}

void TestCatalog::refusesNewerSchema()
{
    Catalog::Options future;
    future.migrations = vigil::test::syntheticMigrations(3);
    QVERIFY(Catalog::open(catalogPath(), future));
    const QByteArray before = vigil::test::fileHash(catalogPath());

    Catalog::Options older;
    older.migrations = vigil::test::syntheticMigrations(2);
    const auto refused = Catalog::open(catalogPath(), older);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::NewerSchema);
    QVERIFY(refused.error().message.contains(QLatin1String("newer version of Vigil")));
    QVERIFY(refused.error().message.contains(QLatin1String("version 3")));
    QCOMPARE(vigil::test::fileHash(catalogPath()), before);
    QCOMPARE(RawDb(catalogPath())
                     .scalar(QStringLiteral("SELECT MAX(version) FROM schema_version"))
                     .toInt(),
            3);
}

void TestCatalog::failedMigrationLeavesOldSchema()
{
    Catalog::Options v1;
    v1.migrations = vigil::test::syntheticMigrations(1);
    QVERIFY(Catalog::open(catalogPath(), v1));
    const QStringList schemaBefore = RawDb(catalogPath()).schema();

    Catalog::Options broken;
    broken.migrations = vigil::test::brokenSyntheticMigrations();
    const auto failed = Catalog::open(catalogPath(), broken);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, Error::Code::MigrationFailed);
    QVERIFY(failed.error().message.contains(QLatin1String("version 2")));

    RawDb raw(catalogPath());
    QCOMPARE(raw.schema(), schemaBefore);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 1);
}

void TestCatalog::crashDuringMigration_data()
{
    QTest::addColumn<QString>("history");
    QTest::addColumn<int>("preparedVersion");
    QTest::addColumn<int>("crashVersion");
    QTest::addColumn<int>("crashStatement");
    // The real schema: a crash while creating a fresh catalog leaves no half-made schema.
    QTest::newRow("real v1, halfway") << QStringLiteral(
            "real") << 0 << 1 << int(vigil::catalog::schemaMigrations()[0].statements.size() / 2);
    // An upgrade v1 -> v2 killed after its first statements ran: v1 stays intact.
    QTest::newRow("synthetic v2, after 2 statements") << QStringLiteral("synthetic") << 1 << 2 << 2;
}

void TestCatalog::crashDuringMigration()
{
    QFETCH(QString, history);
    QFETCH(int, preparedVersion);
    QFETCH(int, crashVersion);
    QFETCH(int, crashStatement);
    const bool synthetic = history == QLatin1String("synthetic");

    if (preparedVersion > 0) {
        Catalog::Options prepared;
        prepared.migrations = vigil::test::syntheticMigrations(preparedVersion);
        const auto catalog = Catalog::open(catalogPath(), prepared);
        QVERIFY(catalog);
        QSqlQuery query(QSqlDatabase::database(catalog.value()->connectionName()));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO notes (text) VALUES ('before the crash')")));
    }
    const QStringList schemaBefore = RawDb(catalogPath()).schema();

    QProcess helper;
    helper.start(QStringLiteral(VIGIL_BIN_DIR "/migration_crash_helper"),
            {catalogPath(), QString::number(crashVersion), QString::number(crashStatement),
                    history});
    QVERIFY(helper.waitForFinished(30000));
    QCOMPARE(helper.exitCode(), 42);
    QVERIFY(helper.readAllStandardError().contains("crashing mid-migration"));

    {
        RawDb raw(catalogPath());
        QCOMPARE(raw.schema(), schemaBefore);
        if (preparedVersion > 0) {
            QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(),
                    preparedVersion);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT text FROM notes")).toString(),
                    QStringLiteral("before the crash"));
        }
    }

    // The next start completes the migration.
    Catalog::Options again;
    if (synthetic)
        again.migrations = vigil::test::syntheticMigrations();
    const auto recovered = Catalog::open(catalogPath(), again);
    QVERIFY2(recovered, qPrintable(recovered ? QString() : recovered.error().fullText()));
    QCOMPARE(recovered.value()->schemaVersion(), synthetic ? 3 : Catalog::latestSchemaVersion());
}

void TestCatalog::refusesNonSqliteFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text") << QByteArray("These are my notes, not a database.\n");
    QTest::newRow("jpeg header") << QByteArray::fromHex("ffd8ffe000104a46494600010100000100010000");
    QByteArray truncatedHeader("SQLite form");
    QTest::newRow("truncated header") << truncatedHeader;
    QByteArray damaged(4096, '\0');
    damaged.replace(0, 16, QByteArray("SQLite format 2\0", 16));
    QTest::newRow("wrong magic") << damaged;
}

void TestCatalog::refusesNonSqliteFile()
{
    QFETCH(QByteArray, content);
    QFile file(catalogPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    const auto refused = Catalog::open(catalogPath());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Corrupt);
    QVERIFY(refused.error().message.contains(QLatin1String("left it untouched")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files),
            QStringList {QStringLiteral("vigil.sqlite")});
}

void TestCatalog::refusesForeignSqliteDatabase()
{
    {
        RawDb raw(catalogPath());
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE recipes (name TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO recipes VALUES ('soup')")));
    }
    const QByteArray before = vigil::test::fileHash(catalogPath());
    const auto refused = Catalog::open(catalogPath());
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::NotACatalog);
    QVERIFY(refused.error().message.contains(QLatin1String("not a Vigil catalog")));
    QCOMPARE(vigil::test::fileHash(catalogPath()), before);
}

void TestCatalog::busyCatalogGivesClearError()
{
    Catalog::Options options;
    options.busyTimeoutMs = 200;
    const auto catalog = Catalog::open(catalogPath(), options);
    QVERIFY(catalog);

    RawDb other(catalogPath());
    QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));

    vigil::catalog::SettingsStore settings(*catalog.value());
    const vigil::Result<void> saved
            = settings.setValue(QStringLiteral("ui/language"), QStringLiteral("es"));
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::Busy);
    QVERIFY2(saved.error().message.contains(QLatin1String("locked by another program")),
            qPrintable(saved.error().message));

    QVERIFY(other.exec(QStringLiteral("COMMIT")));
    QVERIFY(settings.setValue(QStringLiteral("ui/language"), QStringLiteral("es")));
}

void TestCatalog::postgresDialectHasNoSqliteisms()
{
    using vigil::catalog::Dialect;
    using vigil::catalog::expandDialect;
    for (const vigil::catalog::Migration& migration : vigil::catalog::schemaMigrations()) {
        for (const QString& statement : migration.statements + migration.then) {
            const QString pg = expandDialect(statement, Dialect::Postgres);
            for (const char* sqliteOnly : {"AUTOINCREMENT", "BLOB", "PRAGMA", "julianday",
                         "WITHOUT ROWID", "sqlite_", "{{"})
                QVERIFY2(!pg.contains(QLatin1String(sqliteOnly), Qt::CaseInsensitive),
                        qPrintable(pg));
            // Statements for one dialect only vanish from the other.
            const QString lite = expandDialect(statement, Dialect::Sqlite);
            for (const char* postgresOnly : {"setval", "GREATEST", "BYTEA", "IDENTITY", "{{"})
                QVERIFY2(!lite.contains(QLatin1String(postgresOnly), Qt::CaseInsensitive),
                        qPrintable(lite));
            QVERIFY(!pg.isEmpty() || !lite.isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
