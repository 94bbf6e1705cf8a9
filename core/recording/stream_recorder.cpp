#include "core/recording/stream_recorder.h"

#include "core/catalog/segment_store.h"
#include "core/logging_categories.h"
#include "core/media/av_log.h"
#include "core/media/av_p.h"
#include "core/media/camera_connection.h"
#include "core/recording/decode_timeline.h"
#include "core/recording/rtsp_session.h"
#include "core/recording/segment_writer.h"
#include "core/recording/track_interleaver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>
#include <vector>

namespace vigil::recording {

namespace {

constexpr AVRational kMs {1, 1000};
/// RTCP time is trusted only when it agrees with this computer's clock this closely (network and
/// buffering delay); a camera whose clock is further off would put footage at the wrong time.
constexpr qint64 kMaxClockOffsetMs = 2000;
/// Files of one connection follow each other exactly unless the clock moved by this much.
constexpr qint64 kContinuityMs = 1000;
/// A camera's timestamps that run this far ahead of this computer's clock, or back by more than
/// kMaxTimestampBackMs, left its timeline (firmware that leaps 2^31 ticks at each keyframe, or
/// wraps): from there packets are dated by this computer's clock.
constexpr qint64 kMaxTimestampAheadMs = 3000;
constexpr qint64 kMaxTimestampBackMs = 1000;

bool timelineBroken(qint64 wallMs, qint64 nowMs, qint64 tsMs, std::optional<qint64> previousTsMs)
{
    return wallMs - nowMs > kMaxTimestampAheadMs
            || (previousTsMs && tsMs < *previousTsMs - kMaxTimestampBackMs);
}

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

using media::avErrorText;

/// The camera's codec parameters for one connection, shared by the packets queued from it.
struct TrackSet
{
    std::vector<media::CodecParametersPtr> parameters; ///< what `specs` point at
    QList<TrackSpec> specs;
    int reorderDepth = 0; ///< video frames the decoder may hold back (B-frames), from the SPS
};

struct Item
{
    enum class Kind { Packet, Tracks, Connected, Disconnected, Stop };
    Kind kind = Kind::Packet;
    media::PacketPtr packet;
    int track = 0;
    bool video = false;
    bool keyframe = false;
    qint64 wallMs = 0;
    bool rtcpClock = false;
    qint64 clockOffsetMs = 0;
    qint64 outageStartMs = 0; ///< Connected: end of the last packet before the outage
    std::shared_ptr<TrackSet> tracks;
};

Item marker(Item::Kind kind)
{
    Item item;
    item.kind = kind;
    return item;
}

/// Whether something accepts TCP connections at the URL's host and port (cheap: no RTSP).
bool tcpReachable(const QUrl& url, int timeoutMs)
{
    const Result<int> fd = media::connectTcp(url, timeoutMs);
    if (fd)
        ::close(fd.value());
    return fd.ok();
}

} // namespace

struct StreamRecorder::Private
{
    StreamConfig config;
    std::atomic<qint64> lostPackets {0}; ///< RTP packets the camera sent that never arrived
    Sink sink;

    std::thread reader;
    std::thread writer;
    std::atomic<bool> stopping {false};
    std::atomic<qint64> deadline {0}; ///< steady ms; the interrupt callback aborts I/O past it
    std::atomic<bool> interrupted {false}; ///< the interrupt callback aborted the current read
    std::atomic<qint64> recordUntil {0};
    std::atomic<int> preRollMs {0};
    std::atomic<bool> storageBlocked {false};
    bool ffmpegOnly = false; ///< the camera's stream needs FFmpeg's demuxer (audio, H.265 …)

    // Reader → writer queue.
    std::mutex queueMutex;
    std::condition_variable queueReady;
    std::deque<Item> queue;
    qint64 queueBytes = 0;
    bool dropping = false;

    // Sleeping between reconnections.
    std::mutex sleepMutex;
    std::condition_variable sleepWake;

    mutable std::mutex statusMutex;
    Status status;

    // Writer-thread state.
    std::shared_ptr<TrackSet> tracks;
    std::unique_ptr<SegmentWriter> segment;
    QString segmentRelativePath;
    std::deque<Item> preRoll;
    qint64 retryAfterMs = 0;
    qint64 previousEndMs = 0; ///< end of the last file of this connection, 0 after a break
    qint64 lastFileEndMs = 0; ///< end of the last file closed, kept across connections
    int loggedReorderDepth = -1; ///< reader thread
    qint64 framesTooLarge = 0; ///< reader thread
    qint64 timestampJumps = 0; ///< reader thread
    bool warnedBasic = false; ///< reader thread

    static int interrupt(void* opaque)
    {
        auto* d = static_cast<Private*>(opaque);
        const bool stop = d->stopping.load() || steadyMs() > d->deadline.load();
        if (stop)
            d->interrupted = true;
        return stop;
    }

    template<typename F>
    void updateStatus(F&& change)
    {
        std::lock_guard lock(statusMutex);
        change(status);
    }

    void emitEvent(RecorderEvent event)
    {
        event.cameraId = config.cameraId;
        event.streamId = config.streamId;
        event.role = config.role;
        sink(std::move(event));
    }

    // ---- reader thread ----

    void push(Item item)
    {
        {
            std::lock_guard lock(queueMutex);
            if (item.kind == Item::Kind::Packet) {
                const qint64 size = item.packet->size;
                if (dropping && item.video && item.keyframe
                        && queueBytes + size <= config.queueLimitBytes / 2)
                    dropping = false;
                if (!dropping && queueBytes + size > config.queueLimitBytes)
                    dropping = true;
                if (dropping) {
                    item.packet.reset();
                    qint64 dropped = 0;
                    updateStatus([&](Status& s) { dropped = ++s.droppedPackets; });
                    if (dropped == 1 || dropped % 500 == 0) {
                        RecorderEvent e;
                        e.type = RecorderEvent::Type::PacketsDropped;
                        e.count = dropped;
                        emitEvent(e);
                    }
                    return;
                }
                queueBytes += size;
            }
            queue.push_back(std::move(item));
        }
        queueReady.notify_one();
    }

