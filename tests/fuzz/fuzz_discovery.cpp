// libFuzzer harness: one WS-Discovery datagram (ProbeMatches, Hello, Bye or anything else) through
// the parser discovery uses, with the bounds it promises.
#include "core/onvif/ws_discovery.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace vigil::onvif;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray datagram
            = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString relatesTo;
    for (const DiscoveredDevice& device : WsDiscovery::parseAnswer(datagram, &relatesTo)) {
        if (device.endpoint.isEmpty() || device.xaddrs.size() > WsDiscovery::kMaxXAddrs
                || device.scopes.size() > WsDiscovery::kMaxScopes)
            std::abort();
        (void)device.preferredXAddr(true);
        (void)device.preferredXAddr(false);
    }
    return 0;
}
