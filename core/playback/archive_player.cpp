#include "core/playback/archive_player.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/media/privacy_mask.h"
#include "core/media/video_decoder.h"
#include "core/playback/reader_p.h"
#include "core/playback/segment_reader.h"

#include <QHash>
#include <QPointer>

#include <atomic>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>

namespace vigil::playback {

namespace {

constexpr qint64 kNone = std::numeric_limits<qint64>::min();
/// Further ahead than this, playing on opens the segment again at a keyframe rather than
/// decode every frame in between.
constexpr qint64 kMaxDecodeAheadMs = 3000;

struct Request
{
    enum class Kind { None, Seek, Advance, Step };
    Kind kind = Kind::None;
    qint64 target = 0;
    ArchivePlayer::SeekMode mode = ArchivePlayer::SeekMode::Exact;
    int direction = 0;
};

struct ReadyFrame
{
    QVideoFrame frame;
    qint64 utcMs = 0;
};

} // namespace

struct ArchivePlayer::Private
{
    ArchivePlayer* q = nullptr;
    Config config;

    // Shared with the threads that make requests.
    std::mutex mutex;
    Request pending;
    bool scheduled = false;
    QSize outputSize;
    media::PrivacyMask mask;
    bool settingsChanged = true;
    /// Counts seeks: a newer one stops the one being served.
    std::atomic<quint64> interruptions {0};

    // The worker thread's.
    quint64 serving = 0;
    std::unique_ptr<catalog::Catalog> catalog;
    qint64 streamId = 0;
    std::optional<catalog::SegmentRecord> segment;
    QList<catalog::KeyframeEntry> keyframes;
    std::unique_ptr<SegmentReader> reader;
    VideoTrack decoderTrack;
    std::unique_ptr<media::VideoDecoder> decoder;
    std::optional<ArchivePacket> peeked;
    bool atEnd = false;
    qint64 lastFedOffset = kNone;
    qint64 lastFedPts = kNone;
    qint64 lastFragment = 0;
    std::deque<ReadyFrame> ready;
    qint64 shownMs = kNone;
    ReadyFrame shownFrame;
    /// The current reader and decoder went through the frame shown (no reopening since).
    bool decodingOnFromShown = false;
    qint64 shownKeyframe = -1; ///< the fragment of the keyframe shown, when one is (-1: another)
    QHash<qint64, qint64> firstPts; ///< per segment id
    qint64 reportedGap = kNone; ///< where footage resumes after the gap last reported

    void request(const Request& r)
    {
        bool schedule = false;
        {
            const std::lock_guard lock(mutex);
            if (r.kind == Request::Kind::Step && pending.kind == Request::Kind::Step)
                pending.direction += r.direction;
            else
                pending = r;
            // A seek stops what is being served; steps add up instead (each one counts).
            if (r.kind == Request::Kind::Seek)
                ++interruptions;
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule)
            QMetaObject::invokeMethod(
                    q, [this] { q->work(); }, Qt::QueuedConnection);
    }

    bool interrupted() const { return interruptions.load() != serving; }

    Result<void> openCatalog()
    {
        if (catalog)
            return {};
        if (Result<void> opened = openReader(catalog, config.catalogPath); !opened)
            return opened;
        const Result<qint64> id
                = catalog::SegmentStore(*catalog).streamId(config.cameraId, config.role);
        if (!id)
            return id.error();
        streamId = id.value();
        return {};
    }

    /// The camera's privacy masks as they are now: recorded footage is stored whole, and every
    /// picture played back is masked as live pictures are.
    void readMasks()
    {
        const Result<QString> json = catalog::CameraStore(*catalog).privacyMasks(config.cameraId);
        const media::PrivacyMask current
                = media::PrivacyMask::forCatalog(json ? json.value() : QString());
        {
            const std::lock_guard lock(mutex);
            if (current.polygons() == mask.polygons())
                return;
            mask = current;
            settingsChanged = true;
        }
        // Frames decoded ahead carry the old masks: decode again from a keyframe.
        reader.reset();
        peeked.reset();
        ready.clear();
        lastFedOffset = kNone;
        decodingOnFromShown = false;
    }

