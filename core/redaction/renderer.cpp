#include "core/redaction/renderer.h"

#include "core/export/mp4_output_p.h"
#include "core/redaction/video_file_p.h"

#include <QDir>
#include <QFile>

#include <opencv2/imgproc.hpp>

extern "C" {
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

/// The box grown to even coordinates (4:2:0 chroma) and kept inside the picture.
cv::Rect evenBox(const QRect& r, int width, int height)
{
    int x0 = std::max(0, r.left()) & ~1;
    int y0 = std::max(0, r.top()) & ~1;
    int x1 = std::min(width, (r.right() + 2) & ~1);
    int y1 = std::min(height, (r.bottom() + 2) & ~1);
    return x1 > x0 && y1 > y0 ? cv::Rect(x0, y0, x1 - x0, y1 - y0) : cv::Rect();
}

/// The three planes of a 4:2:0 frame as Mats (views).
struct Planes
{
    cv::Mat y, u, v;
    explicit Planes(AVFrame* f)
        : y(f->height, f->width, CV_8U, f->data[0], size_t(f->linesize[0]))
        , u(f->height / 2, f->width / 2, CV_8U, f->data[1], size_t(f->linesize[1]))
        , v(f->height / 2, f->width / 2, CV_8U, f->data[2], size_t(f->linesize[2]))
    { }
};

void applyToPlane(cv::Mat plane, const cv::Rect& box, Effect effect, int fill)
{
    if (box.empty())
        return;
    cv::Mat region = plane(box);
    switch (effect) {
    case Effect::Solid:
        region.setTo(fill);
        break;
    case Effect::Pixelate: {
        // About six blocks across the box, never smaller than 8 pixels.
        const int block = std::max(8, std::max(box.width, box.height) / 6);
        cv::Mat small;
        cv::resize(region, small,
                cv::Size(std::max(1, box.width / block), std::max(1, box.height / block)), 0, 0,
                cv::INTER_AREA);
        cv::resize(small, region, box.size(), 0, 0, cv::INTER_NEAREST);
        break;
    }
    case Effect::Blur: {
        // Strong: down to a few pixels, blurred, and back.
        cv::Mat small;
        cv::resize(region, small,
                cv::Size(std::max(1, box.width / 12), std::max(1, box.height / 12)), 0, 0,
                cv::INTER_AREA);
        cv::GaussianBlur(small, small, cv::Size(5, 5), 0);
        cv::resize(small, region, box.size(), 0, 0, cv::INTER_LINEAR);
        break;
    }
    }
}

void applyEffect(AVFrame* f, const cv::Rect& box, Effect effect)
{
    Planes p(f);
    const cv::Rect half(box.x / 2, box.y / 2, box.width / 2, box.height / 2);
    applyToPlane(p.y, box, effect, 16);
    applyToPlane(p.u, half, effect, 128);
    applyToPlane(p.v, half, effect, 128);
}

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
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            r = av_interleaved_write_frame(out.get(), packet.get());
            if (r < 0)
                return r;
        }
    };

    // The boxes of each frame, from the enabled tracks.
    QMap<int, QList<QRect>> boxes;
    for (const Track& t : log.tracks) {
        if (!t.enabled)
            continue;
        for (auto it = t.boxes.cbegin(); it != t.boxes.cend(); ++it)
            boxes[it.key()] << it.value();
    }
    FramePtr work = allocFrame();
    work->format = AV_PIX_FMT_YUV420P;
    work->width = width;
    work->height = height;
    av_frame_get_buffer(work.get(), 32);
    FramePtr pristine;
    if (log.invert) {
        pristine = allocFrame();
        pristine->format = AV_PIX_FMT_YUV420P;
        pristine->width = width;
        pristine->height = height;
        av_frame_get_buffer(pristine.get(), 32);
    }
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
        const QList<QRect> here = boxes.value(index);
        if (log.invert) {
            av_frame_copy(pristine.get(), f);
            applyEffect(work.get(), cv::Rect(0, 0, width, height), log.effect);
            Planes to(work.get());
            Planes from(pristine.get());
            for (const QRect& r : here) {
                const cv::Rect b = evenBox(r, width, height);
                if (b.empty())
                    continue;
                const cv::Rect h(b.x / 2, b.y / 2, b.width / 2, b.height / 2);
                from.y(b).copyTo(to.y(b));
                from.u(h).copyTo(to.u(h));
                from.v(h).copyTo(to.v(h));
            }
        } else {
            for (const QRect& r : here)
                applyEffect(work.get(), evenBox(r, width, height), log.effect);
        }
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
    if ((rc = evidence::finishEvidenceMp4(out.get(), io)) < 0)
        return cannotWrite(rc);
    keep = true;
    return {};
}

} // namespace vigil::redaction
