// The segment index at town scale: the per-camera totals equal a recount after random changes
// and after a crash in the middle of one; no query the recorder or the storage report makes
// reads the whole segments table (SQLite's own query plans, for the statements really run);
// retention clears a backlog oldest first, never touches held footage and never shuts out a
// recorder indexing new files meanwhile.
#include "catalog_test_util.h"
#include "core/catalog/bookmark_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/keyframes.h"
#include "core/storage/retention.h"
#include "segment_fixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <csignal>
#include <sqlite3.h>

using namespace vigil;
using namespace vigil::test;

namespace {

/// Each camera's (segments, bytes) as the totals say and as a recount of the index says.
QPair<QMap<qint64, QPair<qint64, qint64>>, QMap<qint64, QPair<qint64, qint64>>> totalsAndRecount(
        const QString& path)
{
    RawDb raw(path);
    QMap<qint64, QPair<qint64, qint64>> kept, counted;
    QSqlQuery q(raw.db());
    q.exec(QStringLiteral("SELECT camera_id, segments, bytes FROM segment_totals WHERE "
                          "segments != 0 OR bytes != 0"));
    while (q.next())
        kept.insert(q.value(0).toLongLong(), {q.value(1).toLongLong(), q.value(2).toLongLong()});
    q.exec(QStringLiteral("SELECT camera_id, COUNT(*), SUM(bytes) FROM segments GROUP BY "
                          "camera_id"));
    while (q.next())
        counted.insert(q.value(0).toLongLong(), {q.value(1).toLongLong(), q.value(2).toLongLong()});
    return {kept, counted};
}

int traceStatement(unsigned, void* context, void* statement, void*)
{
    char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(statement));
    if (sql) {
        static_cast<QStringList*>(context)->append(QString::fromUtf8(sql));
        sqlite3_free(sql);
    }
    return 0;
}

} // namespace

class TestSegmentIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void totalsMatchARecountAfterRandomChanges();
    void totalsSurviveACrash();
    void queriesReadNoWholeTable();
    void retentionClearsABacklogOldestFirstButNeverHeld();
    void interruptedUpgradeLeavesTheCatalogAsItWas();

