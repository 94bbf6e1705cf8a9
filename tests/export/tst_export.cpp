// Evidence packages from recorded footage: a clip whose every frame the ffmpeg tool hashes is
// remuxed into Vigil's layout (with a gap), exported through vigilctl and ExportJob, and checked
// with standard tools (ffmpeg framemd5, sha256sum -c, openssl pkeyutl) and `vigilctl verify`.

#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/export/approvals.h"
#include "core/export/evidence_package.h"
#include "core/export/export_job.h"
#include "core/export/original_remux.h"
#include "core/security/audit_actions.h"
#include "core/security/audit_log.h"
#include "core/security/installation_key.h"
#include "core/security/session.h"
#include "core/security/user_store.h"
#include "support/archive_builder.h"
#include "support/process_run.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

constexpr qint64 kStartMs = 1767258000000; // 2026-01-01 09:00 UTC
constexpr int kGop = 50; // frames: a keyframe every 2 s at 25 fps
constexpr qint64 kGapMs = 4000; // before the third segment

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

/// A frame as ffmpeg's framemd5 muxer hashes its decoded planes, with its UTC time.
struct Frame
{
    qint64 utcMs = 0;
    QByteArray md5;
};

/// Decoded frames of `file` (their times after the file's first frame, in ms, and MD5s).
QList<Frame> framemd5(const QString& file)
{
    const test::Run r = test::run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), file,
                    QStringLiteral("-map"), QStringLiteral("0:v"), QStringLiteral("-f"),
                    QStringLiteral("framemd5"), QStringLiteral("-")});
    QList<Frame> frames;
    double tb = 0;
    qint64 first = -1;
    for (const QString& line : r.out.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("#tb 0:"))) {
            const QStringList q = line.mid(6).trimmed().split(u'/');
            tb = q.value(0).toDouble() / q.value(1).toDouble();
            continue;
        }
        if (line.startsWith(u'#'))
            continue;
        const QStringList f = line.split(u',');
        if (f.size() < 6)
            continue;
        const qint64 pts = f.at(2).trimmed().toLongLong();
        if (first < 0)
            first = pts;
        frames << Frame {
                qint64(double(pts - first) * tb * 1000.0 + 0.5), f.at(5).trimmed().toLatin1()};
    }
    return frames;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool copyTree(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void originalIsBitExact();
    void standardToolsVerifyAPackage();
    void verifyNamesTheFileThatWasChanged();
    void clerkNeedsApprovalForAnOriginal();
    void cancelLeavesNothing();
    void aKeyframeBetweenMillisecondsStartsTheFileAtZero();
    void aSupervisorGrantsAnOriginalLater();
    void aZipHoldsTheSamePackage();

private:
    test::Run ctl(const QStringList& args, const QProcessEnvironment& env = {}) const;
    /// Exports [from, to) of the camera as the setup mode, with the original.
    QString exportOriginal(const QString& name, qint64 fromMs, qint64 toMs);

    QTemporaryDir m_dir;
    std::unique_ptr<catalog::Catalog> m_catalog;
    qint64 m_camera = 0;
    QList<catalog::SegmentRecord> m_segments;
    QList<Frame> m_recorded; ///< every recorded frame, UTC times from the index
    QString m_package; ///< made by standardToolsVerifyAPackage
};

test::Run TestExport::ctl(const QStringList& args, const QProcessEnvironment& env) const
{
    return test::run(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            QStringList {QStringLiteral("--data-dir"), m_dir.path()} + args, env);
}

QString TestExport::exportOriginal(const QString& name, qint64 fromMs, qint64 toMs)
{
    const QString out = m_dir.filePath(name);
    const test::Run r = ctl({QStringLiteral("export"), QStringLiteral("--camera"),
            QString::number(m_camera), QStringLiteral("--from"), iso(fromMs),
            QStringLiteral("--to"), iso(toMs), QStringLiteral("--out"), out,
            QStringLiteral("--case"), QStringLiteral("2026-0042"), QStringLiteral("--reason"),
            QStringLiteral("Court order 17/2026"), QStringLiteral("--original")});
    if (r.exitCode != 0) {
        qWarning("vigilctl export: %s", qPrintable(r.err));
        return {};
    }
    return out;
}

void TestExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    const QString problem
            = test::encodeClip(QStringLiteral("testsrc2=size=320x180:rate=25"), 30, kGop, clip);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto opened = catalog::Catalog::open(m_dir.filePath(QStringLiteral("vigil.sqlite")));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().fullText()));
    m_catalog = std::move(opened).value();
    m_camera = test::addArchiveCamera(*m_catalog, QStringLiteral("Plaza Mayor"));
    QVERIFY(m_camera > 0);
    test::ArchivePlan plan;
    plan.cameraId = m_camera;
    plan.recordings = m_dir.filePath(QStringLiteral("recordings"));
    plan.startMs = kStartMs;
    plan.segmentSeconds = 10;
    plan.startOf = [](int index, qint64 start) { return index == 2 ? start + kGapMs : start; };
    m_segments = test::buildArchive(*m_catalog, clip, plan);
    QCOMPARE(m_segments.size(), 3);
    // The recorded frames as the ffmpeg tool decodes each file, placed at the index's times.
    for (const catalog::SegmentRecord& s : std::as_const(m_segments)) {
        const QList<Frame> frames = framemd5(plan.recordings + u'/' + s.path);
        QVERIFY(!frames.isEmpty());
        for (const Frame& f : frames)
            m_recorded << Frame {s.startMs + f.utcMs, f.md5};
    }
    QCOMPARE(m_recorded.size(), 750);
}

void TestExport::originalIsBitExact()
{
    // From the middle of a GOP in the first file, over the gap, into the third file.
    const qint64 from = kStartMs + 5500;
    const qint64 to = kStartMs + 25200 + kGapMs;
    const QString out = exportOriginal(QStringLiteral("bitexact"), from, to);
    QVERIFY(!out.isEmpty());
    const QString mp4 = QDir(out).filePath(
            QStringLiteral("original/camera-%1_20260101T090005Z.mp4").arg(m_camera));
    QVERIFY2(QFile::exists(mp4),
            qPrintable(QDir(out + QStringLiteral("/original")).entryList().join(u' ')));

    // Expected: from the keyframe at or before `from` (frame 100, at 4 s) to the last frame
    // before `to`.
    QList<QByteArray> expected;
    for (int i = 0; i < m_recorded.size(); ++i) {
        if (m_recorded[i].utcMs >= from - 1500 && m_recorded[i].utcMs < to)
            expected << m_recorded[i].md5;
    }
    const QList<Frame> exported = framemd5(mp4);
    QList<QByteArray> got;
    for (const Frame& f : exported)
        got << f.md5;
    QCOMPARE(got.size(), expected.size());
    QVERIFY(got == expected);
    // Times follow the recording: the gap is still there, the last frame where it was.
    QCOMPARE(exported.first().utcMs, 0);
    QVERIFY(std::abs(exported.last().utcMs - (to - 40 - (from - 1500))) <= 40);

    // The first frame's UTC time is the file's creation_time.
    const test::Run probe = test::run(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                    QStringLiteral("format_tags=creation_time"), QStringLiteral("-of"),
                    QStringLiteral("default=nw=1:nk=1"), mp4});
    QCOMPARE(probe.out.trimmed(), QStringLiteral("2026-01-01T09:00:04.000000Z"));

    // The manifest names each recorded file with its SHA-256.
    const QJsonObject manifest
            = QJsonDocument::fromJson(readAll(QDir(out).filePath(QStringLiteral("manifest.json"))))
                      .object();
    const QJsonArray sources = manifest.value(QLatin1String("cameras"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QLatin1String("recordings"))
                                       .toArray();
    QCOMPARE(sources.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QString path = m_dir.filePath(QStringLiteral("recordings/") + m_segments[i].path);
        QCOMPARE(sources[i].toObject().value(QLatin1String("sha256")).toString().toLatin1(),
                evidence::EvidencePackage::sha256Hex(path));
    }

    // The same range exported again gives the same bytes.
    const QString again = exportOriginal(QStringLiteral("bitexact-again"), from, to);
    QVERIFY(!again.isEmpty());
    QCOMPARE(evidence::EvidencePackage::sha256Hex(
                     QDir(again).filePath(QDir(out).relativeFilePath(mp4))),
            evidence::EvidencePackage::sha256Hex(mp4));
}

