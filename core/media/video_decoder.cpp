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
#include <mutex>

namespace vigil::media {

struct VideoDecoder::Private
{
    CodecContextPtr context;
    FramePtr frame;
    FramePtr converted; ///< YUV 4:2:0, when the camera sends another layout
    SwsPtr sws;
    SwsPtr rgbSws; ///< to the output size
    QString rgbKey; ///< what rgbSws converts
    std::atomic<quint64> outputSize {0}; ///< width << 32 | height; 0: YUV at the picture's size
    mutable std::mutex lastMutex;
    FramePtr last; ///< a reference to the last decoded picture
    QPointer<QVideoSink> sink;
    bool waitKeyframe = true;
    quint64 connectionId = 0;
    mutable std::mutex maskMutex;
    PrivacyMask pendingMask; ///< set from any thread
    bool maskChanged = false;
    PrivacyMask mask; ///< the decoder thread's copy

    /// The mask the decoder thread applies (a new one taken over when it was changed).
    PrivacyMask& currentMask()
    {
        const std::lock_guard lock(maskMutex);
        if (maskChanged) {
            mask = pendingMask;
            maskChanged = false;
        }
        return mask;
    }
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
    d->last = allocFrame();
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
    d->broken = !d->context || !d->frame || !d->converted || !d->last;
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

namespace {

/// RGB pictures are laid out as QImage::Format_RGB32 (0xffRRGGBB words): libswscale's RGB32.
const QVideoFrameFormat::PixelFormat kRgbFormat
        = QVideoFrameFormat::pixelFormatFromImageFormat(QImage::Format_RGB32);

bool fullRange(const AVFrame* frame)
{
    return frame->color_range == AVCOL_RANGE_JPEG || frame->format == AV_PIX_FMT_YUVJ420P
            || frame->format == AV_PIX_FMT_YUVJ422P || frame->format == AV_PIX_FMT_YUVJ444P;
}

/// A libswscale context from `source` to RGB32 of `target`, with the source's colour matrix
/// and range (BT.709 cameras would look washed out with BT.601's).
bool prepareRgb(SwsPtr& sws, QString& key, const AVFrame* source, QSize target)
{
    const QString wanted = QStringLiteral("%1x%2/%3/%4x%5/%6/%7")
                                   .arg(source->width)
                                   .arg(source->height)
                                   .arg(source->format)
                                   .arg(target.width())
                                   .arg(target.height())
                                   .arg(int(source->colorspace))
                                   .arg(fullRange(source));
    if (sws && key == wanted)
        return true;
    sws.reset(sws_getContext(source->width, source->height, AVPixelFormat(source->format),
            target.width(), target.height(), AV_PIX_FMT_RGB32, SWS_FAST_BILINEAR, nullptr, nullptr,
            nullptr));
    if (!sws)
        return false;
    const int space = source->colorspace == AVCOL_SPC_UNSPECIFIED ? SWS_CS_DEFAULT
                                                                  : int(source->colorspace);
    const int* coefficients = sws_getCoefficients(space);
    sws_setColorspaceDetails(sws.get(), coefficients, fullRange(source) ? 1 : 0, coefficients, 1, 0,
            1 << 16, 1 << 16);
    key = wanted;
    return true;
}

} // namespace

void VideoDecoder::setOutputSize(QSize size)
{
    const quint64 packed = size.isEmpty()
            ? 0
            : (quint64(quint32(size.width())) << 32) | quint64(quint32(size.height()));
    d->outputSize.store(packed);
}

void VideoDecoder::setPrivacyMask(const PrivacyMask& mask)
{
    const std::lock_guard lock(d->maskMutex);
    d->pendingMask = mask;
    d->maskChanged = true;
}

QImage VideoDecoder::lastPicture() const
{
    FramePtr frame = allocFrame();
    {
        const std::lock_guard lock(d->lastMutex);
        if (!frame || !d->last || !d->last->buf[0] || av_frame_ref(frame.get(), d->last.get()) < 0)
            return {};
    }
    SwsPtr sws;
    QString key;
    const QSize size(frame->width, frame->height);
    if (!prepareRgb(sws, key, frame.get(), size))
        return {};
    QImage image(size, QImage::Format_RGB32);
    uint8_t* planes[4] = {image.bits(), nullptr, nullptr, nullptr};
    const int strides[4] = {int(image.bytesPerLine()), 0, 0, 0};
    if (image.isNull()
            || sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, planes, strides)
                    < 0)
        return {};
    PrivacyMask mask;
    {
        const std::lock_guard lock(d->maskMutex);
        mask = d->maskChanged ? d->pendingMask : d->mask;
    }
    mask.apply(image);
    return image;
}

QVideoFrame VideoDecoder::yuvFrame(const AVFrame* source)
{
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
            if (av_frame_get_buffer(out, 0) < 0)
                return {};
        }
        if (!d->sws
                || sws_scale(d->sws.get(), source->data, source->linesize, 0, height, out->data,
                           out->linesize)
                        < 0)
            return {};
        out->color_range = source->color_range;
        source = out;
    }
    QVideoFrameFormat format(QSize(width, height), QVideoFrameFormat::Format_YUV420P);
    if (fullRange(source))
        format.setColorRange(QVideoFrameFormat::ColorRange_Full);
    QVideoFrame frame(format);
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    for (int plane = 0; plane < 3; ++plane) {
        const int rows = plane == 0 ? height : (height + 1) / 2;
        const int bytes = plane == 0 ? width : (width + 1) / 2;
        for (int y = 0; y < rows; ++y) {
            std::memcpy(frame.bits(plane) + qsizetype(y) * frame.bytesPerLine(plane),
                    source->data[plane] + qsizetype(y) * source->linesize[plane], size_t(bytes));
        }
    }
    uint8_t* const planes[3] = {frame.bits(0), frame.bits(1), frame.bits(2)};
    const int strides[3] = {frame.bytesPerLine(0), frame.bytesPerLine(1), frame.bytesPerLine(2)};
    d->currentMask().applyYuv420(planes, strides, QSize(width, height), fullRange(source));
    frame.unmap();
    return frame;
}

