#pragma once

#include <QList>
#include <QtGlobal>

namespace vigil::playback {

/// The one clock that drives every tile of a layout in playback: where it is, whether it runs
/// and how fast. A value with pure transitions; `steadyMs` is a monotonic time (QElapsedTimer
/// or the like) given by the caller, so it is tested without waiting.
struct PlaybackClock
{
    /// −16× … 16×; reverse and fast speeds show keyframes only.
    static const QList<int>& speeds();

    qint64 anchorMs = 0; ///< the UTC position at anchorSteadyMs
    qint64 anchorSteadyMs = 0;
    int speed = 1;
    bool playing = false;

    qint64 positionAt(qint64 steadyMs) const;
    /// Whether tiles show keyframes only at this speed (decoding every frame does not pay).
    bool keyframesOnly() const { return speed < 0 || speed > 4; }

    PlaybackClock seeked(qint64 utcMs, qint64 steadyMs) const;
    PlaybackClock played(qint64 steadyMs) const;
    PlaybackClock paused(qint64 steadyMs) const;
    PlaybackClock toggled(qint64 steadyMs) const;
    PlaybackClock withSpeed(int speed, qint64 steadyMs) const;
    /// J/K/L, as in video editors and Nx: L plays forward, faster at each press; J the same
    /// backwards; K pauses.
    enum class Shuttle { Back, Pause, Forward };
    PlaybackClock shuttled(Shuttle key, qint64 steadyMs) const;

    bool operator==(const PlaybackClock&) const = default;
};

} // namespace vigil::playback