    bool covers(const catalog::SegmentRecord& s, qint64 t) const
    {
        return s.startMs <= t && (t < s.endMs || s.state == QLatin1String("open"));
    }

    void closeSegment()
    {
        reader.reset();
        peeked.reset();
        ready.clear();
        segment.reset();
        keyframes.clear();
        atEnd = false;
        lastFedOffset = kNone;
        shownKeyframe = -1;
        decodingOnFromShown = false;
    }

    QString pathOf(const catalog::SegmentRecord& s) const
    {
        return config.recordingsDir + u'/' + s.path;
    }

    /// Makes the segment that covers `t` the current one; false when none does.
    Result<bool> locate(qint64 t)
    {
        if (segment && covers(*segment, t))
            return true;
        const Result<QList<catalog::SegmentRecord>> rows
                = catalog::SegmentStore(*catalog).streamSegments(streamId, t, t + 1);
        if (!rows)
            return rows.error();
        const catalog::SegmentRecord* found = nullptr;
        for (const catalog::SegmentRecord& s : rows.value()) {
            if (covers(s, t))
                found = &s;
        }
        if (!found)
            return false;
        Result<void> switched = switchTo(*found);
        if (!switched)
            return switched.error();
        return true;
    }

    Result<void> switchTo(const catalog::SegmentRecord& s)
    {
        closeSegment();
        segment = s;
        keyframes = catalog::unpackKeyframes(s.keyframes);
        if (keyframes.isEmpty()) {
            // A file being written: its index is not in the catalog yet.
            Result<QList<catalog::KeyframeEntry>> scanned = SegmentReader::scanKeyframes(pathOf(s));
            if (!scanned)
                return scanned.error();
            keyframes = scanned.value();
        }
        return {};
    }

    /// A file being written may have keyframes after the last one known.
    void refreshKeyframes(qint64 offsetMs)
    {
        if (!segment || segment->state != QLatin1String("open") || keyframes.isEmpty()
                || keyframes.last().offsetMs >= offsetMs)
            return;
        const Result<QList<catalog::KeyframeEntry>> more
                = SegmentReader::scanKeyframes(pathOf(*segment), keyframes.last());
        if (more && more->size() > 1)
            keyframes.append(more->mid(1));
    }

    catalog::KeyframeEntry keyframeBefore(qint64 offsetMs) const
    {
        catalog::KeyframeEntry found
                = keyframes.isEmpty() ? catalog::KeyframeEntry {} : keyframes.first();
        for (const catalog::KeyframeEntry& k : keyframes) {
            if (k.offsetMs > offsetMs)
                break;
            found = k;
        }
        return found;
    }

    void applySettings()
    {
        const std::lock_guard lock(mutex);
        if (!settingsChanged || !decoder)
            return;
        decoder->setOutputSize(outputSize);
        decoder->setPrivacyMask(mask);
        settingsChanged = false;
    }

    void ensureDecoder(const VideoTrack& track)
    {
        if (decoder && track == decoderTrack)
            return;
        decoder = std::make_unique<media::VideoDecoder>(track.codec, track.extradata, track.size);
        decoderTrack = track;
        {
            const std::lock_guard lock(mutex);
            settingsChanged = true;
        }
        applySettings();
        QObject::connect(
                decoder.get(), &media::VideoDecoder::frameDecoded, q,
                [this](const QVideoFrame& frame, QSize) {
                    if (!reader || !segment)
                        return;
                    ready.push_back(ReadyFrame {
                            frame, segment->startMs + reader->offsetMsOf(frame.startTime())});
                },
                Qt::DirectConnection);
    }

