#include "core/export/original_remux.h"

#include "core/export/mp4_output_p.h"
#include "core/logging_categories.h"
#include "core/media/av_log.h"
#include "core/media/av_p.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTimeZone>

extern "C" {
#include <libavutil/error.h>
}

namespace vigil::evidence {

using namespace vigil::media;

namespace {

constexpr AVRational kMs {1, 1000};

QString avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return QString::fromUtf8(text);
}

/// One input file being read: its video (and audio) stream and where its first frame lies.
struct Input
{
    InputPtr context;
    int video = -1;
    int audio = -1;
};

Result<Input> openInput(const QString& path)
{
    AVFormatContext* raw = nullptr;
    int rc = avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr);
    Input in;
    in.context.reset(raw);
    if (rc >= 0)
        rc = avformat_find_stream_info(raw, nullptr);
    if (rc < 0)
        return Error {Error::Code::Corrupt,
                OriginalRemux::tr("The recording \"%1\" cannot be read.")
                        .arg(QDir::toNativeSeparators(path)),
                avError(rc)};
    in.video = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    in.audio = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (in.video < 0)
        return Error {Error::Code::Corrupt,
                OriginalRemux::tr("The recording \"%1\" has no video.")
                        .arg(QDir::toNativeSeparators(path)),
                {}};
    return in;
}

bool sameFormat(const AVCodecParameters* a, const AVCodecParameters* b)
{
    return a->codec_id == b->codec_id && a->width == b->width && a->height == b->height
            && a->extradata_size == b->extradata_size
            && (a->extradata_size == 0
                    || memcmp(a->extradata, b->extradata, size_t(a->extradata_size)) == 0);
}

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
}

} // namespace

