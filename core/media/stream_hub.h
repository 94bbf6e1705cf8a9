#pragma once

#include "core/media/stream_source.h"

#include <memory>

namespace vigil::media {

/// Gets a stream's items. offer() is called on the hub's reader thread, in order, and must be
/// quick: a subscriber queues what it keeps (SubscriberQueue) and works on its own thread.
class StreamSubscriber
{
public:
    virtual ~StreamSubscriber() = default;
    virtual void offer(const SourceItem& item) = 0;
};

/// One camera connection per stream, however many consumers: a reader thread reads the stream
/// (Vigil's RTSP reader, or FFmpeg's demuxer for what it does not handle), reconnects with
/// exponential backoff, and hands every item to each subscriber (the recorder, live views,
/// analytics). A subscriber that arrives while the stream plays gets the connection's tracks
/// and its packets from the last keyframe on at once, so that a live view starts with a picture.
///
/// The hub reads while it lives, whether or not anyone subscribes: its owner (StreamHubs)
/// decides when an unused stream is closed.
class StreamHub
{
public:
    explicit StreamHub(SourceConfig config);
    ~StreamHub();

    StreamHub(const StreamHub&) = delete;
    StreamHub& operator=(const StreamHub&) = delete;

    void start();
    /// Asks the reader to stop without waiting (stop() waits): many hubs stop at once.
    void requestStop();
    /// Stops the reader; no subscriber is offered anything once this returns.
    void stop();

    /// From the next item on (and the replay of the current picture, when there is one).
    void subscribe(StreamSubscriber* subscriber);
    /// Once this returns, `subscriber` is never offered anything again.
    void unsubscribe(StreamSubscriber* subscriber);
    int subscriberCount() const;

    const SourceConfig& config() const;
    SourceStatus status() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil::media
