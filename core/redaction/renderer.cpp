#include "core/redaction/renderer.h"

#include "core/export/mp4_output_p.h"
#include "core/redaction/render_frame_p.h"
#include "core/redaction/video_file_p.h"

#include <QDir>
#include <QFile>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

namespace vigil::redaction {

using namespace vigil::media;

namespace {

constexpr int kEncoderThreads = 2; // fixed: x264's output depends on it
constexpr char kPreset[] = "veryfast";
constexpr int kCrf = 20;

QString avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

/// The original's sound, packet by packet from its own reader, copied into the redacted file as
/// it is, with the muted stretches' packets replaced by packets of silence in the same codec.
/// Packets are copied, never decoded and encoded again: what is kept is the original's sound.
class AudioCopy
{
    Q_DECLARE_TR_FUNCTIONS(vigil::redaction::Renderer)

public:
    /// Nothing when the original has no sound.
    static Result<std::unique_ptr<AudioCopy>> open(
            const QString& original, const QList<TimeRange>& muted, qint64 clipStartUs)
    {
        std::unique_ptr<AudioCopy> a(new AudioCopy);
        AVFormatContext* raw = nullptr;
        int rc = avformat_open_input(
                &raw, QFile::encodeName(original).constData(), nullptr, nullptr);
        a->m_input.reset(raw);
        if (rc >= 0)
            rc = avformat_find_stream_info(raw, nullptr);
        if (rc < 0)
            return Error {Error::Code::Corrupt, tr("The sound of the original cannot be read."),
                    avError(rc)};
        a->m_stream = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
        if (a->m_stream < 0)
            return std::unique_ptr<AudioCopy>();
        a->m_packet = allocPacket();
        const AVStream* in = raw->streams[a->m_stream];
        // Each muted stretch grows by a packet on both sides: a compressed packet's sound
        // overlaps its neighbours'.
        for (const TimeRange& r : muted)
            a->m_muted.append({clipStartUs + r.fromMs * 1000, clipStartUs + r.toMs * 1000});
        if (!a->m_muted.isEmpty()) {
            Result<void> silence = a->makeSilence(in->codecpar);
            if (!silence)
                return silence.error();
        }
        return a;
    }

    const AVCodecParameters* parameters() const { return m_input->streams[m_stream]->codecpar; }
    AVRational timeBase() const { return m_input->streams[m_stream]->time_base; }

    /// Writes the packets that start before `untilUs` (all when it is INT64_MAX) to `out`.
    int writeUntil(AVFormatContext* out, int outStream, qint64 untilUs)
    {
        const AVRational tb = timeBase();
        for (;;) {
            if (!m_pending) {
                if (m_ended)
                    return 0;
                int rc = av_read_frame(m_input.get(), m_packet.get());
                if (rc < 0) {
                    m_ended = true;
                    return 0;
                }
                if (m_packet->stream_index != m_stream) {
                    av_packet_unref(m_packet.get());
                    continue;
                }
                m_pending = true;
            }
            const qint64 pts = m_packet->pts != AV_NOPTS_VALUE ? m_packet->pts : m_packet->dts;
            const qint64 startUs = av_rescale_q(pts, tb, AVRational {1, 1000000});
            if (startUs >= untilUs)
                return 0;
            const qint64 lengthUs = av_rescale_q(
                    std::max<qint64>(1, m_packet->duration), tb, AVRational {1, 1000000});
            if (isMuted(startUs - lengthUs, startUs + 2 * lengthUs)) {
                const QByteArray& quiet = silence(int(m_packet->duration));
                if (!quiet.isEmpty()) {
                    av_packet_unref(m_packet.get());
                    av_new_packet(m_packet.get(), int(quiet.size()));
                    memcpy(m_packet->data, quiet.constData(), size_t(quiet.size()));
                    m_packet->pts = pts;
                    m_packet->dts = pts;
                    m_packet->duration = std::max<qint64>(
                            1, av_rescale_q(lengthUs, AVRational {1, 1000000}, tb));
                    m_packet->flags = AV_PKT_FLAG_KEY;
                }
            }
            m_packet->stream_index = outStream;
            m_packet->pos = -1;
            av_packet_rescale_ts(m_packet.get(), tb, out->streams[outStream]->time_base);
            m_pending = false;
            const int rc = av_interleaved_write_frame(out, m_packet.get());
            if (rc < 0)
                return rc;
        }
    }

private:
    AudioCopy() = default;

