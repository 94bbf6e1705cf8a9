#include "core/recording/segment_writer.h"

#include "core/media/av_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

extern "C" {
#include <libavutil/mathematics.h>
}

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <unistd.h>

namespace vigil::recording {

namespace {

constexpr int kIoBufferBytes = 64 * 1024;
constexpr AVRational kMs {1, 1000};
constexpr AVRational kMicroseconds {1, AV_TIME_BASE}; // AV_TIME_BASE_Q is a C compound literal

using media::avErrorText;

struct Track
{
    AVRational timeBase {1, 90000};
    bool video = false;
    int outIndex = 0;
    qint64 origin = AV_NOPTS_VALUE; ///< the segment's first video time, in this time base
    qint64 lastDts = AV_NOPTS_VALUE;
    qint64 lastPts = AV_NOPTS_VALUE;
    qint64 lastDelta = 0;
    bool late = false; ///< began after the file's first fragment: left out of this file
};

} // namespace

struct SegmentWriter::Private
{
    QString path;
    SegmentHeader header;
    int fragmentMs = 1000;
    int fd = -1;
    media::IoContextPtr io; ///< declared first: destroyed after the output that writes through it
    media::OutputPtr output;
    QList<Track> tracks;
    int videoTrack = -1;
    bool started = false;
    bool failed = false;
    int ioErrno = 0;

    qint64 written = 0; ///< bytes handed to the file
    qint64 durable = 0; ///< bytes up to the end of the last complete fragment
    qint64 durableMs = 0; ///< media time up to the end of the last complete fragment
    qint64 fragmentStartMs = 0;
    bool fragmentHasData = false;
    qint64 endMs = 0; ///< media time written so far (end of the last video frame)
    QList<KeyframeEntry> keyframes;
    SegmentFacts facts;
    /// Where the header ended: the moov (delay_moov) comes there with the first fragment, so
    /// offsets taken before it point at the moov, not at the first moof, until fixed.
    qint64 headerEnd = -1;
    bool moovPlaced = false;

    /// After the first fragment (or the trailer) wrote the moov: keyframe entries that point at
    /// the end of the header are moved to the first moof after it.
    void placeMoov()
    {
        if (moovPlaced || headerEnd < 0)
            return;
        qint64 at = headerEnd;
        while (at + 8 <= written) {
            unsigned char box[8];
            if (::pread(fd, box, 8, at) != 8)
                return;
            const qint64 size = (qint64(box[0]) << 24) | (qint64(box[1]) << 16)
                    | (qint64(box[2]) << 8) | qint64(box[3]);
            if (std::memcmp(box + 4, "moof", 4) == 0) {
                for (KeyframeEntry& k : keyframes) {
                    if (k.bytePos == headerEnd)
                        k.bytePos = at;
                }
                moovPlaced = true;
                return;
            }
            if (size < 8)
                return;
            at += size;
        }
    }

    ~Private() { release(); }

    static int writePacket(void* opaque, uint8_t* data, int size)
    {
        auto* d = static_cast<Private*>(opaque);
        int done = 0;
        while (done < size) {
            const ssize_t n = ::write(d->fd, data + done, size_t(size - done));
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                d->ioErrno = errno;
                return AVERROR(errno);
            }
            done += int(n);
            d->written += n;
        }
        return size;
    }

    static int64_t seek(void* opaque, int64_t offset, int whence)
    {
        auto* d = static_cast<Private*>(opaque);
        if (whence == AVSEEK_SIZE)
            return -1;
        const off_t at = ::lseek(d->fd, offset, whence & ~AVSEEK_FORCE);
        if (at < 0)
            return AVERROR(errno);
        d->written = at;
        return at;
    }

    Error ioError(int avCode) const
    {
        const int err = ioErrno ? ioErrno : (avCode < 0 ? AVUNERROR(avCode) : 0);
        if (err == ENOSPC || err == EDQUOT) {
            return Error {Error::Code::NotWritable,
                    SegmentWriter::tr("The recordings disk is full."),
                    QStringLiteral("%1: %2").arg(path, QString::fromLocal8Bit(strerror(err)))};
        }
        return Error {Error::Code::Io,
                SegmentWriter::tr("Cannot write the recording \"%1\".").arg(path),
                err ? QString::fromLocal8Bit(strerror(err)) : avErrorText(avCode)};
    }

