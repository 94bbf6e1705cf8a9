#include "core/playback/timeline.h"

#include "core/catalog/alert_store.h"
#include "core/catalog/bookmark_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/event_store.h"
#include "core/catalog/segment_store.h"
#include "core/playback/reader_p.h"

#include <QThread>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace vigil::playback {

TimelineLoader::TimelineLoader(catalog::Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<TimelineData> TimelineLoader::load(
        const QList<qint64>& cameraIds, TimeSpan range, qint64 resolutionMs) const
{
    TimelineData data;
    data.range = range;
    data.resolutionMs = std::max<qint64>(1, resolutionMs);
    const catalog::SegmentStore segments(m_catalog);
    for (const qint64 camera : cameraIds) {
        CameraTimeline timeline;
        timeline.cameraId = camera;
        const Result<qint64> stream = segments.streamId(camera, QStringLiteral("main"));
        if (!stream)
            return stream.error();
        if (stream.value() > 0) {
            // Two pixels: a sliver of gap narrower than that would not be seen anyway.
            const Result<QList<QPair<qint64, qint64>>> spans = segments.spans(
                    stream.value(), range.startMs, range.endMs, 2 * data.resolutionMs);
            if (!spans)
                return spans.error();
            for (const auto& [start, end] : spans.value())
                timeline.recorded << TimeSpan {start, end};
        }
        const Result<QList<catalog::GapRecord>> gaps
                = segments.gaps(camera, range.startMs, range.endMs);
        if (!gaps)
            return gaps.error();
        for (const catalog::GapRecord& g : gaps.value()) {
            if (g.endMs - g.startMs >= data.resolutionMs)
                timeline.gaps << TimelineGap {{g.startMs, g.endMs}, g.reasonText()};
        }
        data.cameras << timeline;
    }
    const Result<QList<catalog::BookmarkRecord>> bookmarks
            = catalog::BookmarkStore(m_catalog).list(range.startMs, range.endMs);
    if (!bookmarks)
        return bookmarks.error();
    for (const catalog::BookmarkRecord& b : bookmarks.value()) {
        if (b.cameraId != 0 && !cameraIds.contains(b.cameraId))
            continue;
        TimelineMark m;
        m.kind = TimelineMark::Kind::Bookmark;
        m.id = b.id;
        m.cameraId = b.cameraId;
        m.span = {b.startMs, b.endMs};
        m.title = b.title;
        m.caseNumber = b.caseNumber;
        m.legalHold = b.legalHold;
        data.marks << m;
    }
    const Result<QList<catalog::AlertRecord>> alerts
            = catalog::AlertStore(m_catalog).between(range.startMs, range.endMs, cameraIds, 1000);
    if (!alerts)
        return alerts.error();
    for (const catalog::AlertRecord& a : alerts.value()) {
        TimelineMark m;
        m.kind = TimelineMark::Kind::Alert;
        m.id = a.id;
        m.cameraId = a.cameraId;
        m.span = {a.atMs, a.atMs};
        m.title = a.message;
        data.marks << m;
    }
    // Events, gathered per pixel in SQL (a day of a busy camera is thousands of rows), and
    // joined where less than two pixels lie between them.
    const catalog::EventStore events(m_catalog);
    for (const qint64 camera : cameraIds) {
        const Result<QList<catalog::EventRecord>> found
                = events.buckets(camera, range.startMs, range.endMs, 2 * data.resolutionMs);
        if (!found)
            return found.error();
        qsizetype last = -1;
        for (const catalog::EventRecord& e : found.value()) {
            if (last >= 0 && e.startMs - data.marks.at(last).span.endMs < 2 * data.resolutionMs) {
                TimeSpan& span = data.marks[last].span;
                span.endMs = std::max(span.endMs, e.endMs);
                continue;
            }
            TimelineMark m;
            m.kind = TimelineMark::Kind::Event;
            m.cameraId = camera;
            m.span = {e.startMs, e.endMs};
            m.title = TimelineLoader::tr("Motion and other events");
            last = data.marks.size();
            data.marks << m;
        }
    }
    std::stable_sort(
            data.marks.begin(), data.marks.end(), [](const TimelineMark& a, const TimelineMark& b) {
                return a.span.startMs < b.span.startMs;
            });
    return data;
}

qint64 TimelineView::timeAt(double x) const
{
    return startMs + qint64(std::llround(x * double(spanMs) / std::max(1, widthPx)));
}

double TimelineView::xOf(qint64 t) const
{
    return double(t - startMs) * std::max(1, widthPx) / double(spanMs);
}

qint64 TimelineView::resolutionMs() const
{
    return std::max<qint64>(1, spanMs / std::max(1, widthPx));
}

TimelineView TimelineView::zoomed(double factor, double anchorX) const
{
    TimelineView v = *this;
    const qint64 anchor = timeAt(anchorX);
    v.spanMs = std::clamp<qint64>(
            qint64(std::llround(double(spanMs) * factor)), kMinSpanMs, kMaxSpanMs);
    v.startMs = anchor - qint64(std::llround(anchorX * double(v.spanMs) / std::max(1, widthPx)));
    return v;
}

TimelineView TimelineView::panned(double dx) const
{
    TimelineView v = *this;
    v.startMs -= qint64(std::llround(dx * double(spanMs) / std::max(1, widthPx)));
    return v;
}

TimelineView TimelineView::centredOn(qint64 t) const
{
    TimelineView v = *this;
    v.startMs = t - spanMs / 2;
    return v;
}

TimelineView TimelineView::following(qint64 t) const
{
    if (t >= startMs && t <= endMs())
        return *this;
    TimelineView v = *this;
    v.startMs = t < startMs ? t - spanMs * 9 / 10 : t - spanMs / 10;
    return v;
}

TimelineView TimelineView::withSpan(qint64 span) const
{
    TimelineView v = *this;
    v.spanMs = std::clamp(span, kMinSpanMs, kMaxSpanMs);
    v.startMs = startMs + spanMs / 2 - v.spanMs / 2;
    return v;
}

namespace {

/// The worker on the source's thread.
class TimelineWorker : public QObject
{
public:
    QString catalogPath;
    std::unique_ptr<catalog::Catalog> catalog;
};

} // namespace

struct TimelineSource::Private
{
    QThread thread;
    TimelineWorker* worker = nullptr;
    std::mutex mutex;
    bool scheduled = false;
    QList<qint64> cameras;
    TimeSpan range;
    qint64 resolutionMs = 0;
};

TimelineSource::TimelineSource(QString catalogPath, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<TimelineData>();
    d->worker = new TimelineWorker;
    d->worker->catalogPath = std::move(catalogPath);
    d->worker->moveToThread(&d->thread);
    d->thread.setObjectName(QStringLiteral("timeline"));
    d->thread.start();
}

TimelineSource::~TimelineSource()
{
    QMetaObject::invokeMethod(d->worker, [w = d->worker] {
        w->catalog.reset(); // its connection belongs to this thread
        delete w;
    });
    d->thread.quit();
    d->thread.wait();
}

void TimelineSource::request(const QList<qint64>& cameraIds, TimeSpan range, qint64 resolutionMs)
{
    {
        const std::lock_guard lock(d->mutex);
        d->cameras = cameraIds;
        d->range = range;
        d->resolutionMs = resolutionMs;
        if (d->scheduled)
            return;
        d->scheduled = true;
    }
    QMetaObject::invokeMethod(d->worker, [this] {
        QList<qint64> cameras;
        TimeSpan range;
        qint64 resolution = 0;
        {
            const std::lock_guard lock(d->mutex);
            cameras = d->cameras;
            range = d->range;
            resolution = d->resolutionMs;
            d->scheduled = false;
        }
        TimelineWorker* w = d->worker;
        if (const Result<void> opened = openReader(w->catalog, w->catalogPath); !opened) {
            Q_EMIT failed(opened.error().message);
            return;
        }
        Result<TimelineData> data = TimelineLoader(*w->catalog).load(cameras, range, resolution);
        if (!data) {
            Q_EMIT failed(data.error().message);
            return;
        }
        Q_EMIT loaded(data.value());
    });
}

} // namespace vigil::playback
