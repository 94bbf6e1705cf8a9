#include "core/redaction/detectors_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace vigil::redaction {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigil::redaction::Detectors)
};

Result<cv::dnn::Net> readNet(const QString& path)
{
    if (!QFile::exists(path))
        return Error {Error::Code::NotFound,
                Tr::tr("The detector model \"%1\" is missing: run tools/setup (it fetches the "
                       "models) or reinstall Vigil.")
                        .arg(QDir::toNativeSeparators(path)),
                {}};
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(QFile::encodeName(path).toStdString());
        if (net.empty())
            throw cv::Exception(0, "empty network", "readNetFromONNX", __FILE__, __LINE__);
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        return net;
    } catch (const cv::Exception& e) {
        return Error {Error::Code::Corrupt,
                Tr::tr("The detector model \"%1\" cannot be loaded.")
                        .arg(QDir::toNativeSeparators(path)),
                QString::fromStdString(e.what())};
    }
}

float sigmoid(float x)
{
    return 1.0f / (1.0f + std::exp(-std::clamp(x, -80.0f, 80.0f)));
}

float iouOf(const cv::Rect2f& a, const cv::Rect2f& b)
{
    const float inter = (a & b).area();
    return inter <= 0 ? 0 : inter / (a.area() + b.area() - inter);
}

} // namespace

std::vector<ScoredBox> weightedNms(std::vector<ScoredBox> boxes, float iou)
{
    std::stable_sort(boxes.begin(), boxes.end(),
            [](const ScoredBox& a, const ScoredBox& b) { return a.score > b.score; });
    std::vector<ScoredBox> kept;
    std::vector<bool> used(boxes.size(), false);
    for (size_t i = 0; i < boxes.size(); ++i) {
        if (used[i])
            continue;
        double x = 0, y = 0, w = 0, h = 0, total = 0;
        for (size_t j = i; j < boxes.size(); ++j) {
            if (used[j] || iouOf(boxes[i].box, boxes[j].box) < iou)
                continue;
            used[j] = true;
            const double s = boxes[j].score;
            x += boxes[j].box.x * s;
            y += boxes[j].box.y * s;
            w += boxes[j].box.width * s;
            h += boxes[j].box.height * s;
            total += s;
        }
        kept.push_back(
                {cv::Rect2f(float(x / total), float(y / total), float(w / total), float(h / total)),
                        boxes[i].score});
    }
    return kept;
}

Result<FaceNet> FaceNet::load(const QString& path)
{
    Result<cv::dnn::Net> net = readNet(path);
    if (!net)
        return net.error();
    FaceNet f;
    f.m_net = net.value();
    f.m_size = path.contains(QLatin1String("256")) ? 256 : 128;
    f.m_outputs = f.m_net.getUnconnectedOutLayersNames();
    // SSD anchors: the front model 16×16 × 2 then 8×8 × 6; the back model 32×32 × 2 then
    // 16×16 × 6. Centres at (i + 0.5) / grid.
    const int fine = f.m_size / 8;
    const int coarse = f.m_size / 16;
    for (const auto& [grid, perCell] : {std::pair {fine, 2}, std::pair {coarse, 6}})
        for (int y = 0; y < grid; ++y)
            for (int x = 0; x < grid; ++x)
                for (int k = 0; k < perCell; ++k)
                    f.m_anchors.emplace_back(
                            (float(x) + 0.5f) / float(grid), (float(y) + 0.5f) / float(grid));
    return f;
}