    bool isMuted(qint64 fromUs, qint64 toUs) const
    {
        for (const auto& [a, b] : m_muted)
            if (fromUs < b && toUs > a)
                return true;
        return false;
    }

    /// One packet of silence: for codecs of fixed frames (AAC), a packet from the middle of a
    /// silent stream; for sample codecs (G.711, PCM), as many silent samples as the packet had.
    Result<void> makeSilence(const AVCodecParameters* p)
    {
        const AVCodec* codec = avcodec_find_encoder(p->codec_id);
        if (!codec)
            return Error {Error::Code::Unsupported,
                    tr("Stretches of this camera's sound (%1) cannot be muted: keep the sound "
                       "whole or remove it.")
                            .arg(QString::fromLatin1(avcodec_get_name(p->codec_id))),
                    {}};
        m_encoder.reset(avcodec_alloc_context3(codec));
        m_encoder->sample_rate = p->sample_rate;
        av_channel_layout_copy(&m_encoder->ch_layout, &p->ch_layout);
        if (m_encoder->ch_layout.nb_channels == 0)
            av_channel_layout_default(&m_encoder->ch_layout, 1);
        m_encoder->sample_fmt = codec->sample_fmts ? codec->sample_fmts[0] : AV_SAMPLE_FMT_S16;
        m_encoder->bit_rate = p->bit_rate > 0 ? p->bit_rate : 64000;
        m_encoder->time_base = AVRational {1, std::max(1, p->sample_rate)};
        m_encoder->flags |= AV_CODEC_FLAG_BITEXACT;
        m_encoder->thread_count = 1;
        if (p->codec_id == AV_CODEC_ID_AAC)
            m_encoder->profile = p->profile >= 0 ? p->profile : FF_PROFILE_AAC_LOW;
        if (int rc = avcodec_open2(m_encoder.get(), codec, nullptr); rc < 0)
            return Error {Error::Code::Unsupported,
                    tr("Stretches of this camera's sound (%1) cannot be muted: keep the sound "
                       "whole or remove it.")
                            .arg(QString::fromLatin1(avcodec_get_name(p->codec_id))),
                    avError(rc)};
        return {};
    }

    const QByteArray& silence(int samples)
    {
        const int frameSize = m_encoder->frame_size > 0 ? m_encoder->frame_size : samples;
        const int key = m_encoder->frame_size > 0 ? 0 : samples;
        auto found = m_silence.find(key);
        if (found != m_silence.end())
            return found.value();
        QByteArray quiet;
        FramePtr frame = allocFrame();
        frame->nb_samples = std::max(1, frameSize);
        frame->format = m_encoder->sample_fmt;
        av_channel_layout_copy(&frame->ch_layout, &m_encoder->ch_layout);
        frame->sample_rate = m_encoder->sample_rate;
        if (av_frame_get_buffer(frame.get(), 0) >= 0) {
            av_samples_set_silence(frame->data, 0, frame->nb_samples, frame->ch_layout.nb_channels,
                    AVSampleFormat(frame->format));
            PacketPtr packet = allocPacket();
            // A few frames in, past the encoder's start-up: the steady packet of silence.
            for (int i = 0; i < 4; ++i) {
                frame->pts = qint64(i) * frame->nb_samples;
                if (avcodec_send_frame(m_encoder.get(), frame.get()) < 0)
                    break;
                while (avcodec_receive_packet(m_encoder.get(), packet.get()) == 0) {
                    quiet = QByteArray(reinterpret_cast<const char*>(packet->data), packet->size);
                    av_packet_unref(packet.get());
                }
            }
            if (m_encoder->frame_size <= 0) // sample codecs: no state to start up
                avcodec_flush_buffers(m_encoder.get());
        }
        return *m_silence.insert(key, quiet);
    }

