#pragma once

#include "core/redaction/analyzer.h"
#include "core/redaction/redaction_log.h"
#include "core/result.h"
#include "core/security/access.h"

#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace vigil::evidence {

/// What to export: cameras, a time range, and what the package holds.
struct ExportSpec
{
    QList<qint64> cameraIds;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString caseNumber;
    QString reason;
    /// `original/`: the recorded packets as they are. Needs ExportOriginal, or a supervisor's
    /// approval (ExportJob::authorize).
    bool original = false;
    /// `redacted/`: each camera's video with what `detect` finds hidden by `effect` (every
    /// detected track on), plus the camera's privacy masks; `redaction.json` says how.
    bool redacted = false;
    redaction::AnalysisOptions detect;
    redaction::Effect effect = redaction::Effect::Solid;
    /// Per camera, the tracks a person reviewed (prepareReview()): used instead of a new
    /// analysis, each track on or off as decided, with who reviewed it.
    QMap<qint64, redaction::RedactionLog> reviewed;
    /// The package folder to make; it must not exist yet (or be empty).
    QString outDir;
    /// The package as one .zip file too, beside the folder (`outDir`.zip), to send or burn.
    bool zip = false;
    /// A supervisor's approval given later (Approvals) for this original; 0: none. Used once.
    qint64 approvalId = 0;
    /// The records request the package answers (number, requester…), as it goes into the
    /// manifest; empty when exported without one.
    QJsonObject request;
};

/// Where the data folder's parts are (runtime::DataDir's paths).
struct ExportPaths
{
    QString catalog;
    QString recordings;
    QString keys;
};

/// An analysis as a redaction log (every track on) for the original with this SHA-256.
redaction::RedactionLog logOf(
        const redaction::Analysis& analysis, const QByteArray& originalSha256);

/// What a person reviews before a redacted export: a camera's original over the range, made as
/// the export will make it (in a temporary folder that lives as long as this), and what the
/// detectors found in it.
struct ReviewMaterial
{
    std::shared_ptr<QTemporaryDir> folder;
    QString original; ///< the video the tracks' frames count in
    redaction::RedactionLog log; ///< every track on; the reviewer switches them
    QList<QImage> pictures; ///< one per track: the box on its middle frame, with some room
    /// A redaction of this very clip was saved before (Requests::saveRedaction): `log` is what
    /// was saved, `position` the frame the editor showed, nothing analysed again.
    bool resumed = false;
    int position = 0;
    qint64 savedMs = 0;
};

/// A picture per track: its box on its middle frame, with room around it, 96 pixels high.
QList<QImage> trackPictures(const QString& video, const QList<redaction::Track>& tracks);

/// Prepares the review of one camera of `spec` as `who` (ExportRedacted on it): the original
/// remuxed, analysed (or the redaction saved of it reopened), a picture per track. Runs on the
/// calling thread.
Result<ReviewMaterial> prepareReview(const ExportPaths& paths, const security::Principal& who,
        const ExportSpec& spec, qint64 cameraId, const std::atomic_bool* cancel = nullptr,
        const std::function<void(double)>& progress = {});

/// The file names a package gives a camera's videos.
QString originalName(qint64 cameraId, qint64 fromMs);
QString redactedName(qint64 cameraId, qint64 fromMs);

/// What a finished export made.
struct ExportSummary
{
    QString outDir;
    QByteArray manifestSha256; ///< hex
    QString fingerprint; ///< of the key that signed it
    QStringList files; ///< relative to outDir
    QString zip; ///< the .zip file beside it; empty: none
};

/// Makes one evidence package (EvidencePackage) from the archive: for each camera, its recorded
/// packets over the range joined into one MP4 (OriginalRemux), the hashes of the recorded files
/// they came from; with `redacted`, the same video analysed (redaction::Analyzer) and rendered
/// with its tracks hidden (redaction::Renderer), and the redaction log; then the manifest, signed
/// by the installation's key.
///
/// Everything is written into a hidden folder beside `outDir`, renamed to it only when complete:
/// a cancel or a failure leaves nothing behind. The job reads the files and the catalog (its own
/// connection), so a recorder writing beside it loses nothing. The finished export is audited
/// (`export`, with the manifest's hash); a package whose audit row cannot be written is removed.
class ExportJob
{
    Q_DECLARE_TR_FUNCTIONS(vigil::evidence::ExportJob)

public:
    /// Called with the share done (0…1) and what is being done (translated).
    using Progress = std::function<void(double, const QString&)>;

    ExportJob(ExportPaths paths, security::Principal who, ExportSpec spec);

    /// A supervisor who approved releasing the original (logged in on this PC for it).
    void setApprover(const security::Principal& approver) { m_approver = approver; }
    /// Allowed, or refused (Forbidden) naming what is missing: each camera must be one `who`
    /// may export; an original needs ExportOriginal, or an approver with ApproveRelease.
    static Result<void> authorize(const security::Principal& who, const ExportSpec& spec,
            const std::optional<security::Principal>& approver);

    /// Runs on the calling thread; `cancel` is read between packets.
    Result<ExportSummary> run(
            const std::atomic_bool* cancel = nullptr, const Progress& progress = {});

private:
    ExportPaths m_paths;
    security::Principal m_who;
    ExportSpec m_spec;
    std::optional<security::Principal> m_approver;
};

} // namespace vigil::evidence
