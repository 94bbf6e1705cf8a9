// Retention against real recordings: footage past its camera's age goes, a legal hold stays;
// on a small filesystem (tmpfs) the oldest footage makes room for the new, and a disk that only
// holds held footage stops recording with an alert, losing nothing, until space returns.
//
// The tmpfs mounts live in a private mount namespace made before the first thread starts: no
// mount is ever visible outside this test, and all vanish with it.
#include "support/recording_fixture.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace vigil::test;

namespace {

bool g_privateMounts = false;
QString g_mountProblem;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 freeBytes(const QString& path)
{
    struct statvfs s
    { };
    return ::statvfs(QFile::encodeName(path).constData(), &s) == 0
            ? qint64(s.f_bavail) * qint64(s.f_frsize)
            : -1;
}

QStringList g_mounts;

bool mountTmpfs(const QString& path, int megabytes, bool remount = false)
{
    if (!remount)
        g_mounts << path;
    QDir().mkpath(path);
    const QByteArray options = "size=" + QByteArray::number(megabytes) + "m";
    return ::mount("vigil-test", QFile::encodeName(path).constData(), "tmpfs",
                   remount ? MS_REMOUNT : 0, options.constData())
            == 0;
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ageDeletesOldFootageButKeepsHolds();
    void freeSpaceOnSmallFilesystemDeletesOldestFirst();
    void quotaKeepsRecordingsUnderLimit();
    void fullDiskOfHeldFootageStopsThenResumes();
    void tooSmallForTwoFilesKeepsTheNewest();

    void cleanup();

private:
    QString dir(const char* name) const { return m_tmp.filePath(QLatin1String(name)); }
    QTemporaryDir m_tmp;
    CamsimProcess m_sim;
};

void TestRetention::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(m_sim.start(2, simArgs()));
}

void TestRetention::cleanup()
{
    for (const QString& path : std::as_const(g_mounts))
        ::umount2(QFile::encodeName(path).constData(), MNT_DETACH);
    g_mounts.clear();
}

