#pragma once

#include "core/media/stream_source.h"
#include "core/recording/segment_file.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <limits>
#include <memory>

namespace vigil::media {
class StreamHub;
}

namespace vigil::recording {

/// What one stream recorder needs to know.
struct StreamConfig
{
    qint64 cameraId = 0;
    QString cameraUuid;
    qint64 streamId = 0;
    QString role; ///< "main" or "sub"
    QString url; ///< rtsp:// with credentials: never logged
    QString displayUrl; ///< the same without credentials
    QString recordingsRoot; ///< `<data-dir>/recordings`
    int segmentMs = 60000;
    int fragmentMs = 1000;
    int preRollMs = 0; ///< kept in memory while not recording (motion and schedule modes)
    int connectTimeoutMs = 10000;
    int readTimeoutMs = 10000; ///< no packet for this long: the connection is dead
    qint64 queueLimitBytes = 8 * 1024 * 1024; ///< beyond: the disk is behind, drop to a keyframe
    /// Always FFmpeg's RTSP demuxer (otherwise only for streams Vigil's reader does not handle:
    /// audio, H.265).
    bool ffmpegDemuxer = false;
    int minBackoffMs = 1000;
    int maxBackoffMs = 30000;

    /// How the stream is read (the hub's part of this).
    media::SourceConfig sourceConfig() const;
};

/// What a recorder reports, from its worker threads, to the engine (which owns the catalog).
struct RecorderEvent
{
    enum class Type {
        Connected, ///< first packet of a connection; [startMs, endMs) is the outage before it
        Disconnected, ///< the camera stopped answering (error says why)
        SegmentOpened,
        SegmentClosed,
        SegmentFailed, ///< a write failed (disk full, I/O); facts: what remains of the file
        PacketsDropped, ///< the disk fell behind; count: dropped so far
        FrameTooLarge, ///< the camera sent a frame over kMaxFrameBytes; count: dropped so far
        InsecureAuthentication, ///< the camera asked for Basic: its password crosses in clear
    };

    Type type = Type::Connected;
    qint64 cameraId = 0;
    qint64 streamId = 0;
    QString role;
    QString path; ///< relative to the recordings folder
    SegmentFacts facts;
    Error error;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 count = 0;
};

/// Records one camera stream: a subscriber of the stream's StreamHub (which reads the camera and
/// reconnects) whose writer thread remuxes the packets into fragmented-MP4 segments
/// (SegmentWriter) under `<recordings>/<camera>/<YYYY-MM-DD>/`. Between them a bounded queue:
/// when the disk cannot keep up, packets are dropped until the next keyframe, so a slow disk
/// never stalls the camera connection (nor the live views that share it), and one camera never
/// blocks another.
///
/// Wall-clock time: from the camera's RTCP sender reports (NTP) when it sends them and they agree
/// with this computer's clock within 2 s, else the packets' arrival time (the offset is kept).
///
/// Whether packets are written is decided per packet by the engine's gate: setRecordUntil() (a
/// wall-clock instant; max: always, 0: never). While closed, the last preRollMs of packets,
/// starting at a keyframe, wait in memory so a triggered recording starts before its trigger.
class StreamRecorder
{
    Q_DECLARE_TR_FUNCTIONS(vigil::recording::StreamRecorder)

public:
    using Sink = std::function<void(RecorderEvent)>;
    static constexpr qint64 kAlways = std::numeric_limits<qint64>::max();

    struct Status
    {
        bool online = false;
        bool recording = false; ///< a segment is open
        qint64 packets = 0;
        qint64 droppedPackets = 0;
        qint64 bytesWritten = 0;
        qint64 lastPacketMs = 0;
        QString lastError;
    };

    /// `sink` is called from the recorder's threads; it must be thread-safe and quick. The hub
    /// reads `config.sourceConfig()`'s stream.
    StreamRecorder(StreamConfig config, std::shared_ptr<media::StreamHub> hub, Sink sink);
    ~StreamRecorder();

    StreamRecorder(const StreamRecorder&) = delete;
    StreamRecorder& operator=(const StreamRecorder&) = delete;

    /// Subscribes to the hub (starting it) and starts writing.
    void start();
    /// Asks the hub to stop reading without waiting (stop() waits): for a shutdown, which lets
    /// many recorders stop at once. A recorder removed while others use its hub only stop()s.
    void requestStop();
    /// Unsubscribes; what was queued is written and the open segment finished and synced before
    /// this returns.
    void stop();

    void setRecordUntil(qint64 wallMs);
    void setPreRollMs(int ms);
    /// Recording paused for lack of space: open segments close, new ones wait.
    void setStorageBlocked(bool blocked);

    const StreamConfig& config() const;
    const std::shared_ptr<media::StreamHub>& hub() const;
    Status status() const;

    /// RTP packets this stream's camera sent that never arrived, over its connections so far.
    qint64 lostRtpPackets() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil::recording
