#include "core/media/track_interleaver.h"

extern "C" {
#include <libavutil/mathematics.h>
}

namespace vigil::media {

qint64 TrackTime::ms() const
{
    return av_rescale_q(ts, AVRational {num, den}, AVRational {1, 1000});
}

int compare(const TrackTime& a, const TrackTime& b)
{
    return av_compare_ts(a.ts, AVRational {a.num, a.den}, b.ts, AVRational {b.num, b.den});
}

} // namespace vigil::media
