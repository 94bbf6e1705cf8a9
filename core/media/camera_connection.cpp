#include "core/media/camera_connection.h"

#include <QElapsedTimer>

#include <cerrno>
#include <cstring>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigil::media {

namespace {

QString shown(const QUrl& url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

constexpr int kPollSliceMs = 200;

} // namespace

Error CameraErrors::unreachable(const QUrl& url, const QString& detail, bool timedOut)
{
    return Error {timedOut ? Error::Code::Timeout : Error::Code::Unreachable,
            tr("The camera %1 cannot be reached.").arg(shown(url)), detail};
}

Error CameraErrors::refusedLogin(const QUrl& url, const QString& detail)
{
    return Error {Error::Code::AuthenticationFailed,
            tr("The camera %1 refused the user name or password.").arg(shown(url)), detail};
}

Error CameraErrors::streamNotOffered(const QUrl& url, const QString& detail)
{
    return Error {Error::Code::NotFound,
            tr("The camera %1 does not offer this stream now.").arg(shown(url)), detail};
}

Error CameraErrors::streamEnded(const QUrl& url, const QString& detail)
{
    return Error {Error::Code::Unreachable, tr("The camera %1 ended the stream.").arg(shown(url)),
            detail};
}

Error CameraErrors::stoppedAnswering(const QUrl& url, const QString& during, const QString& detail)
{
    return Error {Error::Code::Timeout,
            tr("The camera %1 stopped answering (%2).").arg(shown(url), during), detail};
}

Error CameraErrors::unreadable(const QUrl& url, const QString& during, const QString& detail)
{
    return Error {Error::Code::Protocol,
            tr("The camera %1 sent a stream Vigil cannot read (%2).").arg(shown(url), during),
            detail};
}

Result<int> connectTcp(const QUrl& url, int timeoutMs, const std::function<bool()>& stop)
{
    addrinfo hints {};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const QByteArray host = url.host().toUtf8();
    const QByteArray port = QByteArray::number(url.port(554));
    if (getaddrinfo(host.constData(), port.constData(), &hints, &found) != 0 || !found)
        return CameraErrors::unreachable(url, QStringLiteral("no address for %1").arg(url.host()));
    const int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int rc = fd < 0 ? -1 : ::connect(fd, found->ai_addr, found->ai_addrlen);
    int err = rc == 0 ? 0 : errno;
    freeaddrinfo(found);
    if (rc != 0 && err == EINPROGRESS) {
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            pollfd p {fd, POLLOUT, 0};
            const qint64 left = timeoutMs - waited.elapsed();
            const int n = ::poll(&p, 1, int(qBound(qint64(0), left, qint64(kPollSliceMs))));
            if (n > 0) {
                socklen_t len = sizeof err;
                if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
                    err = errno;
                break;
            }
            if ((stop && stop()) || waited.elapsed() >= timeoutMs) {
                err = ETIMEDOUT;
                break;
            }
        }
    }
    if (err != 0) {
        if (fd >= 0)
            ::close(fd);
        return CameraErrors::unreachable(
                url, QString::fromLocal8Bit(std::strerror(err)), err == ETIMEDOUT);
    }
    return fd;
}

} // namespace vigil::media
