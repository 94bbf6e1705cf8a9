#include "core/recording/stream_recorder.h"

#include "core/catalog/segment_store.h"
#include "core/logging_categories.h"
#include "core/media/av_p.h"
#include "core/media/source_clock_p.h"
#include "core/media/stream_hub.h"
#include "core/media/stream_tracks_p.h"
#include "core/media/subscriber_queue.h"
#include "core/recording/segment_writer.h"

#include <QFile>

#include <atomic>
#include <chrono>
#include <deque>
#include <limits>
#include <mutex>
#include <thread>

namespace vigil::recording {

namespace {

/// Files of one connection follow each other exactly unless the clock moved by this much.
constexpr qint64 kContinuityMs = 1000;
/// Packets wait this long at most for the writer (it writes a whole group of pictures at once).
constexpr int kWriterWakeMs = 250;
constexpr qint64 kWakeBytes = 1 << 20; ///< or until this much is queued
/// Audio packets that wait for the video at most (AAC: about 8 s).
constexpr size_t kMaxEarlyAudio = 128;

using Item = media::SourceItem;
using media::steadyMs;

bool isKeyframe(const Item& item)
{
    return item.kind == Item::Kind::Packet && item.packet.info().track == 0
            && item.packet.info().keyframe;
}

} // namespace

media::SourceConfig StreamConfig::sourceConfig() const
{
    media::SourceConfig s;
    s.cameraId = cameraId;
    s.role = role;
    s.url = url;
    s.displayUrl = displayUrl;
    s.connectTimeoutMs = connectTimeoutMs;
    s.readTimeoutMs = readTimeoutMs;
    s.ffmpegDemuxer = ffmpegDemuxer;
    s.minBackoffMs = minBackoffMs;
    s.maxBackoffMs = maxBackoffMs;
    return s;
}

struct StreamRecorder::Private final : media::StreamSubscriber
{
    explicit Private(StreamConfig c)
        : config(std::move(c))
        , queue(media::SubscriberQueue::Policy::DropToKeyframe, config.queueLimitBytes)
    { }

    StreamConfig config;
    std::shared_ptr<media::StreamHub> hub;
    Sink sink;

    std::thread writer;
    std::atomic<qint64> recordUntil {0};
    std::atomic<int> preRollMs {0};
    std::atomic<bool> storageBlocked {false};

    // Hub → writer queue: when the disk cannot keep up, packets are dropped until a keyframe.
    media::SubscriberQueue queue;
    std::atomic<qint64> lastWakeMs {0}; ///< steady clock

    mutable std::mutex statusMutex;
    Status status; ///< the writer's part (recording, dropped, bytes)

    // Writer-thread state.
    std::shared_ptr<const media::StreamTracks> tracks;
    QList<TrackSpec> specs;
    std::unique_ptr<SegmentWriter> segment;
    QString segmentRelativePath;
    std::deque<Item> preRoll;
    /// Audio captured after the newest video frame written: it waits for the video to catch up,
    /// so that a file cut at a keyframe gets the audio from that moment on. Cameras send audio
    /// ahead of video by a frame or so, and more after their timestamps were re-based.
    std::deque<Item> earlyAudio;
    qint64 videoWallMs = std::numeric_limits<qint64>::min(); ///< of the newest frame written
    qint64 retryAfterMs = 0;
    qint64 previousEndMs = 0; ///< end of the last file of this connection, 0 after a break
    qint64 lastFileEndMs = 0; ///< end of the last file closed, kept across connections

    template<typename F>
    void updateStatus(F&& change)
    {
        std::lock_guard lock(statusMutex);
        change(status);
    }

    void emitEvent(RecorderEvent event)
    {
        event.cameraId = config.cameraId;
        event.streamId = config.streamId;
        event.role = config.role;
        sink(std::move(event));
    }

    // ---- hub's reader thread ----

