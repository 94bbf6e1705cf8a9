// libFuzzer harness: `WWW-Authenticate` values from a camera (one per line), through the Digest
// challenge parser and the answer Vigil would send (which echoes realm, nonce and opaque).
#include "core/onvif/http_digest.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace vigil::onvif;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input
            = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const QList<QByteArray> values = input.split('\n');
    for (const QByteArray& value : values)
        (void)parseAuthParams(value);
    for (const DigestChallenge& challenge : DigestChallenge::parse(values)) {
        // Only the algorithms Vigil computes are offered; anything else is refused by the parser.
        if (challenge.algorithm != QLatin1String("MD5")
                && challenge.algorithm != QLatin1String("SHA-256"))
            std::abort();
        const QByteArray answer
                = digestAuthorization(challenge, QStringLiteral("admin"), QStringLiteral("secret"),
                        QStringLiteral("DESCRIBE"), QStringLiteral("rtsp://127.0.0.1/stream"), 1);
        // The answer is one header line: nothing from the camera may break out of it.
        if (answer.contains('\r') || answer.contains('\n'))
            std::abort();
        // A challenge written out (as the simulator does) parses back the same: quotes and
        // backslashes are escaped, line breaks (which no header value holds) dropped.
        const auto lineBreak
                = [](const QString& v) { return v.contains(u'\r') || v.contains(u'\n'); };
        if (lineBreak(challenge.realm) || lineBreak(challenge.nonce))
            continue;
        const QList<DigestChallenge> again = DigestChallenge::parse({challenge.toHeader()});
        if (again.isEmpty() || again.first().realm != challenge.realm
                || again.first().nonce != challenge.nonce)
            std::abort();
    }
    return 0;
}