void TestExport::standardToolsVerifyAPackage()
{
    m_package = exportOriginal(QStringLiteral("package"), kStartMs + 2000, kStartMs + 8000);
    QVERIFY(!m_package.isEmpty());
    const test::Run verify = ctl({QStringLiteral("verify"), m_package});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
    QVERIFY(verify.out.contains(QLatin1String("holds")));

    QProcess sums;
    sums.setWorkingDirectory(m_package);
    sums.start(QStringLiteral("sha256sum"), {QStringLiteral("-c"), QStringLiteral("SHA256SUMS")});
    QVERIFY(sums.waitForFinished(30000));
    const QString sumsOut = QString::fromUtf8(sums.readAllStandardOutput());
    QVERIFY2(sums.exitCode() == 0, qPrintable(sumsOut));
    // The video, report.pdf, VERIFY.txt, the manifest, its signature and the key.
    QCOMPARE(sumsOut.count(QLatin1String(": OK")), 6);
    QVERIFY(sumsOut.contains(QLatin1String("original/")));

    QProcess openssl;
    openssl.setWorkingDirectory(m_package);
    openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                    QStringLiteral("-inkey"), QStringLiteral("public_key.pem"),
                    QStringLiteral("-rawin"), QStringLiteral("-in"),
                    QStringLiteral("manifest.json"), QStringLiteral("-sigfile"),
                    QStringLiteral("manifest.sig")});
    QVERIFY(openssl.waitForFinished(30000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    QVERIFY(openssl.readAllStandardOutput().contains("Signature Verified Successfully"));

    // The fingerprint in the manifest and VERIFY.txt is the one openssl and sha256sum compute,
    // and the installation's.
    QProcess der;
    der.setWorkingDirectory(m_package);
    der.start(QStringLiteral("sh"),
            {QStringLiteral("-c"),
                    QStringLiteral("openssl pkey -pubin -in public_key.pem -outform DER | "
                                   "sha256sum")});
    QVERIFY(der.waitForFinished(30000));
    const QString digest = QString::fromLatin1(der.readAllStandardOutput()).section(u' ', 0, 0);
    QCOMPARE(digest.size(), 64);
    const Result<security::InstallationKey> key
            = security::InstallationKey::open(m_dir.filePath(QStringLiteral("keys")), false);
    QVERIFY(key);
    QCOMPARE(key->fingerprint().remove(u' '), digest);
    QVERIFY(QString::fromUtf8(readAll(QDir(m_package).filePath(QStringLiteral("VERIFY.txt"))))
                    .contains(key->fingerprint()));

    // The export is in the audit log, with the manifest's hash.
    security::AuditLog log(*m_catalog, m_dir.filePath(QStringLiteral("keys")));
    security::AuditFilter filter;
    filter.action = QStringLiteral("export");
    const auto rows = log.list(filter);
    QVERIFY(rows);
    const QByteArray manifestHash = evidence::EvidencePackage::sha256Hex(
            QDir(m_package).filePath(QStringLiteral("manifest.json")));
    QVERIFY(std::any_of(rows->cbegin(), rows->cend(), [&](const security::AuditEntry& e) {
        return e.detail.contains(QString::fromLatin1(manifestHash));
    }));
}

void TestExport::verifyNamesTheFileThatWasChanged()
{
    QVERIFY(!m_package.isEmpty());
    QStringList files;
    QDirIterator it(m_package, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(m_package).relativeFilePath(it.next());
    QCOMPARE(files.size(), 7);
    int copies = 0;
    const auto damaged = [&](const std::function<void(const QString&)>& change) {
        const QString copy = m_dir.filePath(QStringLiteral("damaged-%1").arg(++copies));
        if (!copyTree(m_package, copy))
            return test::Run {};
        change(copy);
        return ctl({QStringLiteral("verify"), copy});
    };
    // One byte flipped in any file.
    for (const QString& file : std::as_const(files)) {
        const test::Run r = damaged([&](const QString& copy) {
            QFile f(QDir(copy).filePath(file));
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 at = f.size() / 2;
            f.seek(at);
            char c = 0;
            QVERIFY(f.getChar(&c));
            f.seek(at);
            QVERIFY(f.putChar(char(c ^ 0x01)));
        });
        QVERIFY2(r.exitCode == 1, qPrintable(file + u' ' + r.err));
        QVERIFY2(r.err.contains(file), qPrintable(file + QLatin1String(": ") + r.err));
    }
    // An edited manifest, with SHA256SUMS made to match it.
    test::Run r = damaged([&](const QString& copy) {
        const QString path = QDir(copy).filePath(QStringLiteral("manifest.json"));
        QByteArray text = readAll(path);
        text.replace("Court order 17/2026", "Court order 18/2026");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
        QProcess sums;
        sums.setWorkingDirectory(copy);
        sums.start(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                        QStringLiteral("find . -type f ! -name SHA256SUMS | sed 's|^./||' | sort "
                                       "| xargs sha256sum > SHA256SUMS")});
        QVERIFY(sums.waitForFinished(30000));
    });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("manifest.json")), qPrintable(r.err));
    // A signature replaced by another key's.
    r = damaged([&](const QString& copy) {
        QProcess openssl;
        openssl.setWorkingDirectory(copy);
        openssl.start(QStringLiteral("sh"),
                {QStringLiteral("-c"),
                        QStringLiteral("openssl genpkey -algorithm ed25519 -out ../other.pem && "
                                       "openssl pkeyutl -sign -inkey ../other.pem -rawin -in "
                                       "manifest.json -out manifest.sig")});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
    });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("manifest.sig")), qPrintable(r.err));
    // A file slipped in.
    r = damaged([&](const QString& copy) {
        QFile f(QDir(copy).filePath(QStringLiteral("original/extra.mp4")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not evidence");
    });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("original/extra.mp4")), qPrintable(r.err));
    // The untouched package still holds.
    QCOMPARE(ctl({QStringLiteral("verify"), m_package}).exitCode, 0);
}