    /// Opens the current segment at the keyframe before `offsetMs`.
    Result<void> openAt(qint64 offsetMs)
    {
        refreshKeyframes(offsetMs);
        const catalog::KeyframeEntry key = keyframeBefore(offsetMs);
        const auto known = firstPts.constFind(segment->id);
        Result<std::unique_ptr<SegmentReader>> opened = SegmentReader::open(pathOf(*segment),
                key.bytePos,
                known == firstPts.constEnd() ? std::optional<qint64>() : std::optional(*known));
        if (!opened)
            return opened.error();
        reader = std::move(opened).value();
        firstPts.insert(segment->id, reader->firstPts());
        ensureDecoder(reader->video());
        decoder->setDiscardBefore(kNone);
        peeked.reset();
        ready.clear();
        atEnd = false;
        lastFedOffset = kNone;
        lastFedPts = kNone;
        shownKeyframe = -1;
        decodingOnFromShown = false;
        return {};
    }

    /// Decodes the next packet. False when there is none (yet).
    Result<bool> feedOne()
    {
        std::optional<ArchivePacket> packet;
        if (peeked) {
            packet = std::move(peeked);
            peeked.reset();
        } else {
            Result<std::optional<ArchivePacket>> read = reader->next();
            if (!read)
                return read.error();
            packet = std::move(read).value();
            if (!packet && segment->state == QLatin1String("open") && lastFedPts != kNone) {
                // The file may have grown: read on from the last fragment read.
                Result<std::unique_ptr<SegmentReader>> again
                        = SegmentReader::open(pathOf(*segment), lastFragment, reader->firstPts());
                if (again) {
                    again.value()->continueSession(reader->session());
                    reader = std::move(again).value();
                    for (;;) {
                        read = reader->next();
                        if (!read)
                            return read.error();
                        packet = std::move(read).value();
                        if (!packet || packet->packet.info().pts > lastFedPts)
                            break;
                    }
                }
            }
        }
        if (!packet) {
            if (segment->state != QLatin1String("open")) {
                decoder->flush(); // the last frames come out
                atEnd = true;
            }
            return false;
        }
        lastFedOffset = packet->offsetMs;
        lastFedPts = packet->packet.info().pts;
        lastFragment = packet->fragment;
        decoder->decode(packet->packet);
        return true;
    }

    void show(const ReadyFrame& frame, bool exact)
    {
        shownFrame = frame;
        decodingOnFromShown = true;
        shownKeyframe = -1; // the keyframe path says when it is one
        shownMs = frame.utcMs;
        reportedGap = kNone;
        Q_EMIT q->frameShown(frame.frame, frame.utcMs, exact);
    }

    enum class Outcome { Shown, Nothing, Interrupted };

    /// Decodes on to the frame shown at `t` (the last that starts at or before it) and shows it.
    Result<Outcome> showExact(qint64 t)
    {
        const qint64 targetOffset = t - segment->startMs;
        for (;;) {
            if (interrupted())
                return Outcome::Interrupted;
            if (!ready.empty() && ready.back().utcMs > t)
                break;
            if (atEnd)
                break;
            const Result<bool> fed = feedOne();
            if (!fed)
                return fed.error();
            if (!fed.value() && !atEnd)
                break; // the end of a file being written, for now
            if (fed.value() && lastFedOffset <= targetOffset)
                decoder->setDiscardBefore(lastFedPts);
        }
        const bool shownFits = decodingOnFromShown && shownFrame.utcMs <= t;
        if (ready.empty() || (shownFits && ready.front().utcMs > t)) {
            if (!shownFits)
                return Outcome::Nothing;
            show(shownFrame, true); // the frame shown is still the one of that time
            return Outcome::Shown;
        }
        std::size_t pick = 0;
        for (std::size_t i = 0; i < ready.size(); ++i) {
            if (ready[i].utcMs <= t)
                pick = i;
        }
        const ReadyFrame frame = ready[pick];
        ready.erase(ready.begin(), ready.begin() + std::ptrdiff_t(pick + 1));
        show(frame, true);
        return Outcome::Shown;
    }

