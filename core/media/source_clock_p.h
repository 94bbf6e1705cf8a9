#pragma once

// What both stream sources agree on about time (private to core/media).

#include <QtGlobal>

#include <chrono>
#include <optional>

namespace vigil::media {

/// RTCP time is trusted only when it agrees with this computer's clock this closely (network and
/// buffering delay); a camera whose clock is further off would put footage at the wrong time.
constexpr qint64 kMaxClockOffsetMs = 2000;
/// A camera's timestamps that run this far ahead of this computer's clock, or back by more than
/// kMaxTimestampBackMs, left its timeline (firmware that leaps 2^31 ticks at each keyframe, or
/// wraps): from there packets are dated by this computer's clock.
constexpr qint64 kMaxTimestampAheadMs = 3000;
constexpr qint64 kMaxTimestampBackMs = 1000;
/// Untimed packets a source keeps while it waits for the first timed one.
constexpr size_t kMaxUntimed = 256;

inline bool timelineBroken(
        qint64 wallMs, qint64 nowMs, qint64 tsMs, std::optional<qint64> previousTsMs)
{
    return wallMs - nowMs > kMaxTimestampAheadMs
            || (previousTsMs && tsMs < *previousTsMs - kMaxTimestampBackMs);
}

inline qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

} // namespace vigil::media
