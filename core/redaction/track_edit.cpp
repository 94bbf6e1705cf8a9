#include "core/redaction/track_edit.h"

#include <cmath>

namespace vigil::redaction {

namespace {

QRect lerp(const QRect& a, const QRect& b, double t)
{
    const auto mix = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QRect(QPoint(mix(a.left(), b.left()), mix(a.top(), b.top())),
            QPoint(mix(a.right(), b.right()), mix(a.bottom(), b.bottom())));
}

} // namespace

void interpolateKeyframes(Track& track, int first, int last)
{
    track.boxes.clear();
    if (track.keyframes.isEmpty() || last < first)
        return;
    for (int f = first; f <= last; ++f) {
        auto after = track.keyframes.lowerBound(f); // first keyframe at or after f
        if (after != track.keyframes.cend() && after.key() == f) {
            track.boxes.insert(f, after.value());
        } else if (after == track.keyframes.cbegin()) {
            track.boxes.insert(f, after.value());
        } else if (after == track.keyframes.cend()) {
            track.boxes.insert(f, std::prev(after).value());
        } else {
            const auto before = std::prev(after);
            const double t = double(f - before.key()) / double(after.key() - before.key());
            track.boxes.insert(f, lerp(before.value(), after.value(), t));
        }
    }
}

void setKeyframe(Track& track, int frame, const QRect& box)
{
    const int first = track.boxes.isEmpty() ? frame : std::min(track.firstFrame(), frame);
    const int last = track.boxes.isEmpty() ? frame : std::max(track.lastFrame(), frame);
    if (track.keyframes.isEmpty() && !track.boxes.isEmpty()) {
        // A detector's track moved by hand: its boxes become keyframes, so that it keeps its path.
        track.keyframes = track.boxes;
    }
    track.keyframes.insert(frame, box.normalized());
    interpolateKeyframes(track, first, last);
}

Track drawnRegion(int id, Shape shape, const QRect& box, int frame, int first, int last)
{
    Track t;
    t.id = id;
    t.kind = TrackKind::Region;
    t.manual = true;
    t.shape = shape;
    t.keyframes.insert(frame, box.normalized());
    interpolateKeyframes(t, std::min(first, frame), std::max(last, frame));
    return t;
}

void extendTo(Track& track, int frame)
{
    if (track.boxes.isEmpty() || frame < 0)
        return;
    if (!track.keyframes.isEmpty()) {
        interpolateKeyframes(
                track, std::min(track.firstFrame(), frame), std::max(track.lastFrame(), frame));
        return;
    }
    const QRect head = track.boxes.first();
    const QRect tail = track.boxes.last();
    for (int f = frame; f < track.firstFrame(); ++f)
        track.boxes.insert(f, head);
    for (int f = track.lastFrame() + 1; f <= frame; ++f)
        track.boxes.insert(f, tail);
}

std::optional<Track> splitAt(Track& track, int frame, int newId)
{
    if (frame <= track.firstFrame() || frame > track.lastFrame())
        return std::nullopt;
    Track rest = track;
    rest.id = newId;
    rest.boxes.clear();
    rest.keyframes.clear();
    for (auto it = track.boxes.lowerBound(frame); it != track.boxes.end();)
        rest.boxes.insert(it.key(), it.value()), it = track.boxes.erase(it);
    if (!track.keyframes.isEmpty()) {
        // Each part keeps the path it had: keyframes on both sides of the cut.
        for (auto it = track.keyframes.lowerBound(frame); it != track.keyframes.end();)
            rest.keyframes.insert(it.key(), it.value()), it = track.keyframes.erase(it);
        rest.keyframes.insert(rest.firstFrame(), rest.boxes.first());
        track.keyframes.insert(track.lastFrame(), track.boxes.last());
    }
    return rest;
}

Track merge(const Track& a, const Track& b)
{
    Track m = a;
    m.enabled = a.enabled || b.enabled;
    m.hits = a.hits + b.hits;
    m.shape = a.shape == Shape::Ellipse && b.shape == Shape::Ellipse ? Shape::Ellipse
                                                                     : Shape::Rectangle;
    const auto unite = [](QMap<int, QRect>& into, const QMap<int, QRect>& from) {
        for (auto it = from.cbegin(); it != from.cend(); ++it)
            into.insert(it.key(),
                    into.contains(it.key()) ? into.value(it.key()).united(it.value()) : it.value());
    };
    if (!a.keyframes.isEmpty() && !b.keyframes.isEmpty()) {
        m.keyframes = a.keyframes;
        unite(m.keyframes, b.keyframes);
        interpolateKeyframes(m, std::min(a.firstFrame(), b.firstFrame()),
                std::max(a.lastFrame(), b.lastFrame()));
        return m;
    }
    m.manual = a.manual && b.manual;
    m.keyframes.clear();
    m.boxes = a.boxes;
    unite(m.boxes, b.boxes);
    // Frames between the two: interpolated from the box before to the box after.
    const QList<int> frames = m.boxes.keys();
    for (qsizetype i = 1; i < frames.size(); ++i) {
        const int from = frames.at(i - 1);
        const int to = frames.at(i);
        for (int f = from + 1; f < to; ++f)
            m.boxes.insert(f,
                    lerp(m.boxes.value(from), m.boxes.value(to),
                            double(f - from) / double(to - from)));
    }
    return m;
}

bool markSeen(QList<FrameRange>& seen, int frame)
{
    for (qsizetype i = 0; i < seen.size(); ++i) {
        FrameRange& r = seen[i];
        if (frame >= r.first && frame <= r.last)
            return false;
        if (frame == r.last + 1) {
            r.last = frame;
            if (i + 1 < seen.size() && seen.at(i + 1).first == frame + 1) {
                r.last = seen.at(i + 1).last;
                seen.removeAt(i + 1);
            }
            return true;
        }
        if (frame == r.first - 1) {
            r.first = frame;
            return true;
        }
        if (frame < r.first) {
            seen.insert(i, FrameRange {frame, frame});
            return true;
        }
    }
    seen.append(FrameRange {frame, frame});
    return true;
}

Coverage coverageOf(const RedactionLog& log)
{
    Coverage c;
    c.frames = log.frames;
    for (const FrameRange& r : log.seen)
        c.framesSeen += std::min(r.last, log.frames - 1) - std::max(r.first, 0) + 1;
    QList<bool> hidden(log.frames, false);
    QList<bool> detected(log.frames, false);
    for (const Track& t : log.tracks) {
        if (t.kind == TrackKind::Mask)
            continue;
        ++(t.enabled ? c.tracksOn : c.tracksOff);
        for (auto it = t.boxes.cbegin(); it != t.boxes.cend(); ++it) {
            if (it.key() < 0 || it.key() >= log.frames)
                continue;
            if (t.enabled)
                hidden[it.key()] = true;
            if (!t.manual)
                detected[it.key()] = true;
        }
    }
    c.framesHidden = int(std::count(hidden.cbegin(), hidden.cend(), true));
    c.framesWithoutDetection = int(std::count(detected.cbegin(), detected.cend(), false));
    return c;
}

namespace {

/// A track's box filed with the frame's tracks, or with its masks (hidden even when inverted).
void addShape(FrameShapes& shapes, const Track& t, const QRect& box)
{
    (t.kind == TrackKind::Mask ? shapes.masks : shapes.tracks) << qMakePair(box, t.shape);
}

} // namespace

QMap<int, FrameShapes> shapesByFrame(const RedactionLog& log)
{
    QMap<int, FrameShapes> shapes;
    for (const Track& t : log.tracks) {
        if (!t.enabled)
            continue;
        for (auto it = t.boxes.cbegin(); it != t.boxes.cend(); ++it)
            addShape(shapes[it.key()], t, it.value());
    }
    return shapes;
}

FrameShapes shapesOnFrame(const RedactionLog& log, int frame)
{
    FrameShapes shapes;
    for (const Track& t : log.tracks) {
        const auto found = t.boxes.constFind(frame);
        if (t.enabled && found != t.boxes.cend())
            addShape(shapes, t, found.value());
    }
    return shapes;
}

} // namespace vigil::redaction
