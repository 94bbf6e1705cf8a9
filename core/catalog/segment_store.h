#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QVariant>

#include <optional>

namespace vigil::catalog {

class Catalog;

/// Segments are at most an hour long (recording/segmentSeconds ≤ 3600), so this bounds how long
/// before a time a file that covers it can have started: a lower bound on start_ms lets range
/// queries use the (camera_id, start_ms) index.
constexpr qint64 kMaxSegmentMs = 2 * 3600 * 1000;

/// Where the recorder puts a stream's file that starts at `startMs`, relative to the recordings
/// folder: `<camera>/<YYYY-MM-DD>/<role>_<YYYYMMDD>T<HHmmss.zzz>Z.mp4`, in UTC. The index keeps
/// a path only when it differs from this one (a name that was taken got "-1"), so a row of the
/// index does not carry ~45 bytes that its camera, stream and start already say.
QString segmentPath(qint64 cameraId, const QString& role, qint64 startMs);

/// What a path of segmentPath()'s shape names; "-<n>" may come before ".mp4", and the day
/// folder may differ from the start's day (a file moved in by hand).
struct SegmentName
{
    qint64 cameraId = 0;
    QString role;
    qint64 startMs = 0;
    bool canonical = false; ///< exactly segmentPath(cameraId, role, startMs)
};
std::optional<SegmentName> parseSegmentPath(const QString& relative);

/// One recorded file in the segment index. `path` is relative to the recordings folder
/// (segmentPath()), so a data folder can be moved.
struct SegmentRecord
{
    qint64 id = 0;
    qint64 cameraId = 0;
    qint64 streamId = 0;
    QString role; ///< of the stream: "main" or "sub" (read only)
    QString path;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 bytes = 0;
    QString state = QStringLiteral("open"); ///< open, closed, repaired
    QString clockSource = QStringLiteral("arrival"); ///< rtcp, arrival
    qint64 clockOffsetMs = 0;
    QString codec;
    int width = 0;
    int height = 0;
    bool hasAudio = false;
    QByteArray keyframes; ///< recording::packKeyframes()
};

/// A stretch of time a camera was expected to record and did not (offline, Vigil not running…).
struct GapRecord
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::GapRecord)

public:
    qint64 cameraId = 0;
    qint64 streamId = 0; ///< 0: the whole camera
    qint64 startMs = 0;
    qint64 endMs = 0;
    /// Stored in English (one of the k…Reason texts), shown in the reader's language by
    /// reasonText(): a catalog is read by windows in other languages than its recorder's.
    QString reason;

    static const char* const kVigilStoppedReason;
    static const char* const kCameraOfflineReason;
    /// The reason in the language of whoever reads it (a reason stored before Vigil stored
    /// them in English, or unknown, as it is).
    QString reasonText() const { return tr(reason.toUtf8().constData()); }
};

/// Space used by one camera's recordings.
struct CameraUsage
{
    qint64 cameraId = 0;
    QString name;
    int retentionDays = 0;
    qint64 segments = 0;
    qint64 bytes = 0;
    qint64 oldestMs = 0; ///< 0 when the camera has no recordings
    qint64 newestMs = 0;
    qint64 heldBytes = 0;
};

/// The segment index, recording gaps and recording alerts. Runs on the thread that owns the
/// catalog (the recording engine's thread).
///
/// Legal hold: a segment is held when a bookmark with legal_hold = 1 overlaps it, on its camera
/// or on every camera (bookmark camera_id NULL). Retention queries never return held segments.
class SegmentStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::SegmentStore)

