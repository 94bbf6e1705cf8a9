#include "core/media/stream_hubs.h"

#include "core/media/source_clock_p.h"

namespace vigil::media {

StreamHubs::~StreamHubs()
{
    stopAll();
}

std::shared_ptr<StreamHub> StreamHubs::acquire(qint64 streamId, const SourceConfig& config)
{
    Entry& entry = m_hubs[streamId];
    // Not started here: whoever acquires it subscribes first and then starts it, so that
    // nothing the first connection says goes to no one.
    if (!entry.hub || !(entry.hub->config() == config))
        entry.hub = std::make_shared<StreamHub>(config);
    entry.idleSinceMs = 0;
    return entry.hub;
}

std::shared_ptr<StreamHub> StreamHubs::find(qint64 streamId) const
{
    const auto it = m_hubs.constFind(streamId);
    return it == m_hubs.cend() ? nullptr : it->hub;
}

void StreamHubs::closeIdle(qint64 idleMs)
{
    const qint64 now = steadyMs();
    for (auto it = m_hubs.begin(); it != m_hubs.end();) {
        Entry& e = it.value();
        const bool unused = e.hub.use_count() == 1 && e.hub->subscriberCount() == 0;
        if (!unused) {
            e.idleSinceMs = 0;
        } else if (e.idleSinceMs == 0) {
            e.idleSinceMs = now;
        }
        if (unused && now - e.idleSinceMs >= idleMs) {
            e.hub->stop();
            it = m_hubs.erase(it);
        } else {
            ++it;
        }
    }
}

void StreamHubs::requestStopAll()
{
    for (Entry& e : m_hubs)
        e.hub->requestStop();
}

void StreamHubs::stopAll()
{
    requestStopAll();
    for (Entry& e : m_hubs)
        e.hub->stop();
    m_hubs.clear();
}

} // namespace vigil::media