void TestExport::clerkNeedsApprovalForAnOriginal()
{
    security::UserStore users(*m_catalog);
    const Result<qint64> clerkId = users.add(QStringLiteral("clerk"), QStringLiteral("Ana Clerk"),
            security::Role::Clerk, QStringLiteral("clerk-password-1"));
    const Result<qint64> supervisorId
            = users.add(QStringLiteral("sup"), QStringLiteral("Sara Supervisor"),
                    security::Role::Supervisor, QStringLiteral("supervisor-password-1"));
    QVERIFY(clerkId && supervisorId);
    security::Principal clerk;
    clerk.userId = clerkId.value();
    clerk.login = QStringLiteral("clerk");
    clerk.role = security::Role::Clerk;
    security::Principal supervisor;
    supervisor.userId = supervisorId.value();
    supervisor.login = QStringLiteral("sup");
    supervisor.role = security::Role::Supervisor;
    evidence::ExportSpec spec;
    spec.cameraIds = {m_camera};
    spec.original = true;
    const Result<void> alone = evidence::ExportJob::authorize(clerk, spec, std::nullopt);
    QVERIFY(!alone);
    QCOMPARE(alone.error().code, Error::Code::Forbidden);
    QVERIFY(evidence::ExportJob::authorize(clerk, spec, supervisor));
    QVERIFY(!evidence::ExportJob::authorize(clerk, spec, clerk)); // a clerk cannot approve
    spec.original = false;
    QVERIFY(evidence::ExportJob::authorize(clerk, spec, std::nullopt));

    // The job itself refuses, and makes nothing.
    spec.original = true;
    spec.fromMs = kStartMs;
    spec.toMs = kStartMs + 4000;
    spec.caseNumber = QStringLiteral("C-1");
    spec.reason = QStringLiteral("test");
    spec.outDir = m_dir.filePath(QStringLiteral("refused"));
    evidence::ExportJob job({m_catalog->path(), m_dir.filePath(QStringLiteral("recordings")),
                                    m_dir.filePath(QStringLiteral("keys"))},
            clerk, spec);
    const Result<evidence::ExportSummary> refused = job.run();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QVERIFY(!QFileInfo::exists(spec.outDir));
    job.setApprover(supervisor);
    const Result<evidence::ExportSummary> approved = job.run();
    QVERIFY2(approved, approved ? "" : qPrintable(approved.error().fullText()));
    const QJsonObject manifest = QJsonDocument::fromJson(
            readAll(QDir(spec.outDir).filePath(QStringLiteral("manifest.json"))))
                                         .object();
    QCOMPARE(manifest.value(QLatin1String("original_approved_by"))
                     .toObject()
                     .value(QLatin1String("login"))
                     .toString(),
            QStringLiteral("sup"));
}