public:
    explicit SegmentStore(Catalog& catalog);

    Result<qint64> insert(const SegmentRecord& segment);
    /// Updates end, size, state and keyframes of the segment with `segment.path` (inserts it
    /// when its opening never reached the index).
    Result<void> update(const SegmentRecord& segment);
    Result<void> removeById(qint64 id);
    Result<void> removeByPath(const QString& path);
    Result<QList<SegmentRecord>> openSegments() const;
    /// Segments of a camera that overlap [fromMs, toMs), oldest first.
    Result<QList<SegmentRecord>> list(qint64 cameraId, qint64 fromMs, qint64 toMs) const;
    Result<QList<SegmentRecord>> all() const;
    /// Segments of one stream that overlap [fromMs, toMs), oldest first (a bounded range scan of
    /// the (stream_id, start_ms) index).
    Result<QList<SegmentRecord>> streamSegments(qint64 streamId, qint64 fromMs, qint64 toMs) const;
    /// The recorded time of a stream over [fromMs, toMs): its segments' spans, oldest first, with
    /// two joined when less than `joinMs` lies between them (a timeline drawn at a resolution
    /// does not need what it cannot show). Reads only times, not the keyframe index.
    Result<QList<QPair<qint64, qint64>>> spans(
            qint64 streamId, qint64 fromMs, qint64 toMs, qint64 joinMs) const;
    /// The first segment of a stream that starts after `afterMs`.
    Result<std::optional<SegmentRecord>> nextSegment(qint64 streamId, qint64 afterMs) const;
    /// The last segment of a stream that starts before `beforeMs`.
    Result<std::optional<SegmentRecord>> previousSegment(qint64 streamId, qint64 beforeMs) const;
    /// Whether a segment with this path is indexed.
    Result<bool> contains(const QString& path) const;
    /// The end of the newest segment of a stream, if any.
    Result<std::optional<qint64>> lastEnd(qint64 streamId) const;
    /// The start of the newest segment of a stream, if any.
    Result<std::optional<qint64>> newestStart(qint64 streamId) const;
    /// Stream id of a camera's role, 0 when the camera has no such stream.
    Result<qint64> streamId(qint64 cameraId, const QString& role) const;
    /// Whether a legal hold covers [fromMs, toMs] on a camera.
    Result<bool> isHeld(qint64 cameraId, qint64 fromMs, qint64 toMs) const;
    /// Rebuild: replaces the whole index in one transaction.
    Result<void> replaceAll(const QList<SegmentRecord>& segments);

    Result<void> addGap(const GapRecord& gap);
    Result<QList<GapRecord>> gaps(qint64 cameraId, qint64 fromMs, qint64 toMs) const;
    /// An alert for people (disk full, camera offline…), unless the same one (camera, kind and
    /// message) is still waiting to be acknowledged.
    Result<void> addAlert(qint64 cameraId, const QString& kind, const QString& message);

    /// Segments past their camera's retention age at `nowMs`, not held, not open; oldest first.
    /// Each camera's oldest files are walked through its index up to the first that is not due.
    Result<QList<SegmentRecord>> expired(qint64 nowMs, int limit) const;
    /// The oldest segments that are neither held nor open nor their stream's newest finished
    /// file, over every camera.
    Result<QList<SegmentRecord>> oldestDeletable(int limit) const;
    Result<qint64> totalBytes() const;
    Result<QList<CameraUsage>> usage() const;
    /// Bytes of closed segments that ended in [fromMs, toMs).
    Result<qint64> bytesEndedBetween(qint64 fromMs, qint64 toMs) const;

    /// Counts every camera's segments and bytes again from the index (the totals are kept
    /// with each change; this is for upgrades and checks).
    Result<void> recountTotals();

private:
    class Change;
    /// A condition on `segments` (no alias) that finds the row of `path`, and its values.
    struct Key
    {
        QString where;
        QVariantList binds;
    };
    static Key keyOf(const QString& path);
    Result<QList<SegmentRecord>> select(const QString& where, const QVariantList& binds) const;
    Result<void> remove(const Key& key);
    /// (camera, retention days) of the cameras that have footage.
    Result<QList<QPair<qint64, int>>> camerasWithFootage() const;
    /// A camera and a condition on its segments `s` with the values it binds.
    struct CameraCondition
    {
        qint64 cameraId = 0;
        QString where;
        QVariantList binds;
    };
    /// The oldest `limit` segments over the cameras given, each with its own condition, oldest
    /// first.
    Result<QList<SegmentRecord>> oldestOf(const QList<CameraCondition>& perCamera, int limit) const;

    Catalog& m_catalog;
};

} // namespace vigil::catalog
