#include "core/control/control_server.h"

#include "core/control/live_publisher.h"
#include "core/logging_categories.h"
#include "core/recording/recording_engine.h"
#include "vigil_version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMap>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <pwd.h>
#include <sys/socket.h>
#include <sys/types.h>
#endif

namespace vigil::control {

namespace {

QJsonObject reply(const QJsonObject& request, const QString& type)
{
    QJsonObject r {{QStringLiteral("type"), type}};
    if (request.contains(QLatin1String("id")))
        r.insert(QStringLiteral("id"), request.value(QLatin1String("id")));
    return r;
}

QJsonObject errorReply(const QJsonObject& request, const QString& message)
{
    QJsonObject r = reply(request, QStringLiteral("error"));
    r.insert(QStringLiteral("message"), message);
    return r;
}

} // namespace

ControlServer::ControlServer(recording::RecordingEngine& engine, QString dataDir, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_dataDir(std::move(dataDir))
    , m_startedMs(QDateTime::currentMSecsSinceEpoch())
{
    m_live = new LivePublisher(m_engine, this);
    m_statusPush = new QTimer(this);
    m_statusPush->setSingleShot(true);
    m_statusPush->setInterval(250);
    connect(m_statusPush, &QTimer::timeout, this, [this] { broadcast(status()); });
    connect(&m_engine, &recording::RecordingEngine::statusChanged, this, [this] {
        if (!m_statusPush->isActive())
            m_statusPush->start();
    });
    connect(&m_engine, &recording::RecordingEngine::alertRaised, this,
            [this](const recording::RecordingEngine::Alert& alert) {
                broadcast(QJsonObject {{QStringLiteral("type"), QStringLiteral("alert")},
                        {QStringLiteral("at_ms"), alert.at.toMSecsSinceEpoch()},
                        {QStringLiteral("camera"), alert.cameraId},
                        {QStringLiteral("kind"), alert.kind},
                        {QStringLiteral("message"), alert.message}});
            });
}

ControlServer::~ControlServer()
{
    delete m_live; // unsubscribes from the hubs while the engine still owns them
    m_live = nullptr;
    for (QLocalSocket* socket : m_clients.keys()) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

Result<void> ControlServer::listen()
{
    const QString path = socketPath(m_dataDir);
    m_server = new QLocalServer(this);
    // Owner and group: the service's user and the members of its group (the window's users).
    m_server->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    QLocalServer::removeServer(path); // a crash's leftover; the caller holds the folder's lock
    if (!m_server->listen(path)) {
        return Error {Error::Code::Io,
                tr("The recorder cannot open its control socket \"%1\": %2")
                        .arg(path, m_server->errorString()),
                {}};
    }
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::accept);
    qCInfo(lcRecording) << "control socket listening on" << path;
    return {};
}

namespace {

/// The computer's user at the other end of a local socket (the kernel says; the client cannot
/// pretend otherwise).
QString peerUser(QLocalSocket* socket)
{
#ifdef Q_OS_LINUX
    ucred peer {};
    socklen_t length = sizeof(peer);
    if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &peer, &length)
            == 0) {
        passwd entry {};
        passwd* found = nullptr;
        char buffer[1024];
        if (::getpwuid_r(peer.uid, &entry, buffer, sizeof(buffer), &found) == 0 && found)
            return QStringLiteral("os:") + QString::fromLocal8Bit(found->pw_name);
        return QStringLiteral("os:uid %1").arg(peer.uid);
    }
#else
    Q_UNUSED(socket);
#endif
    return QStringLiteral("os:?");
}

} // namespace

void ControlServer::accept()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        Client client;
        client.who = peerUser(socket);
        m_clients.insert(socket, client);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            m_live->dropClient(socket);
            m_clients.remove(socket);
            socket->deleteLater();
        });
    }
}

void ControlServer::read(QLocalSocket* socket)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    const QList<QJsonObject> messages = it->reader.feed(socket->readAll());
    for (const QJsonObject& message : messages) {
        it = m_clients.find(socket);
        if (it == m_clients.end())
            return;
        handle(socket, *it, message);
    }
    it = m_clients.find(socket);
    if (it != m_clients.end() && !it->reader.error().isEmpty())
        drop(socket, it->reader.error());
}

void ControlServer::handle(QLocalSocket* socket, Client& client, const QJsonObject& message)
{
    const QString type = message.value(QLatin1String("type")).toString();
    if (!client.greeted) {
        if (type != QLatin1String("hello")
                || message.value(QLatin1String("protocol")).toInt() != kProtocolVersion) {
            drop(socket,
                    tr("This program speaks another version of the recorder's protocol "
                       "(the recorder speaks version %1). Install the same Vigil version.")
                            .arg(kProtocolVersion));
            return;
        }
        client.greeted = true;
        QJsonObject hello = reply(message, QStringLiteral("hello"));
        hello.insert(QStringLiteral("protocol"), kProtocolVersion);
        hello.insert(QStringLiteral("recorder"), QStringLiteral(VIGIL_VERSION_STRING));
        send(socket, hello);
        return;
    }
    if (type == QLatin1String("status")) {
        QJsonObject s = status();
        if (message.contains(QLatin1String("id")))
            s.insert(QStringLiteral("id"), message.value(QLatin1String("id")));
        send(socket, s);
    } else if (type == QLatin1String("subscribe")) {
        client.subscribed = true;
        send(socket, reply(message, QStringLiteral("ok")));
    } else if (type == QLatin1String("reload")) {
        const Result<void> reloaded = m_engine.reload();
        send(socket,
                reloaded ? reply(message, QStringLiteral("ok"))
                         : errorReply(message, reloaded.error().message));
    } else if (type == QLatin1String("live_subscribe")) {
        const qint64 camera = message.value(QLatin1String("camera")).toInteger();
        const QString role = message.value(QLatin1String("role")).toString();
        const Result<quint32> subscribed = m_live->subscribe(socket, camera,
                role == QLatin1String("main") ? QStringLiteral("main") : QStringLiteral("sub"),
                client.who);
        if (!subscribed) {
            send(socket, errorReply(message, subscribed.error().message));
            return;
        }
        QJsonObject r = reply(message, QStringLiteral("live_subscribed"));
        r.insert(QStringLiteral("subscription"), qint64(subscribed.value()));
        send(socket, r);
    } else if (type == QLatin1String("live_unsubscribe")) {
        m_live->unsubscribe(
                socket, quint32(message.value(QLatin1String("subscription")).toInteger()));
        send(socket, reply(message, QStringLiteral("ok")));
    } else if (type == QLatin1String("trigger")) {
        const qint64 camera = message.value(QLatin1String("camera")).toInteger();
        if (camera <= 0) {
            send(socket, errorReply(message, tr("Which camera? A trigger needs a camera number.")));
            return;
        }
        m_engine.trigger(camera, message.value(QLatin1String("hold_ms")).toInteger());
        send(socket, reply(message, QStringLiteral("ok")));
    } else {
        send(socket,
                errorReply(message,
                        tr("The recorder does not know the request \"%1\".").arg(type.left(64))));
    }
}

