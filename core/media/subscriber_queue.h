#pragma once

#include "core/media/stream_source.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace vigil::media {

/// A stream hub subscriber's bounded queue, between the hub's reader thread (push) and the
/// subscriber's own thread (take). Its size is counted in packet bytes; what happens when it is
/// full is the subscriber's policy.
class SubscriberQueue
{
public:
    enum class Policy {
        /// Packets are dropped until a keyframe finds the queue half empty: a live consumer
        /// (recorder, live view, analytics) never slows the camera's reading, and resumes with a
        /// picture that decodes.
        DropToKeyframe,
        /// push() waits until the consumer makes room: for a reader of files, which loses
        /// nothing by waiting.
        BackPressure,
    };

    struct Pushed
    {
        bool queued = false; ///< false: dropped (DropToKeyframe) or closed
        qint64 queuedBytes = 0; ///< packet bytes waiting, this one included
    };

    SubscriberQueue(Policy policy, qint64 limitBytes);

    /// The hub's reader thread.
    Pushed push(const SourceItem& item);
    /// Everything waiting (the consumer's thread).
    std::deque<SourceItem> takeAll();
    /// Waits up to `timeout` for an item or close(), then takes everything waiting.
    std::deque<SourceItem> waitAndTakeAll(std::chrono::milliseconds timeout);
    /// Wakes the consumer waiting in waitAndTakeAll().
    void wake();
    /// Pushes are refused from now on (a back-pressured push returns); waits return.
    void close();
    /// Accepts pushes again, empty.
    void reopen();
    bool isClosed() const;

private:
    const Policy m_policy;
    const qint64 m_limitBytes;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready; ///< for the consumer
    std::condition_variable m_room; ///< for a back-pressured pusher
    std::deque<SourceItem> m_items;
    qint64 m_bytes = 0;
    bool m_dropping = false;
    bool m_closed = false;
};

} // namespace vigil::media