QVideoFrame VideoDecoder::rgbFrame(const AVFrame* source, QSize fit)
{
    QSize target = QSize(source->width, source->height).scaled(fit, Qt::KeepAspectRatio);
    target = target.expandedTo(QSize(2, 2));
    if (!prepareRgb(d->rgbSws, d->rgbKey, source, target))
        return {};
    QVideoFrame frame(QVideoFrameFormat(target, kRgbFormat));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    uint8_t* planes[4] = {frame.bits(0), nullptr, nullptr, nullptr};
    const int strides[4] = {frame.bytesPerLine(0), 0, 0, 0};
    const int rc = sws_scale(
            d->rgbSws.get(), source->data, source->linesize, 0, source->height, planes, strides);
    d->currentMask().applyRgb32(planes[0], strides[0], target);
    frame.unmap();
    return rc < 0 ? QVideoFrame() : frame;
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
        if (source->pts != AV_NOPTS_VALUE && source->pts < m_discardBefore) {
            ++m_decoded;
            av_frame_unref(d->frame.get());
            continue;
        }
        {
            const std::lock_guard lock(d->lastMutex);
            av_frame_unref(d->last.get());
            av_frame_ref(d->last.get(), source);
        }
        const QSize picture(source->width, source->height);
        const quint64 packed = d->outputSize.load();
        const QSize fit(int(packed >> 32), int(packed & 0xffffffffu));
        QVideoFrame frame = fit.isEmpty() ? yuvFrame(source) : rgbFrame(source, fit);
        // The packet's presentation time, as it came (its owner knows the time base).
        frame.setStartTime(source->pts != AV_NOPTS_VALUE ? source->pts : -1);
        av_frame_unref(d->frame.get());
        if (!frame.isValid())
            continue;
        ++m_decoded;
        if (d->sink)
            d->sink->setVideoFrame(frame);
        Q_EMIT frameDecoded(frame, picture);
    }
}

} // namespace vigil::media