void ControlServer::send(QLocalSocket* socket, const QJsonObject& message)
{
    if (socket->bytesToWrite() > kMaxBacklogBytes) {
        drop(socket, QStringLiteral("client stopped reading"));
        return;
    }
    socket->write(encodeMessage(message));
}

void ControlServer::drop(QLocalSocket* socket, const QString& why)
{
    qCWarning(lcRecording) << "control client dropped:" << why;
    if (socket->bytesToWrite() <= kMaxBacklogBytes) {
        socket->write(encodeMessage(QJsonObject {{QStringLiteral("type"), QStringLiteral("error")},
                {QStringLiteral("message"), why}}));
        socket->flush();
    }
    m_live->dropClient(socket);
    m_clients.remove(socket);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void ControlServer::broadcast(const QJsonObject& message)
{
    const QList<QLocalSocket*> sockets = m_clients.keys();
    for (QLocalSocket* socket : sockets) {
        const auto it = m_clients.constFind(socket);
        if (it != m_clients.cend() && it->subscribed)
            send(socket, message);
    }
}

QJsonObject ControlServer::status() const
{
    const recording::RecordingEngine::Summary summary = m_engine.summary();
    QMap<qint64, QJsonObject> cameras;
    QMap<qint64, QJsonArray> streams;
    for (const recording::RecordingEngine::StreamStatus& s : m_engine.streams()) {
        QJsonObject& camera = cameras[s.cameraId];
        if (camera.isEmpty()) {
            camera = QJsonObject {{QStringLiteral("id"), s.cameraId},
                    {QStringLiteral("name"), s.cameraName}, {QStringLiteral("online"), false},
                    {QStringLiteral("recording"), false}, {QStringLiteral("error"), QString()}};
        }
        if (s.online)
            camera.insert(QStringLiteral("online"), true);
        if (s.recording)
            camera.insert(QStringLiteral("recording"), true);
        if (!s.lastError.isEmpty() && camera.value(QLatin1String("error")).toString().isEmpty())
            camera.insert(QStringLiteral("error"), s.lastError);
        streams[s.cameraId].append(QJsonObject {{QStringLiteral("role"), s.role},
                {QStringLiteral("online"), s.online}, {QStringLiteral("recording"), s.recording},
                {QStringLiteral("packets"), s.packets},
                {QStringLiteral("dropped_packets"), s.droppedPackets},
                {QStringLiteral("lost_packets"), s.lostPackets},
                {QStringLiteral("bytes"), s.bytesWritten}, {QStringLiteral("error"), s.lastError}});
    }
    QJsonArray cameraList;
    for (auto it = cameras.begin(); it != cameras.end(); ++it) {
        it->insert(QStringLiteral("streams"), streams.value(it.key()));
        cameraList.append(*it);
    }
    QJsonArray alerts;
    const QList<recording::RecordingEngine::Alert> recent = m_engine.recentAlerts();
    for (auto it = recent.crbegin(); it != recent.crend(); ++it) { // newest first
        alerts.append(QJsonObject {{QStringLiteral("at_ms"), it->at.toMSecsSinceEpoch()},
                {QStringLiteral("camera"), it->cameraId}, {QStringLiteral("kind"), it->kind},
                {QStringLiteral("message"), it->message}});
    }
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("status")},
            {QStringLiteral("recorder"),
                    QJsonObject {{QStringLiteral("pid"), QCoreApplication::applicationPid()},
                            {QStringLiteral("started_ms"), m_startedMs},
                            {QStringLiteral("version"), QStringLiteral(VIGIL_VERSION_STRING)},
                            {QStringLiteral("data_dir"), m_dataDir}}},
            {QStringLiteral("summary"),
                    QJsonObject {{QStringLiteral("cameras"), summary.cameras},
                            {QStringLiteral("cameras_online"), summary.camerasOnline},
                            {QStringLiteral("cameras_recording"), summary.camerasRecording},
                            {QStringLiteral("streams_with_errors"), summary.streamsWithErrors},
                            {QStringLiteral("dropped_packets"), summary.droppedPackets},
                            {QStringLiteral("segments_closed"), summary.segmentsClosed},
                            {QStringLiteral("storage_blocked"), summary.storageBlocked},
                            {QStringLiteral("footage_bytes"), summary.footageBytes}}},
            {QStringLiteral("cameras"), cameraList}, {QStringLiteral("alerts"), alerts}};
}

} // namespace vigil::control
