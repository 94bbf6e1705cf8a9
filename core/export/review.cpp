#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/redaction_project_store.h"
#include "core/catalog/segment_store.h"
#include "core/export/evidence_package.h"
#include "core/export/export_job.h"
#include "core/export/original_remux.h"
#include "core/redaction/video_file_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

namespace vigil::evidence {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigil::evidence::ReviewMaterial)
};

} // namespace

QList<QImage> trackPictures(const QString& video, const QList<redaction::Track>& tracks)
{
    QList<QImage> pictures(tracks.size());
    QMultiMap<int, qsizetype> wanted; // frame → track
    for (qsizetype t = 0; t < tracks.size(); ++t) {
        const QList<int> frames = tracks.at(t).boxes.keys();
        if (!frames.isEmpty())
            wanted.insert(frames.at(frames.size() / 2), t);
    }
    Result<std::unique_ptr<redaction::VideoFile>> opened = redaction::VideoFile::open(video, 2);
    if (!opened || wanted.isEmpty())
        return pictures;
    redaction::VideoFile& file = *opened.value();
    redaction::FrameConverter converter;
    for (int frame = 0; frame <= wanted.lastKey(); ++frame) {
        Result<const AVFrame*> next = file.next();
        if (!next || !next.value())
            break;
        for (qsizetype t : wanted.values(frame)) {
            const QRect box = tracks.at(t).boxes.value(frame);
            const QRect around = box.adjusted(-box.width() / 3, -box.height() / 3, box.width() / 3,
                                            box.height() / 3)
                                         .intersected(QRect(0, 0, file.width(), file.height()));
            if (around.width() < 4 || around.height() < 4)
                continue;
            const int height = 96;
            const int width = std::max(2, height * around.width() / around.height()) & ~1;
            const cv::Mat rgb = converter.convert(next.value(),
                    cv::Rect(around.x(), around.y(), around.width(), around.height()),
                    cv::Size(width, height), AV_PIX_FMT_RGB24);
            pictures[t] = QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888)
                                  .copy();
        }
    }
    return pictures;
}

Result<ReviewMaterial> prepareReview(const ExportPaths& paths, const security::Principal& who,
        const ExportSpec& spec, qint64 cameraId, const std::atomic_bool* cancel,
        const std::function<void(double)>& progress)
{
    if (Result<void> allowed
            = security::Access::check(who, security::Permission::ExportRedacted, cameraId);
            !allowed)
        return allowed.error();
    catalog::Catalog::Options options;
    options.readOnly = true;
    Result<std::unique_ptr<catalog::Catalog>> opened
            = catalog::Catalog::open(paths.catalog, options);
    if (!opened)
        return opened.error();
    catalog::SegmentStore segments(*opened.value());
    const Result<qint64> stream = segments.streamId(cameraId, QStringLiteral("main"));
    if (!stream)
        return stream.error();
    const Result<QList<catalog::SegmentRecord>> files
            = segments.streamSegments(stream.value(), spec.fromMs, spec.toMs);
    if (!files)
        return files.error();
    QList<SourceSegment> sources;
    for (const catalog::SegmentRecord& s : files.value())
        sources << SourceSegment {QDir(paths.recordings).filePath(s.path), s.startMs, s.endMs};

    ReviewMaterial m;
    m.folder = std::make_shared<QTemporaryDir>();
    if (!m.folder->isValid())
        return Error {Error::Code::NotWritable, Tr::tr("No temporary folder can be made."), {}};
    m.original = m.folder->filePath(QStringLiteral("original.mp4"));
    const auto cancelled = [&] { return cancel && cancel->load(); };
    const Result<RemuxResult> remuxed
            = OriginalRemux::run(sources, spec.fromMs, spec.toMs, m.original, [&](double done) {
                  if (progress)
                      progress(0.1 * done);
                  return !cancelled();
              });
    if (!remuxed)
        return remuxed.error();
    const QByteArray sha = EvidencePackage::sha256Hex(m.original);
    const Result<std::optional<catalog::RedactionProjectRecord>> saved
            = catalog::RedactionProjectStore(*opened.value())
                      .find(cameraId, spec.fromMs, spec.toMs, sha);
    if (!saved)
        return saved.error();
    if (saved.value()) {
        const Result<redaction::RedactionLog> log = redaction::RedactionLog::fromJson(
                QJsonDocument::fromJson(saved.value()->log).object());
        if (log) {
            m.log = log.value();
            m.resumed = true;
            m.position = saved.value()->position;
            m.savedMs = saved.value()->updatedMs;
            m.pictures = trackPictures(m.original, m.log.tracks);
            if (progress)
                progress(1.0);
            return m;
        }
        // A damaged save: analysed afresh.
    }
    const Result<redaction::Analysis> analysis
            = redaction::Analyzer::run(m.original, spec.detect, [&](double done) {
                  if (progress)
                      progress(0.1 + 0.8 * done);
                  return !cancelled();
              });
    if (!analysis)
        return analysis.error();
    m.log = logOf(analysis.value(), sha);
    m.log.effect = spec.effect;
    m.pictures = trackPictures(m.original, m.log.tracks);
    if (progress)
        progress(1.0);
    return m;
}

} // namespace vigil::evidence
