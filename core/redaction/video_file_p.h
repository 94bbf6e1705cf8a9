#pragma once

// For core/redaction's .cpp files: a recorded MP4's video decoded frame by frame, as 8-bit
// YUV 4:2:0 (libav types: a private header).

#include "core/media/av_p.h"
#include "core/result.h"

#include <QString>

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

} // namespace vigil::redaction
