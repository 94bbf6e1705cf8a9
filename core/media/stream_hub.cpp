#include "core/media/stream_hub.h"

#include "core/logging_categories.h"
#include "core/media/camera_connection.h"
#include "core/media/source_clock_p.h"

#include <QUrl>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

namespace vigil::media {

namespace {

/// The current picture kept for a subscriber that arrives: packets since the last keyframe,
/// up to these bounds (beyond, a camera with very long groups of pictures starts them blank).
constexpr size_t kMaxReplayPackets = 600;
constexpr qint64 kMaxReplayBytes = 16 * 1024 * 1024;

/// Whether something accepts TCP connections at the URL's host and port (cheap: no RTSP).
bool tcpReachable(const QUrl& url, int timeoutMs)
{
    const Result<int> fd = connectTcp(url, timeoutMs);
    if (fd)
        ::close(fd.value());
    return fd.ok();
}

std::atomic<quint64> nextConnectionId {1};

} // namespace

struct StreamHub::Private final : SourceContext
{
    SourceConfig cfg;
    std::thread reader;
    std::atomic<bool> stop {false};
    std::atomic<qint64> lost {0};
    quint64 connection = 0;
    bool ffmpegOnly = false;

    std::mutex sleepMutex;
    std::condition_variable sleepWake;

    // Subscribers and what a new one is given at once; under subscribersMutex.
    mutable std::mutex subscribersMutex;
    std::vector<StreamSubscriber*> subscribers;
    std::optional<SourceItem> tracksItem;
    std::optional<SourceItem> connectedItem;
    /// The last failure while no connection works: a subscriber that arrives then learns that
    /// the camera is offline and why (its own first failure, worth an event).
    std::optional<SourceItem> disconnectedItem;
    std::vector<SourceItem> replay; ///< from the last video keyframe
    qint64 replayBytes = 0;

    mutable std::mutex statusMutex;
    SourceStatus state;

    // Reader thread.
    qint64 lastPacketEndMs = 0;
    qint64 framesTooLarge = 0;
    qint64 timestampJumps = 0;
    int loggedReorderDepth = -1;
    bool warnedBasic = false;
    bool reportedInsecure = false;

    // ---- SourceContext ----

    const SourceConfig& config() const override { return cfg; }
    bool stopping() const override { return stop.load(); }
    std::atomic<qint64>& lostPackets() override { return lost; }
    quint64 connectionId() const override { return connection; }

    void emitItem(SourceItem item) override
    {
        std::lock_guard lock(subscribersMutex);
        switch (item.kind) {
        case SourceItem::Kind::Tracks:
            tracksItem = item;
            connectedItem.reset();
            disconnectedItem.reset();
            clearReplay();
            break;
        case SourceItem::Kind::Connected:
            connectedItem = item;
            connectedItem->outageStartMs = 0; // a later subscriber was not there for the outage
            break;
        case SourceItem::Kind::Packet:
            keepForReplay(item);
            break;
        case SourceItem::Kind::Disconnected:
            tracksItem.reset();
            connectedItem.reset();
            clearReplay();
            if (!item.error.message.isEmpty() && !stop) {
                disconnectedItem = item;
                disconnectedItem->report = true;
            }
            break;
        case SourceItem::Kind::Notice:
            break;
        }
        for (StreamSubscriber* s : subscribers)
            s->offer(item);
    }

    void firstPacket(qint64 wallMs) override
    {
        {
            std::lock_guard lock(statusMutex);
            state.online = true;
            state.lastError.clear();
        }
        SourceItem connected;
        connected.kind = SourceItem::Kind::Connected;
        connected.outageStartMs = lastPacketEndMs;
        connected.wallMs = wallMs;
        emitItem(std::move(connected));
        qCInfo(lcRecording, "camera %lld %s: receiving", cfg.cameraId, qUtf8Printable(cfg.role));
    }

    void packetSent(qint64 wallMs, qint64 endMs) override
    {
        if (endMs > 0)
            lastPacketEndMs = endMs;
        std::lock_guard lock(statusMutex);
        ++state.packets;
        state.lastPacketMs = wallMs;
    }

    void frameTooLarge() override
    {
        const qint64 count = ++framesTooLarge;
        if (count == 1 || count % 100 == 0)
            notice(SourceItem::Notice::FrameTooLarge, count);
    }

    void insecureAuthentication() override
    {
        if (warnedBasic)
            return;
        warnedBasic = true;
        notice(SourceItem::Notice::InsecureAuthentication, 1);
    }

    void timestampsJumped(qint64 aheadMs) override
    {
        if (++timestampJumps != 1 && timestampJumps % 100 != 0)
            return;
        qCWarning(lcRecording,
                "camera %lld %s: its timestamps jumped (%lld ms from this computer's clock); "
                "a new file starts and packets are dated by this computer's clock",
                cfg.cameraId, qUtf8Printable(cfg.role), aheadMs);
    }

    void reorderedDeeper(int depth) override
    {
        if (depth == loggedReorderDepth)
            return;
        loggedReorderDepth = depth;
        qCWarning(lcRecording,
                "camera %lld %s: frames are reordered more deeply than the stream announces; "
                "recording resumes at the next keyframe with a depth of %d",
                cfg.cameraId, qUtf8Printable(cfg.role), depth);
    }

    // ---- hub ----

    void notice(SourceItem::Notice which, qint64 count)
    {
        SourceItem item;
        item.kind = SourceItem::Kind::Notice;
        item.notice = which;
        item.count = count;
        emitItem(std::move(item));
    }

