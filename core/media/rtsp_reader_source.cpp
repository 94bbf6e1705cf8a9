// Vigil's own RTSP reader as a StreamSource: plain H.264 video over RTSP/TCP, the cheap path.

#include "core/media/decode_timeline.h"
#include "core/media/rtsp_session.h"
#include "core/media/source_clock_p.h"
#include "core/media/stream_source.h"
#include "core/media/stream_tracks_p.h"

#include <QDateTime>
#include <QUrl>

#include <cstring>

namespace vigil::media {

namespace {

/// How many frames an H.264 decoder may hold back before showing one (0 without B-frames):
/// from the SPS, as libavcodec's decoder reads it on decoding the first keyframe.
int reorderDepthH264(const QByteArray& parameterSetsAndKeyframe)
{
    const AVCodec* decoder = avcodec_find_decoder(AV_CODEC_ID_H264);
    const CodecContextPtr context(decoder ? avcodec_alloc_context3(decoder) : nullptr);
    const PacketPtr packet = allocPacket();
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

/// Codec parameters for an H.264 track: SPS/PPS as extradata, picture size from parsing the
/// first keyframe (libavcodec's H.264 parser).
std::shared_ptr<StreamTracks> describeH264(
        const QByteArray& parameterSets, const QByteArray& keyframe)
{
    if (parameterSets.isEmpty())
        return nullptr;
    const ParserPtr parser(av_parser_init(AV_CODEC_ID_H264));
    const CodecContextPtr context(avcodec_alloc_context3(nullptr));
    if (!parser || !context)
        return nullptr;
    const QByteArray data = parameterSets + keyframe;
    uint8_t* out = nullptr;
    int outSize = 0;
    av_parser_parse2(parser.get(), context.get(), &out, &outSize,
            reinterpret_cast<const uint8_t*>(data.constData()), int(data.size()), AV_NOPTS_VALUE,
            AV_NOPTS_VALUE, 0);
    av_parser_parse2(parser.get(), context.get(), &out, &outSize, nullptr, 0, AV_NOPTS_VALUE,
            AV_NOPTS_VALUE, 0);
    const int width = parser->width > 0 ? parser->width : context->width;
    const int height = parser->height > 0 ? parser->height : context->height;
    if (width <= 0 || height <= 0)
        return nullptr;
    CodecParametersPtr owned(avcodec_parameters_alloc());
    if (!owned)
        return nullptr;
    AVCodecParameters* par = owned.get();
    par->codec_type = AVMEDIA_TYPE_VIDEO;
    par->codec_id = AV_CODEC_ID_H264;
    par->width = width;
    par->height = height;
    par->extradata = static_cast<uint8_t*>(
            av_mallocz(size_t(parameterSets.size()) + AV_INPUT_BUFFER_PADDING_SIZE));
    if (!par->extradata)
        return nullptr;
    std::memcpy(par->extradata, parameterSets.constData(), size_t(parameterSets.size()));
    par->extradata_size = int(parameterSets.size());
    auto tracks = std::make_shared<StreamTracks>();
    tracks->tracks.push_back(StreamTracks::Track {std::move(owned), AVRational {1, 90000}, true});
    tracks->reorderDepth = reorderDepthH264(data);
    return tracks;
}

class RtspReaderSource final : public StreamSource
{
    Q_DECLARE_TR_FUNCTIONS(vigil::media::RtspReaderSource)

public:
    std::optional<Error> run(SourceContext& ctx) override
    {
        const SourceConfig& config = ctx.config();
        RtspSession session;
        RtspSession::Options options;
        options.url = QUrl(config.url);
        options.timeoutMs = config.readTimeoutMs;
        options.stopRequested = [&ctx] { return ctx.stopping(); };
        const Result<void> opened = session.open(options);
        if (session.usesBasicAuthentication())
            ctx.insecureAuthentication();
        if (!opened) {
            if (opened.error().code == Error::Code::Unsupported)
                return std::nullopt;
            return ctx.stopping() ? SourceTexts::stopped() : opened.error();
        }
        std::shared_ptr<const StreamTracks> tracks;
        std::optional<DecodeTimeline> decodeTimes;
        qint64 arrivalBaseMs = 0;
        qint64 lostBefore = 0;
        std::optional<qint64> previousTsMs;
        bool trustRtcp = true;
        bool started = false;
        for (;;) {
            Result<RtspSession::Frame> frame = session.next();
            if (session.oversizedFrames() > 0)
                ctx.frameTooLarge();
            if (!frame) {
                session.close();
                return ctx.stopping() ? SourceTexts::stopped() : frame.error();
            }
            bool afterLoss = false;
            if (const qint64 lost = session.lostPackets(); lost > lostBefore) {
                ctx.lostPackets() += lost - lostBefore;
                lostBefore = lost;
                afterLoss = true;
            }
            if (!tracks) {
                if (!frame->keyframe)
                    continue; // the track is described from the first keyframe
                std::shared_ptr<StreamTracks> described
                        = describeH264(session.parameterSets(), frame->data);
                if (!described)
                    return Error {Error::Code::Protocol,
                            tr("The camera %1 sent a stream Vigil cannot read (%2).")
                                    .arg(config.displayUrl, tr("reading the stream")),
                            QStringLiteral("no SPS/PPS")};
                tracks = std::move(described);
                SourceItem item;
                item.kind = SourceItem::Kind::Tracks;
                item.tracks = tracks;
                ctx.emitItem(std::move(item));
                decodeTimes.emplace(tracks->reorderDepth, kMaxTimestampBackMs * 90);
                arrivalBaseMs = QDateTime::currentMSecsSinceEpoch() - frame->rtpTime / 90;
            }
            // RTP carries presentation times; with B-frames they are out of decoding order.
            const std::optional<qint64> dts = decodeTimes->next(frame->rtpTime, frame->keyframe);
            if (!dts) {
                ctx.reorderedDeeper(decodeTimes->depth());
                continue;
            }
            const qint64 tsMs = frame->rtpTime / 90;
            SourceItem item;
            item.tracks = tracks;
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
                ctx.timestampsJumped(item.wallMs - now);
                arrivalBaseMs = now - tsMs;
                trustRtcp = false;
                item.wallMs = now;
                item.rtcpClock = false;
            }
            previousTsMs = tsMs;
            if (!started) {
                ctx.firstPacket(item.wallMs);
                started = true;
            }
            Packet::Info info;
            info.track = 0;
            info.keyframe = frame->keyframe;
            info.pts = frame->rtpTime;
            info.dts = *dts;
            info.timeBaseNum = 1;
            info.timeBaseDen = 90000;
            info.wallMs = item.wallMs;
            info.connectionId = ctx.connectionId();
            info.afterLoss = afterLoss;
            item.packet = Packet::adopt(std::move(frame->data), info);
            if (item.packet.isNull())
                continue;
            ctx.packetSent(item.wallMs, item.wallMs);
            ctx.emitItem(std::move(item));
        }
    }
};

} // namespace

std::unique_ptr<StreamSource> StreamSource::rtspReader()
{
    return std::make_unique<RtspReaderSource>();
}

Error SourceTexts::stopped()
{
    return Error {Error::Code::Unknown, tr("Recording stopped."), {}};
}

} // namespace vigil::media
