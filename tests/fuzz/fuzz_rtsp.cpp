// libFuzzer harness: what a camera sends on an RTSP connection (responses, SDP, RTP and RTCP
// interleaved), fed in pieces of the sizes a socket gives, through the response parser, the SDP
// reader and the RTP/H.264 depacketizer.
#include "core/media/rtsp_stream_parser.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using vigil::media::RtspStreamParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the piece size: a socket may return any split of the stream.
    const qsizetype piece = 1 + qsizetype(data[0]) * 97;
    const QByteArrayView stream(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
    RtspStreamParser parser;
    for (qsizetype at = 0; at < stream.size(); at += piece) {
        if (!parser.feed(stream.sliced(at, qMin(piece, stream.size() - at))))
            return 0;
        for (;;) {
            // The first answers of a session are taken as responses, the rest as the stream.
            if (std::optional<vigil::Result<RtspStreamParser::Response>> response
                    = parser.takeResponse()) {
                if (!*response)
                    return 0;
                if (response->value().body.size() > RtspStreamParser::kMaxBody)
                    std::abort();
                if (auto video = RtspStreamParser::describeVideo(response->value().body)) {
                    for (const QByteArray& nal : video->parameterSets)
                        parser.noteParameterSet(nal);
                }
                continue;
            }
            vigil::Result<bool> progressed = parser.process();
            if (!progressed)
                return 0;
            while (std::optional<RtspStreamParser::Frame> frame = parser.takeFrame()) {
                if (frame->data.isEmpty() || frame->data.size() > RtspStreamParser::kMaxAccessUnit)
                    std::abort();
            }
            if (!progressed.value())
                break;
        }
    }
    (void)parser.parameterSets();
    return 0;
}
