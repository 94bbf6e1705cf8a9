#pragma once

#include <QtGlobal>
#include <queue>

#include <functional>
#include <optional>
#include <vector>

namespace vigil::media {

/// Decoding times for a stream that carries only presentation times, as RTP does: H.264 with
/// B-frames arrives in decoding order with timestamps out of order, and an MP4 needs decoding
/// times that increase and never pass the presentation time.
///
/// With a reorder depth of D frames (the SPS says how many frames may wait in the decoder), the
/// k-th frame in decoding order is decoded at the (k − D)-th smallest presentation time, which
/// is known when it arrives: no frame is held back. The first D frames are decoded just before
/// the first one is shown. A stream that reorders deeper than announced cannot be timed until
/// its next keyframe: its frames until then get no time (the caller drops them) and the timeline
/// starts again there with a depth one larger.
class DecodeTimeline
{
public:
    /// `leap`: a change of presentation time larger than this (in its unit) is the camera's
    /// clock leaping, not reordering: the timeline starts again there. 0: never.
    explicit DecodeTimeline(int reorderDepth, qint64 leap = 0)
        : m_depth(qMax(0, reorderDepth))
        , m_leap(leap)
    { }

    /// The decoding time of the next frame in decoding order, in the unit of `pts`; nullopt
    /// for a frame that cannot be timed.
    std::optional<qint64> next(qint64 pts, bool keyframe)
    {
        if (m_leap > 0 && m_count > 0 && qAbs(pts - m_lastPts) > m_leap) {
            m_pending = {};
            m_count = 0;
            m_started = false;
            m_resync = false;
        }
        m_lastPts = pts;
        if (m_resync) {
            if (!keyframe)
                return std::nullopt;
            m_resync = false;
            m_pending = {};
            m_count = 0;
        }
        m_pending.push(pts);
        if (m_count == 0)
            m_first = pts;
        qint64 dts = 0;
        if (m_count < m_depth) {
            dts = m_first - (m_depth - m_count); // one tick apart, before the first frame shows
        } else {
            dts = m_pending.top();
            m_pending.pop();
        }
        ++m_count;
        if (m_started && dts <= m_last) {
            if (m_count - 1 >= m_depth) { // deeper than announced
                ++m_depth;
                m_resync = true;
                return std::nullopt;
            }
            dts = m_last + 1;
        }
        m_started = true;
        m_last = dts;
        return dts;
    }

    int depth() const { return m_depth; }

private:
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> m_pending;
    int m_depth = 0;
    qint64 m_leap = 0;
    qint64 m_lastPts = 0;
    qint64 m_count = 0;
    qint64 m_first = 0;
    qint64 m_last = 0;
    bool m_started = false;
    bool m_resync = false;
};

} // namespace vigil::media
