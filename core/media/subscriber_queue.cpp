#include "core/media/subscriber_queue.h"

namespace vigil::media {

namespace {

bool isVideoKeyframe(const SourceItem& item)
{
    return item.kind == SourceItem::Kind::Packet && item.packet.info().track == 0
            && item.packet.info().keyframe;
}

} // namespace

SubscriberQueue::SubscriberQueue(Policy policy, qint64 limitBytes)
    : m_policy(policy)
    , m_limitBytes(limitBytes)
{ }

SubscriberQueue::Pushed SubscriberQueue::push(const SourceItem& item)
{
    std::unique_lock lock(m_mutex);
    if (m_closed)
        return {};
    if (item.kind == SourceItem::Kind::Packet) {
        const qint64 size = item.packet.data().size();
        if (m_policy == Policy::BackPressure) {
            // Waits for room; a packet larger than the whole queue goes when it is empty.
            m_room.wait(lock,
                    [&] { return m_closed || m_bytes == 0 || m_bytes + size <= m_limitBytes; });
            if (m_closed)
                return {};
        } else {
            if (m_dropping && isVideoKeyframe(item) && m_bytes + size <= m_limitBytes / 2)
                m_dropping = false;
            if (!m_dropping && m_bytes + size > m_limitBytes)
                m_dropping = true;
            if (m_dropping)
                return {false, m_bytes};
        }
        m_bytes += size;
    }
    m_items.push_back(item);
    return {true, m_bytes};
}

std::deque<SourceItem> SubscriberQueue::takeAll()
{
    std::deque<SourceItem> items;
    {
        std::lock_guard lock(m_mutex);
        items.swap(m_items);
        m_bytes = 0;
    }
    m_room.notify_all();
    return items;
}

std::deque<SourceItem> SubscriberQueue::waitAndTakeAll(std::chrono::milliseconds timeout)
{
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait_for(lock, timeout, [this] { return !m_items.empty() || m_closed; });
    }
    return takeAll();
}

void SubscriberQueue::wake()
{
    m_ready.notify_one();
}

void SubscriberQueue::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_ready.notify_all();
    m_room.notify_all();
}

void SubscriberQueue::reopen()
{
    std::lock_guard lock(m_mutex);
    m_items.clear();
    m_bytes = 0;
    m_dropping = false;
    m_closed = false;
}

bool SubscriberQueue::isClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

} // namespace vigil::media
