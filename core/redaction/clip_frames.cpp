#include "core/redaction/clip_frames.h"

#include "core/redaction/render_frame_p.h"
#include "core/redaction/video_file_p.h"

#include <QDir>

#include <algorithm>

namespace vigil::redaction {

struct ClipFrames::Private
{
    std::unique_ptr<VideoFile> video;
    QList<qint64> pts; ///< each frame's, in presentation order
    AVRational timeBase {1, 1000};
    int current = -1; ///< the index of the frame the decoder last gave
    const AVFrame* frame = nullptr;
    media::FramePtr work;
    FrameConverter converter;

    /// Decodes up to frame `index`.
    bool reach(int index)
    {
        if (index == current && frame)
            return true;
        if (index < current || index > current + 25 || current < 0) {
            // Far away: from the keyframe at or before it.
            av_seek_frame(
                    video->format(), video->videoIndex(), pts.at(index), AVSEEK_FLAG_BACKWARD);
            avcodec_flush_buffers(video->codec());
            video->restart();
            current = -1;
            frame = nullptr;
        }
        while (current < index || !frame) {
            Result<const AVFrame*> next = video->next();
            if (!next || !next.value())
                return false;
            frame = next.value();
            const qint64 t = frame->best_effort_timestamp != AV_NOPTS_VALUE
                    ? frame->best_effort_timestamp
                    : frame->pts;
            // Which frame this is: its time's place in the list.
            current = int(std::lower_bound(pts.cbegin(), pts.cend(), t) - pts.cbegin());
            if (current > index)
                return false;
        }
        return current == index;
    }
};

ClipFrames::ClipFrames()
    : d(new Private)
{ }

ClipFrames::~ClipFrames() = default;

Result<std::unique_ptr<ClipFrames>> ClipFrames::open(const QString& path)
{
    Result<std::unique_ptr<VideoFile>> opened = VideoFile::open(path, 2);
    if (!opened)
        return opened.error();
    std::unique_ptr<ClipFrames> c(new ClipFrames);
    Private& d = *c->d;
    d.video = std::move(opened.value());
    d.timeBase = d.video->stream()->time_base;
    // The frames' times, from the packets (no decoding).
    media::PacketPtr packet = media::allocPacket();
    while (av_read_frame(d.video->format(), packet.get()) >= 0) {
        // A packet to discard (before an MP4's edit list begins) gives no frame.
        if (packet->stream_index == d.video->videoIndex() && !(packet->flags & AV_PKT_FLAG_DISCARD))
            d.pts << (packet->pts != AV_NOPTS_VALUE ? packet->pts : packet->dts);
        av_packet_unref(packet.get());
    }
    std::sort(d.pts.begin(), d.pts.end());
    if (d.pts.isEmpty())
        return Error {Error::Code::Corrupt,
                tr("The video \"%1\" has no frames.").arg(QDir::toNativeSeparators(path)), {}};
    av_seek_frame(d.video->format(), d.video->videoIndex(), d.pts.first(), AVSEEK_FLAG_BACKWARD);
    avcodec_flush_buffers(d.video->codec());
    d.video->restart();
    return c;
}

int ClipFrames::frameCount() const
{
    return int(d->pts.size());
}

QSize ClipFrames::size() const
{
    return QSize(d->video->width(), d->video->height());
}

qint64 ClipFrames::msAt(int index) const
{
    index = std::clamp(index, 0, frameCount() - 1);
    return av_rescale_q(d->pts.at(index) - d->pts.first(), d->timeBase, AVRational {1, 1000});
}

int ClipFrames::indexAt(qint64 ms) const
{
    const qint64 t = d->pts.first() + av_rescale_q(ms, AVRational {1, 1000}, d->timeBase);
    const auto after = std::upper_bound(d->pts.cbegin(), d->pts.cend(), t);
    return std::max(0, int(after - d->pts.cbegin()) - 1);
}

QImage ClipFrames::frame(int index, const RedactionLog* log)
{
    if (index < 0 || index >= frameCount() || !d->reach(index))
        return {};
    const AVFrame* shown = d->frame;
    if (log) {
        if (!d->work || d->work->width != shown->width || d->work->height != shown->height)
            d->work = allocYuv420(shown->width, shown->height);
        av_frame_make_writable(d->work.get());
        av_frame_copy(d->work.get(), shown);
        redactFrame(d->work.get(), shown, shapesOnFrame(*log, index), log->effect, log->invert);
        shown = d->work.get();
    }
    const cv::Mat rgb = d->converter.convert(shown, cv::Rect(0, 0, shown->width, shown->height),
            cv::Size(shown->width & ~1, shown->height & ~1), AV_PIX_FMT_RGB24);
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
}

} // namespace vigil::redaction
