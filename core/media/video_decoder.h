#pragma once

#include "core/media/packet.h"
#include "core/media/privacy_mask.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QSize>
#include <QVideoFrame>

#include <atomic>
#include <limits>
#include <memory>

class QVideoSink;
struct AVFrame;

namespace vigil::media {

/// Decodes one camera's video track into QVideoFrames for a QVideoSink (a live tile, a player),
/// with FFmpeg's send/receive loop (EAGAIN, EOF and the final flush as in FFmpeg's
/// doc/examples/demux_decode.c) and frame threads. Frames keep the decoder's YUV 4:2:0 planes,
/// converted with libswscale only when the camera sends another layout — or, once a display
/// size is set, come out as RGB pictures of that size, converted and scaled in one libswscale
/// pass on the decoder's thread, so that the GUI thread only copies them to the screen.
///
/// It starts, and starts again after a broken packet or a new connection, at a keyframe: what
/// comes before one would decode as grey smears. Made to live on a worker thread: packets
/// arrive through decode() by queued calls; frames leave through frameDecoded() and the sink.
/// A decoder exists only while someone looks: its owner destroys it when the view is hidden.
class VideoDecoder : public QObject
{
    Q_OBJECT

public:
    enum class Codec { H264, H265 };

    /// `extradata`: the stream's parameter sets (SPS/PPS…), when its keyframes do not carry
    /// them; `size`: the picture size when known (frame threads only for pictures above 720p,
    /// where they pay; small tiles decode on one thread each).
    explicit VideoDecoder(Codec codec, const QByteArray& extradata = {}, QSize size = {},
            QObject* parent = nullptr);
    ~VideoDecoder() override;

    /// Every decoded frame is also set on `sink` (which may live on another thread).
    void setVideoSink(QVideoSink* sink);
    /// Frames come out as RGB32 pictures fitting `size` (the aspect ratio kept), or as the
    /// decoder's YUV pictures when `size` is empty. Callable from any thread.
    void setOutputSize(QSize size);
    /// Blacks out `mask` in every picture from now on, lastPicture() included. Callable from any
    /// thread.
    void setPrivacyMask(const PrivacyMask& mask);
    /// The last decoded picture at the camera's full size (null before the first). Callable
    /// from any thread: for a snapshot, which should not be the size of a small tile.
    QImage lastPicture() const;
    /// Frames whose pts is below `pts` are decoded (later frames need them) but neither
    /// converted nor handed out: a player decoding from a keyframe to the frame it seeks.
    /// Decoder thread only; INT64_MIN (the default) hands out every frame.
    void setDiscardBefore(qint64 pts) { m_discardBefore = pts; }
    /// Frames decoded so far (read from any thread).
    qint64 decodedFrames() const { return m_decoded.load(); }

public Q_SLOTS:
    void decode(const vigil::media::Packet& packet);
    /// The stream ended: the frames the decoder still holds come out, and the next packet must
    /// be a keyframe again.
    void flush();

Q_SIGNALS:
    /// A frame; its startTime() is the pts of the packet it came from; `pictureSize` is the
    /// camera's picture size (the frame's own size when no output size is set).
    void frameDecoded(const QVideoFrame& frame, QSize pictureSize);
    /// The decoder cannot be used (no decoder for the codec, out of memory).
    void failed(const QString& reason);

private:
    void receiveFrames();
    QVideoFrame yuvFrame(const AVFrame* source);
    QVideoFrame rgbFrame(const AVFrame* source, QSize fit);
    struct Private;
    std::unique_ptr<Private> d;
    std::atomic<qint64> m_decoded {0};
    qint64 m_discardBefore = std::numeric_limits<qint64>::min();
};

} // namespace vigil::media