    void readerLoop()
    {
        int attempt = 0; // failed attempts since the last packet
        qint64 lastPacketWallMs = 0;
        bool reportedOffline = false;
        const QUrl url(config.url);
        while (!stopping) {
            bool gotPackets = false;
            const Error error = runConnection(lastPacketWallMs, gotPackets);
            push(marker(Item::Kind::Disconnected));
            if (stopping)
                break;
            updateStatus([&](Status& s) {
                s.online = false;
                s.lastError = error.message;
            });
            if (gotPackets || !reportedOffline) {
                qCInfo(lcRecording, "camera %lld %s: %s", config.cameraId,
                        qUtf8Printable(config.role), qUtf8Printable(error.fullText()));
                RecorderEvent e;
                e.type = RecorderEvent::Type::Disconnected;
                e.error = error;
                e.startMs = lastPacketWallMs;
                emitEvent(e);
                reportedOffline = true;
            }
            if (gotPackets) {
                attempt = 0;
                reportedOffline = true;
            }
            // 1, 1, 2, 2, 4, 4, 8 … 30 s: a short outage (a camera restarting its stream) is
            // bridged within seconds, a long one costs the camera little.
            const int backoffMs = int(qMin<qint64>(
                    config.maxBackoffMs, qint64(config.minBackoffMs) << qMin(attempt / 2, 16)));
            ++attempt;
            // Exponential backoff; while waiting, a camera whose port starts answering again is
            // retried at once (it was powered off or unplugged and is back).
            const bool wasUnreachable
                    = error.code == Error::Code::Unreachable || error.code == Error::Code::Timeout;
            const qint64 wakeAt = steadyMs() + backoffMs;
            while (!stopping && steadyMs() < wakeAt) {
                std::unique_lock lock(sleepMutex);
                sleepWake.wait_for(lock,
                        std::chrono::milliseconds(qMin<qint64>(1000, wakeAt - steadyMs())),
                        [this] { return stopping.load(); });
                lock.unlock();
                if (wasUnreachable && !stopping && tcpReachable(url, 500))
                    break;
            }
        }
    }

    Error connectionError(int rc, const QString& during) const
    {
        if (stopping)
            return Error {Error::Code::Unknown, tr("Recording stopped."), {}};
        const QUrl url(config.displayUrl);
        const QString detail = avErrorText(rc);
        if (rc == AVERROR_EXIT || rc == AVERROR(ETIMEDOUT))
            return media::CameraErrors::stoppedAnswering(url, during, detail);
        if (rc == AVERROR(ECONNREFUSED) || rc == AVERROR(EHOSTUNREACH) || rc == AVERROR(ENETUNREACH)
                || rc == AVERROR(ECONNRESET))
            return media::CameraErrors::unreachable(url, detail);
        if (rc == AVERROR_HTTP_UNAUTHORIZED || rc == AVERROR(EACCES)
                || rc == AVERROR_HTTP_FORBIDDEN)
            return media::CameraErrors::refusedLogin(url, detail);
        if (rc == AVERROR_EOF)
            return media::CameraErrors::streamEnded(url, detail);
        if (rc == AVERROR_HTTP_NOT_FOUND || rc == AVERROR_STREAM_NOT_FOUND)
            return media::CameraErrors::streamNotOffered(url, detail);
        return media::CameraErrors::unreadable(url, during, detail);
    }

    /// One RTSP session: Vigil's own reader for plain H.264 video, FFmpeg's for the rest.
    Error runConnection(qint64& lastPacketWallMs, bool& gotPackets)
    {
        if (!ffmpegOnly) {
            std::optional<Error> fast = runFastConnection(lastPacketWallMs, gotPackets);
            if (fast)
                return *fast;
            ffmpegOnly = true;
            qCInfo(lcRecording, "camera %lld %s: recorded through FFmpeg (audio or not H.264)",
                    config.cameraId, qUtf8Printable(config.role));
        }
        return runFfmpegConnection(lastPacketWallMs, gotPackets);
    }

    /// A frame larger than anything a camera should send was dropped (fragments that never
    /// end, a broken or hostile camera): said as such, not as a disk that falls behind.
    void frameTooLarge()
    {
        const qint64 count = ++framesTooLarge;
        if (count == 1 || count % 100 == 0) {
            RecorderEvent e;
            e.type = RecorderEvent::Type::FrameTooLarge;
            e.count = count;
            emitEvent(e);
        }
    }

    /// The camera's timestamps left its timeline (logged the first time and every 100th).
    void timestampsJumped(qint64 aheadMs)
    {
        if (++timestampJumps != 1 && timestampJumps % 100 != 0)
            return;
        qCWarning(lcRecording,
                "camera %lld %s: its timestamps jumped (%lld ms from this computer's clock); "
                "a new file starts and packets are dated by this computer's clock",
                config.cameraId, qUtf8Printable(config.role), aheadMs);
    }

    /// The camera reorders frames more deeply than its SPS announces: frames until the next
    /// keyframe cannot be timed and are dropped (once per connection and depth).
    void reorderedDeeper(int depth)
    {
        if (depth == loggedReorderDepth)
            return;
        loggedReorderDepth = depth;
        qCWarning(lcRecording,
                "camera %lld %s: frames are reordered more deeply than the stream announces; "
                "recording resumes at the next keyframe with a depth of %d",
                config.cameraId, qUtf8Printable(config.role), depth);
    }