    /// Ends the current fragment and writes it through to the file.
    Result<void> flushFragment()
    {
        if (!fragmentHasData)
            return {};
        int rc = av_write_frame(output.get(), nullptr);
        // With delay_moov the first flush writes the moov alone and keeps the samples: flush
        // again, so the first fragment is as durable as every other.
        if (rc >= 0 && !moovPlaced)
            rc = av_write_frame(output.get(), nullptr);
        if (rc >= 0) {
            avio_flush(output->pb);
            rc = output->pb->error;
        }
        if (rc < 0 || ioErrno) {
            failed = true;
            return ioError(rc);
        }
        fragmentHasData = false;
        placeMoov();
        // With delay_moov the first flush may write the moov alone, keeping its samples for the
        // next: only a moof in the file makes anything durable.
        if (moovPlaced) {
            durable = written;
            durableMs = endMs;
        }
        return {};
    }

    void release()
    {
        output.reset();
        io.reset();
        if (fd >= 0) {
            ::close(fd);
            fd = -1;
        }
    }

    SegmentFacts baseFacts() const
    {
        SegmentFacts f;
        f.header = header;
        if (videoTrack >= 0) {
            const AVCodecParameters* par = output->streams[tracks[videoTrack].outIndex]->codecpar;
            f.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
            f.width = par->width;
            f.height = par->height;
        }
        f.hasAudio = tracks.size() > 1;
        return f;
    }
};

SegmentWriter::SegmentWriter(std::unique_ptr<Private> d)
    : d(std::move(d))
{ }

SegmentWriter::~SegmentWriter()
{
    if (d->output)
        abandon();
}