std::vector<ScoredBox> FaceNet::detect(const cv::Mat& rgb)
{
    // NHWC float RGB in [-1, 1], built as a 4-D Mat (blobFromImage would make NCHW).
    const int sizes[] = {1, m_size, m_size, 3};
    cv::Mat input(4, sizes, CV_32F);
    cv::Mat view(m_size, m_size, CV_32FC3, input.ptr<float>());
    rgb.convertTo(view, CV_32FC3, 1.0 / 127.5, -1.0);
    m_net.setInput(input);
    std::vector<cv::Mat> outs;
    m_net.forward(outs, m_outputs);
    // Outputs: two score arrays (fine and coarse anchors) and two box arrays of 16 values per
    // anchor; told apart by their sizes.
    const size_t fineAnchors = size_t(m_size / 8) * size_t(m_size / 8) * 2;
    const float* scores[2] = {nullptr, nullptr};
    const float* regress[2] = {nullptr, nullptr};
    for (const cv::Mat& o : outs) {
        const size_t n = o.total();
        const size_t coarseAnchors = m_anchors.size() - fineAnchors;
        if (n == fineAnchors)
            scores[0] = o.ptr<float>();
        else if (n == coarseAnchors)
            scores[1] = o.ptr<float>();
        else if (n == fineAnchors * 16)
            regress[0] = o.ptr<float>();
        else if (n == coarseAnchors * 16)
            regress[1] = o.ptr<float>();
    }
    std::vector<ScoredBox> found;
    if (!scores[0] || !scores[1] || !regress[0] || !regress[1])
        return found;
    const float s = float(m_size);
    for (size_t a = 0; a < m_anchors.size(); ++a) {
        const int part = a < fineAnchors ? 0 : 1;
        const size_t k = part == 0 ? a : a - fineAnchors;
        const float score = sigmoid(scores[part][k]);
        if (score < 0.5f)
            continue;
        const float* r = regress[part] + k * 16;
        const float cx = m_anchors[a].x * s + r[0];
        const float cy = m_anchors[a].y * s + r[1];
        const float w = r[2];
        const float h = r[3];
        if (w <= 1 || h <= 1)
            continue;
        found.push_back({cv::Rect2f(cx - w / 2, cy - h / 2, w, h), score});
    }
    return weightedNms(std::move(found), 0.3f);
}

Result<TextNet> TextNet::load(const QString& path, cv::Size size)
{
    Result<cv::dnn::Net> net = readNet(path);
    if (!net)
        return net.error();
    TextNet t;
    t.m_net = net.value();
    t.m_size = size;
    return t;
}

std::vector<ScoredBox> TextNet::detect(const cv::Mat& picture)
{
    cv::Mat bgr = picture;
    if (picture.size() != m_size) {
        bgr = cv::Mat(m_size, CV_8UC3, cv::Scalar(0, 0, 0));
        const cv::Rect inside(
                0, 0, std::min(picture.cols, m_size.width), std::min(picture.rows, m_size.height));
        picture(inside).copyTo(bgr(inside));
    }
    const cv::Mat blob = cv::dnn::blobFromImage(bgr, 1.0 / (0.226 * 255.0), bgr.size(),
            cv::Scalar(123.675, 116.28, 103.53), false, false);
    m_net.setInput(blob);
    cv::Mat out = m_net.forward();
    // 1×1×H×W probabilities.
    const cv::Mat map(out.size[2], out.size[3], CV_32F, out.ptr<float>());
    cv::Mat mask;
    cv::threshold(map, mask, 0.3, 255, cv::THRESH_BINARY);
    mask.convertTo(mask, CV_8U);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::vector<ScoredBox> found;
    for (const std::vector<cv::Point>& c : contours) {
        const cv::Rect r = cv::boundingRect(c);
        if (r.width < 3 || r.height < 3)
            continue;
        cv::Mat region = cv::Mat::zeros(r.size(), CV_8U);
        std::vector<std::vector<cv::Point>> shifted {c};
        for (cv::Point& p : shifted[0])
            p -= r.tl();
        cv::fillPoly(region, shifted, cv::Scalar(255));
        const float score = float(cv::mean(map(r), region)[0]);
        if (score < 0.5f)
            continue;
        // The map marks the text's core: grow it by area × 1.5 / perimeter on every side.
        const double area = cv::contourArea(c);
        const double perimeter = std::max(1.0, cv::arcLength(c, true));
        const float grow = float(area * 1.5 / perimeter);
        found.push_back({cv::Rect2f(float(r.x) - grow, float(r.y) - grow, float(r.width) + 2 * grow,
                                 float(r.height) + 2 * grow),
                score});
    }
    // Words of one line (a plate's "4821 KLM") become one box: boxes that overlap in height by
    // half and lie closer than a line's height apart are joined.
    for (bool joined = true; joined;) {
        joined = false;
        for (size_t i = 0; i < found.size() && !joined; ++i) {
            for (size_t j = i + 1; j < found.size() && !joined; ++j) {
                const cv::Rect2f& a = found[i].box;
                const cv::Rect2f& b = found[j].box;
                const float overlap = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
                const float lineHeight = std::min(a.height, b.height);
                const float gap = std::max(a.x, b.x) - std::min(a.x + a.width, b.x + b.width);
                if (overlap >= 0.5f * lineHeight && gap <= lineHeight) {
                    found[i] = {a | b, std::max(found[i].score, found[j].score)};
                    found.erase(found.begin() + std::ptrdiff_t(j));
                    joined = true;
                }
            }
        }
    }
    return found;
}

} // namespace vigil::redaction
