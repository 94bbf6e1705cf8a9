#include "core/redaction/render_frame_p.h"

#include <opencv2/imgproc.hpp>

namespace vigil::redaction {

namespace {

/// The box grown to even coordinates (4:2:0 chroma) and kept inside the picture.
cv::Rect evenBox(const QRect& r, int width, int height)
{
    int x0 = std::max(0, r.left()) & ~1;
    int y0 = std::max(0, r.top()) & ~1;
    int x1 = std::min(width, (r.right() + 2) & ~1);
    int y1 = std::min(height, (r.bottom() + 2) & ~1);
    return x1 > x0 && y1 > y0 ? cv::Rect(x0, y0, x1 - x0, y1 - y0) : cv::Rect();
}

/// The three planes of a 4:2:0 frame as Mats (views).
struct Planes
{
    cv::Mat y, u, v;
    explicit Planes(AVFrame* f)
        : y(f->height, f->width, CV_8U, f->data[0], size_t(f->linesize[0]))
        , u(f->height / 2, f->width / 2, CV_8U, f->data[1], size_t(f->linesize[1]))
        , v(f->height / 2, f->width / 2, CV_8U, f->data[2], size_t(f->linesize[2]))
    { }
};

/// An ellipse filling a box, as a mask of the box's size.
cv::Mat ellipseMask(cv::Size size)
{
    cv::Mat mask(size, CV_8U, cv::Scalar(0));
    cv::ellipse(mask, cv::Point(size.width / 2, size.height / 2),
            cv::Size(std::max(1, size.width / 2), std::max(1, size.height / 2)), 0, 0, 360,
            cv::Scalar(255), cv::FILLED, cv::LINE_8);
    return mask;
}

void applyToPlane(cv::Mat plane, const cv::Rect& box, Effect effect, int fill, Shape shape)
{
    if (box.empty())
        return;
    cv::Mat region = plane(box);
    cv::Mat outside;
    if (shape == Shape::Ellipse)
        outside = region.clone(); // put back around the ellipse afterwards
    const auto restore = qScopeGuard([&] {
        if (shape == Shape::Ellipse) {
            cv::Mat inside = ellipseMask(box.size());
            cv::bitwise_not(inside, inside);
            outside.copyTo(region, inside);
        }
    });
    switch (effect) {
    case Effect::Solid:
        region.setTo(fill);
        break;
    case Effect::Pixelate: {
        // About six blocks across the box, never smaller than 8 pixels.
        const int block = std::max(8, std::max(box.width, box.height) / 6);
        cv::Mat small;
        cv::resize(region, small,
                cv::Size(std::max(1, box.width / block), std::max(1, box.height / block)), 0, 0,
                cv::INTER_AREA);
        cv::resize(small, region, box.size(), 0, 0, cv::INTER_NEAREST);
        break;
    }
    case Effect::Blur: {
        // Strong: down to a few pixels, blurred, and back.
        cv::Mat small;
        cv::resize(region, small,
                cv::Size(std::max(1, box.width / 12), std::max(1, box.height / 12)), 0, 0,
                cv::INTER_AREA);
        cv::GaussianBlur(small, small, cv::Size(5, 5), 0);
        cv::resize(small, region, box.size(), 0, 0, cv::INTER_LINEAR);
        break;
    }
    }
}

void applyEffect(AVFrame* f, const cv::Rect& box, Effect effect, Shape shape)
{
    Planes p(f);
    const cv::Rect half(box.x / 2, box.y / 2, box.width / 2, box.height / 2);
    applyToPlane(p.y, box, effect, 16, shape);
    applyToPlane(p.u, half, effect, 128, shape);
    applyToPlane(p.v, half, effect, 128, shape);
}

/// The source's pixels inside a shape copied back over the work frame.
void uncover(AVFrame* work, const AVFrame* source, const cv::Rect& box, Shape shape)
{
    if (box.empty())
        return;
    Planes to(work);
    Planes from(const_cast<AVFrame*>(source));
    const cv::Rect half(box.x / 2, box.y / 2, box.width / 2, box.height / 2);
    if (shape == Shape::Rectangle) {
        from.y(box).copyTo(to.y(box));
        from.u(half).copyTo(to.u(half));
        from.v(half).copyTo(to.v(half));
        return;
    }
    from.y(box).copyTo(to.y(box), ellipseMask(box.size()));
    if (half.empty())
        return;
    const cv::Mat halfMask = ellipseMask(half.size());
    from.u(half).copyTo(to.u(half), halfMask);
    from.v(half).copyTo(to.v(half), halfMask);
}

} // namespace

void redactFrame(
        AVFrame* work, const AVFrame* source, const FrameShapes& shapes, Effect effect, bool invert)
{
    const int width = work->width;
    const int height = work->height;
    if (invert) {
        applyEffect(work, cv::Rect(0, 0, width, height), effect, Shape::Rectangle);
        for (const auto& [box, shape] : shapes.tracks)
            uncover(work, source, evenBox(box, width, height), shape);
    } else {
        for (const auto& [box, shape] : shapes.tracks)
            applyEffect(work, evenBox(box, width, height), effect, shape);
    }
    for (const auto& [box, shape] : shapes.masks)
        applyEffect(work, evenBox(box, width, height), effect, shape);
}

} // namespace vigil::redaction