    void offer(const Item& item) override
    {
        const media::SubscriberQueue::Pushed pushed = queue.push(item);
        if (!pushed.queued) {
            if (item.kind != Item::Kind::Packet || queue.isClosed())
                return;
            qint64 dropped = 0;
            updateStatus([&](Status& s) { dropped = ++s.droppedPackets; });
            if (dropped == 1 || dropped % 500 == 0) {
                RecorderEvent e;
                e.type = RecorderEvent::Type::PacketsDropped;
                e.count = dropped;
                emitEvent(e);
            }
            return;
        }
        // The writer is woken for what changes the stream, for each new group of pictures and
        // at most every kWriterWakeMs for the rest: one wake-up per packet cost more than the
        // writing (16 cameras, record_bench).
        const qint64 now = steadyMs();
        if (item.kind == Item::Kind::Packet && !isKeyframe(item)
                && now - lastWakeMs.load() < kWriterWakeMs && pushed.queuedBytes < kWakeBytes)
            return;
        lastWakeMs = now;
        queue.wake();
    }

    // ---- writer thread ----

    void writerLoop()
    {
        for (;;) {
            std::deque<Item> batch = queue.waitAndTakeAll(std::chrono::milliseconds(kWriterWakeMs));
            if (batch.empty() && queue.isClosed())
                break;
            for (Item& item : batch)
                handleItem(item);
        }
        closeSegment();
        clearPreRoll();
    }

    void handleItem(Item& item)
    {
        switch (item.kind) {
        case Item::Kind::Tracks:
            closeSegment();
            previousEndMs = 0; // a new connection: its own clock
            clearPreRoll();
            tracks = item.tracks;
            specs.clear();
            for (const media::StreamTracks::Track& t : tracks->tracks)
                specs << TrackSpec {t.parameters.get(), t.timeBase.num, t.timeBase.den, t.video};
            break;
        case Item::Kind::Connected:
            connected(item);
            break;
        case Item::Kind::Disconnected:
            closeSegment();
            previousEndMs = 0;
            clearPreRoll();
            if (item.report) {
                RecorderEvent e;
                e.type = RecorderEvent::Type::Disconnected;
                e.error = item.error;
                e.startMs = item.lastPacketMs;
                emitEvent(e);
            }
            break;
        case Item::Kind::Notice: {
            RecorderEvent e;
            e.type = item.notice == Item::Notice::FrameTooLarge
                    ? RecorderEvent::Type::FrameTooLarge
                    : RecorderEvent::Type::InsecureAuthentication;
            e.count = item.count;
            emitEvent(e);
            break;
        }
        case Item::Kind::Packet:
            handlePacket(item);
            break;
        }
    }

    /// Reports the outage that a connection's first packet ends. Files are timed by media time
    /// from their start, the outage by the wall clock of the last packet: the outage starts
    /// where the last file ends when that is later, so that the two never overlap.
    void connected(const Item& item)
    {
        RecorderEvent e;
        e.type = RecorderEvent::Type::Connected;
        e.startMs = item.outageStartMs;
        if (e.startMs > 0)
            e.startMs = qMax(e.startMs, lastFileEndMs);
        e.endMs = qMax(item.wallMs, e.startMs);
        emitEvent(e);
    }

    void clearPreRoll() { preRoll.clear(); }

    void keepForPreRoll(Item& item)
    {
        const int keepMs = preRollMs.load();
        if (keepMs <= 0 || (preRoll.empty() && !isKeyframe(item)))
            return; // the buffer always starts at a keyframe
        if (isKeyframe(item)) {
            // Drop whole groups of pictures older than needed: keep from the newest keyframe
            // that is at least keepMs old.
            size_t cut = 0;
            for (size_t i = 0; i < preRoll.size(); ++i) {
                if (isKeyframe(preRoll[i]) && preRoll[i].wallMs <= item.wallMs - keepMs)
                    cut = i;
            }
            preRoll.erase(preRoll.begin(), preRoll.begin() + qint64(cut));
        }
        preRoll.push_back(std::move(item));
    }

