#include "core/redaction/tracker.h"

#include <algorithm>
#include <cmath>

namespace vigil::redaction {

namespace {

struct Seen
{
    int frame = 0;
    QRectF box;
};

struct Building
{
    TrackKind kind = TrackKind::Face;
    QList<Seen> seen;

    /// Where the box would be at `frame`, moving on as between its last two detections.
    QRectF predict(int frame) const
    {
        const Seen& last = seen.last();
        if (seen.size() < 2 || frame == last.frame)
            return last.box;
        const Seen& before = seen.at(seen.size() - 2);
        const double dt = double(last.frame - before.frame);
        const QPointF v = (last.box.center() - before.box.center()) / dt;
        QRectF p = last.box;
        p.moveCenter(last.box.center() + v * double(frame - last.frame));
        return p;
    }
};

double iou(const QRectF& a, const QRectF& b)
{
    const QRectF i = a.intersected(b);
    if (i.isEmpty())
        return 0;
    const double inter = i.width() * i.height();
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
}

/// How well a detection fits a track's prediction: higher is better, below 0 no match.
double affinity(const QRectF& predicted, const QRectF& found)
{
    const double overlap = iou(predicted, found);
    if (overlap > 0.05)
        return 1.0 + overlap;
    const double size
            = std::max({predicted.width(), predicted.height(), found.width(), found.height()});
    const QPointF d = predicted.center() - found.center();
    const double distance = std::hypot(d.x(), d.y()) / size;
    const double ratio = std::max(predicted.width(), found.width())
            / std::max(1.0, std::min(predicted.width(), found.width()));
    if (distance > 1.5 || ratio > 2.5)
        return -1;
    return 1.0 - distance / 1.5;
}

QRectF lerp(const QRectF& a, const QRectF& b, double t)
{
    return QRectF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t,
            a.width() + (b.width() - a.width()) * t, a.height() + (b.height() - a.height()) * t);
}

} // namespace

QList<Track> buildTracks(QList<Detection> detections, const TrackerOptions& options)
{
    std::stable_sort(
            detections.begin(), detections.end(), [](const Detection& a, const Detection& b) {
                return a.frame != b.frame ? a.frame < b.frame : a.score > b.score;
            });
    QList<Building> tracks;
    qsizetype i = 0;
    while (i < detections.size()) {
        const int frame = detections.at(i).frame;
        qsizetype end = i;
        while (end < detections.size() && detections.at(end).frame == frame)
            ++end;
        // Every (track, detection) pair that may match, best first.
        struct Pair
        {
            double score;
            qsizetype track;
            qsizetype detection;
        };
        QList<Pair> pairs;
        for (qsizetype t = 0; t < tracks.size(); ++t) {
            const Building& b = tracks.at(t);
            if (b.seen.last().frame >= frame || frame - b.seen.last().frame > options.maxGapFrames)
                continue;
            const QRectF predicted = b.predict(frame);
            for (qsizetype d = i; d < end; ++d) {
                if (detections.at(d).kind != b.kind)
                    continue;
                const double a = affinity(predicted, detections.at(d).box);
                if (a >= 0)
                    pairs.append({a, t, d});
            }
        }
        std::stable_sort(pairs.begin(), pairs.end(),
                [](const Pair& a, const Pair& b) { return a.score > b.score; });
        QList<bool> trackTaken(tracks.size(), false);
        QList<bool> detectionTaken(end - i, false);
        for (const Pair& p : std::as_const(pairs)) {
            if (trackTaken.at(p.track) || detectionTaken.at(p.detection - i))
                continue;
            trackTaken[p.track] = true;
            detectionTaken[p.detection - i] = true;
            tracks[p.track].seen.append({frame, detections.at(p.detection).box});
        }
        for (qsizetype d = i; d < end; ++d) {
            if (!detectionTaken.at(d - i))
                tracks.append(Building {detections.at(d).kind, {{frame, detections.at(d).box}}});
        }
        i = end;
    }

    const QRect bounds(QPoint(0, 0), options.frameSize);
    const auto padded = [&](const QRectF& box) {
        const QRectF grown = box.adjusted(-box.width() * options.pad, -box.height() * options.pad,
                box.width() * options.pad, box.height() * options.pad);
        const QRect r(QPoint(int(std::floor(grown.left())), int(std::floor(grown.top()))),
                QPoint(int(std::ceil(grown.right())) - 1, int(std::ceil(grown.bottom())) - 1));
        return options.frameSize.isEmpty() ? r : r.intersected(bounds);
    };
    QList<Track> out;
    for (const Building& b : std::as_const(tracks)) {
        Track t;
        t.id = int(out.size()) + 1;
        t.kind = b.kind;
        t.hits = int(b.seen.size());
        const auto put = [&](int frame, const QRectF& box) {
            if (frame < 0 || (options.frames > 0 && frame >= options.frames))
                return;
            const QRect r = padded(box);
            if (!r.isEmpty())
                t.boxes.insert(frame, r);
        };
        // Before the first detection and after the last: moving on at the track's speed.
        Building head {b.kind, {}};
        if (b.seen.size() >= 2)
            head.seen = {b.seen.at(1), b.seen.at(0)};
        else
            head.seen = {b.seen.first()};
        for (int f = b.seen.first().frame - options.extendFrames; f < b.seen.first().frame; ++f)
            put(f, head.predict(f));
        for (qsizetype k = 0; k < b.seen.size(); ++k) {
            const Seen& from = b.seen.at(k);
            put(from.frame, from.box);
            if (k + 1 < b.seen.size()) {
                const Seen& to = b.seen.at(k + 1);
                for (int f = from.frame + 1; f < to.frame; ++f)
                    put(f,
                            lerp(from.box, to.box,
                                    double(f - from.frame) / (to.frame - from.frame)));
            }
        }
        for (int f = b.seen.last().frame + 1; f <= b.seen.last().frame + options.extendFrames; ++f)
            put(f, b.predict(f));
        if (!t.boxes.isEmpty())
            out << t;
    }
    return out;
}

} // namespace vigil::redaction
