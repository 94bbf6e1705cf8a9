#pragma once

#include <QString>

namespace vigil::runtime {

/// The operating system's name of the user running Vigil ("ana", "vigil"): who acknowledged an
/// alert, until Vigil has its own users. Read from the system, not from $USER (unset under
/// systemd and cron, and anyone can set it).
QString osUserName();

} // namespace vigil::runtime
