#pragma once

#include <QString>

namespace vigil::runtime {

/// Text that came from a camera (its name, manufacturer, scopes, fault reasons), made safe to
/// show on a terminal, in a log or in the window: line breaks become spaces; control characters
/// (ESC and the rest of C0, DEL, C1 such as the 8-bit CSI) and bidirectional overrides are
/// written out as \uXXXX; the result is at most `maxLength` characters. A camera can then
/// neither colour nor rewrite a terminal, forge a log line, nor reorder what a clerk reads.
QString displaySafe(const QString& text, int maxLength = 256);

} // namespace vigil::runtime
