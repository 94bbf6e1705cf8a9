#pragma once

// For core/redaction's .cpp files: a recorded MP4's video decoded frame by frame, as 8-bit
// YUV 4:2:0 (libav types: a private header).

#include "core/media/av_p.h"
#include "core/result.h"

#include <QString>

#include <opencv2/core.hpp>

#include <memory>

namespace vigil::redaction {

class VideoFile
{
public:
    /// `threads`: the decoder's threads (1 keeps the order of work fixed; output is the same
    /// for any count).
    static Result<std::unique_ptr<VideoFile>> open(const QString& path, int threads = 1);

    /// The next frame in presentation order (YUV420P, owned by this object until the next
    /// call), nullptr after the last.
    Result<const AVFrame*> next();
    /// Goes to the keyframe at or before `share` (0…1) of the file's duration: next() then
    /// returns it (frameIndex() no longer counts from the start).
    void seekShare(double share);
    /// After a seek made by the caller (the decoder flushed): reading goes on from there.
    void restart() { m_draining = false; }
    AVCodecContext* codec() const { return m_codec.get(); }
    /// Frames handed out so far.
    int frameIndex() const { return m_index; }

    AVFormatContext* format() const { return m_input.get(); }
    const AVStream* stream() const { return m_input->streams[m_video]; }
    int videoIndex() const { return m_video; }
    int width() const { return m_codec->width; }
    int height() const { return m_codec->height; }
    /// Frames in the file as its header says (0 when it does not).
    qint64 frameCount() const { return stream()->nb_frames; }

private:
    VideoFile() = default;
    media::InputPtr m_input;
    media::CodecContextPtr m_codec;
    media::PacketPtr m_packet;
    media::FramePtr m_frame;
    media::FramePtr m_converted;
    media::SwsPtr m_sws;
    int m_video = -1;
    int m_index = 0;
    bool m_draining = false;
};

/// A writable 8-bit YUV 4:2:0 frame of this size (the layout the redaction works in).
inline media::FramePtr allocYuv420(int width, int height)
{
    media::FramePtr f = media::allocFrame();
    f->format = AV_PIX_FMT_YUV420P;
    f->width = width;
    f->height = height;
    av_frame_get_buffer(f.get(), 32);
    return f;
}

/// A region of a 4:2:0 frame converted (and scaled) to 8-bit RGB or BGR, as a cv::Mat.
class FrameConverter
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
    media::SwsPtr m_sws;
};

} // namespace vigil::redaction
