#pragma once

#include "core/media/packet.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace vigil::media {

struct StreamTracks; // stream_tracks_p.h: the codec parameters of a connection's tracks

/// Where and how a camera stream is read.
struct SourceConfig
{
    qint64 cameraId = 0;
    QString role; ///< "main" or "sub"
    QString url; ///< rtsp:// with credentials: never logged
    QString displayUrl; ///< the same without credentials
    int connectTimeoutMs = 10000;
    int readTimeoutMs = 10000; ///< no packet for this long: the connection is dead
    /// Always FFmpeg's RTSP demuxer (otherwise only for streams Vigil's reader does not handle:
    /// audio, H.265).
    bool ffmpegDemuxer = false;
    int minBackoffMs = 1000;
    int maxBackoffMs = 30000;

    bool operator==(const SourceConfig&) const = default;
};

/// What a stream hands its subscribers, in order: for each connection, its tracks, then
/// "connected" at the first packet, then packets, then "disconnected".
struct SourceItem
{
    enum class Kind {
        Tracks, ///< a connection's codec parameters (tracks); packets that follow belong to them
        Connected, ///< its first packet comes next; outageStartMs: end of the last packet before
        Packet,
        Disconnected, ///< the connection ended (error says why)
        Notice, ///< something a recorder reports (notice, count)
    };
    enum class Notice {
        FrameTooLarge, ///< the camera sent a frame over kMaxFrameBytes; count: so far
        InsecureAuthentication, ///< the camera asked for Basic: its password crosses in clear
    };

    Kind kind = Kind::Packet;
    Packet packet;
    std::shared_ptr<const StreamTracks> tracks;
    qint64 wallMs = 0; ///< Packet, Connected: when it was captured
    bool rtcpClock = false; ///< Packet: wallMs is the camera's RTCP clock (else arrival)
    qint64 clockOffsetMs = 0; ///< Packet: RTCP clock minus arrival clock
    qint64 outageStartMs = 0; ///< Connected: 0 when there was no packet before
    Error error; ///< Disconnected
    /// Disconnected: the first failure after packets or of a run of failed attempts (the one
    /// worth an event); lastPacketMs: where the outage starts.
    bool report = false;
    qint64 lastPacketMs = 0;
    Notice notice = Notice::FrameTooLarge;
    qint64 count = 0;
};

/// What the reading side of a stream knows of it.
struct SourceStatus
{
    bool online = false;
    qint64 packets = 0;
    qint64 lastPacketMs = 0;
    QString lastError;
    qint64 lostPackets = 0; ///< RTP packets the camera sent that never arrived, so far
};

/// What a source needs while it reads one connection; the StreamHub provides it.
class SourceContext
{
public:
    virtual ~SourceContext() = default;
    virtual const SourceConfig& config() const = 0;
    virtual bool stopping() const = 0;
    /// Hands a Tracks or Packet item to the subscribers (reader thread; quick).
    virtual void emitItem(SourceItem item) = 0;
    /// The connection's first packet, dated `wallMs`: online, and "connected" goes out before it.
    virtual void firstPacket(qint64 wallMs) = 0;
    /// A packet went out: counted; `endMs` is where the outage would start if it were the last.
    virtual void packetSent(qint64 wallMs, qint64 endMs) = 0;
    virtual void frameTooLarge() = 0;
    virtual void insecureAuthentication() = 0;
    /// The camera's timestamps left its timeline (logged now and then).
    virtual void timestampsJumped(qint64 aheadMs) = 0;
    /// The camera reorders frames more deeply than it announces (logged once per depth).
    virtual void reorderedDeeper(int depth) = 0;
    /// Where RTP packets lost on the connection are counted.
    virtual std::atomic<qint64>& lostPackets() = 0;
    /// Changes at every connection: packets carry it (a decoder starts again at a new one).
    virtual quint64 connectionId() const = 0;
};

/// One way of reading a camera's stream, a connection at a time: Vigil's own RTSP reader
/// (plain H.264 video, the cheap path) or FFmpeg's demuxer (audio, H.265, whatever else cameras
/// send).
class StreamSource
{
public:
    /// Frames larger than this are dropped (a 4K keyframe at a camera's best quality is ~2 MB).
    static constexpr int kMaxFrameBytes = 16 * 1024 * 1024;

    virtual ~StreamSource() = default;
    /// Reads one connection until it ends and says why; std::nullopt when this source cannot
    /// read the stream and the other one should.
    virtual std::optional<Error> run(SourceContext& context) = 0;

    static std::unique_ptr<StreamSource> rtspReader();
    static std::unique_ptr<StreamSource> ffmpegDemuxer();
};

/// The texts of a stopped reading.
struct SourceTexts
{
    Q_DECLARE_TR_FUNCTIONS(vigil::media::SourceTexts)

public:
    static Error stopped();
};

} // namespace vigil::media
