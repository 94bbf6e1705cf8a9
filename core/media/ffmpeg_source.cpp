// FFmpeg's RTSP demuxer as a StreamSource: audio, H.265 and whatever else cameras send.

#include "core/logging_categories.h"
#include "core/media/av_log.h"
#include "core/media/camera_connection.h"
#include "core/media/decode_timeline.h"
#include "core/media/source_clock_p.h"
#include "core/media/stream_source.h"
#include "core/media/stream_tracks_p.h"
#include "core/media/track_interleaver.h"

#include <QDateTime>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <limits>
#include <vector>

namespace vigil::media {

namespace {

constexpr AVRational kMs {1, 1000};
/// No frame lasts longer: a duration beyond it was measured across a leap of the camera's time.
constexpr qint64 kMaxFrameDurationMs = 5000;

class FfmpegSource final : public StreamSource
{
    Q_DECLARE_TR_FUNCTIONS(vigil::media::FfmpegSource)

public:
    std::optional<Error> run(SourceContext& ctx) override
    {
        m_ctx = &ctx;
        const SourceConfig& config = ctx.config();
        AVFormatContext* input = avformat_alloc_context();
        if (!input)
            return connectionError(AVERROR(ENOMEM), tr("connecting"));
        input->interrupt_callback.callback = &FfmpegSource::interrupt;
        input->interrupt_callback.opaque = this;
        const AvLossCounter losses(input, &ctx.lostPackets());

        deadline = steadyMs() + config.connectTimeoutMs;
        Dictionary options;
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
        const InputPtr owner(input);

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

        auto described = std::make_shared<StreamTracks>();
        const int trackOf[2] = {video, audio};
        for (int index : trackOf) {
            if (index < 0)
                continue;
            CodecParametersPtr copy(avcodec_parameters_alloc());
            if (!copy || avcodec_parameters_copy(copy.get(), input->streams[index]->codecpar) < 0)
                return connectionError(AVERROR(ENOMEM), tr("reading the stream"));
            described->tracks.push_back(StreamTracks::Track {
                    std::move(copy), input->streams[index]->time_base, index == video});
        }
        described->reorderDepth = qBound(0, input->streams[video]->codecpar->video_delay, 16);
        const std::shared_ptr<const StreamTracks> tracks = std::move(described);
        {
            SourceItem item;
            item.kind = SourceItem::Kind::Tracks;
            item.tracks = tracks;
            ctx.emitItem(std::move(item));
        }
        bool started = false;
        qint64 lostBefore = ctx.lostPackets().load();

        qint64 arrivalBaseMs = 0; // wall-clock time of pts 0 by arrival
        bool haveBase = false;
        std::optional<qint64> previousTsMs; // of video
        bool trustRtcp = true;
        bool recordable = false; ///< the connection's first keyframe went out
        // Video and audio reach the writer in time order (TrackInterleaver).
        TrackInterleaver<PacketPtr> interleaver(audio >= 0);
        std::function<void(PacketPtr)> deliver;
        const auto releaseOrdered = [&](bool all) {
            while (std::optional<PacketPtr> next = interleaver.pop(all))
                deliver(std::move(*next));
        };
        // Hands a complete, timed packet to the writer (takes it), in time order.
        const auto emitPacket = [&](PacketPtr timed) {
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
        deliver = [&](PacketPtr timed) {
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
            const bool isVideo = index == video;
            SourceItem item;
            item.tracks = tracks;
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
            if (timelineBroken(item.wallMs, now, tsMs, isVideo ? previousTsMs : std::nullopt)) {
                ctx.timestampsJumped(item.wallMs - now);
                arrivalBaseMs = now - tsMs;
                trustRtcp = false;
                item.wallMs = now;
                item.rtcpClock = false;
            }
            if (isVideo)
                previousTsMs = tsMs;
            if (!started) {
                ctx.firstPacket(item.wallMs);
                started = true;
            }
            // An outage starts where the last video frame ends, as its file does.
            const qint64 endMs = isVideo ? item.wallMs
                            + qBound(qint64(0),
                                    qint64(av_rescale_q_rnd(
                                            timed->duration, stream->time_base, kMs, AV_ROUND_UP)),
                                    kMaxFrameDurationMs)
                                         : 0;
            Packet::Info info;
            info.track = isVideo ? 0 : 1;
            info.keyframe = (timed->flags & AV_PKT_FLAG_KEY) != 0;
            info.pts = timed->pts;
            info.dts = timed->dts;
            info.timeBaseNum = stream->time_base.num;
            info.timeBaseDen = stream->time_base.den;
            info.wallMs = item.wallMs;
            info.connectionId = ctx.connectionId();
            if (const qint64 lost = ctx.lostPackets().load(); lost > lostBefore) {
                info.afterLoss = true;
                lostBefore = lost;
            }
            timed->stream_index = info.track;
            item.packet = packetFromAv(std::move(timed), info);
            ctx.packetSent(item.wallMs, endMs);
            ctx.emitItem(std::move(item));
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
            std::vector<PacketPtr>
                    untimed; ///< the stream's first packets, before its time is known
            PacketPtr packet; ///< timed, waiting for its successor
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
            h.packet = allocPacket();
            av_packet_move_ref(h.packet.get(), next);
        };
        // Video is timed by its presentation times alone: FFmpeg's reader has none for the
        // connection's first keyframe and, with B-frames, no decoding times for the first
        // frames. The first frames wait until enough of them are timed: the untimed ones lead,
        // a frame apart, up to the earliest frame shown after them; decoding times follow from
        // the reorder depth (DecodeTimeline).
        std::vector<PacketPtr> lead;
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
                    ctx.reorderedDeeper(decodeTimes->depth());
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
            lead.push_back(allocPacket());
            av_packet_move_ref(lead.back().get(), p);
            const auto timed = std::count_if(lead.begin(), lead.end(),
                    [](const PacketPtr& q) { return q->pts != AV_NOPTS_VALUE; });
            if (timed < reorderDepth + 1)
                return false;
            const auto firstTimed = std::find_if(lead.begin(), lead.end(),
                    [](const PacketPtr& q) { return q->pts != AV_NOPTS_VALUE; });
            qint64 earliest = std::numeric_limits<qint64>::max();
            for (const PacketPtr& q : lead) {
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
            for (PacketPtr& q : lead) {
                if (q->pts == AV_NOPTS_VALUE)
                    q->pts = newestVideoPts + step;
                const std::optional<qint64> dts
                        = decodeTimes->next(q->pts, (q->flags & AV_PKT_FLAG_KEY) != 0);
                newestVideoPts = qMax(newestVideoPts, q->pts);
                if (dts) {
                    q->dts = *dts;
                    hold(held[0], q.get());
                } else {
                    ctx.reorderedDeeper(decodeTimes->depth());
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
        const PacketPtr reading = allocPacket();
        AVPacket* packet = reading.get(); // each packet read is moved on (or unreferenced)
        Error ended;
        while (!ctx.stopping()) {
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
                if (!ctx.stopping())
                    ended = connectionError(AVERROR_EXIT, tr("receiving video"));
                break;
            }
            const int index = packet->stream_index;
            if (index != video && index != audio) {
                av_packet_unref(packet);
                continue;
            }
            if (packet->size > kMaxFrameBytes) {
                av_packet_unref(packet);
                ctx.frameTooLarge();
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
                    h.untimed.push_back(allocPacket());
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

private:
    static int interrupt(void* opaque)
    {
        auto* self = static_cast<FfmpegSource*>(opaque);
        const bool stop = self->m_ctx->stopping() || steadyMs() > self->deadline.load();
        if (stop)
            self->interrupted = true;
        return stop;
    }

    Error connectionError(int rc, const QString& during) const
    {
        if (m_ctx->stopping())
            return SourceTexts::stopped();
        const QUrl url(m_ctx->config().displayUrl);
        const QString detail = avErrorText(rc);
        if (rc == AVERROR_EXIT || rc == AVERROR(ETIMEDOUT))
            return CameraErrors::stoppedAnswering(url, during, detail);
        if (rc == AVERROR(ECONNREFUSED) || rc == AVERROR(EHOSTUNREACH) || rc == AVERROR(ENETUNREACH)
                || rc == AVERROR(ECONNRESET))
            return CameraErrors::unreachable(url, detail);
        if (rc == AVERROR_HTTP_UNAUTHORIZED || rc == AVERROR(EACCES)
                || rc == AVERROR_HTTP_FORBIDDEN)
            return CameraErrors::refusedLogin(url, detail);
        if (rc == AVERROR_EOF)
            return CameraErrors::streamEnded(url, detail);
        if (rc == AVERROR_HTTP_NOT_FOUND || rc == AVERROR_STREAM_NOT_FOUND)
            return CameraErrors::streamNotOffered(url, detail);
        return CameraErrors::unreadable(url, during, detail);
    }

    SourceContext* m_ctx = nullptr;
    std::atomic<qint64> deadline {0}; ///< steady ms; the interrupt callback aborts I/O past it
    std::atomic<bool> interrupted {false}; ///< the interrupt callback aborted the current read
};

} // namespace

std::unique_ptr<StreamSource> StreamSource::ffmpegDemuxer()
{
    installAvLog();
    return std::make_unique<FfmpegSource>();
}

} // namespace vigil::media
