#include "core/playback/segment_reader.h"

#include "core/media/av_log.h"
#include "core/media/av_p.h"
#include "core/media/mp4_layout.h"
#include "core/media/stream_tracks_p.h"

#include <QFile>

#include <algorithm>
#include <atomic>

namespace vigil::playback {

namespace {

using media::avErrorText;

/// Each open reader's packets carry their own "connection": a decoder that gets packets of
/// another starts again at a keyframe, without the frames it held.
std::atomic<quint64> g_readerSessions {1};

/// The bytes the demuxer sees: the file's [0, headerLength) followed by [fragment, end).
struct JoinedFile
{
    QFile file;
    qint64 headerLength = 0;
    qint64 fragment = 0;
    qint64 limit = 0; ///< where the complete fragments end: a torn one being written is not seen
    qint64 pos = 0; ///< in the joined view

    qint64 size() const { return headerLength + std::max<qint64>(0, limit - fragment); }
    qint64 filePos(qint64 joined) const
    {
        return joined < headerLength ? joined : fragment + (joined - headerLength);
    }
};

int readJoined(void* opaque, uint8_t* buffer, int size)
{
    auto* j = static_cast<JoinedFile*>(opaque);
    // Never across the join: the two parts are apart in the file.
    qint64 wanted = size;
    if (j->pos < j->headerLength)
        wanted = std::min(wanted, j->headerLength - j->pos);
    else
        wanted = std::min(wanted, j->size() - j->pos);
    if (wanted <= 0)
        return AVERROR_EOF;
    if (!j->file.seek(j->filePos(j->pos)))
        return AVERROR(EIO);
    const qint64 got = j->file.read(reinterpret_cast<char*>(buffer), wanted);
    if (got < 0)
        return AVERROR(EIO);
    if (got == 0)
        return AVERROR_EOF;
    j->pos += got;
    return int(got);
}

int64_t seekJoined(void* opaque, int64_t offset, int whence)
{
    auto* j = static_cast<JoinedFile*>(opaque);
    whence &= ~AVSEEK_FORCE;
    if (whence == AVSEEK_SIZE)
        return j->size();
    qint64 target = offset;
    if (whence == SEEK_CUR)
        target = j->pos + offset;
    else if (whence == SEEK_END)
        target = j->size() + offset;
    else if (whence != SEEK_SET)
        return AVERROR(EINVAL);
    if (target < 0)
        return AVERROR(EINVAL);
    j->pos = target;
    return target;
}

} // namespace

struct SegmentReader::Private
{
    QString path;
    JoinedFile joined;
    media::IoContextPtr io;
    media::InputPtr input;
    media::PacketPtr packet = media::allocPacket();
    int video = -1;
    VideoTrack track;
    qint64 firstPts = 0;
    quint64 session = 0;
    QList<qint64> fragments; ///< complete fragments from the one opened on (for fragment())
    qint64 fragmentsEnd = 0; ///< the layout's complete length when `fragments` was read

    qint64 fragmentOf(qint64 joinedPos)
    {
        const qint64 filePos = joined.filePos(joinedPos);
        if (filePos >= fragmentsEnd) {
            // The file grew: its new fragments.
            const Result<media::Mp4Layout> layout = media::readMp4Layout(path);
            if (layout) {
                fragments = layout->fragments;
                fragmentsEnd = layout->completeLength;
            }
        }
        const auto it = std::upper_bound(fragments.cbegin(), fragments.cend(), filePos);
        return it == fragments.cbegin() ? joined.fragment : *(it - 1);
    }
};

SegmentReader::SegmentReader(std::unique_ptr<Private> d)
    : d(std::move(d))
{ }

SegmentReader::~SegmentReader()
{
    // The input goes before the I/O context it reads through.
    if (d)
        d->input.reset();
}

Result<std::unique_ptr<SegmentReader>> SegmentReader::open(
        const QString& path, qint64 fragment, std::optional<qint64> firstPts)
{
    const Error unreadable {Error::Code::Corrupt,
            tr("The recording \"%1\" cannot be played; it is damaged or not a Vigil recording.")
                    .arg(path),
            {}};
    const Result<media::Mp4Layout> layout = media::readMp4Layout(path);
    if (!layout)
        return layout.error();
    if (layout->fragments.isEmpty())
        return Error {unreadable.code, unreadable.message, QStringLiteral("no complete fragment")};
    if (fragment <= 0)
        fragment = layout->fragments.first();
    if (!layout->fragments.contains(fragment))
        return Error {unreadable.code, unreadable.message,
                QStringLiteral("no fragment at byte %1").arg(fragment)};

    auto d = std::make_unique<Private>();
    d->path = path;
    d->fragments = layout->fragments;
    d->fragmentsEnd = layout->completeLength;
    d->joined.file.setFileName(path);
    if (!d->joined.file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error {Error::Code::Io, tr("Cannot read the recording \"%1\".").arg(path),
                d->joined.file.errorString()};
    d->joined.headerLength = layout->headerLength;
    d->joined.fragment = fragment;
    d->joined.limit = layout->completeLength;

    media::limitAvAllocations();
    constexpr int kBufferSize = 64 * 1024;
    auto* buffer = static_cast<unsigned char*>(av_malloc(kBufferSize));
    if (!buffer)
        return Error {Error::Code::Io, tr("Not enough memory to play the recording."), {}};
    d->io.reset(avio_alloc_context(
            buffer, kBufferSize, 0, &d->joined, &readJoined, nullptr, &seekJoined));
    if (!d->io) {
        av_free(buffer);
        return Error {Error::Code::Io, tr("Not enough memory to play the recording."), {}};
    }
    AVFormatContext* context = avformat_alloc_context();
    if (!context)
        return Error {Error::Code::Io, tr("Not enough memory to play the recording."), {}};
    context->pb = d->io.get();
    context->flags |= AVFMT_FLAG_CUSTOM_IO;
    const AVInputFormat* mp4 = av_find_input_format("mp4");
    if (const int rc = avformat_open_input(&context, nullptr, mp4, nullptr); rc < 0)
        return Error {unreadable.code, unreadable.message, avErrorText(rc)};
    d->input.reset(context);
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVCodecParameters* par = context->streams[i]->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && d->video < 0
                && (par->codec_id == AV_CODEC_ID_H264 || par->codec_id == AV_CODEC_ID_HEVC)) {
            d->video = int(i);
            d->track.codec = par->codec_id == AV_CODEC_ID_HEVC ? media::VideoDecoder::Codec::H265
                                                               : media::VideoDecoder::Codec::H264;
            d->track.extradata = QByteArray(
                    reinterpret_cast<const char*>(par->extradata), par->extradata_size);
            d->track.size = QSize(par->width, par->height);
            d->track.timeBaseNum = context->streams[i]->time_base.num;
            d->track.timeBaseDen = context->streams[i]->time_base.den;
        } else {
            context->streams[i]->discard = AVDISCARD_ALL;
        }
    }
    if (d->video < 0)
        return Error {unreadable.code, unreadable.message, QStringLiteral("no H.264/H.265 video")};
    d->session = g_readerSessions.fetch_add(1);