    void handlePacket(Item& item)
    {
        if (!tracks)
            return;
        const qint64 until = recordUntil.load();
        const bool blocked = storageBlocked.load();
        if (item.wallMs >= until || blocked) {
            // A trigger whose post-roll ended before the next packet arrived (the camera or the
            // machine stalled) still covers what the buffer holds: the pre-roll is written.
            if (!segment && !blocked && !preRoll.empty() && preRoll.back().wallMs < until
                    && steadyMs() >= retryAfterMs)
                writePreRoll();
            closeSegment();
            keepForPreRoll(item);
            return;
        }
        // A leap in the camera's time ends the file; the next starts at a keyframe.
        if (segment && !segment->continues(item.packet.avPacket(), item.packet.info().track)) {
            closeSegment();
            previousEndMs = 0;
        }
        if (!segment) {
            earlyAudio.clear(); // from before a file that could not be opened
            videoWallMs = std::numeric_limits<qint64>::min();
            if (steadyMs() < retryAfterMs)
                return;
            if (!preRoll.empty()) {
                if (!writePreRoll())
                    return;
            } else if (!isKeyframe(item) || !openSegment(item)) {
                return;
            }
        } else if (item.packet.info().track != 0) {
            // Audio ahead of the video waits for it (a bounded wait: a stalled video track
            // does not hold the audio back for more than a few seconds).
            if (item.wallMs > videoWallMs && earlyAudio.size() < kMaxEarlyAudio) {
                earlyAudio.push_back(std::move(item));
                return;
            }
        } else {
            writeEarlyAudio(item.wallMs, false); // what belongs before this frame
            if (isKeyframe(item)
                    && (segment->durationMs() >= config.segmentMs || segment->wantsCut())) {
                closeSegment(false); // the audio from the keyframe on goes to the next file
                if (!openSegment(item))
                    return;
            }
        }
        const bool video = item.packet.info().track == 0;
        const qint64 wallMs = item.wallMs;
        if (!writePacket(item) || !video)
            return;
        videoWallMs = wallMs;
        writeEarlyAudio(wallMs, true);
    }

    /// Writes the waiting audio captured before `untilMs` (or at it, when `including`).
    void writeEarlyAudio(qint64 untilMs, bool including)
    {
        while (segment && !earlyAudio.empty()
                && (earlyAudio.front().wallMs < untilMs
                        || (including && earlyAudio.front().wallMs == untilMs))) {
            Item audio = std::move(earlyAudio.front());
            earlyAudio.pop_front();
            if (!writePacket(audio))
                break;
        }
    }

    /// Opens a segment at the pre-roll buffer's first keyframe and writes the buffer into it.
    bool writePreRoll()
    {
        if (openSegment(preRoll.front())) {
            for (Item& p : preRoll) {
                if (!writePacket(p))
                    break;
            }
        }
        clearPreRoll();
        return segment != nullptr;
    }

    bool openSegment(const Item& first)
    {
        SegmentHeader header;
        header.cameraId = config.cameraId;
        header.cameraUuid = config.cameraUuid;
        header.role = config.role;
        header.startMs = first.wallMs;
        // Within one connection media time is exact: a file that follows another starts where
        // it ended, unless the clock moved by more than a second (clock source switched to
        // RTCP, camera clock drift), so files neither overlap nor leave slivers between them.
        if (previousEndMs > 0 && qAbs(first.wallMs - previousEndMs) < kContinuityMs)
            header.startMs = previousEndMs;
        header.clockSource = first.rtcpClock ? QStringLiteral("rtcp") : QStringLiteral("arrival");
        header.clockOffsetMs = first.clockOffsetMs;
        const QString named = catalog::segmentPath(config.cameraId, config.role, header.startMs);
        QString relative = named;
        for (int n = 1; QFile::exists(config.recordingsRoot + u'/' + relative); ++n) {
            relative = QString(named).replace(
                    QLatin1String(".mp4"), QStringLiteral("-%1.mp4").arg(n));
        }
        Result<std::unique_ptr<SegmentWriter>> created = SegmentWriter::create(
                config.recordingsRoot + u'/' + relative, specs, header, config.fragmentMs);
        if (!created) {
            failed(created.error(), SegmentFacts {}, QString());
            return false;
        }
        segment = std::move(created).value();
        segmentRelativePath = relative;
        updateStatus([](Status& s) { s.recording = true; });
        RecorderEvent e;
        e.type = RecorderEvent::Type::SegmentOpened;
        e.path = relative;
        e.facts.header = header;
        emitEvent(e);
        return true;
    }