    /// Marks the connection online at its first packet and reports the outage before it.
    void firstPacket(qint64& lastPacketWallMs, bool& gotPackets, qint64 wallMs)
    {
        if (gotPackets)
            return;
        gotPackets = true;
        updateStatus([&](Status& s) {
            s.online = true;
            s.lastError.clear();
        });
        // The outage is reported by the writer, which knows where the last file really ended.
        Item connected = marker(Item::Kind::Connected);
        connected.outageStartMs = lastPacketWallMs;
        connected.wallMs = wallMs;
        push(std::move(connected));
        qCInfo(lcRecording, "camera %lld %s: receiving", config.cameraId,
                qUtf8Printable(config.role));
    }

    /// RtspSession: std::nullopt when the stream is one it does not handle.
    std::optional<Error> runFastConnection(qint64& lastPacketWallMs, bool& gotPackets)
    {
        RtspSession session;
        RtspSession::Options options;
        options.url = QUrl(config.url);
        options.timeoutMs = config.readTimeoutMs;
        options.stopRequested = [this] { return stopping.load(); };
        const Result<void> opened = session.open(options);
        if (session.usesBasicAuthentication() && !warnedBasic) {
            warnedBasic = true;
            RecorderEvent e;
            e.type = RecorderEvent::Type::InsecureAuthentication;
            emitEvent(e);
        }
        if (!opened) {
            if (opened.error().code == Error::Code::Unsupported)
                return std::nullopt;
            return stopping ? Error {Error::Code::Unknown, tr("Recording stopped."), {}}
                            : opened.error();
        }
        std::shared_ptr<TrackSet> trackSet;
        std::optional<DecodeTimeline> decodeTimes;
        qint64 arrivalBaseMs = 0;
        qint64 lostBefore = 0;
        std::optional<qint64> previousTsMs;
        bool trustRtcp = true;
        for (;;) {
            Result<RtspSession::Frame> frame = session.next();
            if (session.oversizedFrames() > 0)
                frameTooLarge();
            if (!frame) {
                session.close();
                return stopping ? Error {Error::Code::Unknown, tr("Recording stopped."), {}}
                                : frame.error();
            }
            if (const qint64 lost = session.lostPackets(); lost > lostBefore) {
                lostPackets += lost - lostBefore;
                lostBefore = lost;
            }
            if (!trackSet) {
                if (!frame->keyframe)
                    continue; // the track is described from the first keyframe
                trackSet = describeH264(session.parameterSets(), frame->data);
                if (!trackSet)
                    return Error {Error::Code::Protocol,
                            tr("The camera %1 sent a stream Vigil cannot read (%2).")
                                    .arg(config.displayUrl, tr("reading the stream")),
                            QStringLiteral("no SPS/PPS")};
                Item tracksItem = marker(Item::Kind::Tracks);
                tracksItem.tracks = trackSet;
                push(std::move(tracksItem));
                decodeTimes.emplace(trackSet->reorderDepth, kMaxTimestampBackMs * 90);
                arrivalBaseMs = QDateTime::currentMSecsSinceEpoch() - frame->rtpTime / 90;
            }
            // RTP carries presentation times; with B-frames they are out of decoding order.
            const std::optional<qint64> dts = decodeTimes->next(frame->rtpTime, frame->keyframe);
            if (!dts) {
                reorderedDeeper(decodeTimes->depth());
                continue;
            }
            const qint64 tsMs = frame->rtpTime / 90;
            Item item;
            item.video = true;
            item.keyframe = frame->keyframe;
            item.wallMs = arrivalBaseMs + tsMs;
            if (const std::optional<qint64> rtcp = session.wallClockOfRtpZeroMs();
                    rtcp && trustRtcp) {
                item.clockOffsetMs = *rtcp - arrivalBaseMs;
                if (qAbs(item.clockOffsetMs) < kMaxClockOffsetMs) {
                    item.rtcpClock = true;
                    item.wallMs = *rtcp + tsMs;
                }
            }
            if (const qint64 now = QDateTime::currentMSecsSinceEpoch();
                    timelineBroken(item.wallMs, now, tsMs, previousTsMs)) {
                timestampsJumped(item.wallMs - now);
                arrivalBaseMs = now - tsMs;
                trustRtcp = false;
                item.wallMs = now;
                item.rtcpClock = false;
            }
            previousTsMs = tsMs;
            firstPacket(lastPacketWallMs, gotPackets, item.wallMs);
            lastPacketWallMs = item.wallMs;
            updateStatus([&](Status& s) {
                ++s.packets;
                s.lastPacketMs = item.wallMs;
            });
            item.packet = media::allocPacket();
            if (!item.packet || av_new_packet(item.packet.get(), int(frame->data.size())) < 0)
                continue;
            std::memcpy(item.packet->data, frame->data.constData(), size_t(frame->data.size()));
            item.packet->pts = frame->rtpTime;
            item.packet->dts = *dts;
            if (frame->keyframe)
                item.packet->flags |= AV_PKT_FLAG_KEY;
            push(std::move(item));
        }
    }

    /// Codec parameters for an H.264 track: SPS/PPS as extradata, picture size from parsing the
    /// first keyframe (libavcodec's H.264 parser).
    static std::shared_ptr<TrackSet> describeH264(
            const QByteArray& parameterSets, const QByteArray& keyframe)
    {
        if (parameterSets.isEmpty())
            return nullptr;
        const media::ParserPtr parser(av_parser_init(AV_CODEC_ID_H264));
        const media::CodecContextPtr context(avcodec_alloc_context3(nullptr));
        if (!parser || !context)
            return nullptr;
        const QByteArray data = parameterSets + keyframe;
        uint8_t* out = nullptr;
        int outSize = 0;
        av_parser_parse2(parser.get(), context.get(), &out, &outSize,
                reinterpret_cast<const uint8_t*>(data.constData()), int(data.size()),
                AV_NOPTS_VALUE, AV_NOPTS_VALUE, 0);
        av_parser_parse2(parser.get(), context.get(), &out, &outSize, nullptr, 0, AV_NOPTS_VALUE,
                AV_NOPTS_VALUE, 0);
        const int width = parser->width > 0 ? parser->width : context->width;
        const int height = parser->height > 0 ? parser->height : context->height;
        if (width <= 0 || height <= 0)
            return nullptr;
        auto trackSet = std::make_shared<TrackSet>();
        media::CodecParametersPtr owned(avcodec_parameters_alloc());
        if (!owned)
            return nullptr;
        AVCodecParameters* par = owned.get();
        par->codec_type = AVMEDIA_TYPE_VIDEO;
        par->codec_id = AV_CODEC_ID_H264;
        par->width = width;
        par->height = height;
        par->extradata = static_cast<uint8_t*>(
                av_mallocz(size_t(parameterSets.size()) + AV_INPUT_BUFFER_PADDING_SIZE));
        std::memcpy(par->extradata, parameterSets.constData(), size_t(parameterSets.size()));
        par->extradata_size = int(parameterSets.size());
        trackSet->parameters.push_back(std::move(owned));
        trackSet->specs << TrackSpec {par, 1, 90000, true};
        trackSet->reorderDepth = reorderDepthH264(data);
        return trackSet;
    }

