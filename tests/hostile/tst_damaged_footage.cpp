// Damaged files never cost footage: `vigilctl catalog rebuild` and the repair at start cut only
// the unfinished tail of a file that was being written, move every other damaged file to
// quarantine byte for byte, leave files Vigil did not write alone, and say so.
#include "support/recording_fixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace vigil;
using namespace vigil::test;

namespace {

QByteArray sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

/// Overwrites `bytes` at `offset`.
bool damage(const QString& path, qint64 offset, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite) && f.seek(offset) && f.write(bytes) == bytes.size();
}

/// Offset of the first top-level box of `type`, or -1.
qint64 boxOffset(const QString& path, const QByteArray& type, int nth = 0)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray data = f.readAll();
    qint64 pos = 0;
    while (pos + 8 <= data.size()) {
        const quint32 size = qFromBigEndian<quint32>(data.constData() + pos);
        if (data.mid(pos + 4, 4) == type && nth-- == 0)
            return pos;
        if (size < 8)
            return -1;
        pos += size;
    }
    return -1;
}

/// `file` is marked open in the index, as a crash while it was written leaves it, and the
/// recorder starts once (repairing it) and stops.
bool restartAfterCrashIn(const QString& data, const QString& file)
{
    const QString relative = QDir(data + QStringLiteral("/recordings")).relativeFilePath(file);
    qint64 id = 0;
    for (const vigil::catalog::SegmentRecord& row : indexedSegments(data)) {
        if (row.path == relative)
            id = row.id;
    }
    if (id == 0
            || !RawDb(data + QStringLiteral("/vigil.sqlite"))
                        .exec(QStringLiteral("UPDATE segments SET state = 'open' WHERE id = %1")
                                        .arg(id)))
        return false;
    return vigilctl(data,
                   {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("1")})
                   .exitCode
            == 0;
}

/// Every file under `folder` by its SHA-256.
QHash<QByteArray, QString> filesByHash(const QString& folder)
{
    QHash<QByteArray, QString> found;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        found.insert(sha256(path), path);
    }
    return found;
}

} // namespace

class TestDamagedFootage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rebuildKeepsEveryDamagedFile();
    void repairCutsOnlyTheTornTailOfAHeldFile();
    void repairKeepsAnOpenFileWithADamagedHeader();

private:
    /// A data folder with ~10 s of one simulated camera, in 2-second files, all of it under a
    /// legal hold unless `hold` is false.
    QString recorded(const QString& name, bool hold = true);

    QTemporaryDir m_tmp;
    CamsimProcess m_sim;
};

void TestDamagedFootage::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(m_sim.start(1, simArgs()));
}

QString TestDamagedFootage::recorded(const QString& name, bool hold)
{
    const QString data = m_tmp.filePath(name);
    if (!addCameras(data, m_sim, 1)
            || !setSetting(data, QStringLiteral("recording/segmentSeconds"), QStringLiteral("2")))
        return {};
    const CtlRun r = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("10")});
    if (r.exitCode != 0 || segmentFiles(data + QStringLiteral("/recordings")).size() < 4)
        return {};
    if (!hold)
        return data;
    // Everything is evidence: a legal hold over the whole recording.
    const QString from = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs);
    const QString to = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs);
    const CtlRun held = vigilctl(data,
            {QStringLiteral("hold"), QStringLiteral("add"), QStringLiteral("--camera"),
                    QStringLiteral("all"), QStringLiteral("--from"), from, QStringLiteral("--to"),
                    to, QStringLiteral("--case"), QStringLiteral("D-1")});
    return held.exitCode == 0 ? data : QString();
}

