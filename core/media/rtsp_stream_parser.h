#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>

#include <deque>
#include <optional>

namespace vigil::media {

/// What a camera sends over an RTSP connection with RTP interleaved (RFC 2326 §10.12), taken
/// apart without any I/O: RTSP responses, and H.264 access units reassembled from single-NAL,
/// STAP-A and FU-A packets (RFC 6184), timed by RTCP sender reports. RtspSession feeds it what the
/// socket gives; the fuzzer feeds it anything.
///
/// Every length read from the stream is checked before use; what grows from the stream is bounded
/// (headers 64 KB, bodies 1 MB, unframed data 4 MB, frames 16 MB).
class RtspStreamParser
{
    Q_DECLARE_TR_FUNCTIONS(vigil::media::RtspStreamParser)

public:
    struct Response
    {
        int code = 0;
        QList<QPair<QByteArray, QByteArray>> headers; ///< names lower-cased
        QByteArray body;

        QByteArray header(const char* name) const;
        QList<QByteArray> headerValues(const char* name) const;
    };

    /// An H.264 access unit in Annex B form (start codes before each NAL unit).
    struct Frame
    {
        QByteArray data;
        qint64 rtpTime = 0; ///< 90 kHz, unwrapped, from the first frame's time
        bool keyframe = false;
    };

    /// The video stream a DESCRIBE answer offers, when it is one H.264 stream alone.
    struct VideoDescription
    {
        QByteArray control; ///< a=control, empty when absent
        QList<QByteArray> parameterSets; ///< sprop-parameter-sets, decoded NAL units
    };

    static constexpr qsizetype kReadBlock = 64 * 1024;
    static constexpr qsizetype kMaxBuffer = 4 * 1024 * 1024;
    static constexpr qsizetype kMaxHeaders = 64 * 1024;
    static constexpr qsizetype kMaxBody = 1024 * 1024;
    /// A frame larger than this is dropped (a 4K keyframe at a camera's best quality is ~2 MB).
    static constexpr qsizetype kMaxAccessUnit = 16 * 1024 * 1024;

    /// Room for up to `bytes` more received bytes (the buffer is compacted first); write into it,
    /// then call received() with what was written, before anything else. An error when unframed
    /// data piles up.
    Result<char*> reserve(qsizetype bytes);
    void received(qsizetype bytes);
    /// Appends bytes (reserve + copy + received), for callers without a socket.
    Result<void> feed(QByteArrayView bytes);

    /// The next complete response, handling interleaved packets before it. nullopt while it is
    /// incomplete; an error when it is malformed (a length that is negative, not a number or too
    /// large; headers too long).
    std::optional<Result<Response>> takeResponse();
    /// Handles everything complete in the buffer (interleaved packets, responses to keep-alives,
    /// bytes out of step) until a frame is ready. Returns whether anything was consumed; an error
    /// when a response is malformed.
    Result<bool> process();
    /// The oldest reassembled frame, if any.
    std::optional<Frame> takeFrame();

    /// One H.264 stream alone in an SDP; Error::Code::Unsupported otherwise.
    static Result<VideoDescription> describeVideo(const QByteArray& sdp);

    /// Notes a parameter set (from the SDP) as if it had come in the stream.
    void noteParameterSet(const QByteArray& nal);
    QByteArray parameterSets() const { return m_sps + m_pps; }
    std::optional<qint64> wallClockOfRtpZeroMs() const { return m_wallOfZeroMs; }
    qint64 lostPackets() const { return m_lost; }
    qint64 oversizedFrames() const { return m_oversizedFrames; }

private:
    qint64 extend(quint32 ts);
    void finishAccessUnit();
    void noteNal(const uchar* nal, int size);
    void appendNal(const uchar* nal, int size);
    bool roomFor(qsizetype bytes);
    void handleRtp(const uchar* p, int len);
    void handleRtcp(const uchar* p, int len);
    /// Handles the interleaved packet at m_pos; false while it is incomplete.
    bool takeInterleaved();
    Error malformed(const QString& detail) const;

    QByteArray m_buffer;
    qsizetype m_pos = 0; ///< first byte not handled yet
    qsizetype m_filled = 0; ///< received bytes, while a reserve() is pending

    QByteArray m_sps;
    QByteArray m_pps;
    QByteArray m_accessUnit;
    qsizetype m_sizeHint = 0; ///< about the size of recent frames
    bool m_auKeyframe = false;
    bool m_auBroken = false;
    bool m_waitForKeyframe = false;
    quint32 m_auTimestamp = 0;
    bool m_inFragment = false;
    bool m_oversized = false; ///< the frame being received outgrew kMaxAccessUnit
    qint64 m_oversizedFrames = 0;
    int m_lastSeq = -1;
    qint64 m_lost = 0;
    int m_jumpSeq = -1; ///< a packet off the sequence: a gap counted when the next follows it
    bool m_haveTime = false;
    quint32 m_lastTs = 0;
    qint64 m_lastExt = 0;
    std::optional<qint64> m_wallOfZeroMs;
    std::deque<Frame> m_ready;
};

} // namespace vigil::media