    /// How many frames an H.264 decoder may hold back before showing one (0 without B-frames):
    /// from the SPS, as libavcodec's decoder reads it on decoding the first keyframe.
    static int reorderDepthH264(const QByteArray& parameterSetsAndKeyframe)
    {
        const AVCodec* decoder = avcodec_find_decoder(AV_CODEC_ID_H264);
        const media::CodecContextPtr context(decoder ? avcodec_alloc_context3(decoder) : nullptr);
        const media::PacketPtr packet = media::allocPacket();
        int depth = 0;
        if (context && packet && avcodec_open2(context.get(), decoder, nullptr) >= 0
                && av_new_packet(packet.get(), int(parameterSetsAndKeyframe.size())) >= 0) {
            std::memcpy(packet->data, parameterSetsAndKeyframe.constData(),
                    size_t(parameterSetsAndKeyframe.size()));
            if (avcodec_send_packet(context.get(), packet.get()) >= 0)
                depth = qBound(0, context->has_b_frames, 16);
        }
        return depth;
    }

    /// FFmpeg's RTSP demuxer: audio, H.265 and whatever else cameras send.
    Error runFfmpegConnection(qint64& lastPacketWallMs, bool& gotPackets)
    {
        AVFormatContext* input = avformat_alloc_context();
        if (!input)
            return connectionError(AVERROR(ENOMEM), tr("connecting"));
        input->interrupt_callback.callback = &Private::interrupt;
        input->interrupt_callback.opaque = this;
        const media::AvLossCounter losses(input, &lostPackets);

        deadline = steadyMs() + config.connectTimeoutMs;
        media::Dictionary options;
        options.set("rtsp_transport", "tcp");
        // Whatever address a camera gave, FFmpeg speaks only RTSP and its transports with it:
        // never a local file or another of its many protocols.
        options.set("protocol_whitelist", "rtsp,rtsps,rtp,srtp,udp,tcp,tls");
        options.set("timeout", qint64(config.readTimeoutMs) * 1000);
        options.set("allowed_media_types", "video+audio");
        const QByteArray url = config.url.toUtf8();
        // On failure avformat_open_input() frees the context itself; on success it is owned here.
        int rc = avformat_open_input(&input, url.constData(), nullptr, options.out());
        if (rc < 0)
            return connectionError(rc, tr("connecting"));
        const media::InputPtr owner(input);

        // The camera starts sending at PLAY, inside avformat_open_input().
        const qint64 playedAtMs = QDateTime::currentMSecsSinceEpoch();
        int video = -1;
        int audio = -1;
        const AVOutputFormat* mp4 = av_guess_format("mp4", nullptr, nullptr);
        for (unsigned i = 0; i < input->nb_streams; ++i) {
            const AVCodecParameters* par = input->streams[i]->codecpar;
            if (video < 0 && par->codec_type == AVMEDIA_TYPE_VIDEO
                    && (par->codec_id == AV_CODEC_ID_H264 || par->codec_id == AV_CODEC_ID_HEVC))
                video = int(i);
            else if (audio < 0 && par->codec_type == AVMEDIA_TYPE_AUDIO
                    && avformat_query_codec(mp4, par->codec_id, FF_COMPLIANCE_NORMAL) == 1)
                audio = int(i);
        }
        if (video < 0)
            return Error {Error::Code::Unsupported,
                    tr("The camera %1 sends no H.264 or H.265 video.").arg(config.displayUrl), {}};
        AVCodecParameters* videoPar = input->streams[video]->codecpar;
        bool analysed = false; // packets read meanwhile are queued inside FFmpeg, not lost
        if (videoPar->width <= 0 || videoPar->extradata_size <= 0
                || (audio >= 0 && input->streams[audio]->codecpar->sample_rate <= 0)) {
            // The SDP did not say everything the MP4 header needs: look at the first frames.
            input->max_analyze_duration = 3 * AV_TIME_BASE;
            deadline = steadyMs() + config.connectTimeoutMs;
            interrupted = false;
            rc = avformat_find_stream_info(input, nullptr);
            analysed = true;
            // A camera that stalls while it is analysed leaves the frame it was sending, cut
            // short, among the packets FFmpeg keeps: nothing from this connection is written.
            if (interrupted)
                return connectionError(AVERROR_EXIT, tr("reading the stream"));
            if (rc < 0 || videoPar->width <= 0)
                return connectionError(rc < 0 ? rc : AVERROR_INVALIDDATA, tr("reading the stream"));
        }
        for (unsigned i = 0; i < input->nb_streams; ++i) {
            if (int(i) != video && int(i) != audio)
                input->streams[i]->discard = AVDISCARD_ALL;
        }

        auto trackSet = std::make_shared<TrackSet>();
        int trackOf[2] = {video, audio};
        for (int index : trackOf) {
            if (index < 0)
                continue;
            media::CodecParametersPtr copy(avcodec_parameters_alloc());
            if (!copy || avcodec_parameters_copy(copy.get(), input->streams[index]->codecpar) < 0)
                return connectionError(AVERROR(ENOMEM), tr("reading the stream"));
            trackSet->specs << TrackSpec {copy.get(), input->streams[index]->time_base.num,
                    input->streams[index]->time_base.den, index == video};
            trackSet->parameters.push_back(std::move(copy));
        }
        Item tracksItem = marker(Item::Kind::Tracks);
        tracksItem.tracks = trackSet;
        push(std::move(tracksItem));

        qint64 arrivalBaseMs = 0; // wall-clock time of pts 0 by arrival
        bool haveBase = false;
        std::optional<qint64> previousTsMs; // of video
        bool trustRtcp = true;
        bool recordable = false; ///< the connection's first keyframe went out
        // Video and audio reach the writer in time order (TrackInterleaver).
        TrackInterleaver<media::PacketPtr> interleaver(audio >= 0);
        std::function<void(media::PacketPtr)> deliver;
        const auto releaseOrdered = [&](bool all) {
            while (std::optional<media::PacketPtr> next = interleaver.pop(all))
                deliver(std::move(*next));
        };
        // Hands a complete, timed packet to the writer (takes it), in time order.
        const auto emitPacket = [&](media::PacketPtr timed) {
            const AVStream* stream = input->streams[timed->stream_index];
            const bool isVideo = timed->stream_index == video;
            const bool byPts
                    = (isVideo && (timed->flags & AV_PKT_FLAG_KEY)) || timed->dts == AV_NOPTS_VALUE;
            const TrackTime at {
                    byPts ? timed->pts : timed->dts, stream->time_base.num, stream->time_base.den};
            interleaver.push(
                    isVideo ? interleaver.kVideo : interleaver.kAudio, at, std::move(timed));
            releaseOrdered(false);
        };
        deliver = [&](media::PacketPtr timed) {
            const int index = timed->stream_index;
            const AVStream* stream = input->streams[index];
            const qint64 ts = timed->pts != AV_NOPTS_VALUE ? timed->pts : timed->dts;
            const qint64 tsMs = av_rescale_q(ts, stream->time_base, kMs);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (!haveBase) {
                if (index != video)
                    return; // a connection's timeline starts with video
                // After stream analysis the first packets come out of FFmpeg's buffer late:
                // they arrived when playing started.
                arrivalBaseMs = (analysed ? playedAtMs : now) - tsMs;
                haveBase = true;
            }
            if (!recordable) {
                // Nothing before the first keyframe can be recorded: the outage lasts until it,
                // so that it ends exactly where the connection's first file starts.
                if (index != video || !(timed->flags & AV_PKT_FLAG_KEY))
                    return;
                recordable = true;
            }
            Item item;
            item.track = index == video ? 0 : 1;
            item.video = index == video;
            item.keyframe = (timed->flags & AV_PKT_FLAG_KEY) != 0;
            item.wallMs = arrivalBaseMs + tsMs;
            if (trustRtcp && input->start_time_realtime != AV_NOPTS_VALUE
                    && input->start_time_realtime > 0) {
                const qint64 rtcpBaseMs = input->start_time_realtime / 1000;
                item.clockOffsetMs = rtcpBaseMs - arrivalBaseMs;
                if (qAbs(item.clockOffsetMs) < kMaxClockOffsetMs) {
                    item.rtcpClock = true;
                    item.wallMs = rtcpBaseMs + tsMs;
                }
            }
            if (timelineBroken(item.wallMs, now, tsMs, item.video ? previousTsMs : std::nullopt)) {
                timestampsJumped(item.wallMs - now);
                arrivalBaseMs = now - tsMs;
                trustRtcp = false;
                item.wallMs = now;
                item.rtcpClock = false;
            }
            if (item.video)
                previousTsMs = tsMs;
            firstPacket(lastPacketWallMs, gotPackets, item.wallMs);
            // An outage starts where the last video frame ends, as its file does.
            if (item.video)
                lastPacketWallMs = item.wallMs
                        + qBound(qint64(0),
                                qint64(av_rescale_q_rnd(
                                        timed->duration, stream->time_base, kMs, AV_ROUND_UP)),
                                SegmentWriter::kMaxLeapMs);
            updateStatus([&](Status& st) {
                ++st.packets;
                st.lastPacketMs = item.wallMs;
            });
            item.packet = std::move(timed);
            push(std::move(item));
        };
        // One frame in a stream's time base: the first guess of a duration.
        const auto oneFrame = [&](int index) -> qint64 {
            const AVStream* st = input->streams[index];
            if (index == video) {
                AVRational rate
                        = st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate;
                if (rate.num <= 0 || rate.den <= 0)
                    rate = AVRational {25, 1};
                return qMax<qint64>(1, av_rescale_q(1, av_inv_q(rate), st->time_base));
            }
            const AVCodecParameters* par = st->codecpar;
            if (par->sample_rate <= 0)
                return 1;
            const int samples = par->frame_size > 0 ? par->frame_size : 1024;
            return qMax<qint64>(
                    1, av_rescale_q(samples, AVRational {1, par->sample_rate}, st->time_base));
        };
        // Per track, the newest packet waits for the next one: the difference of their decoding
        // times is its real duration (a guess overshoots the next timestamp at fragment ends and
        // makes the MP4 muxer complain), and the first keyframe, which FFmpeg's RTSP reader hands
        // over before it knows the stream's time, is timed one frame before its successor
        // instead of being lost with its whole group of pictures.
        struct Held
        {
            std::vector<media::PacketPtr>
                    untimed; ///< the stream's first packets, before its time is known
            media::PacketPtr packet; ///< timed, waiting for its successor
            qint64 lastDuration = 0;
        };
        Held held[2];
        constexpr size_t kMaxUntimed = 256;
        const auto tsOf
                = [](const AVPacket* p) { return p->dts != AV_NOPTS_VALUE ? p->dts : p->pts; };
        // The newest packet of a track waits for its successor, which gives its duration.
        const auto hold = [&](Held& h, AVPacket* next) {
            if (h.packet) {
                if (tsOf(next) > tsOf(h.packet.get())) {
                    h.packet->duration = tsOf(next) - tsOf(h.packet.get());
                    h.lastDuration = h.packet->duration;
                } else if (h.lastDuration > 0) {
                    h.packet->duration = h.lastDuration;
                }
                emitPacket(std::move(h.packet));
            }
            h.packet = media::allocPacket();
            av_packet_move_ref(h.packet.get(), next);
        };
        // Video is timed by its presentation times alone: FFmpeg's reader has none for the
        // connection's first keyframe and, with B-frames, no decoding times for the first
        // frames. The first frames wait until enough of them are timed: the untimed ones lead,
        // a frame apart, up to the earliest frame shown after them; decoding times follow from
        // the reorder depth (DecodeTimeline).
        std::vector<media::PacketPtr> lead;
        std::optional<DecodeTimeline> decodeTimes;
        qint64 newestVideoPts = 0;
        const int reorderDepth = qBound(0, input->streams[video]->codecpar->video_delay, 16);
        const auto freeLead = [&] { lead.clear(); };
        // True when `p` is timed and goes on; false when it was kept in (or dropped from) the lead.
        const auto timeVideo = [&](AVPacket* p) -> bool {
            if (decodeTimes) {
                if (p->pts == AV_NOPTS_VALUE) // rare: untimed after timed
                    p->pts = newestVideoPts + oneFrame(video);
                const std::optional<qint64> dts
                        = decodeTimes->next(p->pts, (p->flags & AV_PKT_FLAG_KEY) != 0);
                if (!dts) {
                    reorderedDeeper(decodeTimes->depth());
                    av_packet_unref(p);
                    return false;
                }
                p->dts = *dts;
                newestVideoPts = qMax(newestVideoPts, p->pts);
                return true;
            }
            if ((lead.empty() && !(p->flags & AV_PKT_FLAG_KEY)) || lead.size() >= kMaxUntimed) {
                av_packet_unref(p); // only from a keyframe is video worth keeping
                if (!lead.empty())
                    freeLead(); // never timed: start again at the next keyframe
                return false;
            }
            lead.push_back(media::allocPacket());
            av_packet_move_ref(lead.back().get(), p);
            const auto timed = std::count_if(lead.begin(), lead.end(),
                    [](const media::PacketPtr& q) { return q->pts != AV_NOPTS_VALUE; });
            if (timed < reorderDepth + 1)
                return false;
            const auto firstTimed = std::find_if(lead.begin(), lead.end(),
                    [](const media::PacketPtr& q) { return q->pts != AV_NOPTS_VALUE; });
            qint64 earliest = std::numeric_limits<qint64>::max();
            for (const media::PacketPtr& q : lead) {
                if (q->pts != AV_NOPTS_VALUE)
                    earliest = qMin(earliest, q->pts);
            }
            const qint64 step = oneFrame(video);
            const qint64 leading = firstTimed - lead.begin();
            for (qint64 k = 0; k < leading; ++k)
                lead[size_t(k)]->pts = earliest - step * (leading - k);
            // No camera reorders frames by a second: a step that large is its timeline moving
            // (FFmpeg re-bases a track at its first RTCP report), not a B-frame.
            decodeTimes.emplace(reorderDepth,
                    av_rescale_q(kMaxTimestampBackMs, kMs, input->streams[video]->time_base));
            newestVideoPts = lead.front()->pts;
            for (media::PacketPtr& q : lead) {
                if (q->pts == AV_NOPTS_VALUE)
                    q->pts = newestVideoPts + step;
                const std::optional<qint64> dts
                        = decodeTimes->next(q->pts, (q->flags & AV_PKT_FLAG_KEY) != 0);
                newestVideoPts = qMax(newestVideoPts, q->pts);
                if (dts) {
                    q->dts = *dts;
                    hold(held[0], q.get());
                } else {
                    reorderedDeeper(decodeTimes->depth());
                }
            }
            lead.clear();
            return false;
        };
        // Each track continues across the camera's re-based timestamps; audio goes with video.
        TrackTimelines timelines;
        qint64 loggedAudioMs = 0;
        const auto keepTimeline = [&](AVPacket* p) {
            const qint64 ts = p->pts != AV_NOPTS_VALUE ? p->pts : p->dts;
            if (ts == AV_NOPTS_VALUE)
                return; // timed from its neighbours, which are kept
            const bool isVideo = p->stream_index == video;
            const AVRational timeBase = input->streams[p->stream_index]->time_base;
            const qint64 correctionMs = timelines.correct(
                    isVideo ? timelines.kVideo : timelines.kAudio, av_rescale_q(ts, timeBase, kMs),
                    av_rescale_q(oneFrame(p->stream_index), timeBase, kMs),
                    QDateTime::currentMSecsSinceEpoch());
            if (timelines.bridgedMs() != 0) {
                qCWarning(lcRecording,
                        "camera %lld %s: the camera's %s timestamps jumped by %lld ms while its "
                        "packets kept coming; they continue where they left off",
                        config.cameraId, qUtf8Printable(config.role), isVideo ? "video" : "audio",
                        timelines.bridgedMs());
            } else if (!isVideo && correctionMs != loggedAudioMs) {
                qCWarning(lcRecording,
                        "camera %lld %s: the camera's audio timestamps are %lld ms from its "
                        "video's; audio is timed by its arrival",
                        config.cameraId, qUtf8Printable(config.role), -correctionMs);
            }
            if (!isVideo)
                loggedAudioMs = correctionMs;
            const qint64 shift = av_rescale_q(correctionMs, kMs, timeBase);
            if (p->pts != AV_NOPTS_VALUE)
                p->pts += shift;
            if (p->dts != AV_NOPTS_VALUE)
                p->dts += shift;
        };
        const media::PacketPtr reading = media::allocPacket();
        AVPacket* packet = reading.get(); // each packet read is moved on (or unreferenced)
        Error ended;
        while (!stopping) {
            deadline = steadyMs() + config.readTimeoutMs;
            interrupted = false;
            rc = av_read_frame(input, packet);
            if (rc < 0) {
                ended = connectionError(rc, tr("receiving video"));
                break;
            }
            if (interrupted) {
                // A read cut short by the stop (or the deadline) may return half a frame.
                av_packet_unref(packet);
                if (!stopping)
                    ended = connectionError(AVERROR_EXIT, tr("receiving video"));
                break;
            }
            const int index = packet->stream_index;
            if (index != video && index != audio) {
                av_packet_unref(packet);
                continue;
            }
            if (packet->size > StreamRecorder::kMaxFrameBytes) {
                av_packet_unref(packet);
                frameTooLarge();
                continue;
            }
            keepTimeline(packet);
            Held& h = held[index == video ? 0 : 1];
            if (index == video) {
                if (!timeVideo(packet))
                    continue;
            } else if (tsOf(packet) == AV_NOPTS_VALUE) {
                if (h.packet) {
                    // Rare: untimed after timed; one frame after its predecessor.
                    const qint64 step = h.lastDuration > 0 ? h.lastDuration : oneFrame(index);
                    packet->dts = tsOf(h.packet.get()) + step;
                    packet->pts = packet->dts;
                } else {
                    if (h.untimed.size() >= kMaxUntimed) {
                        av_packet_unref(packet);
                        continue;
                    }
                    h.untimed.push_back(media::allocPacket());
                    av_packet_move_ref(h.untimed.back().get(), packet);
                    continue;
                }
            }
            if (!h.untimed.empty()) {
                // Timed backwards from the first timed packet, a frame apart.
                const qint64 step = oneFrame(index);
                const qint64 n = qint64(h.untimed.size());
                for (qint64 k = 0; k < n; ++k) {
                    AVPacket* early = h.untimed[size_t(k)].get();
                    early->dts = tsOf(packet) - step * (n - k);
                    early->pts = early->dts;
                    early->duration = step;
                    hold(h, early);
                }
                h.untimed.clear();
            }
            hold(h, packet);
        }
        // The last packets: complete (a cut-short read was discarded), timed by their stream.
        freeLead();
        for (Held& h : held) {
            h.untimed.clear();
            if (!h.packet)
                continue;
            if (h.lastDuration > 0)
                h.packet->duration = h.lastDuration;
            emitPacket(std::move(h.packet));
        }
        releaseOrdered(true);
        return ended;
    }

