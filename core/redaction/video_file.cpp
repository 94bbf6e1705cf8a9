#include "core/media/av_log.h"
#include "core/redaction/video_file_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

extern "C" {
#include <libavutil/imgutils.h>
}

namespace vigil::redaction {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigil::redaction::VideoFile)
};

Error unreadable(const QString& path, int rc)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(rc, text, sizeof text);
    return Error {Error::Code::Corrupt,
            Tr::tr("The video \"%1\" cannot be read.").arg(QDir::toNativeSeparators(path)),
            QString::fromUtf8(text)};
}

} // namespace

Result<std::unique_ptr<VideoFile>> VideoFile::open(const QString& path, int threads)
{
    media::installAvLog(); // FFmpeg's messages to Vigil's log; allocations bounded
    std::unique_ptr<VideoFile> v(new VideoFile);
    AVFormatContext* raw = nullptr;
    int rc = avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr);
    v->m_input.reset(raw);
    if (rc >= 0)
        rc = avformat_find_stream_info(raw, nullptr);
    if (rc < 0)
        return unreadable(path, rc);
    const AVCodec* decoder = nullptr;
    v->m_video = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (v->m_video < 0 || !decoder)
        return unreadable(path, v->m_video < 0 ? v->m_video : AVERROR_DECODER_NOT_FOUND);
    v->m_codec.reset(avcodec_alloc_context3(decoder));
    avcodec_parameters_to_context(v->m_codec.get(), raw->streams[v->m_video]->codecpar);
    v->m_codec->thread_count = threads;
    v->m_codec->pkt_timebase = raw->streams[v->m_video]->time_base;
    rc = avcodec_open2(v->m_codec.get(), decoder, nullptr);
    if (rc < 0)
        return unreadable(path, rc);
    v->m_packet = media::allocPacket();
    v->m_frame = media::allocFrame();
    return v;
}

void VideoFile::seekShare(double share)
{
    const AVStream* s = stream();
    const qint64 duration = s->duration > 0
            ? s->duration
            : av_rescale_q(m_input->duration, AVRational {1, AV_TIME_BASE}, s->time_base);
    const qint64 start = s->start_time == AV_NOPTS_VALUE ? 0 : s->start_time;
    av_seek_frame(
            m_input.get(), m_video, start + qint64(double(duration) * share), AVSEEK_FLAG_BACKWARD);
    avcodec_flush_buffers(m_codec.get());
    m_draining = false;
}

Result<const AVFrame*> VideoFile::next()
{
    for (;;) {
        av_frame_unref(m_frame.get());
        int rc = avcodec_receive_frame(m_codec.get(), m_frame.get());
        if (rc == 0) {
            ++m_index;
            const auto format = AVPixelFormat(m_frame->format);
            if (format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P)
                return static_cast<const AVFrame*>(m_frame.get());
            // Another layout: converted to 4:2:0.
            if (!m_converted)
                m_converted = allocYuv420(m_frame->width, m_frame->height);
            m_sws.reset(sws_getCachedContext(m_sws.release(), m_frame->width, m_frame->height,
                    format, m_frame->width, m_frame->height, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                    nullptr, nullptr, nullptr));
            sws_scale(m_sws.get(), m_frame->data, m_frame->linesize, 0, m_frame->height,
                    m_converted->data, m_converted->linesize);
            m_converted->pts = m_frame->pts;
            m_converted->best_effort_timestamp = m_frame->best_effort_timestamp;
            return static_cast<const AVFrame*>(m_converted.get());
        }
        if (rc == AVERROR_EOF)
            return static_cast<const AVFrame*>(nullptr);
        if (rc != AVERROR(EAGAIN))
            return unreadable(QString::fromUtf8(m_input->url), rc);
        if (m_draining)
            return static_cast<const AVFrame*>(nullptr);
        // Feed the next video packet (or the end).
        for (;;) {
            rc = av_read_frame(m_input.get(), m_packet.get());
            if (rc < 0) {
                m_draining = true;
                avcodec_send_packet(m_codec.get(), nullptr);
                break;
            }
            if (m_packet->stream_index != m_video) {
                av_packet_unref(m_packet.get());
                continue;
            }
            rc = avcodec_send_packet(m_codec.get(), m_packet.get());
            av_packet_unref(m_packet.get());
            if (rc < 0 && rc != AVERROR(EAGAIN))
                return unreadable(QString::fromUtf8(m_input->url), rc);
            break;
        }
    }
}

} // namespace vigil::redaction