    QString gapReason(qint64 t) const
    {
        const Result<QList<catalog::GapRecord>> gaps
                = catalog::SegmentStore(*catalog).gaps(config.cameraId, t, t + 1);
        if (gaps && !gaps->isEmpty())
            return gaps->first().reasonText();
        return ArchivePlayer::tr("Nothing was recorded at this time.");
    }

    void reportGap(qint64 t)
    {
        const Result<std::optional<catalog::SegmentRecord>> next
                = catalog::SegmentStore(*catalog).nextSegment(streamId, t);
        const qint64 nextMs = next && next.value() ? next.value()->startMs : 0;
        if (reportedGap == nextMs && shownMs == kNone)
            return; // said already
        closeSegment();
        shownMs = kNone;
        reportedGap = nextMs;
        Q_EMIT q->noRecording(t, nextMs, gapReason(t));
    }

    Result<void> seekTo(qint64 t, SeekMode mode, bool preview)
    {
        const Result<bool> found = locate(t);
        if (!found)
            return found.error();
        if (!found.value()) {
            reportGap(t);
            return {};
        }
        const qint64 offset = t - segment->startMs;
        refreshKeyframes(offset);
        if (mode == SeekMode::Keyframe) {
            const catalog::KeyframeEntry key = keyframeBefore(offset);
            if (reader && key.bytePos == shownKeyframe && shownMs != kNone)
                return {}; // showing it already
            if (Result<void> opened = openAt(offset); !opened)
                return opened;
            while (ready.empty() && !atEnd) {
                const Result<bool> fed = feedOne();
                if (!fed)
                    return fed.error();
                if (!fed.value() && !atEnd)
                    break;
            }
            if (!ready.empty()) {
                const ReadyFrame frame = ready.front();
                ready.pop_front();
                show(frame, frame.utcMs == t);
                shownKeyframe = key.bytePos;
            }
            return {};
        }
        const catalog::KeyframeEntry key = keyframeBefore(offset);
        const bool decodeOn = reader && shownMs != kNone && t >= shownMs && lastFedOffset != kNone
                && key.offsetMs <= lastFedOffset && t - shownMs <= kMaxDecodeAheadMs;
        if (!decodeOn) {
            if (Result<void> opened = openAt(offset); !opened)
                return opened;
            if (preview && key.offsetMs < offset) {
                while (ready.empty() && !atEnd && !interrupted()) {
                    const Result<bool> fed = feedOne();
                    if (!fed)
                        return fed.error();
                    if (!fed.value() && !atEnd)
                        break;
                }
                if (!ready.empty() && ready.front().utcMs < t)
                    Q_EMIT q->frameShown(ready.front().frame, ready.front().utcMs, false);
            }
        }
        const Result<Outcome> shown = showExact(t);
        if (!shown)
            return shown.error();
        return {};
    }

    Result<void> advanceTo(qint64 t)
    {
        if (!segment || !reader || shownMs == kNone || t < shownMs
                || t - shownMs > kMaxDecodeAheadMs) {
            if (segment && reader && shownMs != kNone && t >= shownMs && !covers(*segment, t))
                return nextSegment(t);
            return seekTo(t, SeekMode::Exact, false);
        }
        if (!covers(*segment, t) && segment->state != QLatin1String("open"))
            return nextSegment(t);
        const Result<Outcome> shown = showExact(t);
        if (!shown)
            return shown.error();
        return {};
    }

    /// Playing on past the current segment's end.
    Result<void> nextSegment(qint64 t)
    {
        const Result<std::optional<catalog::SegmentRecord>> next
                = catalog::SegmentStore(*catalog).nextSegment(streamId, segment->startMs);
        if (!next)
            return next.error();
        if (next.value() && next.value()->startMs <= t)
            return seekTo(t, SeekMode::Exact, false);
        reportGap(t);
        return {};
    }

