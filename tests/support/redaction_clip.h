#pragma once

// A clip for redaction tests and the export benchmark, built at test time with its ground truth:
// real faces (Messi in opencv-doc's messi5.jpg, a face from its Megamind.avi) and synthetic
// licence plates in a plate-like typeface, moving over the pedestrians of opencv-doc's
// vtest.avi, with every object's box known on every frame.

#include <QList>
#include <QProcess>
#include <QRect>
#include <QString>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <cmath>

namespace vigil::test {

/// An object of the clip: on frames [first, last], its box on each.
struct TruthObject
{
    QString kind; ///< "face" or "plate"
    int first = 0;
    int last = 0;
    QList<QRect> boxes; ///< boxes[f - first]
    QRect boxAt(int frame) const
    {
        return frame < first || frame > last ? QRect() : boxes.at(frame - first);
    }
};

struct RedactionClip
{
    QString path;
    int frames = 0;
    QList<TruthObject> objects;
};

/// Share of `truth` covered by the union of `boxes` (counted in pixels).
inline double coveredShare(const QRect& truth, const QList<QRect>& boxes)
{
    if (truth.isEmpty())
        return 1.0;
    cv::Mat mask(truth.height(), truth.width(), CV_8U, cv::Scalar(0));
    for (const QRect& b : boxes) {
        const QRect i = b.intersected(truth);
        if (!i.isEmpty())
            mask(cv::Rect(i.x() - truth.x(), i.y() - truth.y(), i.width(), i.height())).setTo(1);
    }
    return double(cv::countNonZero(mask)) / double(truth.width() * truth.height());
}

inline const char* opencvData()
{
    return "/usr/share/doc/opencv-doc/examples/data/";
}

/// A plate: white, black border and characters, 4.4:1 like a European plate.
inline cv::Mat makePlate(const std::string& text, int width)
{
    const int height = width * 10 / 44;
    cv::Mat plate(height, width, CV_8UC3, cv::Scalar(245, 245, 245));
    cv::rectangle(
            plate, cv::Rect(0, 0, width, height), cv::Scalar(20, 20, 20), std::max(2, width / 60));
    const double scale = height / 30.0;
    int baseline = 0;
    const cv::Size size = cv::getTextSize(
            text, cv::FONT_HERSHEY_DUPLEX, scale, std::max(1, int(scale * 2)), &baseline);
    cv::putText(plate, text, cv::Point((width - size.width) / 2, (height + size.height) / 2),
            cv::FONT_HERSHEY_DUPLEX, scale, cv::Scalar(15, 15, 15), std::max(1, int(scale * 2)),
            cv::LINE_AA);
    return plate;
}

/// Builds the clip (`seconds` at 25 fps, `size` pictures; faces scaled by size / 960) as an
/// H.264 MP4 (GOP 2 s, no B-frames) at `path`. Empty path on failure, with a warning.
inline RedactionClip buildRedactionClip(const QString& path, cv::Size size, int seconds)
{
    RedactionClip clip;
    const QString data = QString::fromLatin1(opencvData());
    cv::VideoCapture background(QString(data + QStringLiteral("vtest.avi")).toStdString());
    const cv::Mat messi = cv::imread(QString(data + QStringLiteral("messi5.jpg")).toStdString());
    cv::VideoCapture megamind(QString(data + QStringLiteral("Megamind.avi")).toStdString());
    cv::Mat mega;
    megamind.set(cv::CAP_PROP_POS_FRAMES, 72);
    megamind >> mega;
    if (!background.isOpened() || messi.empty() || mega.empty()) {
        qWarning("opencv-doc's vtest.avi, messi5.jpg or Megamind.avi is missing");
        return clip;
    }
    const double k = size.width / 960.0;
    // Patches with the face's box inside them (measured on the images).
    struct Patch
    {
        cv::Mat image;
        cv::Rect face;
    };
    const auto patch = [&](const cv::Mat& source, cv::Rect crop, cv::Rect face, double scale) {
        Patch p;
        cv::resize(source(crop), p.image, cv::Size(), scale, scale, cv::INTER_AREA);
        p.face = cv::Rect(int((face.x - crop.x) * scale), int((face.y - crop.y) * scale),
                int(face.width * scale), int(face.height * scale));
        return p;
    };
    const Patch faceA = patch(messi, cv::Rect(196, 52, 84, 88), cv::Rect(221, 88, 40, 42), 1.3 * k);
    const Patch faceB
            = patch(mega, cv::Rect(220, 160, 200, 230), cv::Rect(252, 205, 136, 170), 0.5 * k);
    const cv::Mat plateA = makePlate("4821 KLM", int(220 * k));
    const cv::Mat plateB = makePlate("7265 BDF", int(200 * k));

    const int frames = seconds * 25;
    clip.frames = frames;
    struct Mover
    {
        QString kind;
        const cv::Mat* image;
        cv::Rect inner; ///< the ground-truth box inside the image
        int first, last;
        cv::Point2d from, to;
    };
    const QList<Mover> movers = {
            {QStringLiteral("face"), &faceA.image, faceA.face, 10, frames * 4 / 5, {60 * k, 70 * k},
                    {760 * k, 120 * k}},
            {QStringLiteral("face"), &faceB.image, faceB.face, frames / 5, frames - 1,
                    {700 * k, 60 * k}, {250 * k, 160 * k}},
            {QStringLiteral("plate"), &plateA, cv::Rect(0, 0, plateA.cols, plateA.rows), 0,
                    frames - 1, {700 * k, 430 * k}, {60 * k, 400 * k}},
            {QStringLiteral("plate"), &plateB, cv::Rect(0, 0, plateB.cols, plateB.rows), 0,
                    frames - 1, {480 * k, 300 * k}, {480 * k, 300 * k}},
    };
    for (const Mover& m : movers)
        clip.objects << TruthObject {m.kind, m.first, m.last, {}};

    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                    QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                    QStringLiteral("bgr24"), QStringLiteral("-s"),
                    QStringLiteral("%1x%2").arg(size.width).arg(size.height), QStringLiteral("-r"),
                    QStringLiteral("25"), QStringLiteral("-i"), QStringLiteral("-"),
                    QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                    QStringLiteral("veryfast"), QStringLiteral("-crf"), QStringLiteral("20"),
                    QStringLiteral("-bf"), QStringLiteral("0"), QStringLiteral("-g"),
                    QStringLiteral("50"), QStringLiteral("-keyint_min"), QStringLiteral("50"),
                    QStringLiteral("-sc_threshold"), QStringLiteral("0"),
                    QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), path});
    if (!ffmpeg.waitForStarted())
        return clip;
    cv::Mat back;
    cv::Mat picture;
    for (int f = 0; f < frames; ++f) {
        if (f % 5 == 0 || f % 5 == 2 || back.empty()) { // vtest's 10 fps, stretched to 25
            if (!background.read(back)) {
                background.set(cv::CAP_PROP_POS_FRAMES, 0);
                background.read(back);
            }
        }
        cv::resize(back, picture, size, 0, 0, cv::INTER_LINEAR);
        for (int i = 0; i < movers.size(); ++i) {
            const Mover& m = movers.at(i);
            if (f < m.first || f > m.last)
                continue;
            const double t = m.last > m.first ? double(f - m.first) / (m.last - m.first) : 0;
            const cv::Point at(int(std::lround(m.from.x + (m.to.x - m.from.x) * t)),
                    int(std::lround(m.from.y + (m.to.y - m.from.y) * t)));
            const cv::Rect where(at, m.image->size());
            const cv::Rect inside = where & cv::Rect(cv::Point(0, 0), size);
            m.image->operator()(cv::Rect(inside.tl() - where.tl(), inside.size()))
                    .copyTo(picture(inside));
            const cv::Rect truth
                    = cv::Rect(at + m.inner.tl(), m.inner.size()) & cv::Rect(cv::Point(0, 0), size);
            clip.objects[i].boxes << QRect(truth.x, truth.y, truth.width, truth.height);
        }
        ffmpeg.write(reinterpret_cast<const char*>(picture.data),
                qint64(picture.total() * picture.elemSize()));
        ffmpeg.waitForBytesWritten(-1);
    }
    ffmpeg.closeWriteChannel();
    if (!ffmpeg.waitForFinished(300000) || ffmpeg.exitCode() != 0) {
        qWarning("ffmpeg: %s", ffmpeg.readAllStandardError().constData());
        return clip;
    }
    clip.path = path;
    return clip;
}

} // namespace vigil::test
