#pragma once

#include <QByteArray>

namespace vigil::runtime {

/// systemd's readiness and watchdog protocol (sd_notify): datagrams such as "READY=1" to the
/// socket named by $NOTIFY_SOCKET. Does nothing when Vigil was not started by systemd, and on
/// systems without it.
class ServiceNotifier
{
public:
    static bool notify(const QByteArray& state);
    /// Half the watchdog period systemd asks for ($WATCHDOG_USEC), 0 without a watchdog.
    static int watchdogPingIntervalMs();
};

} // namespace vigil::runtime
