#include "core/control/control_client.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QLocalSocket>

namespace vigil::control {

ControlClient::ControlClient(QString dataDir)
    : m_dataDir(std::move(dataDir))
{ }

ControlClient::~ControlClient() = default;

Result<void> ControlClient::connectToRecorder(int timeoutMs)
{
    m_socket = std::make_unique<QLocalSocket>();
    m_socket->connectToServer(socketPath(m_dataDir));
    if (!m_socket->waitForConnected(timeoutMs)) {
        const QString folder = QDir::toNativeSeparators(m_dataDir);
        switch (m_socket->error()) {
        case QLocalSocket::SocketAccessError:
            return Error {Error::Code::PermissionDenied,
                    tr("The recorder of %1 does not accept this user. Ask for membership of its "
                       "group (\"vigil\").")
                            .arg(folder),
                    m_socket->errorString()};
        case QLocalSocket::ServerNotFoundError:
        case QLocalSocket::ConnectionRefusedError:
            return Error {Error::Code::NotFound,
                    tr("No recorder is running for %1. Start it with \"vigil-recorder\" (or the "
                       "vigil-recorder service).")
                            .arg(folder),
                    m_socket->errorString()};
        default:
            return Error {Error::Code::Io, tr("The recorder of %1 did not answer.").arg(folder),
                    m_socket->errorString()};
        }
    }
    const Result<QJsonObject> hello
            = request(QJsonObject {{QStringLiteral("type"), QStringLiteral("hello")},
                              {QStringLiteral("protocol"), kProtocolVersion}},
                    timeoutMs);
    if (!hello)
        return hello.error();
    return {};
}

Result<void> ControlClient::login(const Credentials& credentials, int timeoutMs)
{
    const Result<QJsonObject> answer = request(loginRequest(credentials), timeoutMs);
    if (!answer)
        return answer.error();
    return {};
}

Result<QJsonObject> ControlClient::request(QJsonObject message, int timeoutMs)
{
    if (!m_socket || m_socket->state() != QLocalSocket::ConnectedState)
        return Error {Error::Code::Io, tr("Not connected to the recorder."), {}};
    const qint64 id = m_nextId++;
    message.insert(QStringLiteral("id"), id);
    m_socket->write(encodeMessage(message));
    return waitFor(id, timeoutMs);
}

Result<QJsonObject> ControlClient::waitFor(qint64 id, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        for (qsizetype i = 0; i < m_pending.size(); ++i) {
            const QJsonObject m = m_pending.at(i);
            const bool mine = m.value(QLatin1String("id")).toInteger() == id;
            const bool fatal = !m.contains(QLatin1String("id"))
                    && m.value(QLatin1String("type")).toString() == QLatin1String("error");
            if (!mine && !fatal)
                continue;
            m_pending.removeAt(i);
            if (m.value(QLatin1String("type")).toString() == QLatin1String("error")) {
                const QString code = m.value(QLatin1String("code")).toString();
                return Error {code == QLatin1String("forbidden")  ? Error::Code::Forbidden
                                : code == QLatin1String("locked") ? Error::Code::Locked
                                : code == QLatin1String("login_failed")
                                ? Error::Code::AuthenticationFailed
                                : Error::Code::Io,
                        tr("The recorder refused: %1")
                                .arg(m.value(QLatin1String("message")).toString()),
                        {}};
            }
            return m;
        }
        if (!m_reader.error().isEmpty())
            return Error {Error::Code::Io, m_reader.error(), {}};
        if (m_socket->state() != QLocalSocket::ConnectedState && m_socket->bytesAvailable() == 0)
            return Error {Error::Code::Io, tr("The recorder closed the connection."), {}};
        if (deadline.hasExpired())
            return Error {Error::Code::Timeout, tr("The recorder did not answer in time."), {}};
        m_socket->flush();
        if (m_socket->bytesAvailable() == 0)
            m_socket->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        m_pending << m_reader.feed(m_socket->readAll());
    }
}

} // namespace vigil::control
