#pragma once

// A connection's tracks as libav sees them (private: exposes FFmpeg types).

#include "core/media/av_p.h"
#include "core/media/packet.h"

#include <vector>

namespace vigil::media {

/// The codec parameters of one connection's tracks (track 0 video, track 1 audio when there is
/// audio), shared by every packet of the connection and never changed once made.
struct StreamTracks
{
    struct Track
    {
        CodecParametersPtr parameters;
        AVRational timeBase {1, 90000};
        bool video = false;
    };
    std::vector<Track> tracks;
    int reorderDepth = 0; ///< video frames the decoder may hold back (B-frames)
};

/// A packet that takes `packet` over (no copy of its data).
Packet packetFromAv(PacketPtr packet, const Packet::Info& info);

} // namespace vigil::media
