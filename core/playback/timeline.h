#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace vigil::catalog {
class Catalog;
}

namespace vigil::playback {

/// A stretch of time on the timeline.
struct TimeSpan
{
    qint64 startMs = 0;
    qint64 endMs = 0;

    bool operator==(const TimeSpan&) const = default;
};

/// Something marked on the timeline: a bookmark (with its legal hold), an alert the recorder
/// raised, or an event (motion, a person, a camera's alarm).
struct TimelineMark
{
    enum class Kind { Bookmark, Alert, Event };
    Kind kind = Kind::Bookmark;
    qint64 id = 0;
    qint64 cameraId = 0; ///< 0: every camera
    TimeSpan span;
    QString title;
    QString caseNumber;
    bool legalHold = false;
};

/// What the recorder left missing, and why (camera offline, Vigil not running, disk full).
struct TimelineGap
{
    TimeSpan span;
    QString reason;
};

struct CameraTimeline
{
    qint64 cameraId = 0;
    QList<TimeSpan> recorded; ///< joined where less than a pixel lies between two files
    QList<TimelineGap> gaps;
};

/// The timeline of a layout's cameras over a visible range, at the resolution it is drawn at.
struct TimelineData
{
    TimeSpan range;
    qint64 resolutionMs = 0;
    QList<CameraTimeline> cameras;
    /// Bookmarks, alerts and events, oldest first; events of a camera closer than two pixels
    /// are one mark.
    QList<TimelineMark> marks;
};

/// Loads timelines from the catalog, a range at a time (in the way of nx_open's chunk provider:
/// only the visible range, at the visible resolution). Every query is a bounded range scan on a
/// (camera or stream, start) index. Uses the catalog connection it is given (its thread's).
class TimelineLoader
{
    Q_DECLARE_TR_FUNCTIONS(vigil::playback::TimelineLoader)

public:
    explicit TimelineLoader(catalog::Catalog& catalog);
    Result<TimelineData> load(
            const QList<qint64>& cameraIds, TimeSpan range, qint64 resolutionMs) const;

private:
    catalog::Catalog& m_catalog;
};

/// What part of time a timeline shows, on how many pixels: pure transitions for zooming (around
/// the cursor), panning and following the playhead. From a second to 30 days across.
struct TimelineView
{
    static constexpr qint64 kMinSpanMs = 1000;
    static constexpr qint64 kMaxSpanMs = 30LL * 24 * 3600 * 1000;

    qint64 startMs = 0;
    qint64 spanMs = 3600 * 1000;
    int widthPx = 1000;

    qint64 endMs() const { return startMs + spanMs; }
    qint64 timeAt(double x) const;
    double xOf(qint64 t) const;
    /// Milliseconds a pixel covers (at least 1).
    qint64 resolutionMs() const;
    /// Zoomed by `factor` (< 1: in), the time under `anchorX` staying under it.
    TimelineView zoomed(double factor, double anchorX) const;
    /// Moved by `dx` pixels (dragging right goes back in time).
    TimelineView panned(double dx) const;
    /// The same span, `t` in the middle.
    TimelineView centredOn(qint64 t) const;
    /// `t` kept in view: when it leaves the visible range, the view pages on.
    TimelineView following(qint64 t) const;
    /// A span of `spanMs` (clamped to the limits) around the same centre.
    TimelineView withSpan(qint64 spanMs) const;

    bool operator==(const TimelineView&) const = default;
};

/// Loads timelines off the GUI thread: its own thread and read-only catalog connection. Only the
/// newest request is served (a timeline being dragged asks many times a second).
class TimelineSource : public QObject
{
    Q_OBJECT

public:
    explicit TimelineSource(QString catalogPath, QObject* parent = nullptr);
    ~TimelineSource() override;

    void request(const QList<qint64>& cameraIds, TimeSpan range, qint64 resolutionMs);

Q_SIGNALS:
    void loaded(const vigil::playback::TimelineData& data);
    void failed(const QString& message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil::playback

Q_DECLARE_METATYPE(vigil::playback::TimelineData)
