#pragma once

#include <QString>

namespace vigil::camsim::soap {

/// Namespace declarations of a real device's envelope (Hikvision-like: every prefix declared
/// on the root, so responses parse with strict namespace-validating clients too).
QString envelope(const QString& body, const QString& header = {});

/// A SOAP 1.2 fault: `code` is env:Sender or env:Receiver, `subcode` a ter: code
/// (ter:NotAuthorized …), optional nested `subsubcode`.
QString fault(const QString& code, const QString& subcode, const QString& reason,
        const QString& subsubcode = {});

/// xs:duration ("PT60S", "PT1M30S", "P1D") in milliseconds, or -1.
qint64 parseDuration(const QString& text);

} // namespace vigil::camsim::soap