    InputPtr m_input;
    PacketPtr m_packet;
    int m_stream = -1;
    bool m_pending = false;
    bool m_ended = false;
    QList<QPair<qint64, qint64>> m_muted; // µs on the original's clock
    CodecContextPtr m_encoder;
    QHash<int, QByteArray> m_silence;
};

} // namespace

QJsonObject Renderer::encoderSettings()
{
    return QJsonObject {{QStringLiteral("encoder"), QStringLiteral("libx264")},
            {QStringLiteral("libavcodec"), QString::fromLatin1(LIBAVCODEC_IDENT)},
            {QStringLiteral("preset"), QLatin1String(kPreset)}, {QStringLiteral("crf"), kCrf},
            {QStringLiteral("threads"), kEncoderThreads}, {QStringLiteral("b_frames"), 0},
            {QStringLiteral("gop_seconds"), 2},
            {QStringLiteral("pixel_format"), QStringLiteral("yuv420p")},
            {QStringLiteral("muxer"), QStringLiteral("mp4, bit-exact, faststart")}};
}

Result<void> Renderer::run(const QString& original, const RedactionLog& log, const QString& outPath,
        const Progress& progress)
{
    Result<std::unique_ptr<VideoFile>> opened = VideoFile::open(original, 2);
    if (!opened)
        return opened.error();
    VideoFile& video = *opened.value();
    const int width = video.width();
    const int height = video.height();
    if (width != log.width || height != log.height)
        return Error {Error::Code::InvalidArgument,
                tr("The redaction log is for a %1×%2 video, not this %3×%4 one.")
                        .arg(log.width)
                        .arg(log.height)
                        .arg(width)
                        .arg(height),
                {}};
    const AVStream* in = video.stream();
    const AVRational rate = in->avg_frame_rate.num > 0 ? in->avg_frame_rate : AVRational {25, 1};

    const AVCodec* x264 = avcodec_find_encoder_by_name("libx264");
    if (!x264)
        return Error {Error::Code::Unsupported,
                tr("The H.264 encoder (libx264) is missing from this FFmpeg."), {}};
    CodecContextPtr encoder(avcodec_alloc_context3(x264));
    encoder->width = width;
    encoder->height = height;
    encoder->pix_fmt = AV_PIX_FMT_YUV420P;
    encoder->time_base = in->time_base;
    encoder->framerate = rate;
    encoder->gop_size = int(std::lround(2 * av_q2d(rate)));
    encoder->max_b_frames = 0;
    encoder->thread_count = kEncoderThreads;
    encoder->flags |= AV_CODEC_FLAG_GLOBAL_HEADER | AV_CODEC_FLAG_BITEXACT;
    // Quality like the source's: constant quality, its rate a ceiling of 1.5× the original's.
    const qint64 sourceRate = in->codecpar->bit_rate > 0
            ? in->codecpar->bit_rate
            : (video.format()->bit_rate > 0 ? video.format()->bit_rate : 4000000);
    encoder->rc_max_rate = sourceRate * 3 / 2;
    encoder->rc_buffer_size = int(std::min<qint64>(INT_MAX, sourceRate * 3));
    av_opt_set(encoder->priv_data, "preset", kPreset, 0);
    av_opt_set_int(encoder->priv_data, "crf", kCrf, 0);
    int rc = avcodec_open2(encoder.get(), x264, nullptr);
    if (rc < 0)
        return Error {Error::Code::Unsupported, tr("The H.264 encoder cannot start."), avError(rc)};

    OutputPtr out;
    IoContextPtr io;
    bool keep = false;
    const auto cleanup = qScopeGuard([&] {
        if (!keep) {
            out.reset();
            if (io) {
                AVIOContext* raw = io.release();
                avio_closep(&raw);
            }
            QFile::remove(outPath);
        }
    });
    AVFormatContext* raw = nullptr;
    rc = avformat_alloc_output_context2(
            &raw, nullptr, "mp4", QFile::encodeName(outPath).constData());
    out.reset(raw);
    const auto cannotWrite = [&](int code) {
        return Error {Error::Code::NotWritable,
                tr("Cannot write \"%1\".").arg(QDir::toNativeSeparators(outPath)), avError(code)};
    };
    if (rc < 0)
        return cannotWrite(rc);
    AVStream* stream = avformat_new_stream(out.get(), nullptr);
    avcodec_parameters_from_context(stream->codecpar, encoder.get());
    stream->time_base = in->time_base;
    std::unique_ptr<AudioCopy> audio;
    int audioOut = -1;
    if (log.audio == AudioMode::Keep) {
        const qint64 startUs = av_rescale_q(in->start_time == AV_NOPTS_VALUE ? 0 : in->start_time,
                in->time_base, AVRational {1, 1000000});
        Result<std::unique_ptr<AudioCopy>> opened = AudioCopy::open(original, log.muted, startUs);
        if (!opened)
            return opened.error();
        audio = std::move(opened.value());
        if (audio) {
            AVStream* sound = avformat_new_stream(out.get(), nullptr);
            avcodec_parameters_copy(sound->codecpar, audio->parameters());
            sound->codecpar->codec_tag = 0;
            sound->time_base = audio->timeBase();
            audioOut = sound->index;
        }
    }
    if (const AVDictionaryEntry* t
            = av_dict_get(video.format()->metadata, "creation_time", nullptr, 0))
        av_dict_set(&out->metadata, "creation_time", t->value, 0);
    rc = evidence::startEvidenceMp4(out.get(), io, outPath);
    if (rc < 0)
        return cannotWrite(rc);

    PacketPtr packet = allocPacket();
    const qint64 frameTicks = std::max<qint64>(1, av_rescale_q(1, av_inv_q(rate), in->time_base));
    const auto drain = [&]() -> int {
        for (;;) {
            int r = avcodec_receive_packet(encoder.get(), packet.get());
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF)
                return 0;
            if (r < 0)
                return r;
            packet->stream_index = stream->index;
            if (packet->duration <= 0) // the last frame keeps its length in the file
                packet->duration = frameTicks;
            if (audio) {
                const qint64 untilUs = av_rescale_q(packet->dts + packet->duration,
                        encoder->time_base, AVRational {1, 1000000});
                if ((r = audio->writeUntil(out.get(), audioOut, untilUs)) < 0)
                    return r;
            }
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            r = av_interleaved_write_frame(out.get(), packet.get());
            if (r < 0)
                return r;
        }
    };

