#pragma once

#include "core/media/stream_hub.h"

#include <QHash>
#include <QtGlobal>

#include <memory>

namespace vigil::media {

/// The recorder's hubs, one per camera stream (by catalog stream id): whoever wants a stream's
/// packets (its recorder, a live view, analytics) acquires the same hub, so a camera serves one
/// connection per stream. A hub nobody uses any more is closed after a while (closeIdle()), so
/// that a view that switches from the sub stream to the main one and back does not reconnect.
/// Lives on one thread (the recorder's).
class StreamHubs
{
public:
    StreamHubs() = default;
    ~StreamHubs();
    StreamHubs(const StreamHubs&) = delete;
    StreamHubs& operator=(const StreamHubs&) = delete;

    /// The hub of `streamId`; a new one when there is none or when `config` changed (the old
    /// one ends with its last user). The caller subscribes, then start()s it (a no-op when it
    /// runs).
    std::shared_ptr<StreamHub> acquire(qint64 streamId, const SourceConfig& config);
    /// The hub of `streamId` if one runs.
    std::shared_ptr<StreamHub> find(qint64 streamId) const;
    /// Closes the hubs that have had no subscriber and no other holder for `idleMs`.
    void closeIdle(qint64 idleMs);
    int count() const { return int(m_hubs.size()); }
    /// Stops every hub: all are asked first, then waited for.
    void stopAll();
    void requestStopAll();

private:
    struct Entry
    {
        std::shared_ptr<StreamHub> hub;
        qint64 idleSinceMs = 0; ///< steady ms since it is unused; 0 while used
    };
    QHash<qint64, Entry> m_hubs;
};

} // namespace vigil::media