    void clearReplay()
    {
        replay.clear();
        replayBytes = 0;
    }

    void keepForReplay(const SourceItem& item)
    {
        const Packet::Info& info = item.packet.info();
        if (info.track == 0 && info.keyframe)
            clearReplay();
        else if (replay.empty())
            return; // only from a keyframe
        const qint64 size = item.packet.data().size();
        if (replay.size() >= kMaxReplayPackets || replayBytes + size > kMaxReplayBytes) {
            clearReplay();
            return;
        }
        replay.push_back(item);
        replayBytes += size;
    }

    void readerLoop()
    {
        int attempt = 0; // failed attempts since the last packet
        bool reportedOffline = false;
        const QUrl url(cfg.url);
        while (!stop) {
            connection = nextConnectionId++;
            const qint64 packetsBefore = status().packets;
            const Error error = runConnection();
            const bool gotPackets = status().packets > packetsBefore;
            {
                std::lock_guard lock(statusMutex);
                state.online = false;
                if (!stop)
                    state.lastError = error.message;
            }
            SourceItem ended;
            ended.kind = SourceItem::Kind::Disconnected;
            ended.error = error;
            ended.lastPacketMs = lastPacketEndMs;
            ended.report = !stop && (gotPackets || !reportedOffline);
            if (ended.report) {
                qCInfo(lcRecording, "camera %lld %s: %s", cfg.cameraId, qUtf8Printable(cfg.role),
                        qUtf8Printable(error.fullText()));
                reportedOffline = true;
            }
            emitItem(std::move(ended));
            if (stop)
                break;
            if (gotPackets)
                attempt = 0;
            // 1, 1, 2, 2, 4, 4, 8 … 30 s: a short outage (a camera restarting its stream) is
            // bridged within seconds, a long one costs the camera little.
            const int backoffMs = int(qMin<qint64>(
                    cfg.maxBackoffMs, qint64(cfg.minBackoffMs) << qMin(attempt / 2, 16)));
            ++attempt;
            // While waiting, a camera whose port starts answering again is retried at once (it
            // was powered off or unplugged and is back).
            const bool wasUnreachable
                    = error.code == Error::Code::Unreachable || error.code == Error::Code::Timeout;
            const qint64 wakeAt = steadyMs() + backoffMs;
            while (!stop && steadyMs() < wakeAt) {
                std::unique_lock lock(sleepMutex);
                sleepWake.wait_for(lock,
                        std::chrono::milliseconds(qMin<qint64>(1000, wakeAt - steadyMs())),
                        [this] { return stop.load(); });
                lock.unlock();
                if (wasUnreachable && !stop && tcpReachable(url, 500))
                    break;
            }
        }
    }

    /// One RTSP session: Vigil's own reader for plain H.264 video, FFmpeg's for the rest.
    Error runConnection()
    {
        if (!ffmpegOnly) {
            if (std::optional<Error> ended = StreamSource::rtspReader()->run(*this))
                return *ended;
            ffmpegOnly = true;
            qCInfo(lcRecording, "camera %lld %s: read through FFmpeg (audio or not H.264)",
                    cfg.cameraId, qUtf8Printable(cfg.role));
        }
        std::optional<Error> ended = StreamSource::ffmpegDemuxer()->run(*this);
        return ended ? *ended : SourceTexts::stopped();
    }

    SourceStatus status() const
    {
        std::lock_guard lock(statusMutex);
        SourceStatus s = state;
        s.lostPackets = lost.load();
        return s;
    }
};

StreamHub::StreamHub(SourceConfig config)
    : d(std::make_unique<Private>())
{
    d->cfg = std::move(config);
    d->ffmpegOnly = d->cfg.ffmpegDemuxer;
}

StreamHub::~StreamHub()
{
    stop();
}

void StreamHub::start()
{
    if (d->reader.joinable())
        return;
    d->stop = false;
    d->reader = std::thread([this] { d->readerLoop(); });
}

void StreamHub::requestStop()
{
    d->stop = true;
    d->sleepWake.notify_all();
}

void StreamHub::stop()
{
    if (!d->reader.joinable())
        return;
    requestStop();
    d->reader.join();
}

void StreamHub::subscribe(StreamSubscriber* subscriber)
{
    std::lock_guard lock(d->subscribersMutex);
    if (std::find(d->subscribers.begin(), d->subscribers.end(), subscriber) != d->subscribers.end())
        return;
    d->subscribers.push_back(subscriber);
    if (d->disconnectedItem && !d->tracksItem)
        subscriber->offer(*d->disconnectedItem);
    if (d->tracksItem)
        subscriber->offer(*d->tracksItem);
    if (d->tracksItem && d->connectedItem)
        subscriber->offer(*d->connectedItem);
    for (const SourceItem& item : d->replay)
        subscriber->offer(item);
}

void StreamHub::unsubscribe(StreamSubscriber* subscriber)
{
    std::lock_guard lock(d->subscribersMutex);
    d->subscribers.erase(std::remove(d->subscribers.begin(), d->subscribers.end(), subscriber),
            d->subscribers.end());
}

int StreamHub::subscriberCount() const
{
    std::lock_guard lock(d->subscribersMutex);
    return int(d->subscribers.size());
}

const SourceConfig& StreamHub::config() const
{
    return d->cfg;
}

SourceStatus StreamHub::status() const
{
    return d->status();
}

} // namespace vigil::media