void TestExport::cancelLeavesNothing()
{
    const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden);
    evidence::ExportSpec spec;
    spec.cameraIds = {m_camera};
    spec.original = true;
    spec.fromMs = kStartMs;
    spec.toMs = kStartMs + 30000;
    spec.caseNumber = QStringLiteral("C-2");
    spec.reason = QStringLiteral("test");
    spec.outDir = m_dir.filePath(QStringLiteral("cancelled"));
    evidence::ExportJob job({m_catalog->path(), m_dir.filePath(QStringLiteral("recordings")),
                                    m_dir.filePath(QStringLiteral("keys"))},
            security::Principal::setupMode(), spec);
    std::atomic_bool cancel {false};
    double seen = 0;
    const Result<evidence::ExportSummary> done
            = job.run(&cancel, [&](double share, const QString&) {
                  seen = share;
                  if (share > 0.4)
                      cancel = true;
              });
    QVERIFY(!done);
    QCOMPARE(done.error().code, Error::Code::Cancelled);
    QVERIFY(seen > 0.4 && seen < 1.0);
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden), before);
}

void TestExport::aKeyframeBetweenMillisecondsStartsTheFileAtZero()
{
    // 15 frames a second, a keyframe every 16 frames: the keyframe before 1.5 s lies at
    // 1066.67 ms. Had the file's first frame gone a tick below 0, the MP4's edit list would hide
    // it from every player (and the redaction editor's frames would be off by one).
    const QString clip = m_dir.filePath(QStringLiteral("fifteen.mp4"));
    const QString problem
            = test::encodeClip(QStringLiteral("testsrc2=size=320x180:rate=15"), 4, 16, clip);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString out = m_dir.filePath(QStringLiteral("fifteen-export.mp4"));
    const Result<evidence::RemuxResult> made = evidence::OriginalRemux::run(
            {evidence::SourceSegment {clip, kStartMs, kStartMs + 4000}}, kStartMs + 1500,
            kStartMs + 3000, out);
    QVERIFY2(made, made ? "" : qPrintable(made.error().fullText()));
    const test::Run packets = test::run(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                    QStringLiteral("v"), QStringLiteral("-show_entries"),
                    QStringLiteral("packet=pts,flags"), QStringLiteral("-of"),
                    QStringLiteral("csv=p=0"), out});
    const QStringList rows = packets.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(rows.first(), QStringLiteral("0,K_"));
    for (const QString& row : rows)
        QVERIFY2(!row.contains(QLatin1Char('D')), qPrintable(row)); // nothing to discard
    // Every frame from that keyframe (frame 16) to the last before 3 s (frame 44) plays.
    QCOMPARE(framemd5(out).size(), 45 - 16);
}

