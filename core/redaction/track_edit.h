#pragma once

#include "core/redaction/redaction_log.h"

#include <optional>

namespace vigil::redaction {

// What a reviewer does to tracks in the redaction editor. Frames are indexes in the clip (as in
// RedactionLog); every function is deterministic, so a project reopens exactly.

/// A drawn region's boxes from its keyframes over frames first…last: linear between two
/// keyframes, held before the first and after the last.
void interpolateKeyframes(Track& track, int first, int last);

/// Places a drawn region's box on `frame` (a keyframe); the region grows to that frame when it
/// lay outside it.
void setKeyframe(Track& track, int frame, const QRect& box);

/// A region drawn by a person on `frame`, hidden from `first` to `last`.
Track drawnRegion(int id, Shape shape, const QRect& box, int frame, int first, int last);

/// Grows a track to `frame` (before its first or after its last frame), its nearest box held.
void extendTo(Track& track, int frame);

/// Cuts a track at `frame`: `track` keeps the frames before it and the returned track (with
/// `newId`) has the rest. Nothing when `frame` is not inside the track.
std::optional<Track> splitAt(Track& track, int frame, int newId);

/// One track from two (the same person picked up twice): the boxes of both, those on common
/// frames united, the frames between them interpolated. Keeps `a`'s id and kind.
Track merge(const Track& a, const Track& b);

/// Adds a frame to a list of ranges, joining neighbours; false when it was there already.
bool markSeen(QList<FrameRange>& seen, int frame);

/// The editor's coverage summary.
struct Coverage
{
    int frames = 0;
    int framesSeen = 0; ///< looked at by the reviewer
    int tracksOn = 0;
    int tracksOff = 0;
    int framesHidden = 0; ///< with at least one enabled track
    int framesWithoutDetection = 0; ///< where no detector found anything
};

Coverage coverageOf(const RedactionLog& log);

/// The boxes hidden on a frame (enabled tracks' boxes; with `invert`, those left visible),
/// with their shapes; privacy masks are listed apart as they are hidden always.
struct FrameShapes
{
    QList<QPair<QRect, Shape>> tracks;
    QList<QPair<QRect, Shape>> masks;
};

/// Per frame, what the enabled tracks cover.
QMap<int, FrameShapes> shapesByFrame(const RedactionLog& log);
/// What the enabled tracks cover on one frame (the preview's frame).
FrameShapes shapesOnFrame(const RedactionLog& log, int frame);

} // namespace vigil::redaction
