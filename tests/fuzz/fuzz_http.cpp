// libFuzzer harness: an HTTP answer from a camera (ONVIF SOAP, snapshots), fed in pieces of any
// size, through the reader that bounds headers, bodies, chunks and trailers.
#include "core/onvif/http_exchange.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace vigil::onvif::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    // The first byte picks the piece size, the second the body limit.
    const qsizetype piece = 1 + qsizetype(data[0]) * 37;
    const qint64 maxBody = 1 + qint64(data[1]) * 64;
    const QByteArrayView stream(reinterpret_cast<const char*>(data + 2), qsizetype(size - 2));
    ResponseReader reader(maxBody);
    for (qsizetype at = 0; at < stream.size(); at += piece) {
        const ResponseReader::State state
                = reader.feed(stream.sliced(at, qMin(piece, stream.size() - at)));
        if (state == ResponseReader::State::Done || state == ResponseReader::State::Failed)
            break;
    }
    if (reader.state() != ResponseReader::State::Done
            && reader.state() != ResponseReader::State::Failed)
        reader.closed();
    const Response& r = reader.response();
    if (r.body.size() > maxBody)
        std::abort();
    if (reader.state() == ResponseReader::State::Done
            && (r.status < 200 || r.status > 599 || !r.ok()))
        std::abort();
    if (reader.state() == ResponseReader::State::Failed && r.ok())
        std::abort();
    (void)r.values("www-authenticate");
    return 0;
}