private:
    QString catalogPath() const { return m_tmp->filePath(QStringLiteral("vigil.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestSegmentIndex::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestSegmentIndex::totalsMatchARecountAfterRandomChanges()
{
    {
        auto catalog = catalog::Catalog::open(catalogPath());
        QVERIFY(catalog);
        QVERIFY(addSegmentCameras(*catalog.value(), 4));
        catalog::SegmentStore store(*catalog.value());
        qint64 next = 1000000000000;
        for (int i = 0; i < 600; ++i)
            QVERIFY(randomChange(store, 4, next));
        // A rebuild replaces everything, totals included.
        const auto all = store.all();
        QVERIFY(all && all->size() > 50);
        QVERIFY(store.replaceAll(all->mid(0, all->size() / 2)));
        for (int i = 0; i < 100; ++i)
            QVERIFY(randomChange(store, 4, next));
    }
    const auto [kept, counted] = totalsAndRecount(catalogPath());
    QVERIFY(!counted.isEmpty());
    QCOMPARE(kept, counted);
}

void TestSegmentIndex::totalsSurviveACrash()
{
    {
        auto catalog = catalog::Catalog::open(catalogPath());
        QVERIFY(catalog);
        QVERIFY(addSegmentCameras(*catalog.value(), 3));
    }
    for (int round = 0; round < 3; ++round) {
        QProcess helper;
        helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QByteArray said;
        helper.start(QStringLiteral(VIGIL_BIN_DIR "/segment_churn_helper"),
                {catalogPath(), QStringLiteral("3")});
        QVERIFY(helper.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT((said += helper.readAllStandardOutput()).contains("changing")
                        || helper.state() != QProcess::Running,
                30000);
        QCOMPARE(helper.state(), QProcess::Running);
        ::kill(pid_t(helper.processId()), SIGKILL); // in the middle of some change
        QVERIFY(helper.waitForFinished(10000));
        // Opening it again recovers the journal: every change is whole or absent.
        auto reopened = catalog::Catalog::open(catalogPath());
        QVERIFY(reopened);
    }
    const auto [kept, counted] = totalsAndRecount(catalogPath());
    QVERIFY(!counted.isEmpty());
    QCOMPARE(kept, counted);
}

void TestSegmentIndex::queriesReadNoWholeTable()
{
    auto opened = catalog::Catalog::open(catalogPath());
    QVERIFY(opened);
    catalog::Catalog& catalog = *opened.value();
    QVERIFY(addSegmentCameras(catalog, 4));
    catalog::SegmentStore store(catalog);
    const qint64 first = 1000000000000;
    for (int i = 0; i < 500; ++i) {
        for (qint64 c = 1; c <= 4; ++c)
            QVERIFY(store.insert(segmentOf(store, c, first + i * 60000 + c, 1000 + i)));
    }
    catalog::BookmarkStore bookmarks(catalog);
    catalog::BookmarkRecord hold;
    hold.cameraId = 2;
    hold.startMs = first + 100 * 60000;
    hold.endMs = first + 110 * 60000;
    hold.title = QStringLiteral("Case");
    hold.legalHold = true;
    QVERIFY(bookmarks.add(hold));

    QSqlDatabase db = QSqlDatabase::database(catalog.connectionName(), false);
    const QVariant handle = db.driver()->handle();
    QVERIFY(qstrcmp(handle.typeName(), "sqlite3*") == 0);
    sqlite3* sqlite = *static_cast<sqlite3* const*>(handle.data());
    QStringList statements;
    sqlite3_trace_v2(sqlite, SQLITE_TRACE_STMT, traceStatement, &statements);

    // What the recorder asks at start, at every retention pass and at every file; what the
    // storage report and the segments command ask.
    const qint64 now = first + 600 * 60000;
    QVERIFY(store.openSegments());
    QVERIFY(store.contains(QStringLiteral("1/day/main_1.mp4")));
    QVERIFY(store.contains(catalog::segmentPath(2, QStringLiteral("main"), first + 2)).value());
    QVERIFY(store.lastEnd(1));
    QVERIFY(store.newestStart(1));
    QVERIFY(store.expired(now + 30 * qint64(86400000), 64));
    QVERIFY(store.oldestDeletable(64));
    QVERIFY(store.totalBytes());
    QVERIFY(store.usage());
    QVERIFY(store.bytesEndedBetween(now - 600000, now));
    QVERIFY(store.list(3, now - 3600000, now));
    catalog::SegmentRecord changed = segmentOf(store, 1, now, 5);
    QVERIFY(store.insert(changed));
    changed.bytes = 9;
    QVERIFY(store.update(changed));
    QVERIFY(store.removeByPath(changed.path));
    QVERIFY(!store.contains(changed.path).value());
    changed.path.replace(QLatin1String(".mp4"), QLatin1String("-1.mp4")); // a name taken
    QVERIFY(store.insert(changed));
    QVERIFY(store.update(changed));
    QVERIFY(store.removeByPath(changed.path));
    QVERIFY(store.removeById(1));
    sqlite3_trace_v2(sqlite, 0, nullptr, nullptr);

    // SQLite names a read of a whole table (or of a whole index) SCAN; the segments table goes by
    // these names in Vigil's queries.
    // The index of open files holds only them.
    static const QRegularExpression wholeSegments(
            QStringLiteral("^SCAN (segments|s|later)\\b(?!.*USING INDEX segments_open$)"));
    QStringList scans;
    int planned = 0;
    for (const QString& sql : std::as_const(statements)) {
        if (!sql.contains(QLatin1String("segments")) || sql.startsWith(QLatin1String("SAVEPOINT"))
                || sql.startsWith(QLatin1String("RELEASE"))
                || sql.startsWith(QLatin1String("ROLLBACK")))
            continue;
        QSqlQuery plan(db);
        QVERIFY2(plan.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql), qPrintable(sql));
        ++planned;
        while (plan.next()) {
            const QString detail = plan.value(3).toString();
            if (wholeSegments.match(detail).hasMatch())
                scans << QStringLiteral("%1\n    %2").arg(sql, detail);
        }
    }
    QVERIFY2(planned >= 15, qPrintable(QString::number(planned)));
    QVERIFY2(scans.isEmpty(), qPrintable(scans.join(u'\n')));
}

void TestSegmentIndex::retentionClearsABacklogOldestFirstButNeverHeld()
{
    auto opened = catalog::Catalog::open(catalogPath());
    QVERIFY(opened);
    catalog::Catalog& catalog = *opened.value();
    QVERIFY(addSegmentCameras(catalog, 3)); // 30 days each
    catalog::SegmentStore store(catalog);
    const qint64 day = 86400000;
    const qint64 now = 1796000000000;
    // 100 days of files, one an hour, with files under a hold 60 days ago on camera 2; the
    // files exist on disk.
    const QString root = m_tmp->filePath(QStringLiteral("recordings"));
    for (qint64 t = now - 100 * day; t < now; t += 3600000) {
        for (qint64 c = 1; c <= 3; ++c) {
            const catalog::SegmentRecord s = segmentOf(store, c, t + c, 100);
            QVERIFY(store.insert(s));
            QDir().mkpath(QFileInfo(root + u'/' + s.path).absolutePath());
            QFile file(root + u'/' + s.path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
    }
    catalog::BookmarkStore bookmarks(catalog);
    catalog::BookmarkRecord hold;
    hold.cameraId = 2;
    hold.startMs = now - 60 * day;
    hold.endMs = now - 60 * day + 5 * 3600000;
    hold.title = QStringLiteral("Case 7");
    hold.legalHold = true;
    QVERIFY(bookmarks.add(hold));

    // A recorder indexes new files all along (another process here, as fast as it can).
    QProcess recorder;
    recorder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    recorder.start(QStringLiteral(VIGIL_BIN_DIR "/segment_churn_helper"),
            {catalogPath(), QStringLiteral("3"), QStringLiteral("inserts")});
    QVERIFY(recorder.waitForStarted());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT(
            (said += recorder.readAllStandardOutput()).contains("changing"), 30000);
    const auto indexedByRecorder = [&] {
        RawDb raw(catalogPath());
        // The newest file made here starts at now - 1 h + 3 ms; the recorder's follow it.
        return raw
                .scalar(QStringLiteral("SELECT COUNT(*) FROM segments WHERE start_ms > %1")
                                .arg(now - 3600000 + 3))
                .toLongLong();
    };
    const qint64 before = indexedByRecorder();

    storage::Retention retention(catalog, root);
    // By age alone: how full this machine's disk is must not decide what goes.
    storage::RetentionPolicy byAge;
    byAge.minFreePercent = 0;
    byAge.minFreeBytes = 0;
    const storage::RetentionReport report = retention.run(byAge, now);
    QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u'\n')));
    // The recorder was never shut out for long (its writes wait 5 s at most, then it stops).
    QVERIFY(indexedByRecorder() > before);
    QCOMPARE(recorder.state(), QProcess::Running);
    recorder.kill();
    QVERIFY(recorder.waitForFinished(10000));
    // Everything older than 30 days went, but the held files (and the file that overlaps the
    // hold's start); nothing newer did.
    const auto left = store.all();
    QVERIFY(left);
    int held = 0;
    for (const catalog::SegmentRecord& s : left.value()) {
        if (s.endMs >= now - 30 * day)
            continue;
        QCOMPARE(s.cameraId, qint64(2));
        QVERIFY(s.endMs >= hold.startMs && s.startMs <= hold.endMs);
        QVERIFY(QFile::exists(root + u'/' + s.path));
        ++held;
    }
    QCOMPARE(held, 5);
    QCOMPARE(report.deletedByAge, 3 * 70 * 24 - held);
    const auto recorded = std::count_if(left->begin(), left->end(),
            [&](const catalog::SegmentRecord& s) { return s.startMs <= now - 3600000 + 3; });
    QCOMPARE(recorded, 3 * 100 * 24 - report.deletedByAge);
    const auto [kept, counted] = totalsAndRecount(catalogPath());
    QCOMPARE(kept, counted);
}

void TestSegmentIndex::interruptedUpgradeLeavesTheCatalogAsItWas()
{
    // A town's catalog of the schema before this issue (3), with footage: most files named by
    // the rule, some not; keyframe tables in the first, 12-byte format; the newest ids deleted.
    constexpr int kRows = 300;
    constexpr int kKept = 290;
    QHash<qint64, QPair<QString, QList<catalog::KeyframeEntry>>> before;
    {
        catalog::Catalog::Options v3;
        v3.migrations = catalog::schemaMigrations().first(3);
        auto catalog = catalog::Catalog::open(catalogPath(), v3);
        QVERIFY(catalog);
        QVERIFY(addSegmentCameras(*catalog.value(), 2));
        QSqlQuery q(QSqlDatabase::database(catalog.value()->connectionName(), false));
        q.prepare(QStringLiteral("INSERT INTO segments (camera_id, stream_id, path, start_ms, "
                                 "end_ms, bytes, state, keyframes) VALUES (?, ?, ?, ?, ?, 1000, "
                                 "'closed', ?) RETURNING id"));
        for (int i = 0; i < kRows; ++i) {
            const qint64 camera = 1 + i % 2;
            const qint64 start = 1796000000000 + qint64(i) * 60000 + i % 7;
            const QString path = i % 3 == 0
                    ? QStringLiteral("%1/moved/main_%2.mp4").arg(camera).arg(i)
                    : catalog::segmentPath(camera, QStringLiteral("main"), start);
            const QList<catalog::KeyframeEntry> keyframes {{0, 1200 + i}, {2000, 900000 + i}};
            QByteArray legacy;
            for (const catalog::KeyframeEntry& k : keyframes) {
                char entry[12];
                qToLittleEndian<qint32>(k.offsetMs, entry);
                qToLittleEndian<qint64>(k.bytePos, entry + 4);
                legacy.append(entry, 12);
            }
            for (const QVariant& v :
                    QVariantList {camera, camera, path, start, start + 59000, legacy})
                q.addBindValue(v);
            QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
            before.insert(q.value(0).toLongLong(), {path, keyframes});
            q.finish();
        }
        QVERIFY(q.exec(QStringLiteral("DELETE FROM segments WHERE id > %1").arg(kKept)));
    }
    const QStringList schemaBefore = RawDb(catalogPath()).schema();
    const auto crashAt = [&](int version, int statement) {
        QProcess helper;
        helper.start(QStringLiteral(VIGIL_BIN_DIR "/migration_crash_helper"),
                {catalogPath(), QString::number(version), QString::number(statement),
                        QStringLiteral("real")});
        return helper.waitForFinished(60000) && helper.exitCode() == 42;
    };
    // Version 4 dies after its first two statements (the index, the table of totals).
    QVERIFY(crashAt(4, 2));
    {
        RawDb raw(catalogPath());
        QCOMPARE(raw.schema(), schemaBefore);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 3);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM segments")).toInt(), kKept);
    }
    // Version 5 dies after the copy and the old table's drop, before the rename: version 4,
    // committed, is whole; so is every row.
    QStringList schemaOf4;
    {
        auto v4 = [] {
            catalog::Catalog::Options o;
            o.migrations = catalog::schemaMigrations().first(4);
            return o;
        }();
        QVERIFY(catalog::Catalog::open(catalogPath(), v4));
        schemaOf4 = RawDb(catalogPath()).schema();
    }
    QVERIFY(crashAt(5, 5));
    {
        RawDb raw(catalogPath());
        QCOMPARE(raw.schema(), schemaOf4);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_version")).toInt(), 4);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM segments")).toInt(), kKept);
    }
    // The next start upgrades it whole: the same files with the same ids, paths and keyframes,
    // totals counted; only the paths the rule does not give are stored, and tables are compact.
    auto upgraded = catalog::Catalog::open(catalogPath());
    QVERIFY(upgraded);
    QCOMPARE(upgraded.value()->schemaVersion(), int(catalog::schemaMigrations().size()));
    catalog::SegmentStore store(*upgraded.value());
    QCOMPARE(store.totalBytes().value(), qint64(kKept * 1000));
    const auto all = store.all();
    QVERIFY(all);
    QCOMPARE(all->size(), kKept);
    for (const catalog::SegmentRecord& s : all.value()) {
        QVERIFY(before.contains(s.id));
        QCOMPARE(s.path, before.value(s.id).first);
        QCOMPARE(catalog::unpackKeyframes(s.keyframes), before.value(s.id).second);
        QVERIFY(s.keyframes.size() % 12 != 0);
        QVERIFY(store.contains(s.path).value());
    }
    {
        RawDb raw(catalogPath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM segments WHERE path IS NOT "
                                           "NULL"))
                         .toInt(),
                kKept / 3 + 1);
    }
    // Ids are not given twice: the deleted newest ones stay used.
    catalog::SegmentRecord next = segmentOf(store, 1, 1797000000000, 5);
    const auto id = store.insert(next);
    QVERIFY(id);
    QCOMPARE(id.value(), qint64(kRows + 1));
    // A second file of the same stream and start needs a name of its own.
    QVERIFY(!store.insert(next));
    next.path.replace(QLatin1String(".mp4"), QLatin1String("-1.mp4"));
    QVERIFY(store.insert(next));
    QVERIFY(!store.insert(next));
    const auto [kept, counted] = totalsAndRecount(catalogPath());
    QCOMPARE(kept, counted);
}

QTEST_GUILESS_MAIN(TestSegmentIndex)
#include "tst_segment_index.moc"