void TestDamagedFootage::rebuildKeepsEveryDamagedFile()
{
    // Rebuild used to delete a file whose first bytes or moov size were flipped (even under a
    // legal hold), cut one with a damaged middle fragment, and delete files it did not write.
    const QString data = recorded(QStringLiteral("rebuild"));
    QVERIFY(!data.isEmpty());
    const QString recordings = data + QStringLiteral("/recordings");
    const QStringList files = segmentFiles(recordings);
    const QString day = QFileInfo(files.first()).absolutePath();

    QVERIFY(damage(files.at(0), 0, QByteArray("\xff\xff\xff\xff", 4))); // first box size
    const qint64 moov = boxOffset(files.at(1), "moov");
    QVERIFY(moov > 0);
    QVERIFY(damage(files.at(1), moov, QByteArray("\x7f\x00\x00\x00", 4))); // moov size
    const qint64 middle = boxOffset(files.at(2), "moof", 1);
    QVERIFY(middle > 0);
    QVERIFY(damage(files.at(2), middle, QByteArray("\x00\x00\x00\x03", 4))); // a middle moof
    QHash<QByteArray, QString> damaged;
    for (int i = 0; i < 3; ++i)
        damaged.insert(sha256(files.at(i)), files.at(i));
    // Files Vigil did not write: a text file and an ordinary MP4 (a camera's own export).
    const QString text = day + QStringLiteral("/notes.mp4");
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("case notes, not a video\n");
    }
    const QString foreign = recordings + QStringLiteral("/export.mp4");
    QVERIFY(QFile::copy(files.at(3), foreign));
    const QByteArray textHash = sha256(text);
    const QByteArray foreignHash = sha256(foreign);
    const int intact = int(files.size()) - 3;

    const CtlRun rebuilt = vigilctl(data, {QStringLiteral("catalog"), QStringLiteral("rebuild")});
    QVERIFY2(rebuilt.exitCode != 0, "damage must not pass unreported");
    for (const QString& path : {files.at(0), files.at(1), files.at(2), text, foreign})
        QVERIFY2(rebuilt.err.contains(path.toUtf8()), rebuilt.err.constData());

    // The damaged files: in quarantine, byte for byte; no longer among the recordings.
    const QHash<QByteArray, QString> quarantined
            = filesByHash(data + QStringLiteral("/quarantine"));
    for (auto it = damaged.cbegin(); it != damaged.cend(); ++it) {
        QVERIFY2(quarantined.contains(it.key()), qPrintable(it.value()));
        QVERIFY(!QFileInfo::exists(it.value()));
    }
    // What Vigil did not write: untouched, where it was.
    QCOMPARE(sha256(text), textHash);
    QCOMPARE(sha256(foreign), foreignHash);
    // The intact files are indexed.
    QCOMPARE(segmentList(data, 1).size(), intact);
}

void TestDamagedFootage::repairCutsOnlyTheTornTailOfAHeldFile()
{
    // A file the crash left open has a torn last fragment: the repair at start cuts it back to
    // what plays; under a legal hold its original is kept in quarantine first.
    const QString data = recorded(QStringLiteral("torn"));
    QVERIFY(!data.isEmpty());
    const QStringList files = segmentFiles(data + QStringLiteral("/recordings"));
    const QString torn = files.last();
    const qint64 complete = QFileInfo(torn).size();
    {
        QFile f(torn);
        QVERIFY(f.open(QIODevice::Append));
        QByteArray partial(8, '\0');
        qToBigEndian<quint32>(500000, partial.data()); // a moof the crash cut short
        partial.replace(4, 4, "moof");
        f.write(partial + QByteArray(3000, '\x11'));
    }
    const QByteArray original = sha256(torn);
    // The next start repairs it.
    QVERIFY(restartAfterCrashIn(data, torn));
    QCOMPARE(QFileInfo(torn).size(), complete);
    QVERIFY(decodeProblems(torn).isEmpty());
    QVERIFY(filesByHash(data + QStringLiteral("/quarantine")).contains(original));
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestDamagedFootage::repairKeepsAnOpenFileWithADamagedHeader()
{
    // Found by fuzz_segment: a file the crash left open whose header box no longer reads (one
    // flipped byte in "moov") was "cut back to its complete prefix", which is nothing: without a
    // legal hold, the repair emptied it, fragments and all.
    const QString data = recorded(QStringLiteral("header"), false);
    QVERIFY(!data.isEmpty());
    const QStringList files = segmentFiles(data + QStringLiteral("/recordings"));
    const QString file = files.last();
    const qint64 moov = boxOffset(file, "moov");
    QVERIFY(moov > 0);
    QVERIFY(damage(file, moov + 4, QByteArray("woov")));
    const QByteArray original = sha256(file);
    QVERIFY(restartAfterCrashIn(data, file));
    // Kept whole, in quarantine, and said so in the log.
    QVERIFY(filesByHash(data + QStringLiteral("/quarantine")).contains(original));
    QVERIFY(!QFileInfo::exists(file));
}

QTEST_GUILESS_MAIN(TestDamagedFootage)
#include "tst_damaged_footage.moc"