    // ---- writer thread ----

    Item pop()
    {
        std::unique_lock lock(queueMutex);
        queueReady.wait(lock, [this] { return !queue.empty(); });
        Item item = std::move(queue.front());
        queue.pop_front();
        if (item.kind == Item::Kind::Packet)
            queueBytes -= item.packet->size;
        return item;
    }

    void writerLoop()
    {
        for (;;) {
            Item item = pop();
            switch (item.kind) {
            case Item::Kind::Stop:
                closeSegment();
                clearPreRoll();
                return;
            case Item::Kind::Tracks:
                closeSegment();
                previousEndMs = 0; // a new connection: its own clock
                clearPreRoll();
                tracks = item.tracks;
                break;
            case Item::Kind::Connected:
                connected(item);
                break;
            case Item::Kind::Disconnected:
                closeSegment();
                previousEndMs = 0;
                clearPreRoll();
                break;
            case Item::Kind::Packet:
                handlePacket(item);
                break;
            }
        }
    }

    /// Reports the outage that a connection's first packet ends. Files are timed by media time
    /// from their start, the outage by the wall clock of the last packet: the outage starts
    /// where the last file ends when that is later, so that the two never overlap.
    void connected(const Item& item)
    {
        RecorderEvent e;
        e.type = RecorderEvent::Type::Connected;
        e.startMs = item.outageStartMs;
        if (e.startMs > 0)
            e.startMs = qMax(e.startMs, lastFileEndMs);
        e.endMs = qMax(item.wallMs, e.startMs);
        emitEvent(e);
    }