    if (firstPts) {
        d->firstPts = *firstPts;
    } else if (fragment == layout->fragments.first()) {
        d->firstPts = AV_NOPTS_VALUE; // the first packet read says
    } else {
        Result<std::unique_ptr<SegmentReader>> start = open(path, 0);
        if (!start)
            return start.error();
        d->firstPts = start.value()->firstPts();
    }
    if (d->firstPts == AV_NOPTS_VALUE) {
        // Peek at the first packet: the demuxer hands it again after the seek back.
        if (av_read_frame(context, d->packet.get()) < 0)
            return Error {unreadable.code, unreadable.message, QStringLiteral("no video frames")};
        d->firstPts = d->packet->pts;
        av_packet_unref(d->packet.get());
        if (const int rc = avformat_seek_file(context, d->video, 0, 0, 0, AVSEEK_FLAG_BACKWARD);
                rc < 0) {
            // Open again: cheaper than reasoning about a demuxer that cannot go back.
            return open(path, fragment, d->firstPts);
        }
    }
    return std::unique_ptr<SegmentReader>(new SegmentReader(std::move(d)));
}

const VideoTrack& SegmentReader::video() const
{
    return d->track;
}

qint64 SegmentReader::firstPts() const
{
    return d->firstPts;
}

quint64 SegmentReader::session() const
{
    return d->session;
}

void SegmentReader::continueSession(quint64 session)
{
    d->session = session;
}

qint64 SegmentReader::offsetMsOf(qint64 pts) const
{
    return av_rescale_q(pts - d->firstPts, AVRational {d->track.timeBaseNum, d->track.timeBaseDen},
            AVRational {1, 1000});
}

Result<std::optional<ArchivePacket>> SegmentReader::next()
{
    AVPacket* packet = d->packet.get();
    for (;;) {
        const int rc = av_read_frame(d->input.get(), packet);
        if (rc == AVERROR_EOF || (rc < 0 && avio_feof(d->io.get()))) {
            // The end of what is complete: a file being recorded may have more later, which a
            // reader opened again at its last fragment finds.
            return std::optional<ArchivePacket>();
        }
        if (rc < 0)
            return Error {Error::Code::Corrupt,
                    tr("The recording \"%1\" cannot be played; it is damaged.").arg(d->path),
                    avErrorText(rc)};
        if (packet->stream_index != d->video || packet->pts == AV_NOPTS_VALUE) {
            av_packet_unref(packet);
            continue;
        }
        media::Packet::Info info;
        info.track = 0;
        info.keyframe = (packet->flags & AV_PKT_FLAG_KEY) != 0;
        info.pts = packet->pts;
        info.dts = packet->dts == AV_NOPTS_VALUE ? packet->pts : packet->dts;
        info.timeBaseNum = d->track.timeBaseNum;
        info.timeBaseDen = d->track.timeBaseDen;
        info.connectionId = d->session;
        ArchivePacket out;
        out.offsetMs = offsetMsOf(packet->pts);
        info.wallMs = out.offsetMs;
        out.fragment = packet->pos >= 0 ? d->fragmentOf(packet->pos) : d->joined.fragment;
        media::PacketPtr owned(av_packet_clone(packet));
        av_packet_unref(packet);
        if (!owned)
            return Error {Error::Code::Io, tr("Not enough memory to play the recording."), {}};
        out.packet = media::packetFromAv(std::move(owned), info);
        return std::optional<ArchivePacket>(std::move(out));
    }
}

Result<QList<catalog::KeyframeEntry>> SegmentReader::scanKeyframes(
        const QString& path, const catalog::KeyframeEntry& after)
{
    Result<std::unique_ptr<SegmentReader>> reader = open(path, after.bytePos);
    if (!reader)
        return reader.error();
    QList<catalog::KeyframeEntry> keyframes;
    for (;;) {
        Result<std::optional<ArchivePacket>> packet = reader.value()->next();
        if (!packet)
            return packet.error();
        if (!packet.value())
            return keyframes;
        const ArchivePacket& p = *packet.value();
        if (p.packet.info().keyframe)
            keyframes << catalog::KeyframeEntry {qint32(p.offsetMs), p.fragment};
    }
}

} // namespace vigil::playback