Result<std::unique_ptr<SegmentWriter>> SegmentWriter::create(const QString& path,
        const QList<TrackSpec>& tracks, const SegmentHeader& header, int fragmentMs)
{
    auto d = std::make_unique<Private>();
    d->path = path;
    d->header = header;
    d->fragmentMs = fragmentMs;
    QDir().mkpath(QFileInfo(path).absolutePath());
    d->fd = ::open(
            QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (d->fd < 0) {
        d->ioErrno = errno;
        return d->ioError(0);
    }
    const auto fail = [&](int rc, const QString& what) -> Error {
        Error e = d->ioErrno
                ? d->ioError(rc)
                : Error {Error::Code::Unsupported,
                        tr("Cannot record this camera's stream: %1.").arg(what), avErrorText(rc)};
        d->release();
        QFile::remove(path);
        return e;
    };

    AVFormatContext* allocated = nullptr;
    if (const int rc = avformat_alloc_output_context2(&allocated, nullptr, "mp4", nullptr); rc < 0)
        return fail(rc, tr("no MP4 writer"));
    d->output.reset(allocated);
    auto* buffer = static_cast<unsigned char*>(av_malloc(kIoBufferBytes));
    d->io.reset(avio_alloc_context(
            buffer, kIoBufferBytes, 1, d.get(), nullptr, &Private::writePacket, &Private::seek));
    if (!d->io) {
        av_free(buffer);
        return fail(AVERROR(ENOMEM), tr("out of memory"));
    }
    d->output->pb = d->io.get();
    d->output->flags |= AVFMT_FLAG_CUSTOM_IO;
    for (const TrackSpec& spec : tracks) {
        AVStream* stream = avformat_new_stream(d->output.get(), nullptr);
        if (!stream || avcodec_parameters_copy(stream->codecpar, spec.parameters) < 0)
            return fail(AVERROR(ENOMEM), tr("out of memory"));
        stream->codecpar->codec_tag = 0;
        stream->time_base = AVRational {spec.timeBaseNum, spec.timeBaseDen};
        Track t;
        t.timeBase = stream->time_base;
        t.video = spec.video;
        t.outIndex = stream->index;
        if (spec.video && d->videoTrack < 0)
            d->videoTrack = int(d->tracks.size());
        d->tracks << t;
    }
    if (d->videoTrack < 0)
        return fail(AVERROR(EINVAL), tr("there is no video"));
    av_dict_set(&d->output->metadata, "comment", header.encode().toUtf8().constData(), 0);
    media::Dictionary options;
    // delay_moov + an edit list: the moov is written with the first fragment, once every
    // track's first timestamp is known, so audio keeps its real offset from the first keyframe
    // (with the moov up front, the muxer moves each track's first sample to t = 0).
    options.set("movflags", "frag_custom+empty_moov+default_base_moof+delay_moov");
    options.set("use_editlist", "1");
    const int rc = avformat_write_header(d->output.get(), options.out());
    if (rc < 0)
        return fail(rc, tr("the stream's format is not accepted"));
    avio_flush(d->output->pb);
    if (d->output->pb->error < 0 || d->ioErrno)
        return fail(d->output->pb->error, {});
    d->durable = d->written;
    d->headerEnd = d->written;
    // Track::timeBase stays the camera's; the muxer may have chosen its own for the file.
    return std::unique_ptr<SegmentWriter>(new SegmentWriter(std::move(d)));
}

Result<void> SegmentWriter::write(AVPacket* packet, int trackIndex)
{
    if (d->failed || !d->output)
        return Error {Error::Code::Io, tr("Cannot write the recording \"%1\".").arg(d->path), {}};
    Track& track = d->tracks[trackIndex];
    if (packet->pts == AV_NOPTS_VALUE && packet->dts == AV_NOPTS_VALUE)
        return {}; // nothing to place it with
    if (packet->dts == AV_NOPTS_VALUE)
        packet->dts = packet->pts;
    if (packet->pts == AV_NOPTS_VALUE)
        packet->pts = packet->dts;
    const bool keyframe = (packet->flags & AV_PKT_FLAG_KEY) != 0;

    if (!d->started) {
        if (!track.video || !keyframe)
            return {}; // a segment starts at a video keyframe
        // The file's time 0 is when its first keyframe shows: its presentation time. With
        // B-frames the first frames are decoded before it (negative decoding times, which the
        // edit list allows), and keyframe offsets and the duration are presentation times.
        const qint64 originUs = av_rescale_q(packet->pts, track.timeBase, kMicroseconds);
        for (Track& t : d->tracks)
            t.origin = av_rescale_q(originUs, kMicroseconds, t.timeBase);
        d->started = true;
    }
    // A track that begins after the first fragment (audio that starts late, or whose time the
    // camera corrected) cannot be placed any more: the moov, written with the first fragment,
    // told the player where each track starts, and the muxer would move its first sample to the
    // file's start. It waits for the next file, which the caller starts at the next keyframe.
    if (!track.video && track.lastDts == AV_NOPTS_VALUE && (track.late || d->moovPlaced)) {
        track.late = true;
        return {};
    }
    qint64 dts = packet->dts - track.origin;
    qint64 pts = packet->pts - track.origin;
    // Video time that steps back a little (a camera's clock; FFmpeg's RTSP reader re-bases a
    // track to the first RTCP report): the track's timeline moves so that this packet follows the
    // last one at the usual interval, instead of one tick after it (two frames at once, which
    // players and FFmpeg refuse). Larger steps end the file (continues()).
    if (track.lastDts != AV_NOPTS_VALUE && dts <= track.lastDts && !track.video)
        return {}; // audio that steps back overlaps what was written: moving it would desync it
    if (track.lastDts != AV_NOPTS_VALUE && dts <= track.lastDts && track.lastDelta > 0
            && av_rescale_q(track.lastDts - dts, track.timeBase, kMs) <= kMaxStepBackMs) {
        const qint64 shift = track.lastDts + track.lastDelta - dts;
        track.origin -= shift;
        dts += shift;
        pts += shift;
    }
    if (!track.video && pts < 0)
        return {}; // audio from before the first keyframe
    // Nothing from another timeline (frames timed before a leap of the camera's clock) reaches
    // the muxer, whose asserts a wild timestamp can trip.
    if (av_rescale_q(qMin(dts, pts), track.timeBase, kMs) < -kMaxLeapMs)
        return {};
    const qint64 ptsMs = av_rescale_q(pts, track.timeBase, kMs);

    if (track.video) {
        const bool fragmentFull = ptsMs - d->fragmentStartMs >= d->fragmentMs;
        if (d->fragmentHasData && (keyframe || fragmentFull)) {
            if (Result<void> flushed = d->flushFragment(); !flushed)
                return flushed;
        }
        if (!d->fragmentHasData)
            d->fragmentStartMs = ptsMs;
        if (keyframe)
            d->keyframes << KeyframeEntry {qint32(ptsMs), d->written};
    }

    if (track.lastDts != AV_NOPTS_VALUE && dts <= track.lastDts)
        dts = track.lastDts + 1;
    if (pts < dts)
        pts = dts;
    if (track.lastPts != AV_NOPTS_VALUE && pts > track.lastPts
            && av_rescale_q(pts - track.lastPts, track.timeBase, kMs) <= kMaxLeapMs)
        track.lastDelta = pts - track.lastPts;
    // A duration measured across a leap of the camera's time is no frame's duration.
    if (packet->duration > 0 && av_rescale_q(packet->duration, track.timeBase, kMs) > kMaxLeapMs)
        packet->duration = 0;
    if (packet->duration <= 0 && track.lastDelta > 0)
        packet->duration = track.lastDelta;
    track.lastDts = dts;
    track.lastPts = pts;
    if (track.video) {
        const qint64 frameEnd
                = av_rescale_q(pts + qMax<qint64>(packet->duration, 0), track.timeBase, kMs);
        d->endMs = qMax(d->endMs, frameEnd);
    }

    const qint64 savedPts = packet->pts;
    const qint64 savedDts = packet->dts;
    const int savedIndex = packet->stream_index;
    const qint64 savedPos = packet->pos;
    packet->pts = pts;
    packet->dts = dts;
    av_packet_rescale_ts(packet, track.timeBase, d->output->streams[track.outIndex]->time_base);
    packet->stream_index = track.outIndex;
    packet->pos = -1;
    const qint64 rescaledDuration = packet->duration;
    const int rc = av_write_frame(d->output.get(), packet);
    packet->pts = savedPts;
    packet->dts = savedDts;
    packet->stream_index = savedIndex;
    packet->pos = savedPos;
    packet->duration = av_rescale_q(
            rescaledDuration, d->output->streams[track.outIndex]->time_base, track.timeBase);
    if (rc < 0 || d->ioErrno) {
        d->failed = true;
        return d->ioError(rc);
    }
    d->fragmentHasData = true;
    return {};
}

bool SegmentWriter::wantsCut() const
{
    return std::any_of(d->tracks.cbegin(), d->tracks.cend(), [](const Track& t) { return t.late; });
}

bool SegmentWriter::continues(const AVPacket* packet, int trackIndex) const
{
    if (!d->started || !d->output)
        return true;
    const Track& track = d->tracks[trackIndex];
    const qint64 ts = packet->dts != AV_NOPTS_VALUE ? packet->dts : packet->pts;
    if (track.lastDts == AV_NOPTS_VALUE || ts == AV_NOPTS_VALUE)
        return true;
    const qint64 stepMs = av_rescale_q(ts - track.origin - track.lastDts, track.timeBase, kMs);
    return stepMs <= kMaxLeapMs && stepMs >= -kMaxStepBackMs;
}

Result<SegmentFacts> SegmentWriter::finish()
{
    if (!d->output)
        return d->facts;
    if (d->failed)
        return d->ioError(0);
    int rc = av_write_trailer(d->output.get());
    if (rc >= 0) {
        avio_flush(d->output->pb);
        rc = d->output->pb->error;
    }
    if (rc < 0 || d->ioErrno) {
        d->failed = true;
        return d->ioError(rc);
    }
    d->placeMoov();
    if (::fdatasync(d->fd) != 0) {
        d->ioErrno = errno;
        d->failed = true;
        return d->ioError(0);
    }
    SegmentFacts facts = d->baseFacts();
    facts.durationMs = d->endMs;
    facts.bytes = d->written;
    facts.keyframes = d->keyframes;
    if (!d->moovPlaced) {
        // No fragment reached the file (the muxer kept a lone frame to itself, or the disk took
        // only the moov): nothing in it plays, whatever was handed over.
        facts.durationMs = 0;
        facts.keyframes.clear();
    }
    d->release();
    d->facts = facts;
    return facts;
}

SegmentFacts SegmentWriter::abandon()
{
    if (!d->output)
        return d->facts;
    SegmentFacts facts = d->baseFacts();
    facts.bytes = d->durable;
    facts.durationMs = d->durableMs;
    for (const KeyframeEntry& k : std::as_const(d->keyframes)) {
        if (k.bytePos < d->durable && k.offsetMs < d->durableMs)
            facts.keyframes << k;
    }
    const int fd = d->fd;
    d->fd = -1;
    d->release();
    if (fd >= 0) {
        if (::ftruncate(fd, d->durable) == 0)
            ::fdatasync(fd);
        ::close(fd);
    }
    d->facts = facts;
    return facts;
}

QString SegmentWriter::path() const
{
    return d->path;
}

qint64 SegmentWriter::durationMs() const
{
    return d->endMs;
}

qint64 SegmentWriter::bytesWritten() const
{
    return d->written;
}

} // namespace vigil::recording