    void clearPreRoll() { preRoll.clear(); }

    void keepForPreRoll(Item& item)
    {
        const int keepMs = preRollMs.load();
        if (keepMs <= 0 || (preRoll.empty() && !(item.video && item.keyframe)))
            return; // the buffer always starts at a keyframe
        if (item.video && item.keyframe) {
            // Drop whole groups of pictures older than needed: keep from the newest keyframe
            // that is at least keepMs old.
            size_t cut = 0;
            for (size_t i = 0; i < preRoll.size(); ++i) {
                if (preRoll[i].video && preRoll[i].keyframe
                        && preRoll[i].wallMs <= item.wallMs - keepMs)
                    cut = i;
            }
            preRoll.erase(preRoll.begin(), preRoll.begin() + qint64(cut));
        }
        preRoll.push_back(std::move(item));
    }

    void handlePacket(Item& item)
    {
        if (!tracks)
            return;
        const qint64 until = recordUntil.load();
        const bool blocked = storageBlocked.load();
        if (item.wallMs >= until || blocked) {
            // A trigger whose post-roll ended before the next packet arrived (the camera or the
            // machine stalled) still covers what the buffer holds: the pre-roll is written.
            if (!segment && !blocked && !preRoll.empty() && preRoll.back().wallMs < until
                    && steadyMs() >= retryAfterMs)
                writePreRoll();
            closeSegment();
            keepForPreRoll(item);
            return;
        }
        // A leap in the camera's time ends the file; the next starts at a keyframe.
        if (segment && !segment->continues(item.packet.get(), item.track)) {
            closeSegment();
            previousEndMs = 0;
        }
        if (!segment) {
            if (steadyMs() < retryAfterMs)
                return;
            if (!preRoll.empty()) {
                if (!writePreRoll())
                    return;
            } else if (!(item.video && item.keyframe) || !openSegment(item)) {
                return;
            }
        } else if (item.video && item.keyframe
                && (segment->durationMs() >= config.segmentMs || segment->wantsCut())) {
            closeSegment();
            if (!openSegment(item))
                return;
        }
        writePacket(item);
    }

