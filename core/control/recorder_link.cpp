#include "core/control/recorder_link.h"

#include "core/logging_categories.h"

#include <QDeadlineTimer>
#include <QLocalSocket>
#include <QProcess>
#include <QThread>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace vigil::control {

namespace {

constexpr int kRetryMs = 1000;
constexpr qint64 kLaunchAfterMs = 1500; ///< without an answer before a recorder is started
constexpr qint64 kRelaunchMs = 10000;

} // namespace

RecorderLink::RecorderLink(QString dataDir, QObject* parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
{
    m_retry.setSingleShot(true);
    m_retry.setInterval(kRetryMs);
    connect(&m_retry, &QTimer::timeout, this, &RecorderLink::connectNow);
    m_sinceLost.start();
}

RecorderLink::~RecorderLink()
{
    if (m_socket)
        m_socket->disconnect(this);
#ifdef Q_OS_UNIX
    // SIGTERM: it finishes and indexes its open files, as a service stop does.
    if (stopsRecordingOnExit()) {
        qCInfo(lcRecording) << "stopping the recorder started here, pid" << m_launchedPid;
        ::kill(pid_t(m_launchedPid), SIGTERM);
    }
#endif
}

void RecorderLink::stopLaunchedRecorder(int timeoutMs)
{
#ifdef Q_OS_UNIX
    if (!stopsRecordingOnExit())
        return;
    qCInfo(lcRecording) << "stopping the recorder started here, pid" << m_launchedPid;
    ::kill(pid_t(m_launchedPid), SIGTERM);
    // Detached: not our child, so no wait(); it is gone when signal 0 finds no process.
    const QDeadlineTimer deadline(timeoutMs);
    while (::kill(pid_t(m_launchedPid), 0) == 0 && !deadline.hasExpired())
        QThread::msleep(50);
    m_launchedPid = 0;
#else
    Q_UNUSED(timeoutMs)
#endif
}

void RecorderLink::setLauncher(const QString& program, const QStringList& arguments)
{
    m_program = program;
    m_arguments = arguments;
}

void RecorderLink::start()
{
    connectNow();
}

void RecorderLink::setCredentials(const Credentials& credentials)
{
    if (credentials.login == m_credentials.login && credentials.password == m_credentials.password)
        return;
    m_credentials = credentials;
    if (m_socket)
        connectNow(); // the session changes: status and alerts as the new user may see them
}

void RecorderLink::connectNow()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_reader = FrameReader();
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, &RecorderLink::onConnected);
    // Unconnected after a failed attempt as after a lost connection (errorOccurred comes
    // before the state changes).
    connect(m_socket, &QLocalSocket::stateChanged, this, [this](QLocalSocket::LocalSocketState s) {
        if (s == QLocalSocket::UnconnectedState)
            QMetaObject::invokeMethod(this, &RecorderLink::onDisconnected, Qt::QueuedConnection);
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &RecorderLink::onReadyRead);
    m_socket->connectToServer(socketPath(m_dataDir));
}

void RecorderLink::onConnected()
{
    m_socket->write(encodeMessage(QJsonObject {{QStringLiteral("type"), QStringLiteral("hello")},
            {QStringLiteral("protocol"), kProtocolVersion}}));
    // The recorder answers in order: the login is checked before the subscription.
    if (!m_credentials.isEmpty())
        m_socket->write(encodeMessage(loginRequest(m_credentials)));
    m_socket->write(
            encodeMessage(QJsonObject {{QStringLiteral("type"), QStringLiteral("subscribe")}}));
    m_socket->write(
            encodeMessage(QJsonObject {{QStringLiteral("type"), QStringLiteral("status")}}));
}

void RecorderLink::onDisconnected()
{
    if (m_retry.isActive() || (m_socket && m_socket->state() != QLocalSocket::UnconnectedState))
        return; // already retrying, or a late notice about an earlier socket
    if (m_connected) {
        qCWarning(lcRecording) << "lost the connection to the recorder";
        m_connected = false;
        m_status = {};
        m_sinceLost.start();
        Q_EMIT connectionChanged(false);
        Q_EMIT statusChanged();
    }
    maybeLaunch();
    m_retry.start();
}

void RecorderLink::onReadyRead()
{
    const QList<QJsonObject> messages = m_reader.feed(m_socket->readAll());
    for (const QJsonObject& m : messages) {
        const QString type = m.value(QLatin1String("type")).toString();
        if (type == QLatin1String("hello")) {
            m_connected = true;
            qCInfo(lcRecording) << "connected to the recorder"
                                << m.value(QLatin1String("recorder")).toString();
            Q_EMIT connectionChanged(true);
        } else if (type == QLatin1String("status")) {
            m_status = m;
            Q_EMIT statusChanged();
        } else if (type == QLatin1String("alert")) {
            Q_EMIT alertReceived(m);
        } else if (type == QLatin1String("error")) {
            qCWarning(lcRecording) << "the recorder refused a request:"
                                   << m.value(QLatin1String("message")).toString();
        }
    }
    if (!m_reader.error().isEmpty()) {
        qCWarning(lcRecording) << "the recorder's messages cannot be read:" << m_reader.error();
        m_socket->abort();
    }
}

bool RecorderLink::send(const QJsonObject& request)
{
    if (!m_connected || !m_socket)
        return false;
    QJsonObject message = request;
    message.insert(QStringLiteral("id"), m_nextId++);
    m_socket->write(encodeMessage(message));
    return true;
}

void RecorderLink::maybeLaunch()
{
    if (m_program.isEmpty() || m_sinceLost.elapsed() < kLaunchAfterMs)
        return;
    if (m_sinceLaunch.isValid() && m_sinceLaunch.elapsed() < kRelaunchMs)
        return;
    m_sinceLaunch.start();
    qint64 pid = 0;
    // Detached: the recorder keeps recording when the window closes. A second one started by
    // another window at the same moment finds the folder locked and exits.
    if (QProcess::startDetached(m_program, m_arguments, QString(), &pid)) {
        qCInfo(lcRecording) << "no recorder answered; started" << m_program << "pid" << pid;
        m_launchedPid = pid;
        Q_EMIT recorderLaunched(pid);
    } else {
        qCWarning(lcRecording) << "cannot start the recorder" << m_program;
    }
}

} // namespace vigil::control
