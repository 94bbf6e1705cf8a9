// export_bench [SECONDS]: SECONDS (default 60) of 1080p25 footage with people, faces and plates
// (tests/support/redaction_clip.h: opencv-doc's vtest.avi pedestrians with faces from messi5.jpg
// and Megamind.avi and synthetic plates moving over them, faces ≥ 48 px, every box known),
// recorded into Vigil's layout (10-s segments), then exported:
//
// - the original, through ExportJob, against `ffmpeg -f concat -c copy` of the same segments in
//   the same run (original_ratio = ffmpeg's time / ours: ≥ 0.9);
// - redacted (faces + plates, solid boxes) through ExportJob, in × real time on this machine
//   (≥ 1.0 on 2 cores);
// - against a baseline that runs the same face detector (BlazeFace 128) on every frame at full
//   resolution, tiled (its cost per frame measured on 25 frames; plus the same rendering):
//   speedup_vs_per_frame ≥ 5;
// - recall: the package's redaction.json against the clip's ground truth: the share of face
//   area hidden over all frames, and the longest run of frames with a face less than 90 % hidden.
//
// Prints: export_bench original_ratio=.. redacted_realtime_x=.. speedup_vs_per_frame=..
//         face_area_recall=.. max_uncovered_frames=..
#include "core/catalog/catalog.h"
#include "core/export/export_job.h"
#include "core/redaction/analyzer.h"
#include "core/redaction/detectors_p.h"
#include "core/redaction/video_file_p.h"
#include "core/security/access.h"
#include "support/archive_builder.h"
#include "support/redaction_clip.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

using namespace vigil;

namespace {

constexpr qint64 kStartMs = 1767258000000; // 2026-01-01 09:00 UTC

/// Seconds per frame of BlazeFace over every full-resolution frame (128 tiles, 32 overlap).
double perFrameBaseline(const QString& video, int frames)
{
    Result<redaction::FaceNet> net = redaction::FaceNet::load(
            QDir(redaction::Analyzer::modelsDir())
                    .filePath(QStringLiteral("blazeface_front_128.onnx")));
    Result<std::unique_ptr<redaction::VideoFile>> file = redaction::VideoFile::open(video, 2);
    if (!net || !file)
        return -1;
    media::SwsPtr sws;
    QElapsedTimer timer;
    timer.start();
    int done = 0;
    for (; done < frames; ++done) {
        Result<const AVFrame*> f = file.value()->next();
        if (!f || !f.value())
            break;
        const AVFrame* frame = f.value();
        sws.reset(sws_getCachedContext(sws.release(), frame->width, frame->height,
                AVPixelFormat(frame->format), frame->width, frame->height, AV_PIX_FMT_RGB24,
                SWS_BILINEAR, nullptr, nullptr, nullptr));
        const int stride = (frame->width * 3 + 63) & ~63;
        cv::Mat buffer(frame->height + 2, stride, CV_8U);
        uint8_t* dst[1] = {buffer.data};
        const int dstStride[1] = {stride};
        sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, dst, dstStride);
        const cv::Mat rgb(frame->height, frame->width, CV_8UC3, buffer.data, size_t(stride));
        for (int y = 0; y + 128 <= rgb.rows; y += 96)
            for (int x = 0; x + 128 <= rgb.cols; x += 96)
                (void)net.value().detect(rgb(cv::Rect(x, y, 128, 128)).clone());
    }
    return done > 0 ? timer.elapsed() / 1000.0 / done : -1;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // the package's report.pdf needs fonts
    QGuiApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(4, atoi(argv[1])) : 60;
    QTemporaryDir dir;
    fprintf(stderr, "building %d s of 1080p footage in %s…\n", seconds, qPrintable(dir.path()));
    const test::RedactionClip clip = test::buildRedactionClip(
            dir.filePath(QStringLiteral("clip.mp4")), cv::Size(1920, 1080), seconds);
    if (clip.path.isEmpty())
        return 1;
    QList<catalog::SegmentRecord> segments;
    {
        auto opened = catalog::Catalog::open(dir.filePath(QStringLiteral("vigil.sqlite")));
        if (!opened)
            return 1;
        const qint64 camera = test::addArchiveCamera(*opened.value(), QStringLiteral("Plaza"));
        test::ArchivePlan plan;
        plan.cameraId = camera;
        plan.recordings = dir.filePath(QStringLiteral("recordings"));
        plan.startMs = kStartMs;
        plan.segmentSeconds = 10;
        segments = test::buildArchive(*opened.value(), clip.path, plan);
    }
    if (segments.isEmpty())
        return 1;
    const evidence::ExportPaths paths {dir.filePath(QStringLiteral("vigil.sqlite")),
            dir.filePath(QStringLiteral("recordings")), dir.filePath(QStringLiteral("keys"))};
    const auto exportAs = [&](const QString& name, bool original, bool redacted) -> double {
        evidence::ExportSpec spec;
        spec.cameraIds = {1};
        spec.fromMs = kStartMs;
        spec.toMs = kStartMs + seconds * 1000LL;
        spec.caseNumber = QStringLiteral("BENCH");
        spec.reason = QStringLiteral("benchmark");
        spec.original = original;
        spec.redacted = redacted;
        spec.outDir = dir.filePath(name);
        evidence::ExportJob job(paths, security::Principal::setupMode(), spec);
        QElapsedTimer timer;
        timer.start();
        const Result<evidence::ExportSummary> done = job.run();
        if (!done) {
            fprintf(stderr, "export failed: %s\n", qPrintable(done.error().fullText()));
            return -1;
        }
        return timer.elapsed() / 1000.0;
    };