    bool writePacket(Item& item)
    {
        const qint64 before = segment->bytesWritten();
        // The writer's own reference to the shared packet (no copy of its data): it changes
        // the timestamps for the file.
        const media::PacketPtr own = media::allocPacket();
        if (!own || av_packet_ref(own.get(), item.packet.avPacket()) < 0)
            return true;
        if (Result<void> written = segment->write(own.get(), item.packet.info().track); !written) {
            const SegmentFacts remains = segment->abandon();
            segment.reset();
            failed(written.error(), remains, segmentRelativePath);
            return false;
        }
        const qint64 grown = segment->bytesWritten() - before;
        if (grown > 0)
            updateStatus([&](Status& s) { s.bytesWritten += grown; });
        return true;
    }

    /// `withEarlyAudio`: the audio still waiting for the video goes into this file (it ends
    /// here); else it waits for the next file (a cut at a keyframe).
    void closeSegment(bool withEarlyAudio = true)
    {
        if (withEarlyAudio) {
            writeEarlyAudio(std::numeric_limits<qint64>::max(), true);
            earlyAudio.clear(); // what could not be written
            videoWallMs = std::numeric_limits<qint64>::min();
        }
        if (!segment)
            return;
        Result<SegmentFacts> facts = segment->finish();
        if (!facts) {
            const SegmentFacts remains = segment->abandon();
            segment.reset();
            failed(facts.error(), remains, segmentRelativePath);
            return;
        }
        segment.reset();
        updateStatus([](Status& s) { s.recording = false; });
        RecorderEvent e;
        e.type = RecorderEvent::Type::SegmentClosed;
        e.path = segmentRelativePath;
        e.facts = facts.value();
        previousEndMs = facts->header.startMs + facts->durationMs;
        lastFileEndMs = previousEndMs;
        emitEvent(e);
    }

    /// A segment could not be created or written: report, and wait a little before the next.
    void failed(const Error& error, const SegmentFacts& remains, const QString& path)
    {
        retryAfterMs = steadyMs() + 2000;
        updateStatus([&](Status& s) {
            s.recording = false;
            s.lastError = error.message;
        });
        RecorderEvent e;
        e.type = RecorderEvent::Type::SegmentFailed;
        e.path = path;
        e.facts = remains;
        e.error = error;
        emitEvent(e);
    }
};

StreamRecorder::StreamRecorder(
        StreamConfig config, std::shared_ptr<media::StreamHub> hub, Sink sink)
    : d(std::make_unique<Private>(std::move(config)))
{
    d->hub = std::move(hub);
    d->sink = std::move(sink);
    d->preRollMs = d->config.preRollMs;
}

StreamRecorder::~StreamRecorder()
{
    stop();
}

void StreamRecorder::start()
{
    if (d->writer.joinable())
        return;
    d->queue.reopen();
    d->writer = std::thread([this] { d->writerLoop(); });
    d->hub->subscribe(d.get());
    d->hub->start();
}

void StreamRecorder::requestStop()
{
    d->hub->requestStop();
}

void StreamRecorder::stop()
{
    if (!d->writer.joinable())
        return;
    d->hub->unsubscribe(d.get());
    d->queue.close(); // the writer writes what is queued, then ends
    d->writer.join();
}

void StreamRecorder::setRecordUntil(qint64 wallMs)
{
    d->recordUntil = wallMs;
}

void StreamRecorder::setPreRollMs(int ms)
{
    d->preRollMs = ms;
}

void StreamRecorder::setStorageBlocked(bool blocked)
{
    d->storageBlocked = blocked;
}

const StreamConfig& StreamRecorder::config() const
{
    return d->config;
}

const std::shared_ptr<media::StreamHub>& StreamRecorder::hub() const
{
    return d->hub;
}

StreamRecorder::Status StreamRecorder::status() const
{
    const media::SourceStatus source = d->hub->status();
    std::lock_guard lock(d->statusMutex);
    Status s = d->status;
    s.online = source.online;
    s.packets = source.packets;
    s.lastPacketMs = source.lastPacketMs;
    if (s.lastError.isEmpty() || !source.lastError.isEmpty())
        s.lastError = source.lastError;
    return s;
}

qint64 StreamRecorder::lostRtpPackets() const
{
    return d->hub->status().lostPackets;
}

} // namespace vigil::recording
