#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace vigil::catalog {

class Catalog;

/// Events are at most this long: a longer one (motion that never stops) is stored as several.
/// It bounds how long before a time an event that covers it can have started, so range
/// queries are bounded scans of the (camera_id, start_ms) and (start_ms) indexes.
constexpr qint64 kMaxEventMs = 3600 * 1000;

/// Something that happened on a camera (motion, a person, a camera's own alarm).
struct EventRecord
{
    qint64 id = 0;
    qint64 cameraId = 0;
    QString type; ///< motion, person, camera_alarm, …
    QString source = QStringLiteral("vigil");
    qint64 startMs = 0;
    qint64 endMs = 0;
    double score = 0;
};

class EventStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::EventStore)

public:
    explicit EventStore(Catalog& catalog);

    /// Stores an event, split into pieces of at most kMaxEventMs.
    Result<void> add(const EventRecord& event);
    /// Events that overlap [fromMs, toMs) on `cameraIds` (empty: every camera) of `types`
    /// (empty: every type), oldest first, at most `limit`, starting after `afterId` among
    /// those that start at `afterStartMs` (paging: the last row of the previous page).
    struct Query
    {
        QList<qint64> cameraIds;
        QStringList types;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        int limit = 500;
        qint64 afterStartMs = 0; ///< 0: from the beginning
        qint64 afterId = 0;
        /// The query without the lower bound on start_ms (for the benchmark that shows why it
        /// is there).
        bool unbounded = false;
    };
    Result<QList<EventRecord>> find(const Query& query) const;
    /// The events of a camera that overlap [fromMs, toMs) gathered per stretch of `bucketMs`
    /// (from the epoch): one record each with the first start and the last end (no id or
    /// type). What a timeline drawn at a resolution shows, read from the (camera_id, start_ms,
    /// end_ms) index alone, without handing every row over.
    Result<QList<EventRecord>> buckets(
            qint64 cameraId, qint64 fromMs, qint64 toMs, qint64 bucketMs) const;

private:
    Catalog& m_catalog;
};

} // namespace vigil::catalog
