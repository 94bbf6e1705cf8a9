#pragma once

#include <QtGlobal>

#include <deque>
#include <limits>
#include <optional>
#include <utility>

namespace vigil::media {

/// A moment of a track: `ts` ticks of `num`/`den` seconds.
struct TrackTime
{
    qint64 ts = 0;
    int num = 1;
    int den = 1000;

    /// The time in milliseconds, rounded to the nearest.
    qint64 ms() const;
};

/// Exact comparison across time bases (no rounding to a common unit): -1, 0 or 1.
int compare(const TrackTime& a, const TrackTime& b);

/// Keeps each track of a connection on one continuous timeline, and the audio with the video.
///
/// FFmpeg's RTSP reader times each track from the `rtptime` of the PLAY answer until the track's
/// first RTCP sender report, then re-bases it to the report: a camera whose two disagree (by
/// seconds, seen with audio) makes one track jump while its packets keep coming at their pace.
/// Such a jump, backwards or larger than the time that passed, is the camera's bookkeeping, not
/// time: the track continues where it left off (a jump of the video that the arrival times
/// explain, after an outage or a stall, is kept; audio that jumps continues where it left off
/// when that is where the video is, else it goes on with the video). A camera may also put its
/// audio seconds away from the video that arrives with it: audio further than `toleranceMs` from
/// what the video's time and the arrival times say, at its first packet, is moved there.
class TrackTimelines
{
public:
    static constexpr int kVideo = 0;
    static constexpr int kAudio = 1;

    explicit TrackTimelines(qint64 toleranceMs = 1000, qint64 jumpMs = 1000)
        : m_toleranceMs(toleranceMs)
        , m_jumpMs(jumpMs)
    { }

    /// The correction (ms, added to its time) for a packet of `track` timed `tsMs`, lasting
    /// `durationMs`, arrived at `arrivalMs`.
    qint64 correct(int track, qint64 tsMs, qint64 durationMs, qint64 arrivalMs)
    {
        Track& t = m_tracks[track == kVideo ? 0 : 1];
        Track& video = m_tracks[0];
        m_bridgedMs = 0;
        if (t.seen && track != kVideo && video.seen) {
            // Audio is placed by the video read with it (the two share one connection, in the
            // order the camera sent them), never by the arrival times of its own packets: a
            // reader that stalls between two audio packets would pass for time gone by.
            const qint64 jump = tsMs + t.correctionMs - t.endMs;
            if (qAbs(jump) > m_jumpMs) {
                t.correctionMs = qAbs(t.endMs - video.newestMs) <= m_toleranceMs
                        ? t.endMs - tsMs // it goes on where it left off
                        : video.newestMs - tsMs; // it really paused: it goes on with the video
                m_bridgedMs = jump;
            }
        } else if (t.seen) {
            const qint64 jump = tsMs + t.correctionMs - t.endMs;
            const qint64 passed = arrivalMs - t.arrivalMs;
            if (qAbs(jump) > m_jumpMs && (jump < 0 || jump > passed + m_jumpMs)) {
                t.correctionMs = t.endMs - tsMs;
                m_bridgedMs = jump;
            }
        } else if (track != kVideo && video.seen) {
            const qint64 expected = video.newestMs + (arrivalMs - video.arrivalMs);
            if (qAbs(expected - tsMs) > m_toleranceMs)
                t.correctionMs = expected - tsMs;
        }
        const qint64 corrected = tsMs + t.correctionMs;
        if (!t.seen || corrected >= t.newestMs) {
            t.newestMs = corrected;
            t.endMs = corrected + durationMs;
        }
        t.arrivalMs = arrivalMs;
        t.seen = true;
        return t.correctionMs;
    }

    /// The jump (ms) that the last correct() bridged, 0 when none.
    qint64 bridgedMs() const { return m_bridgedMs; }

private:
    struct Track
    {
        bool seen = false;
        qint64 correctionMs = 0;
        qint64 newestMs = 0; ///< the newest corrected time
        qint64 endMs = 0; ///< where the newest packet ends: the next one's time
        qint64 arrivalMs = 0;
    };

    Track m_tracks[2];
    qint64 m_toleranceMs = 1000;
    qint64 m_jumpMs = 1000;
    qint64 m_bridgedMs = 0;
};

/// Hands a connection's video and audio on in time order, whatever order the camera interleaved
/// them in: a segment ends at a keyframe, so an audio frame timed before the keyframe must reach
/// the writer before it (it belongs to the file that ends there) and one timed at or after it
/// must not (it would land in that file, or be dropped from the next one as "before its first
/// keyframe"). Times compare exactly: two tracks' times rounded to a common unit can tie when
/// they are a fraction of a millisecond apart, and a tie sends the keyframe first.
///
/// Video is timed by the caller: by its presentation time for a keyframe (the time at which a
/// file starts) and by its decoding time otherwise.
///
/// A track that has nothing more to say (no audio, or a track that stalled) does not hold the
/// other back for more than `stallMs`.
template<typename T>
class TrackInterleaver
{
public:
    static constexpr int kVideo = 0;
    static constexpr int kAudio = 1;

    explicit TrackInterleaver(bool hasAudio, qint64 stallMs = 1000)
        : m_hasAudio(hasAudio)
        , m_stallMs(stallMs)
    { }

    void push(int track, const TrackTime& at, T item)
    {
        m_newestMs = qMax(m_newestMs, at.ms());
        m_waiting[track == kVideo ? 0 : 1].push_back(Waiting {at, std::move(item)});
    }

    /// The next item whose turn has come, in time order (video first at equal times); all
    /// that wait when `all` (the connection ended).
    std::optional<T> pop(bool all = false)
    {
        std::deque<Waiting>& video = m_waiting[0];
        std::deque<Waiting>& audio = m_waiting[1];
        std::deque<Waiting>* next = nullptr;
        if (!video.empty() && !audio.empty()) {
            next = compare(video.front().at, audio.front().at) <= 0 ? &video : &audio;
        } else if (!video.empty() || !audio.empty()) {
            std::deque<Waiting>& only = video.empty() ? audio : video;
            if (all || !m_hasAudio || m_newestMs - only.front().at.ms() > m_stallMs)
                next = &only;
        }
        if (!next)
            return std::nullopt;
        T item = std::move(next->front().item);
        next->pop_front();
        return item;
    }

    bool empty() const { return m_waiting[0].empty() && m_waiting[1].empty(); }

private:
    struct Waiting
    {
        TrackTime at;
        T item;
    };

    std::deque<Waiting> m_waiting[2];
    bool m_hasAudio = false;
    qint64 m_stallMs = 1000;
    qint64 m_newestMs = std::numeric_limits<qint64>::min();
};

} // namespace vigil::media
