#pragma once

#include <QString>

namespace vigil::runtime {

/// Replaces secrets in free text with "***" before it reaches a log (STYLE.md §13): passwords in
/// URL user-info (rtsp://user:pw@host), password query/JSON/form fields, WS-Security
/// <Password> elements and HTTP Authorization headers. The user name is kept, since it helps
/// troubleshooting and is not a secret.
QString maskSecrets(const QString& text);

} // namespace vigil::runtime