    /// Opens a segment at the pre-roll buffer's first keyframe and writes the buffer into it.
    bool writePreRoll()
    {
        if (openSegment(preRoll.front())) {
            for (Item& p : preRoll) {
                if (!writePacket(p))
                    break;
            }
        }
        clearPreRoll();
        return segment != nullptr;
    }

    bool openSegment(const Item& first)
    {
        SegmentHeader header;
        header.cameraId = config.cameraId;
        header.cameraUuid = config.cameraUuid;
        header.role = config.role;
        header.startMs = first.wallMs;
        // Within one connection media time is exact: a file that follows another starts where
        // it ended, unless the clock moved by more than a second (clock source switched to
        // RTCP, camera clock drift), so files neither overlap nor leave slivers between them.
        if (previousEndMs > 0 && qAbs(first.wallMs - previousEndMs) < kContinuityMs)
            header.startMs = previousEndMs;
        header.clockSource = first.rtcpClock ? QStringLiteral("rtcp") : QStringLiteral("arrival");
        header.clockOffsetMs = first.clockOffsetMs;
        const QString named = catalog::segmentPath(config.cameraId, config.role, header.startMs);
        QString relative = named;
        for (int n = 1; QFile::exists(config.recordingsRoot + u'/' + relative); ++n) {
            relative = QString(named).replace(
                    QLatin1String(".mp4"), QStringLiteral("-%1.mp4").arg(n));
        }
        Result<std::unique_ptr<SegmentWriter>> created = SegmentWriter::create(
                config.recordingsRoot + u'/' + relative, tracks->specs, header, config.fragmentMs);
        if (!created) {
            failed(created.error(), SegmentFacts {}, QString());
            return false;
        }
        segment = std::move(created).value();
        segmentRelativePath = relative;
        updateStatus([](Status& s) { s.recording = true; });
        RecorderEvent e;
        e.type = RecorderEvent::Type::SegmentOpened;
        e.path = relative;
        e.facts.header = header;
        emitEvent(e);
        return true;
    }