Result<RemuxResult> OriginalRemux::run(const QList<SourceSegment>& segments, qint64 fromMs,
        qint64 toMs, const QString& outPath, const Progress& progress)
{
    if (segments.isEmpty() || toMs <= fromMs)
        return Error {Error::Code::NotFound, tr("Nothing was recorded in this time range."), {}};
    installAvLog(); // FFmpeg's messages to Vigil's log; allocations bounded

    OutputPtr out;
    IoContextPtr io; // destroyed after `out`
    int outVideo = -1;
    int outAudio = -1;
    const AVCodecParameters* format = nullptr; // of the first file, for the later ones
    CodecParametersPtr firstFormat(avcodec_parameters_alloc());
    qint64 baseMs = -1; // UTC of the first frame written: time 0 of the output
    qint64 lastDts[2] = {INT64_MIN, INT64_MIN};
    RemuxResult result;
    bool done = false;
    bool failed = true;
    const auto cleanup = qScopeGuard([&] {
        if (failed) {
            out.reset();
            if (io) {
                AVIOContext* raw = io.release();
                avio_closep(&raw);
            }
            QFile::remove(outPath);
        }
    });

    // Packets from the last keyframe before `fromMs` on, until a frame at or after it comes.
    std::vector<PacketPtr> pending;
    std::vector<int> pendingKind; // 0 video, 1 audio

    const auto openOutput = [&](const Input& in) -> Result<void> {
        AVFormatContext* raw = nullptr;
        int rc = avformat_alloc_output_context2(
                &raw, nullptr, "mp4", QFile::encodeName(outPath).constData());
        out.reset(raw);
        if (rc < 0)
            return Error {Error::Code::Unknown, tr("The export file cannot be made."), avError(rc)};
        const auto addStream = [&](int index) -> int {
            const AVStream* source = in.context->streams[index];
            AVStream* s = avformat_new_stream(out.get(), nullptr);
            if (!s || avcodec_parameters_copy(s->codecpar, source->codecpar) < 0)
                return -1;
            s->codecpar->codec_tag = 0;
            s->time_base = source->time_base;
            return s->index;
        };
        outVideo = addStream(in.video);
        if (in.audio >= 0)
            outAudio = addStream(in.audio);
        if (outVideo < 0 || (in.audio >= 0 && outAudio < 0))
            return Error {Error::Code::Unknown, tr("The export file cannot be made."), {}};
        avcodec_parameters_copy(firstFormat.get(), in.context->streams[in.video]->codecpar);
        format = firstFormat.get();
        av_dict_set(&out->metadata, "creation_time", isoUtc(baseMs).toUtf8().constData(), 0);
        rc = startEvidenceMp4(out.get(), io, outPath);
        if (rc < 0)
            return Error {Error::Code::NotWritable,
                    tr("Cannot write \"%1\".").arg(QDir::toNativeSeparators(outPath)), avError(rc)};
        return {};
    };

    for (const SourceSegment& segment : segments) {
        if (done)
            break;
        Result<Input> opened = openInput(segment.path);
        if (!opened)
            return opened.error();
        Input in = std::move(opened).value();
        const AVStream* video = in.context->streams[in.video];
        if (format && !sameFormat(format, video->codecpar))
            return Error {Error::Code::Unsupported,
                    tr("The camera changed its video format within the range (at %1): export the "
                       "time before and after it separately.")
                            .arg(QDateTime::fromMSecsSinceEpoch(segment.startMs).toString()),
                    {}};
        // The segment's first video frame is at segment.startMs.
        qint64 firstVideoPts = AV_NOPTS_VALUE;
        qint64 shift[2] = {0, 0}; // added to the file's pts/dts per output stream
        bool baseInFile = false; // the output starts in this file
        qint64 basePts = 0; // the pts of the output's first frame, in this file
        bool shifted[2] = {false, false};
        PacketPtr packet = allocPacket();
        for (;;) {
            const int rc = av_read_frame(in.context.get(), packet.get());
            if (rc == AVERROR_EOF)
                break;
            if (rc < 0) {
                // A file still being written ends in a fragment not yet complete.
                qCInfo(lcRecording)
                        << "export: reading" << segment.path << "stopped:" << avError(rc);
                break;
            }
            const int kind = packet->stream_index == in.video
                    ? 0
                    : (packet->stream_index == in.audio && in.audio >= 0 ? 1 : -1);
            if (kind < 0 || packet->pts == AV_NOPTS_VALUE) {
                av_packet_unref(packet.get());
                continue;
            }
            const AVRational tb = in.context->streams[packet->stream_index]->time_base;
            if (firstVideoPts == AV_NOPTS_VALUE) {
                if (kind != 0) {
                    av_packet_unref(packet.get());
                    continue;
                }
                firstVideoPts = packet->pts;
            }
            const qint64 wallMs = segment.startMs + av_rescale_q(packet->pts, tb, kMs)
                    - av_rescale_q(firstVideoPts, video->time_base, kMs);
            if (kind == 0 && wallMs >= toMs) {
                av_packet_unref(packet.get());
                done = true;
                break;
            }
            const bool key = kind == 0 && (packet->flags & AV_PKT_FLAG_KEY);
            if (baseMs < 0 && key && wallMs <= fromMs) {
                pending.clear(); // a newer keyframe before the range: start there
                pendingKind.clear();
            }
            if (baseMs < 0 && pending.empty() && !key) {
                av_packet_unref(packet.get()); // before the first keyframe: undecodable
                continue;
            }
            pending.push_back(PacketPtr(av_packet_clone(packet.get())));
            pendingKind.push_back(kind);
            av_packet_unref(packet.get());
            if (baseMs < 0) {
                if (kind != 0 || wallMs < fromMs)
                    continue; // the range has not begun
                // The output starts at the keyframe first in `pending`.
                baseMs = segment.startMs + av_rescale_q(pending.front()->pts, video->time_base, kMs)
                        - av_rescale_q(firstVideoPts, video->time_base, kMs);
                basePts = pending.front()->pts;
                baseInFile = true;
                result.firstFrameMs = baseMs;
                if (Result<void> made = openOutput(in); !made)
                    return made.error();
            }
            // Write what is pending, in order.
            for (size_t i = 0; i < pending.size(); ++i) {
                AVPacket* p = pending[i].get();
                const int k = pendingKind[i];
                if (k == 1 && outAudio < 0)
                    continue;
                const AVRational inTb = in.context->streams[p->stream_index]->time_base;
                const qint64 pMs = segment.startMs + av_rescale_q(p->pts, inTb, kMs)
                        - av_rescale_q(firstVideoPts, video->time_base, kMs);
                if (pMs < baseMs)
                    continue; // audio from before the first frame
                AVStream* os = out->streams[k == 0 ? outVideo : outAudio];
                if (!shifted[k]) {
                    // The first file: its first keyframe exactly at 0 (milliseconds would round
                    // it to a tick before, and a frame before 0 is hidden by the MP4's edit
                    // list). Later files: after it by the difference of their start times.
                    shift[k] = baseInFile ? -av_rescale_q(basePts, video->time_base, inTb)
                                          : av_rescale_q(segment.startMs - baseMs, kMs, inTb)
                                    - av_rescale_q(firstVideoPts, video->time_base, inTb);
                    shifted[k] = true;
                }
                qint64 dts = (p->dts == AV_NOPTS_VALUE ? p->pts : p->dts) + shift[k];
                if (lastDts[k] != INT64_MIN && dts <= lastDts[k]) {
                    // Start times kept in milliseconds can overlap a file's last frame.
                    shift[k] += lastDts[k] + 1 - dts;
                    dts = lastDts[k] + 1;
                }
                p->pts += shift[k];
                p->dts = dts;
                lastDts[k] = dts;
                p->stream_index = os->index;
                p->pos = -1;
                av_packet_rescale_ts(p, inTb, os->time_base);
                if (k == 0) {
                    ++result.videoPackets;
                    result.lastFrameMs = std::max(result.lastFrameMs, pMs);
                } else {
                    ++result.audioPackets;
                }
                const int rc = av_interleaved_write_frame(out.get(), p);
                if (rc < 0)
                    return Error {Error::Code::NotWritable,
                            tr("Cannot write \"%1\".").arg(QDir::toNativeSeparators(outPath)),
                            avError(rc)};
            }
            pending.clear();
            pendingKind.clear();
            if (progress
                    && !progress(std::clamp(
                            double(result.lastFrameMs - fromMs) / double(toMs - fromMs), 0.0, 1.0)))
                return Error {Error::Code::Cancelled, tr("The export was cancelled."), {}};
        }
        if (baseMs < 0) {
            // The range begins in a later file, which starts with a keyframe of its own.
            pending.clear();
            pendingKind.clear();
        }
    }
    if (!out || result.videoPackets == 0)
        return Error {Error::Code::NotFound, tr("Nothing was recorded in this time range."), {}};
    if (const int rc = finishEvidenceMp4(out.get(), io); rc < 0)
        return Error {Error::Code::NotWritable,
                tr("Cannot write \"%1\".").arg(QDir::toNativeSeparators(outPath)), avError(rc)};
    result.width = format->width;
    result.height = format->height;
    result.codec = QString::fromLatin1(avcodec_get_name(format->codec_id));
    failed = false;
    return result;
}

} // namespace vigil::evidence