void TestRetention::ageDeletesOldFootageButKeepsHolds()
{
    const QString data = dir("age");
    QVERIFY(addCameras(data, m_sim, 2));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")));
    QCOMPARE(vigilctl(data,
                     {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("9")})
                     .exitCode,
            0);
    // Camera 1's footage becomes 40 days old (its retention is the default 30 days).
    constexpr qint64 k40Days = 40LL * 86400000;
    {
        // The files keep their names, which no longer say their start: the index stores them.
        const QList<vigil::catalog::SegmentRecord> rows = indexedSegments(data);
        RawDb db(data + QStringLiteral("/vigil.sqlite"));
        for (const vigil::catalog::SegmentRecord& row : rows) {
            if (row.cameraId != 1)
                continue;
            QVERIFY(db.exec(QStringLiteral("UPDATE segments SET path = '%1', start_ms = start_ms "
                                           "- %2, end_ms = end_ms - %2 WHERE id = %3")
                                    .arg(row.path)
                                    .arg(k40Days)
                                    .arg(row.id)));
        }
    }
    const CtlRun listed = vigilctl(data,
            {QStringLiteral("segments"), QStringLiteral("--camera"), QStringLiteral("1"),
                    QStringLiteral("--from"), iso(nowMs() - k40Days - 3600000),
                    QStringLiteral("--json")});
    const QJsonArray aged = QJsonDocument::fromJson(listed.out)
                                    .object()
                                    .value(QLatin1String("segments"))
                                    .toArray();
    QVERIFY2(aged.size() >= 3, listed.out.constData());
    const QJsonObject held = aged.at(1).toObject();
    // A moment in the middle of that file: its neighbours do not reach it.
    const qint64 heldStart = (held.value(QLatin1String("start_ms")).toInteger()
                                     + held.value(QLatin1String("end_ms")).toInteger())
                    / 2
            - 150;
    const CtlRun hold = vigilctl(data,
            {QStringLiteral("hold"), QStringLiteral("add"), QStringLiteral("--camera"),
                    QStringLiteral("1"), QStringLiteral("--from"), iso(heldStart + 100),
                    QStringLiteral("--to"), iso(heldStart + 200), QStringLiteral("--case"),
                    QStringLiteral("2026-0042")});
    QVERIFY2(hold.exitCode == 0, hold.err.constData());
    const qsizetype camera2Before = segmentList(data, 2).size();

    // The recorder applies retention when it starts.
    QCOMPARE(vigilctl(data,
                     {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("1")})
                     .exitCode,
            0);
    const CtlRun after = vigilctl(data,
            {QStringLiteral("segments"), QStringLiteral("--camera"), QStringLiteral("1"),
                    QStringLiteral("--from"), iso(nowMs() - k40Days - 3600000),
                    QStringLiteral("--to"), iso(nowMs() - k40Days + 3600000),
                    QStringLiteral("--json")});
    const QJsonArray kept = QJsonDocument::fromJson(after.out)
                                    .object()
                                    .value(QLatin1String("segments"))
                                    .toArray();
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.first().toObject().value(QLatin1String("path")).toString(),
            held.value(QLatin1String("path")).toString());
    for (const QJsonValue& v : aged) {
        const QString path = v.toObject().value(QLatin1String("path")).toString();
        QCOMPARE(QFileInfo::exists(path), path == held.value(QLatin1String("path")).toString());
    }
    QVERIFY(segmentList(data, 2).size() >= camera2Before); // young footage stays

    const QJsonObject storage = QJsonDocument::fromJson(
            vigilctl(data, {QStringLiteral("storage"), QStringLiteral("--json")}).out)
                                        .object();
    const QJsonObject camera1
            = storage.value(QLatin1String("cameras")).toArray().first().toObject();
    QCOMPARE(camera1.value(QLatin1String("held_bytes")).toInteger(),
            held.value(QLatin1String("bytes")).toInteger());
    QVERIFY(camera1.value(QLatin1String("days_retained")).toDouble() > 39);
    QVERIFY(storage.value(QLatin1String("held_bytes")).toInteger() > 0);
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

    // The pass is in the audit log, with its counts; the hold added before it too.
    const QJsonArray audit = QJsonDocument::fromJson(
            vigilctl(data,
                    {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json")})
                    .out)
                                     .array();
    QJsonObject retention;
    bool holdAudited = false;
    for (const QJsonValue& v : audit) {
        const QString action = v.toObject().value(QLatin1String("action")).toString();
        if (action == QLatin1String("retention") && retention.isEmpty())
            retention = v.toObject().value(QLatin1String("detail")).toObject();
        holdAudited = holdAudited || action == QLatin1String("hold_add");
    }
    QVERIFY2(retention.value(QLatin1String("deleted_by_age")).toInt() == aged.size() - 1,
            qPrintable(QString::fromUtf8(QJsonDocument(audit).toJson())));
    QVERIFY(holdAudited);
    QCOMPARE(vigilctl(data, {QStringLiteral("audit"), QStringLiteral("verify")}).exitCode, 0);
}

void TestRetention::freeSpaceOnSmallFilesystemDeletesOldestFirst()
{
    if (!g_privateMounts)
        QSKIP(qPrintable(QStringLiteral("needs root to mount a tmpfs: %1").arg(g_mountProblem)));
    const QString data = dir("small");
    QVERIFY(mountTmpfs(data, 20));
    QVERIFY(addCameras(data, m_sim, 2));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")));
    // Keep 40 % of 20 MB free: about 12 MB for recordings, ~1.2 MB/s written.
    QVERIFY(setSetting(data, QStringLiteral("storage/minFreePercent"), QStringLiteral("40")));
    const qint64 started = nowMs();
    const CtlRun hold = vigilctl(data,
            {QStringLiteral("hold"), QStringLiteral("add"), QStringLiteral("--camera"),
                    QStringLiteral("1"), QStringLiteral("--from"), iso(started),
                    QStringLiteral("--to"), iso(started + 5000), QStringLiteral("--case"),
                    QStringLiteral("A-17")});
    QVERIFY2(hold.exitCode == 0, hold.err.constData());
    const CtlRun r = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("22")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.err.contains("STOPPED"), r.err.constData());

    // The free-space target holds (give or take the segments written since the last check).
    QVERIFY2(freeBytes(data) >= 20 * 1024 * 1024 * 40 / 100 - 3 * 1024 * 1024,
            qPrintable(QString::number(freeBytes(data))));
    for (qint64 camera : {1, 2}) {
        const QJsonArray segments = segmentList(data, camera);
        QVERIFY(!segments.isEmpty());
        // What is left (outside the hold) is the newest footage, without holes: oldest went first.
        qint64 previousEnd = 0;
        qint64 firstUnheld = 0;
        for (const QJsonValue& v : segments) {
            const QJsonObject s = v.toObject();
            const qint64 start = s.value(QLatin1String("start_ms")).toInteger();
            if (camera == 1 && start <= started + 5000)
                continue; // under the hold
            if (!firstUnheld)
                firstUnheld = start;
            if (previousEnd)
                QVERIFY(start - previousEnd < 500);
            previousEnd = s.value(QLatin1String("end_ms")).toInteger();
        }
        QVERIFY2(firstUnheld > started + 7000, "nothing was deleted");
    }
    // Camera 1's held footage is all still there.
    const QJsonArray camera1 = segmentList(data, 1);
    QVERIFY(camera1.first().toObject().value(QLatin1String("start_ms")).toInteger()
            <= started + 5000);
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRetention::quotaKeepsRecordingsUnderLimit()
{
    if (!g_privateMounts)
        QSKIP(qPrintable(QStringLiteral("needs root to mount a tmpfs: %1").arg(g_mountProblem)));
    const QString data = dir("quota");
    QVERIFY(mountTmpfs(data, 64));
    QVERIFY(addCameras(data, m_sim, 1));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")));
    QVERIFY(setSetting(data, QStringLiteral("storage/quotaMB"), QStringLiteral("4")));
    const CtlRun r = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("16")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject storage = QJsonDocument::fromJson(
            vigilctl(data, {QStringLiteral("storage"), QStringLiteral("--json")}).out)
                                        .object();
    // At most the quota plus the segment closed since the last check.
    const qint64 used = storage.value(QLatin1String("used_bytes")).toInteger();
    QVERIFY2(used > 0 && used <= 4 * 1024 * 1024 + 2 * 1024 * 1024,
            qPrintable(QString::number(used)));
    QCOMPARE(storage.value(QLatin1String("quota_bytes")).toInteger(), 4 * 1024 * 1024);
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRetention::tooSmallForTwoFilesKeepsTheNewest()
{
    // A quota smaller than two files: retention used to delete each file as the next closed,
    // keeping nothing at all. The newest file stays, and recording stops with the alert.
    const QString data = dir("tiny");
    QVERIFY(addCameras(data, m_sim, 1));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")));
    QVERIFY(setSetting(data, QStringLiteral("storage/quotaMB"), QStringLiteral("1")));
    // Recording until the alert, however long the machine takes to fill the quota.
    QProcess recorder;
    recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("--data-dir"), data, QStringLiteral("record")});
    QVERIFY(recorder.waitForStarted());
    QByteArray err;
    QTRY_VERIFY2_WITH_TIMEOUT(
            (err += recorder.readAllStandardError()).contains("Recording has STOPPED"),
            err.constData(), 90000);
    ::kill(pid_t(recorder.processId()), SIGTERM);
    QVERIFY(recorder.waitForFinished(30000));
    QCOMPARE(recorder.exitCode(), 0);
    const QJsonArray kept = segmentList(data, 1);
    QVERIFY2(!kept.isEmpty(), "nothing was kept");
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRetention::fullDiskOfHeldFootageStopsThenResumes()
{
    if (!g_privateMounts)
        QSKIP(qPrintable(QStringLiteral("needs root to mount a tmpfs: %1").arg(g_mountProblem)));
    const QString data = dir("full");
    QVERIFY(mountTmpfs(data, 8));
    QVERIFY(addCameras(data, m_sim, 1));
    QVERIFY(setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")));
    // Everything recorded here is evidence: nothing may be deleted to make room.
    const CtlRun hold = vigilctl(data,
            {QStringLiteral("hold"), QStringLiteral("add"), QStringLiteral("--camera"),
                    QStringLiteral("all"), QStringLiteral("--from"), iso(nowMs() - 3600000),
                    QStringLiteral("--to"), iso(nowMs() + 3600000), QStringLiteral("--case"),
                    QStringLiteral("B-2")});
    QVERIFY2(hold.exitCode == 0, hold.err.constData());

    QProcess recorder;
    recorder.setProcessChannelMode(QProcess::SeparateChannels);
    recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("--data-dir"), data, QStringLiteral("record")});
    QVERIFY(recorder.waitForStarted());
    QByteArray err;
    const auto readErr = [&] {
        err += recorder.readAllStandardError();
        return err;
    };
    QTRY_VERIFY_WITH_TIMEOUT(readErr().contains("Recording has STOPPED"), 60000);
    QVERIFY2(err.contains("disk is full"), err.constData());
    // What was recorded before the disk filled is intact: every file the index has finished
    // (the recorder keeps trying new files, which get no complete fragment and are removed).
    QStringList finished;
    for (const vigil::catalog::SegmentRecord& row : indexedSegments(data)) {
        if (row.state != QLatin1String("open"))
            finished << data + QStringLiteral("/recordings/") + row.path;
    }
    QVERIFY(!finished.isEmpty());
    for (const QString& file : std::as_const(finished)) {
        const QString problem = decodeProblems(file);
        QVERIFY2(problem.isEmpty() || !QFileInfo::exists(file), qPrintable(problem));
    }

    // Someone frees space (here: the filesystem grows); recording resumes by itself.
    const qint64 freedAt = nowMs();
    QVERIFY(mountTmpfs(data, 64, true));
    // New footage appears on disk; the index is checked once the recorder has stopped.
    const auto newestFile = [&] {
        const QStringList files = segmentFiles(data + QStringLiteral("/recordings"));
        return files.isEmpty() ? QString() : QFileInfo(files.last()).fileName();
    };
    const QString day = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd"));
    const auto sizeOf = [&](const QString& name) {
        return QFileInfo(data + QStringLiteral("/recordings/1/") + day + u'/' + name).size();
    };
    // The file being tried when space returns may be the one that records (a new file is only
    // opened after a failed one; it writes nothing until its first fragment).
    const QString lastBeforeFreeing = newestFile();
    const qint64 sizeBeforeFreeing = sizeOf(lastBeforeFreeing);
    QTRY_VERIFY_WITH_TIMEOUT(sizeOf(newestFile()) > 100000
                    && (newestFile() != lastBeforeFreeing || sizeBeforeFreeing < 1000),
            40000);
    ::kill(pid_t(recorder.processId()), SIGTERM);
    QVERIFY(recorder.waitForFinished(20000));
    QCOMPARE(recorder.exitCode(), 0);
    RawDb db(data + QStringLiteral("/vigil.sqlite"));
    QVERIFY(db.scalar(QStringLiteral("SELECT MAX(start_ms) FROM segments")).toLongLong() > freedAt);
    QVERIFY(db.scalar(QStringLiteral(
                              "SELECT COUNT(*) FROM alerts WHERE kind = 'storage_held_only'"))
                    .toInt()
            >= 1);
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

int main(int argc, char** argv)
{
    // Before any thread exists (unshare(CLONE_NEWNS) refuses threaded processes).
    if (::geteuid() != 0)
        g_mountProblem = QStringLiteral("not running as root");
    else if (::unshare(CLONE_NEWNS) != 0
            || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        g_mountProblem = QString::fromLocal8Bit(std::strerror(errno));
    else
        g_privateMounts = true;
    QCoreApplication app(argc, argv);
    TestRetention test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_retention.moc"
