#include "core/playback/playback_clock.h"

namespace vigil::playback {

const QList<int>& PlaybackClock::speeds()
{
    static const QList<int> all {-16, -8, -4, -2, -1, 1, 2, 4, 8, 16};
    return all;
}

qint64 PlaybackClock::positionAt(qint64 steadyMs) const
{
    return playing ? anchorMs + (steadyMs - anchorSteadyMs) * speed : anchorMs;
}

PlaybackClock PlaybackClock::seeked(qint64 utcMs, qint64 steadyMs) const
{
    PlaybackClock c = *this;
    c.anchorMs = utcMs;
    c.anchorSteadyMs = steadyMs;
    return c;
}

PlaybackClock PlaybackClock::played(qint64 steadyMs) const
{
    PlaybackClock c = seeked(positionAt(steadyMs), steadyMs);
    c.playing = true;
    return c;
}

PlaybackClock PlaybackClock::paused(qint64 steadyMs) const
{
    PlaybackClock c = seeked(positionAt(steadyMs), steadyMs);
    c.playing = false;
    return c;
}

PlaybackClock PlaybackClock::toggled(qint64 steadyMs) const
{
    return playing ? paused(steadyMs) : played(steadyMs);
}

PlaybackClock PlaybackClock::withSpeed(int wanted, qint64 steadyMs) const
{
    PlaybackClock c = seeked(positionAt(steadyMs), steadyMs);
    if (speeds().contains(wanted))
        c.speed = wanted;
    return c;
}

PlaybackClock PlaybackClock::shuttled(Shuttle key, qint64 steadyMs) const
{
    switch (key) {
    case Shuttle::Pause:
        return paused(steadyMs);
    case Shuttle::Forward: {
        const int next = !playing || speed < 0 ? 1 : std::min(16, speed * 2);
        return withSpeed(next, steadyMs).played(steadyMs);
    }
    case Shuttle::Back: {
        const int next = !playing || speed > 0 ? -1 : std::max(-16, speed * 2);
        return withSpeed(next, steadyMs).played(steadyMs);
    }
    }
    return *this;
}

} // namespace vigil::playback
