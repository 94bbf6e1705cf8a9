#include "core/export/export_job.h"

#include "core/catalog/approval_store.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/export/approvals.h"
#include "core/export/evidence_package.h"
#include "core/export/evidence_report.h"
#include "core/export/original_remux.h"
#include "core/export/times_p.h"
#include "core/logging_categories.h"
#include "core/media/privacy_mask.h"
#include "core/redaction/renderer.h"
#include "core/security/audit_actions.h"
#include "core/security/audit_log.h"
#include "core/security/installation_key.h"
#include "vigil_version.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

namespace vigil::evidence {

using security::Access;
using security::Permission;
using security::Principal;

namespace {

QString fileStamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
            .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QJsonObject personJson(const Principal& p)
{
    return QJsonObject {{QStringLiteral("user_id"), p.userId},
            {QStringLiteral("login"), p.isSetupMode() ? QStringLiteral("(setup)") : p.login},
            {QStringLiteral("role"), Access::roleWord(p.role)}};
}

/// A camera's privacy masks as regions hidden on every frame (their bounding boxes).
QList<redaction::Track> maskTracks(const QString& masks, QSize size, int frames, int firstId)
{
    QList<redaction::Track> tracks;
    const media::PrivacyMask mask = media::PrivacyMask::forCatalog(masks);
    for (const QPolygonF& polygon : mask.polygons()) {
        const QRectF r = polygon.boundingRect();
        const QRect box(int(std::floor(r.left() * size.width())),
                int(std::floor(r.top() * size.height())),
                int(std::ceil(r.width() * size.width())) + 1,
                int(std::ceil(r.height() * size.height())) + 1);
        redaction::Track t;
        t.id = firstId + int(tracks.size());
        t.kind = redaction::TrackKind::Mask;
        for (int f = 0; f < frames; ++f)
            t.boxes.insert(f, box.intersected(QRect(QPoint(0, 0), size)));
        tracks << t;
    }
    return tracks;
}

constexpr int kReportPictures = 5;
constexpr int kReportPictureWidth = 320;

} // namespace

redaction::RedactionLog logOf(const redaction::Analysis& analysis, const QByteArray& originalSha256)
{
    redaction::RedactionLog log;
    log.originalSha256 = originalSha256;
    log.width = analysis.size.width();
    log.height = analysis.size.height();
    log.frames = analysis.frames;
    log.tracks = analysis.tracks;
    log.detectors = analysis.detectors;
    return log;
}

QString originalName(qint64 cameraId, qint64 fromMs)
{
    return QStringLiteral("original/camera-%1_%2.mp4").arg(cameraId).arg(fileStamp(fromMs));
}

QString redactedName(qint64 cameraId, qint64 fromMs)
{
    return QStringLiteral("redacted/camera-%1_%2.mp4").arg(cameraId).arg(fileStamp(fromMs));
}

ExportJob::ExportJob(ExportPaths paths, Principal who, ExportSpec spec)
    : m_paths(std::move(paths))
    , m_who(std::move(who))
    , m_spec(std::move(spec))
{ }

Result<void> ExportJob::authorize(
        const Principal& who, const ExportSpec& spec, const std::optional<Principal>& approver)
{
    if (spec.cameraIds.isEmpty())
        return Error {Error::Code::InvalidArgument, tr("Choose at least one camera."), {}};
    for (qint64 camera : spec.cameraIds) {
        if (Result<void> allowed = Access::check(who, Permission::ExportRedacted, camera); !allowed)
            return allowed;
        if (!spec.original || Access::check(who, Permission::ExportOriginal, camera))
            continue;
        if (!approver && spec.approvalId > 0)
            continue; // an approval given later: run() checks it against the catalog
        if (!approver)
            return Error {Error::Code::Forbidden,
                    tr("Releasing original (unredacted) footage needs a supervisor's approval."),
                    {}};
        if (Result<void> approved = Access::check(*approver, Permission::ApproveRelease, camera);
                !approved)
            return approved;
        if (approver->userId == who.userId && !who.isSetupMode())
            return Error {Error::Code::Forbidden,
                    tr("An original must be approved by someone other than the person who "
                       "exports it."),
                    {}};
    }
    return {};
}

Result<ExportSummary> ExportJob::run(const std::atomic_bool* cancel, const Progress& progress)
{
    if (Result<void> allowed = authorize(m_who, m_spec, m_approver); !allowed)
        return allowed.error();
    if (m_spec.toMs <= m_spec.fromMs)
        return Error {Error::Code::InvalidArgument, tr("The end must come after the start."), {}};
    if (!m_spec.original && !m_spec.redacted)
        return Error {Error::Code::InvalidArgument,
                tr("Choose what the package holds: the original, the redacted video, or both."),
                {}};
    const QFileInfo target(m_spec.outDir);
    if (target.exists() && !(target.isDir() && QDir(m_spec.outDir).isEmpty()))
        return Error {Error::Code::InvalidArgument,
                tr("\"%1\" exists already: choose a new folder for the package.")
                        .arg(QDir::toNativeSeparators(m_spec.outDir)),
                {}};
    const auto cancelled = [&] { return cancel && cancel->load(); };
    const Error cancelError {Error::Code::Cancelled, tr("The export was cancelled."), {}};

    Result<std::unique_ptr<catalog::Catalog>> opened = catalog::Catalog::open(m_paths.catalog);
    if (!opened)
        return opened.error();
    catalog::Catalog& db = *opened.value();
    if (m_spec.approvalId > 0) {
        // An approval given later: its supervisor, checked against the catalog, approves.
        const Result<security::Principal> approver = Approvals::approverFor(db, m_who, m_spec);
        if (!approver)
            return approver.error();
        m_approver = approver.value();
        if (Result<void> allowed = authorize(m_who, m_spec, m_approver); !allowed)
            return allowed.error();
    }
    catalog::CameraStore cameras(db);
    catalog::SegmentStore segments(db);
    QElapsedTimer phase;
    phase.start();
    const Result<security::InstallationKey> key = security::InstallationKey::open(m_paths.keys);
    if (!key)
        return key.error();

    // Everything is made in a hidden folder beside the target and renamed when complete.
    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent))
        return Error {Error::Code::NotWritable,
                tr("Cannot make the folder \"%1\".").arg(QDir::toNativeSeparators(parent)), {}};
    const QString work = QDir(parent).filePath(
            QStringLiteral(".%1.partial-%2")
                    .arg(target.fileName())
                    .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    bool keep = false;
    const auto cleanup = qScopeGuard([&] {
        if (!keep)
            QDir(work).removeRecursively();
    });
    if (!QDir().mkpath(work + QStringLiteral("/.source"))
            || (m_spec.original && !QDir().mkpath(work + QStringLiteral("/original")))
            || (m_spec.redacted && !QDir().mkpath(work + QStringLiteral("/redacted"))))
        return Error {Error::Code::NotWritable,
                tr("Cannot make the folder \"%1\".").arg(QDir::toNativeSeparators(work)), {}};

    const Result<QList<catalog::CameraRecord>> known = cameras.list();
    if (!known)
        return known.error();
    QJsonArray cameraEntries;
    QJsonArray redactionLogs;
    QList<EvidenceReport::Strip> strips; // of originals, made while they were remuxed
    QHash<QString, QByteArray> hashed; // SHA-256 of the files made, by path in the package
    const double share = 1.0 / double(m_spec.cameraIds.size());
    int exported = 0;
    for (int i = 0; i < m_spec.cameraIds.size(); ++i) {
        const qint64 id = m_spec.cameraIds.at(i);
        const auto camera = std::find_if(known->cbegin(), known->cend(),
                [id](const catalog::CameraRecord& c) { return c.id == id; });
        if (camera == known->cend())
            return Error {Error::Code::NotFound, tr("There is no camera %1.").arg(id), {}};
        const Result<qint64> stream = segments.streamId(id, QStringLiteral("main"));
        if (!stream)
            return stream.error();
        const Result<QList<catalog::SegmentRecord>> files
                = segments.streamSegments(stream.value(), m_spec.fromMs, m_spec.toMs);
        if (!files)
            return files.error();
        QJsonObject entry {{QStringLiteral("id"), id}, {QStringLiteral("name"), camera->name},
                {QStringLiteral("vendor"), camera->vendor},
                {QStringLiteral("model"), camera->model},
                {QStringLiteral("serial"), camera->serial}};
        QList<SourceSegment> sources;
        QList<bool> sealedFiles; // closed: hashed (a file being written has no lasting hash)
        for (const catalog::SegmentRecord& s : files.value()) {
            sources << SourceSegment {
                    QDir(m_paths.recordings).filePath(s.path), s.startMs, s.endMs};
            sealedFiles << (s.state != QLatin1String("open"));
        }
        if (sources.isEmpty()) {
            entry.insert(QStringLiteral("recordings"), QJsonArray());
            entry.insert(QStringLiteral("note"),
                    QStringLiteral("nothing was recorded in the time range"));
            cameraEntries.append(entry);
            continue;
        }
        // The recorded files are hashed on another thread while they are remuxed.
        QFuture<QList<QByteArray>> hashing = QtConcurrent::run([&sources, &sealedFiles, cancel] {
            QList<QByteArray> hashes;
            for (qsizetype k = 0; k < sources.size(); ++k)
                hashes << (sealedFiles.at(k)
                                ? EvidencePackage::sha256Hex(sources.at(k).path, cancel)
                                : QByteArray());
            return hashes;
        });
        const auto sourceEntries = [&]() -> Result<QJsonArray> {
            const QList<QByteArray> hashes = hashing.result();
            if (cancelled())
                return cancelError;
            QJsonArray array;
            for (qsizetype k = 0; k < sources.size(); ++k) {
                const catalog::SegmentRecord& s = files->at(k);
                QJsonObject source {{QStringLiteral("path"), s.path},
                        {QStringLiteral("start_utc"), isoUtc(s.startMs)},
                        {QStringLiteral("end_utc"), isoUtc(s.endMs)},
                        {QStringLiteral("state"), s.state}};
                if (sealedFiles.at(k)) {
                    if (hashes.at(k).isEmpty())
                        return Error {Error::Code::Io,
                                tr("The recording \"%1\" cannot be read.")
                                        .arg(QDir::toNativeSeparators(sources.at(k).path)),
                                {}};
                    source.insert(QStringLiteral("sha256"), QString::fromLatin1(hashes.at(k)));
                    source.insert(QStringLiteral("bytes"), QFileInfo(sources.at(k).path).size());
                }
                array.append(source);
            }
            return array;
        };
        const auto joinHashing = qScopeGuard([&] { hashing.waitForFinished(); });
        // The report's pictures of an original come from the recorded files, meanwhile too (a
        // redacted package takes them from its redacted video, made later).
        QFuture<QList<QImage>> pictures;
        if (!m_spec.redacted) {
            QList<QPair<QString, double>> moments;
            for (int k = 0; k < kReportPictures; ++k) {
                const qint64 at = m_spec.fromMs
                        + (m_spec.toMs - m_spec.fromMs) * (2 * k + 1) / (2 * kReportPictures);
                for (const SourceSegment& source : std::as_const(sources)) {
                    if (at >= source.startMs && at < source.endMs) {
                        moments.append({source.path,
                                double(at - source.startMs)
                                        / double(std::max<qint64>(
                                                1, source.endMs - source.startMs))});
                        break;
                    }
                }
            }
            pictures = QtConcurrent::run(
                    [moments] { return EvidenceReport::picturesAt(moments, kReportPictureWidth); });
        }
        // Without the original in the package it is made all the same, beside it, for the
        // redaction (and made again from the recordings by a replay).
        const QString name = m_spec.original ? originalName(id, m_spec.fromMs)
                                             : QStringLiteral(".source/camera-%1.mp4").arg(id);
        const double remuxShare = m_spec.redacted ? 0.1 : 1.0;
        const Result<RemuxResult> remuxed = OriginalRemux::run(
                sources, m_spec.fromMs, m_spec.toMs, QDir(work).filePath(name), [&](double done) {
                    if (progress)
                        progress(share * (i + done * remuxShare),
                                tr("Exporting %1").arg(camera->name));
                    return !cancelled();
                });
        if (pictures.isValid())
            strips.append({camera->name, pictures.result()});
        const Result<QJsonArray> recordings = sourceEntries();
        if (!recordings)
            return recordings.error();
        entry.insert(QStringLiteral("recordings"), recordings.value());
        if (!remuxed) {
            if (remuxed.error().code == Error::Code::NotFound)
                continue; // recorded files, but no frame in the range
            return remuxed.error();
        }
        if (m_spec.original)
            entry.insert(QStringLiteral("original"), name);
        if (m_spec.redacted) {
            const QString source = QDir(work).filePath(name);
            redaction::RedactionLog log;
            const QByteArray sourceHash = EvidencePackage::sha256Hex(source);
            hashed.insert(name, sourceHash);
            if (m_spec.reviewed.contains(id)) {
                // A person decided the tracks (ReviewMaterial); they are for exactly this video.
                log = m_spec.reviewed.value(id);
                if (log.originalSha256 != sourceHash)
                    return Error {Error::Code::InvalidArgument,
                            tr("The footage of %1 is not the one that was reviewed: review it "
                               "again.")
                                    .arg(camera->name),
                            {}};
            } else {
                const Result<redaction::Analysis> analysis
                        = redaction::Analyzer::run(source, m_spec.detect, [&](double done) {
                              if (progress)
                                  progress(share * (i + 0.1 + 0.6 * done),
                                          tr("Finding faces and plates: %1").arg(camera->name));
                              return !cancelled();
                          });
                if (!analysis)
                    return analysis.error();
                log = logOf(analysis.value(), sourceHash);
                log.effect = m_spec.effect;
            }
            log.original = m_spec.original ? name : QString();
            log.tracks += maskTracks(camera->privacyMasks, QSize(log.width, log.height), log.frames,
                    int(log.tracks.size()) + 1);
            const QString redacted = redactedName(id, m_spec.fromMs);
            const Result<void> rendered = redaction::Renderer::run(
                    source, log, QDir(work).filePath(redacted), [&](double done) {
                        if (progress)
                            progress(share * (i + 0.7 + 0.3 * done),
                                    tr("Hiding faces and plates: %1").arg(camera->name));
                        return !cancelled();
                    });
            if (!rendered)
                return rendered.error();
            QJsonObject logJson = log.toJson();
            logJson.insert(QStringLiteral("camera"), id);
            logJson.insert(QStringLiteral("redacted"), redacted);
            redactionLogs.append(logJson);
            entry.insert(QStringLiteral("redacted"), redacted);
            int counts[5] = {0, 0, 0, 0, 0};
            for (const redaction::Track& t : std::as_const(log.tracks))
                ++counts[int(t.kind)];
            entry.insert(QStringLiteral("redaction"),
                    QJsonObject {{QStringLiteral("face_tracks"), counts[0]},
                            {QStringLiteral("plate_tracks"), counts[1]},
                            {QStringLiteral("region_tracks"), counts[3]},
                            {QStringLiteral("privacy_masks"), counts[4]},
                            {QStringLiteral("invert"), log.invert},
                            {QStringLiteral("audio"),
                                    log.audio == redaction::AudioMode::Keep
                                            ? QStringLiteral("keep")
                                            : QStringLiteral("remove")},
                            {QStringLiteral("muted"), int(log.muted.size())},
                            {QStringLiteral("effect"),
                                    redaction::RedactionLog::effectKey(log.effect)}});
        }
        if (!hashed.contains(name)) // hashed already when it was redacted
            hashed.insert(name, EvidencePackage::sha256Hex(QDir(work).filePath(name)));
        entry.insert(QStringLiteral("original_sha256"), QString::fromLatin1(hashed.value(name)));
        entry.insert(QStringLiteral("first_frame_utc"), isoUtc(remuxed->firstFrameMs));
        entry.insert(QStringLiteral("last_frame_utc"), isoUtc(remuxed->lastFrameMs));
        entry.insert(QStringLiteral("codec"), remuxed->codec);
        entry.insert(QStringLiteral("width"), remuxed->width);
        entry.insert(QStringLiteral("height"), remuxed->height);
        entry.insert(QStringLiteral("video_packets"), remuxed->videoPackets);
        entry.insert(QStringLiteral("audio_packets"), remuxed->audioPackets);
        cameraEntries.append(entry);
        ++exported;
    }
    if (exported == 0)
        return Error {Error::Code::NotFound, tr("Nothing was recorded in this time range."), {}};
    if (cancelled())
        return cancelError;
    QDir(work + QStringLiteral("/.source")).removeRecursively();
    if (m_spec.redacted) {
        const QJsonObject redaction {{QStringLiteral("format"), QStringLiteral("vigil-redaction")},
                {QStringLiteral("format_version"), 1},
                {QStringLiteral("encoder"), redaction::Renderer::encoderSettings()},
                {QStringLiteral("cameras"), redactionLogs},
                {QStringLiteral("replay"),
                        QStringLiteral("vigilctl redact --replay <this folder> renders redacted/ "
                                       "again from the original and this log")}};
        QFile file(QDir(work).filePath(QStringLiteral("redaction.json")));
        if (!file.open(QIODevice::WriteOnly)
                || file.write(QJsonDocument(redaction).toJson(QJsonDocument::Indented)) < 0)
            return Error {Error::Code::NotWritable,
                    tr("Cannot write \"%1\".").arg(QDir::toNativeSeparators(file.fileName())),
                    file.errorString()};
    }

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QJsonObject manifest {{QStringLiteral("format"), QStringLiteral("vigil-evidence-package")},
            {QStringLiteral("format_version"), 1},
            {QStringLiteral("vigil_version"), QStringLiteral(VIGIL_VERSION_STRING)},
            {QStringLiteral("created_utc"), isoUtc(nowMs)},
            {QStringLiteral("exported_by"), personJson(m_who)},
            {QStringLiteral("case"), m_spec.caseNumber}, {QStringLiteral("reason"), m_spec.reason},
            {QStringLiteral("from_utc"), isoUtc(m_spec.fromMs)},
            {QStringLiteral("to_utc"), isoUtc(m_spec.toMs)},
            {QStringLiteral("cameras"), cameraEntries},
            {QStringLiteral("contents"),
                    QJsonObject {{QStringLiteral("original"), m_spec.original},
                            {QStringLiteral("redacted"), m_spec.redacted}}}};
    if (m_approver)
        manifest.insert(QStringLiteral("original_approved_by"), personJson(*m_approver));
    if (!m_spec.request.isEmpty())
        manifest.insert(QStringLiteral("request"), m_spec.request);
    qCInfo(lcEvidence) << "export: videos made in" << phase.restart() << "ms";
    // The report: the videos' hashes and a strip of pictures per camera, from the redacted
    // video when there is one.
    if (progress)
        progress(0.98, tr("Writing the report"));
    EvidenceReport::Input report;
    report.manifest = manifest;
    report.fingerprint = key->fingerprint();
    for (const QString& folder : {QStringLiteral("original"), QStringLiteral("redacted")}) {
        for (const QString& file : QDir(QDir(work).filePath(folder)).entryList(QDir::Files)) {
            const QString relative = folder + u'/' + file;
            if (!hashed.contains(relative))
                hashed.insert(relative, EvidencePackage::sha256Hex(QDir(work).filePath(relative)));
            report.hashes.append({relative, hashed.value(relative)});
        }
    }
    if (m_spec.redacted)
        report.hashes.append({QStringLiteral("redaction.json"),
                EvidencePackage::sha256Hex(QDir(work).filePath(QStringLiteral("redaction.json")))});
    report.strips = strips;
    for (const QJsonValue& v : std::as_const(cameraEntries)) {
        const QJsonObject c = v.toObject();
        const QString video = c.value(QLatin1String("redacted")).toString();
        if (!video.isEmpty())
            report.strips.append({c.value(QLatin1String("name")).toString(),
                    EvidenceReport::pictures(
                            QDir(work).filePath(video), kReportPictures, kReportPictureWidth)});
    }
    qCInfo(lcEvidence) << "export: report pictures in" << phase.elapsed() << "ms";
    if (Result<void> written
            = EvidenceReport::write(QDir(work).filePath(QStringLiteral("report.pdf")), report);
            !written)
        return written.error();
    if (cancelled())
        return cancelError;
    qCInfo(lcEvidence) << "export: report written in" << phase.restart() << "ms";
    if (progress)
        progress(0.99, tr("Signing the package"));
    if (Result<void> sealed = EvidencePackage::seal(work, manifest, key.value(), cancel, hashed);
            !sealed)
        return sealed.error();
    if (cancelled())
        return cancelError;
    qCInfo(lcEvidence) << "export: sealed in" << phase.restart() << "ms";
    const QString zipPath = m_spec.zip ? m_spec.outDir + QStringLiteral(".zip") : QString();
    QByteArray zipSha256;
    if (m_spec.zip) {
        if (progress)
            progress(0.995, tr("Writing the .zip file"));
        if (QFileInfo::exists(zipPath))
            return Error {Error::Code::InvalidArgument,
                    tr("\"%1\" exists already: choose a new folder for the package.")
                            .arg(QDir::toNativeSeparators(zipPath)),
                    {}};
        const Result<QByteArray> zipped = EvidencePackage::zip(work, target.fileName(), zipPath);
        if (!zipped)
            return zipped.error();
        zipSha256 = zipped.value();
    }
    const auto dropZip = qScopeGuard([&] {
        if (!keep && !zipPath.isEmpty())
            QFile::remove(zipPath);
    });
    if (target.exists())
        QDir(m_spec.outDir).removeRecursively(); // empty, as checked above
    if (!QDir().rename(work, m_spec.outDir))
        return Error {Error::Code::NotWritable,
                tr("Cannot move the package to \"%1\".")
                        .arg(QDir::toNativeSeparators(m_spec.outDir)),
                {}};
    ExportSummary summary;
    summary.outDir = m_spec.outDir;
    summary.manifestSha256 = EvidencePackage::sha256Hex(
            QDir(m_spec.outDir).filePath(QLatin1String(EvidencePackage::kManifest)));
    summary.fingerprint = key->fingerprint();
    summary.zip = zipPath;
    QDirIterator it(m_spec.outDir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        summary.files << QDir(m_spec.outDir).relativeFilePath(it.next());
    summary.files.sort();

    // Nothing leaves without its audit row.
    QJsonObject detail {{QStringLiteral("case"), m_spec.caseNumber},
            {QStringLiteral("reason"), m_spec.reason},
            {QStringLiteral("from"), isoUtc(m_spec.fromMs)},
            {QStringLiteral("to"), isoUtc(m_spec.toMs)},
            {QStringLiteral("original"), m_spec.original},
            {QStringLiteral("redacted"), m_spec.redacted},
            {QStringLiteral("manifest_sha256"), QString::fromLatin1(summary.manifestSha256)}};
    QJsonArray ids;
    for (qint64 id : m_spec.cameraIds)
        ids.append(id);
    detail.insert(QStringLiteral("cameras"), ids);
    if (m_approver)
        detail.insert(QStringLiteral("approved_by"), m_approver->login);
    if (m_spec.approvalId > 0)
        detail.insert(QStringLiteral("approval"), m_spec.approvalId);
    if (!zipPath.isEmpty())
        detail.insert(QStringLiteral("zip_sha256"), QString::fromLatin1(zipSha256));
    if (!m_spec.request.isEmpty()) {
        // What the transparency report counts exports by.
        detail.insert(QStringLiteral("request"), m_spec.request.value(QLatin1String("number")));
        detail.insert(QStringLiteral("requester_type"),
                m_spec.request.value(QLatin1String("requester_type")));
        detail.insert(
                QStringLiteral("legal_basis"), m_spec.request.value(QLatin1String("legal_basis")));
    }
    security::AuditLog log(db, m_paths.keys);
    if (Result<qint64> written = log.append(m_who, QLatin1String(security::audit::kExport),
                QDir::toNativeSeparators(m_spec.outDir), detail,
                m_spec.cameraIds.size() == 1 ? m_spec.cameraIds.first() : 0);
            !written) {
        QDir(m_spec.outDir).removeRecursively();
        return written.error();
    }
    if (m_spec.approvalId > 0) {
        // One approval, one package.
        if (Result<void> used = catalog::ApprovalStore(db).markUsed(
                    m_spec.approvalId, QDateTime::currentMSecsSinceEpoch());
                !used) {
            QDir(m_spec.outDir).removeRecursively();
            return used.error();
        }
    }
    keep = true;
    if (progress)
        progress(1.0, tr("Done"));
    return summary;
}

} // namespace vigil::evidence
