#pragma once

#include "core/redaction/redaction_log.h"

#include <QList>
#include <QRectF>
#include <QSize>

namespace vigil::redaction {

/// What a detector found on one frame.
struct Detection
{
    int frame = 0;
    TrackKind kind = TrackKind::Face;
    QRectF box; ///< in the video's pixels
    float score = 0;
};

struct TrackerOptions
{
    QSize frameSize;
    int frames = 0; ///< frames in the clip (boxes never go past it)
    /// Two detections this many frames apart (or fewer) may belong to one track; the frames in
    /// between get boxes interpolated. At least the interval of full sweeps, so that a still
    /// object found only by sweeps stays covered between them.
    int maxGapFrames = 60;
    /// Frames added before a track's first detection and after its last (the object was there
    /// before a detector ran on it), moving on at its speed.
    int extendFrames = 4;
    /// Added around each box, as a share of its width and height on each side.
    double pad = 0.2;
};

/// Joins per-frame detections into tracks: a person walking through the scene is one track
/// whose box is known on every frame. Detections are matched greedily to the track whose
/// predicted box (constant velocity) overlaps or lies nearest; boxes on frames between two
/// detections are interpolated, so a face missed by a detection or two never flashes through.
/// Runs after the whole clip was analysed, so tracks grow backwards as well as forwards.
/// Deterministic: the same detections give the same tracks.
QList<Track> buildTracks(QList<Detection> detections, const TrackerOptions& options);

} // namespace vigil::redaction