    const QMap<int, FrameShapes> shapes = shapesByFrame(log);
    FramePtr work = allocYuv420(width, height);
    const qint64 total = log.frames > 0 ? log.frames : std::max<qint64>(1, video.frameCount());
    qint64 lastPts = AV_NOPTS_VALUE;
    for (int index = 0;; ++index) {
        Result<const AVFrame*> next = video.next();
        if (!next)
            return next.error();
        const AVFrame* f = next.value();
        if (!f)
            break;
        av_frame_make_writable(work.get());
        av_frame_copy(work.get(), f);
        redactFrame(work.get(), f, shapes.value(index), log.effect, log.invert);
        qint64 pts = f->best_effort_timestamp != AV_NOPTS_VALUE ? f->best_effort_timestamp : f->pts;
        if (pts == AV_NOPTS_VALUE || (lastPts != AV_NOPTS_VALUE && pts <= lastPts))
            pts = lastPts == AV_NOPTS_VALUE ? 0 : lastPts + 1;
        lastPts = pts;
        work->pts = pts;
        work->pict_type = AV_PICTURE_TYPE_NONE;
        rc = avcodec_send_frame(encoder.get(), work.get());
        if (rc < 0 || (rc = drain()) < 0)
            return cannotWrite(rc);
        if (progress && !progress(std::min(1.0, double(index + 1) / double(total))))
            return Error {Error::Code::Cancelled, tr("The export was cancelled."), {}};
    }
    avcodec_send_frame(encoder.get(), nullptr);
    if ((rc = drain()) < 0)
        return cannotWrite(rc);
    if (audio && (rc = audio->writeUntil(out.get(), audioOut, INT64_MAX)) < 0)
        return cannotWrite(rc);
    if ((rc = evidence::finishEvidenceMp4(out.get(), io)) < 0)
        return cannotWrite(rc);
    keep = true;
    return {};
}

} // namespace vigil::redaction