void TestExport::aSupervisorGrantsAnOriginalLater()
{
    // A clerk needs an original while no supervisor is at the PC: she asks; the supervisor,
    // at their own login later, grants it; her export of that footage goes ahead, once.
    security::UserStore users(*m_catalog);
    for (const auto& [login, role] : {std::pair {QStringLiteral("clerk2"), security::Role::Clerk},
                 std::pair {QStringLiteral("sup2"), security::Role::Supervisor},
                 std::pair {QStringLiteral("clerk3"), security::Role::Clerk}})
        QVERIFY(users.add(login, login, role, QStringLiteral("a-long-password-1")));
    const QString keys = m_dir.filePath(QStringLiteral("keys"));
    security::Session clerk(*m_catalog, keys, QStringLiteral("test"));
    QVERIFY(clerk.logIn(QStringLiteral("clerk2"), QStringLiteral("a-long-password-1")));
    security::Session supervisor(*m_catalog, keys, QStringLiteral("test"));
    QVERIFY(supervisor.logIn(QStringLiteral("sup2"), QStringLiteral("a-long-password-1")));
    security::Session otherClerk(*m_catalog, keys, QStringLiteral("test"));
    QVERIFY(otherClerk.logIn(QStringLiteral("clerk3"), QStringLiteral("a-long-password-1")));

    evidence::ExportSpec spec;
    spec.cameraIds = {m_camera};
    spec.fromMs = kStartMs + 1000;
    spec.toMs = kStartMs + 5000;
    spec.caseNumber = QStringLiteral("C-7");
    spec.reason = QStringLiteral("Court order 7/2026");
    spec.original = true;
    evidence::Approvals asking(*m_catalog, &clerk);
    const Result<qint64> asked = asking.ask(spec);
    QVERIFY2(asked, asked ? "" : qPrintable(asked.error().fullText()));
    spec.approvalId = asked.value();
    const evidence::ExportPaths paths {
            m_catalog->path(), m_dir.filePath(QStringLiteral("recordings")), keys};
    const auto exportAs = [&](const security::Session& who, const QString& name) {
        evidence::ExportSpec s = spec;
        s.outDir = m_dir.filePath(name);
        return evidence::ExportJob(paths, who.principal(), s).run();
    };
    // Not yet granted: nothing is made.
    Result<evidence::ExportSummary> early = exportAs(clerk, QStringLiteral("approval-early"));
    QVERIFY(!early);
    QCOMPARE(early.error().code, Error::Code::Forbidden);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("approval-early"))));
    // Nobody grants their own, and a clerk grants nothing.
    QVERIFY(!asking.decide(spec.approvalId, true));
    QVERIFY(!evidence::Approvals(*m_catalog, &otherClerk).decide(spec.approvalId, true));
    QVERIFY(evidence::Approvals(*m_catalog, &supervisor).decide(spec.approvalId, true));
    QVERIFY(!evidence::Approvals(*m_catalog, &supervisor).decide(spec.approvalId, false));
    // Granted to her, not to another clerk, and for this footage only.
    QVERIFY(!exportAs(otherClerk, QStringLiteral("approval-other")));
    {
        evidence::ExportSpec wider = spec;
        wider.toMs += 60000;
        wider.outDir = m_dir.filePath(QStringLiteral("approval-wider"));
        QVERIFY(!evidence::ExportJob(paths, clerk.principal(), wider).run());
    }
    const Result<evidence::ExportSummary> made = exportAs(clerk, QStringLiteral("approval-made"));
    QVERIFY2(made, made ? "" : qPrintable(made.error().fullText()));
    const QJsonObject manifest = QJsonDocument::fromJson(
            readAll(QDir(made->outDir).filePath(QStringLiteral("manifest.json"))))
                                         .object();
    QCOMPARE(manifest.value(QLatin1String("original_approved_by"))
                     .toObject()
                     .value(QLatin1String("login"))
                     .toString(),
            QStringLiteral("sup2"));
    // Once: a second package needs a new approval.
    const Result<evidence::ExportSummary> again = exportAs(clerk, QStringLiteral("approval-again"));
    QVERIFY(!again);
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("approval-again"))));
    const Result<QList<evidence::ApprovalInfo>> listed = asking.list();
    QVERIFY(listed);
    QCOMPARE(listed->first().record.status, QStringLiteral("used"));
    QCOMPARE(listed->first().record.decidedLogin, QStringLiteral("sup2"));
    // The audit log tells the story.
    security::AuditLog log(*m_catalog, keys);
    for (const char* action : {security::audit::kApprovalAsk, security::audit::kApprovalGrant}) {
        security::AuditFilter filter;
        filter.action = QLatin1String(action);
        const auto rows = log.list(filter);
        QVERIFY(rows && !rows->isEmpty());
    }
}

