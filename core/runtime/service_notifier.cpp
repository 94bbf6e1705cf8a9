#include "core/runtime/service_notifier.h"

#include <QString>

#ifdef Q_OS_UNIX
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace vigil::runtime {

bool ServiceNotifier::notify(const QByteArray& state)
{
#ifdef Q_OS_UNIX
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    if (path.isEmpty() || size_t(path.size()) >= sizeof(sockaddr_un::sun_path))
        return false;
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0'; // an abstract socket
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));
    const bool sent = ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL,
                              reinterpret_cast<const sockaddr*>(&address), length)
            == state.size();
    ::close(fd);
    return sent;
#else
    Q_UNUSED(state);
    return false;
#endif
}

int ServiceNotifier::watchdogPingIntervalMs()
{
    bool ok = false;
    const qint64 usec = qEnvironmentVariable("WATCHDOG_USEC").toLongLong(&ok);
    if (!ok || usec <= 0)
        return 0;
    return int(qMax<qint64>(1, usec / 2000));
}

} // namespace vigil::runtime