    bool writePacket(Item& item)
    {
        const qint64 before = segment->bytesWritten();
        if (Result<void> written = segment->write(item.packet.get(), item.track); !written) {
            const SegmentFacts remains = segment->abandon();
            segment.reset();
            failed(written.error(), remains, segmentRelativePath);
            return false;
        }
        const qint64 grown = segment->bytesWritten() - before;
        if (grown > 0)
            updateStatus([&](Status& s) { s.bytesWritten += grown; });
        return true;
    }

    void closeSegment()
    {
        if (!segment)
            return;
        Result<SegmentFacts> facts = segment->finish();
        if (!facts) {
            const SegmentFacts remains = segment->abandon();
            segment.reset();
            failed(facts.error(), remains, segmentRelativePath);
            return;
        }
        segment.reset();
        updateStatus([](Status& s) { s.recording = false; });
        RecorderEvent e;
        e.type = RecorderEvent::Type::SegmentClosed;
        e.path = segmentRelativePath;
        e.facts = facts.value();
        previousEndMs = facts->header.startMs + facts->durationMs;
        lastFileEndMs = previousEndMs;
        emitEvent(e);
    }

    /// A segment could not be created or written: report, and wait a little before the next.
    void failed(const Error& error, const SegmentFacts& remains, const QString& path)
    {
        retryAfterMs = steadyMs() + 2000;
        updateStatus([&](Status& s) {
            s.recording = false;
            s.lastError = error.message;
        });
        RecorderEvent e;
        e.type = RecorderEvent::Type::SegmentFailed;
        e.path = path;
        e.facts = remains;
        e.error = error;
        emitEvent(e);
    }
};

StreamRecorder::StreamRecorder(StreamConfig config, Sink sink)
    : d(std::make_unique<Private>())
{
    media::installAvLog();
    d->config = std::move(config);
    d->sink = std::move(sink);
    d->preRollMs = d->config.preRollMs;
    d->ffmpegOnly = d->config.ffmpegDemuxer;
}

StreamRecorder::~StreamRecorder()
{
    stop();
}

void StreamRecorder::start()
{
    if (d->reader.joinable())
        return;
    d->stopping = false;
    d->writer = std::thread([this] { d->writerLoop(); });
    d->reader = std::thread([this] { d->readerLoop(); });
}

void StreamRecorder::requestStop()
{
    d->stopping = true;
    d->sleepWake.notify_all();
}

void StreamRecorder::stop()
{
    if (!d->reader.joinable())
        return;
    requestStop();
    d->reader.join();
    d->push(marker(Item::Kind::Stop));
    d->writer.join();
    std::lock_guard lock(d->queueMutex);
    d->queue.clear();
    d->queueBytes = 0;
}

void StreamRecorder::setRecordUntil(qint64 wallMs)
{
    d->recordUntil = wallMs;
}

void StreamRecorder::setPreRollMs(int ms)
{
    d->preRollMs = ms;
}

void StreamRecorder::setStorageBlocked(bool blocked)
{
    d->storageBlocked = blocked;
}

const StreamConfig& StreamRecorder::config() const
{
    return d->config;
}

StreamRecorder::Status StreamRecorder::status() const
{
    std::lock_guard lock(d->statusMutex);
    return d->status;
}

qint64 StreamRecorder::lostRtpPackets() const
{
    return d->lostPackets.load();
}

} // namespace vigil::recording