void TestExport::aZipHoldsTheSamePackage()
{
    const QString out = m_dir.filePath(QStringLiteral("zipped"));
    const test::Run made = ctl({QStringLiteral("export"), QStringLiteral("--camera"),
            QString::number(m_camera), QStringLiteral("--from"), iso(kStartMs + 1000),
            QStringLiteral("--to"), iso(kStartMs + 5000), QStringLiteral("--out"), out,
            QStringLiteral("--case"), QStringLiteral("2026-0043"), QStringLiteral("--reason"),
            QStringLiteral("Records request"), QStringLiteral("--original"),
            QStringLiteral("--zip")});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const QString zip = out + QStringLiteral(".zip");
    QVERIFY(QFileInfo::exists(zip));
    QVERIFY(made.out.contains(QDir::toNativeSeparators(zip)));
    // Unpacked by another tool, the package in it holds on its own.
    const QString unpacked = m_dir.filePath(QStringLiteral("unzipped"));
    const test::Run unzip = test::run(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-e"), zip, unpacked});
    QVERIFY2(unzip.exitCode == 0, qPrintable(unzip.err));
    const QString inside = unpacked + QStringLiteral("/zipped");
    const test::Run verify = ctl({QStringLiteral("verify"), inside});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
    QStringList folderFiles;
    QStringList zipFiles;
    for (QDirIterator it(out, QDir::Files, QDirIterator::Subdirectories); it.hasNext();)
        folderFiles << QDir(out).relativeFilePath(it.next());
    for (QDirIterator it(inside, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString name = QDir(inside).relativeFilePath(it.next());
        zipFiles << name;
        QCOMPARE(evidence::EvidencePackage::sha256Hex(it.filePath()),
                evidence::EvidencePackage::sha256Hex(QDir(out).filePath(name)));
    }
    folderFiles.sort();
    zipFiles.sort();
    QCOMPARE(zipFiles, folderFiles);
    // The audit row names the .zip by its SHA-256.
    security::AuditLog log(*m_catalog, m_dir.filePath(QStringLiteral("keys")));
    security::AuditFilter filter;
    filter.action = QLatin1String(security::audit::kExport);
    const auto rows = log.list(filter);
    QVERIFY(rows && !rows->isEmpty());
    bool named = false;
    for (const auto& row : rows.value())
        named = named
                || row.detail.contains(
                        QString::fromLatin1(evidence::EvidencePackage::sha256Hex(zip)));
    QVERIFY(named);
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
