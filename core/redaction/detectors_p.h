#pragma once

// For core/redaction's .cpp files: the face and text detectors on OpenCV's dnn module (private:
// it exposes OpenCV). Models and their decoding: ../../README.md "Dependencies" and
// PLATFORM notes: BlazeFace (front 128, back 256) and the PP-OCRv4 text detector.

#include "core/result.h"

#include <QString>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

#include <vector>

namespace vigil::redaction {

struct ScoredBox
{
    cv::Rect2f box; ///< in the input picture's pixels
    float score = 0;
};

/// BlazeFace: faces of about 24 to 100 pixels in a square tile of its input size.
class FaceNet
{
public:
    static Result<FaceNet> load(const QString& path);
    int inputSize() const { return m_size; }
    /// `rgb`: CV_8UC3 RGB, inputSize() square.
    std::vector<ScoredBox> detect(const cv::Mat& rgb);

private:
    cv::dnn::Net m_net;
    int m_size = 128;
    std::vector<cv::Point2f> m_anchors;
    std::vector<cv::String> m_outputs;
};

/// The PP-OCRv4 text detector: licence plates, house numbers and signs, as text. One net runs
/// at one input size: OpenCV 4.6 keeps the shapes of the first run, and a later input of another
/// size gives garbage.
class TextNet
{
public:
    /// `size`: both sides multiples of 32.
    static Result<TextNet> load(const QString& path, cv::Size size);
    cv::Size inputSize() const { return m_size; }
    /// `bgr`: CV_8UC3, at most inputSize() (padded to it with black).
    std::vector<ScoredBox> detect(const cv::Mat& bgr);

private:
    cv::dnn::Net m_net;
    cv::Size m_size;
};

/// Weighted non-maximum suppression: overlapping boxes (IoU above `iou`) become their
/// score-weighted mean.
std::vector<ScoredBox> weightedNms(std::vector<ScoredBox> boxes, float iou);

} // namespace vigil::redaction