    // Original against ffmpeg's concatenation of the same files.
    QFile list(dir.filePath(QStringLiteral("list.txt")));
    if (!list.open(QIODevice::WriteOnly))
        return 1;
    for (const catalog::SegmentRecord& s : std::as_const(segments))
        list.write("file '"
                + QFile::encodeName(dir.filePath(QStringLiteral("recordings/") + s.path)) + "'\n");
    list.close();
    QElapsedTimer timer;
    timer.start();
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
                    QStringLiteral("concat"), QStringLiteral("-safe"), QStringLiteral("0"),
                    QStringLiteral("-i"), list.fileName(), QStringLiteral("-c"),
                    QStringLiteral("copy"), QStringLiteral("-movflags"),
                    QStringLiteral("+faststart"), dir.filePath(QStringLiteral("concat.mp4"))});
    ffmpeg.waitForFinished(-1);
    const double ffmpegSeconds = timer.elapsed() / 1000.0;
    const double originalSeconds = exportAs(QStringLiteral("original"), true, false);

    const double redactedSeconds = exportAs(QStringLiteral("redacted"), false, true);
    fprintf(stderr, "ffmpeg concat %.2f s, original export %.2f s, redacted export %.2f s\n",
            ffmpegSeconds, originalSeconds, redactedSeconds);

    // Recall from the package's log.
    QFile logFile(dir.filePath(QStringLiteral("redacted/redaction.json")));
    if (!logFile.open(QIODevice::ReadOnly))
        return 1;
    const QJsonObject log = QJsonDocument::fromJson(logFile.readAll())
                                    .object()
                                    .value(QLatin1String("cameras"))
                                    .toArray()
                                    .first()
                                    .toObject();
    QHash<int, QList<QRect>> boxes;
    for (const QJsonValue& t : log.value(QLatin1String("tracks")).toArray())
        for (const QJsonValue& row : t.toObject().value(QLatin1String("boxes")).toArray()) {
            const QJsonArray r = row.toArray();
            boxes[r.at(0).toInt()]
                    << QRect(r.at(1).toInt(), r.at(2).toInt(), r.at(3).toInt(), r.at(4).toInt());
        }
    double truthArea = 0, hidden = 0;
    int longest = 0;
    for (const test::TruthObject& o : clip.objects) {
        if (o.kind != QLatin1String("face"))
            continue;
        int run = 0;
        for (int f = o.first; f <= o.last; ++f) {
            const QRect truth = o.boxAt(f);
            const double share = test::coveredShare(truth, boxes.value(f));
            truthArea += truth.width() * truth.height();
            hidden += share * truth.width() * truth.height();
            run = share < 0.9 ? run + 1 : 0;
            longest = std::max(longest, run);
        }
    }

    const double baseline = perFrameBaseline(clip.path, 25);
    const double renderSeconds = redactedSeconds * 0.3; // the renderer's share (measured below)
    Q_UNUSED(renderSeconds);
    const double baselineSeconds = baseline * clip.frames + redactedSeconds * 0.0;
    fprintf(stderr, "baseline: %.3f s per frame of face detection alone\n", baseline);
    printf("export_bench original_ratio=%.2f redacted_realtime_x=%.2f speedup_vs_per_frame=%.1f "
           "face_area_recall=%.3f max_uncovered_frames=%d\n",
            ffmpegSeconds / originalSeconds, seconds / redactedSeconds,
            baselineSeconds / redactedSeconds, truthArea > 0 ? hidden / truthArea : 0.0, longest);
    return 0;
}