    Result<void> stepBy(int direction)
    {
        if (shownMs == kNone)
            return {};
        for (; direction > 0; --direction) {
            while (reader && !atEnd && !interrupted()
                    && (ready.empty() || ready.back().utcMs <= shownMs)) {
                const Result<bool> fed = feedOne();
                if (!fed)
                    return fed.error();
                if (!fed.value() && !atEnd)
                    break;
            }
            const auto next = std::find_if(ready.cbegin(), ready.cend(),
                    [&](const ReadyFrame& f) { return f.utcMs > shownMs; });
            if (next != ready.cend()) {
                const ReadyFrame frame = *next;
                ready.erase(ready.cbegin(), next + 1);
                show(frame, true);
                continue;
            }
            if (!atEnd)
                return {}; // the newest frame of a file being written is shown
            const Result<std::optional<catalog::SegmentRecord>> following
                    = catalog::SegmentStore(*catalog).nextSegment(streamId, segment->startMs);
            if (!following)
                return following.error();
            if (!following.value())
                return {};
            if (Result<void> done = seekTo(following.value()->startMs, SeekMode::Exact, false);
                    !done)
                return done;
        }
        for (; direction < 0; ++direction) {
            const qint64 before = shownMs - 1;
            qint64 target = before;
            if (!segment || !covers(*segment, before)) {
                const Result<QList<catalog::SegmentRecord>> rows
                        = catalog::SegmentStore(*catalog).streamSegments(
                                streamId, before, before + 1);
                if (!rows)
                    return rows.error();
                if (rows->isEmpty()) {
                    const Result<std::optional<catalog::SegmentRecord>> previous
                            = catalog::SegmentStore(*catalog).previousSegment(streamId, before);
                    if (!previous)
                        return previous.error();
                    if (!previous.value()) // the first frame there is: shown again
                        return seekTo(shownMs, SeekMode::Exact, false);
                    target = previous.value()->endMs - 1;
                }
            }
            if (Result<void> done = seekTo(target, SeekMode::Exact, false); !done)
                return done;
        }
        return {};
    }
};

ArchivePlayer::ArchivePlayer(Config config, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->config = std::move(config);
}

ArchivePlayer::~ArchivePlayer()
{
    // The decoder's frames reach this object directly: it goes first.
    d->decoder.reset();
}

qint64 ArchivePlayer::cameraId() const
{
    return d->config.cameraId;
}

void ArchivePlayer::setOutputSize(QSize size)
{
    const std::lock_guard lock(d->mutex);
    d->outputSize = size;
    d->settingsChanged = true;
}

void ArchivePlayer::seek(qint64 utcMs, SeekMode mode)
{
    d->request(Request {Request::Kind::Seek, utcMs, mode, 0});
}

void ArchivePlayer::advance(qint64 utcMs)
{
    d->request(Request {Request::Kind::Advance, utcMs, SeekMode::Exact, 0});
}

void ArchivePlayer::step(int direction)
{
    d->request(Request {Request::Kind::Step, 0, SeekMode::Exact, direction});
}

void ArchivePlayer::work()
{
    Request r;
    {
        const std::lock_guard lock(d->mutex);
        r = d->pending;
        d->pending = Request {};
        d->scheduled = false;
        d->serving = d->interruptions.load();
    }
    if (r.kind == Request::Kind::None)
        return;
    if (const Result<void> opened = d->openCatalog(); !opened) {
        Q_EMIT failed(r.target, opened.error().message);
        return;
    }
    if (r.kind == Request::Kind::Seek)
        d->readMasks(); // a change made since shows from the next seek on
    d->applySettings();
    Result<void> done;
    switch (r.kind) {
    case Request::Kind::Seek:
        done = d->seekTo(r.target, r.mode, d->config.previewKeyframe);
        break;
    case Request::Kind::Advance:
        done = d->advanceTo(r.target);
        break;
    case Request::Kind::Step:
        done = d->stepBy(r.direction);
        break;
    case Request::Kind::None:
        break;
    }
    if (!done) {
        const qint64 at = r.kind == Request::Kind::Step ? d->shownMs : r.target;
        d->closeSegment();
        Q_EMIT failed(at, done.error().message);
    }
}

} // namespace vigil::playback
