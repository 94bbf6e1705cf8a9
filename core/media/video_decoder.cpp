#include "core/media/video_decoder.h"

#include "core/logging_categories.h"
#include "core/media/av_p.h"

#include <QPointer>
#include <QVideoFrameFormat>
#include <QVideoSink>

extern "C" {
#include <libavutil/imgutils.h>
}

#include <cstring>

namespace vigil::media {

struct VideoDecoder::Private
{
    CodecContextPtr context;
    FramePtr frame;
    FramePtr converted; ///< YUV 4:2:0, when the camera sends another layout
    SwsPtr sws;
    QPointer<QVideoSink> sink;
    bool waitKeyframe = true;
    quint64 connectionId = 0;
    bool broken = false;
};

VideoDecoder::VideoDecoder(Codec codec, const QByteArray& extradata, QSize size, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    const AVCodec* decoder
            = avcodec_find_decoder(codec == Codec::H264 ? AV_CODEC_ID_H264 : AV_CODEC_ID_HEVC);
    d->context.reset(decoder ? avcodec_alloc_context3(decoder) : nullptr);
    d->frame = allocFrame();
    d->converted = allocFrame();
    if (d->context && !extradata.isEmpty()) {
        d->context->extradata = static_cast<uint8_t*>(
                av_mallocz(size_t(extradata.size()) + AV_INPUT_BUFFER_PADDING_SIZE));
        if (d->context->extradata) {
            std::memcpy(d->context->extradata, extradata.constData(), size_t(extradata.size()));
            d->context->extradata_size = int(extradata.size());
        }
    }
    if (d->context) {
        // Frame threads: a 1080p camera decodes on two cores; they add a frame or two of delay,
        // and cost more than they give for a small picture.
        const bool large = !size.isValid() || qint64(size.width()) * size.height() > 1280 * 720;
        d->context->thread_count = large ? 2 : 1;
        d->context->thread_type = FF_THREAD_FRAME;
        if (avcodec_open2(d->context.get(), decoder, nullptr) < 0)
            d->context.reset();
    }
    d->broken = !d->context || !d->frame || !d->converted;
}

VideoDecoder::~VideoDecoder() = default;

void VideoDecoder::setVideoSink(QVideoSink* sink)
{
    d->sink = sink;
}

void VideoDecoder::decode(const Packet& packet)
{
    if (d->broken) {
        Q_EMIT failed(tr("This computer has no decoder for the camera's video."));
        return;
    }
    if (packet.isNull() || packet.info().track != 0)
        return;
    if (packet.info().connectionId != d->connectionId) {
        d->connectionId = packet.info().connectionId;
        d->waitKeyframe = true; // a new connection: its own timeline and parameter sets
        avcodec_flush_buffers(d->context.get());
    }
    if (packet.info().afterLoss && !packet.info().keyframe)
        d->waitKeyframe = true; // its references are gone: grey smears until a keyframe
    if (d->waitKeyframe && !packet.info().keyframe)
        return;
    d->waitKeyframe = false;
    int rc = avcodec_send_packet(d->context.get(), packet.avPacket());
    if (rc == AVERROR(EAGAIN)) {
        receiveFrames(); // the decoder is full: take its frames, then it accepts the packet
        rc = avcodec_send_packet(d->context.get(), packet.avPacket());
    }
    if (rc < 0 && rc != AVERROR_EOF) {
        qCDebug(lcRecording) << "decoder refused a packet:" << avErrorText(rc);
        d->waitKeyframe = true; // resume cleanly at the next keyframe
        return;
    }
    receiveFrames();
}

void VideoDecoder::flush()
{
    if (d->broken)
        return;
    avcodec_send_packet(d->context.get(), nullptr); // drain
    receiveFrames();
    avcodec_flush_buffers(d->context.get());
    d->waitKeyframe = true;
}

void VideoDecoder::receiveFrames()
{
    for (;;) {
        const int rc = avcodec_receive_frame(d->context.get(), d->frame.get());
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF)
            return;
        if (rc < 0) {
            d->waitKeyframe = true;
            return;
        }
        const AVFrame* source = d->frame.get();
        const int width = source->width;
        const int height = source->height;
        if (source->format != AV_PIX_FMT_YUV420P && source->format != AV_PIX_FMT_YUVJ420P) {
            d->sws.reset(sws_getCachedContext(d->sws.release(), width, height,
                    AVPixelFormat(source->format), width, height, AV_PIX_FMT_YUV420P, SWS_BILINEAR,
                    nullptr, nullptr, nullptr));
            AVFrame* out = d->converted.get();
            if (out->width != width || out->height != height) {
                av_frame_unref(out);
                out->format = AV_PIX_FMT_YUV420P;
                out->width = width;
                out->height = height;
                if (av_frame_get_buffer(out, 0) < 0) {
                    av_frame_unref(d->frame.get());
                    continue;
                }
            }
            if (!d->sws
                    || sws_scale(d->sws.get(), source->data, source->linesize, 0, height, out->data,
                               out->linesize)
                            < 0) {
                av_frame_unref(d->frame.get());
                continue;
            }
            source = out;
        }
        QVideoFrameFormat format(QSize(width, height), QVideoFrameFormat::Format_YUV420P);
        if (source->color_range == AVCOL_RANGE_JPEG || source->format == AV_PIX_FMT_YUVJ420P)
            format.setColorRange(QVideoFrameFormat::ColorRange_Full);
        QVideoFrame frame(format);
        // The packet's presentation time, as it came (its owner knows the time base).
        frame.setStartTime(d->frame->pts != AV_NOPTS_VALUE ? d->frame->pts : -1);
        if (frame.map(QVideoFrame::WriteOnly)) {
            for (int plane = 0; plane < 3; ++plane) {
                const int rows = plane == 0 ? height : (height + 1) / 2;
                const int bytes = plane == 0 ? width : (width + 1) / 2;
                for (int y = 0; y < rows; ++y) {
                    std::memcpy(frame.bits(plane) + qsizetype(y) * frame.bytesPerLine(plane),
                            source->data[plane] + qsizetype(y) * source->linesize[plane],
                            size_t(bytes));
                }
            }
            frame.unmap();
            ++m_decoded;
            if (d->sink)
                d->sink->setVideoFrame(frame);
            Q_EMIT frameDecoded(frame);
        }
        av_frame_unref(d->frame.get());
    }
}

} // namespace vigil::media
