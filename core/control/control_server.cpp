#include "core/control/control_server.h"

#include "core/control/live_publisher.h"
#include "core/logging_categories.h"
#include "core/recording/catalog_worker.h"
#include "core/recording/recording_engine.h"
#include "core/security/audit_actions.h"
#include "vigil_version.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMap>
#include <QPointer>
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

/// `code`: what a program may act on ("forbidden": log in or ask for the right; "locked",
/// "login_failed"); empty for other errors.
QJsonObject errorReply(const QJsonObject& request, const QString& message, const QString& code = {})
{
    QJsonObject r = reply(request, QStringLiteral("error"));
    r.insert(QStringLiteral("message"), message);
    if (!code.isEmpty())
        r.insert(QStringLiteral("code"), code);
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
    connect(m_statusPush, &QTimer::timeout, this, [this] {
        // Built once for everyone who sees every camera; per client only for those who do not.
        std::optional<QJsonObject> whole;
        const QList<QLocalSocket*> sockets = m_clients.keys();
        for (QLocalSocket* socket : sockets) {
            const auto it = m_clients.constFind(socket);
            if (it == m_clients.cend() || !it->subscribed || !it->principal)
                continue;
            const security::Principal& who = *it->principal;
            if (!who.isSetupMode() && !who.allCameras) {
                send(socket, status(&who));
                continue;
            }
            if (!whole)
                whole = status();
            send(socket, *whole);
        }
    });
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
                                  {QStringLiteral("message"), alert.message}},
                        alert.cameraId);
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
        client.osUser = peerUser(socket);
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
    it->queued.append(it->reader.feed(socket->readAll()));
    // While its login is checked a client's requests wait; one that floods meanwhile is not a
    // window or vigilctl.
    if (it->queued.size() > kMaxQueuedRequests) {
        drop(socket, QStringLiteral("too many requests while logging in"));
        return;
    }
    const QString error = it->reader.error();
    resume(socket);
    it = m_clients.find(socket);
    if (it != m_clients.end() && !error.isEmpty())
        drop(socket, error);
}

void ControlServer::resume(QLocalSocket* socket)
{
    for (;;) {
        const auto it = m_clients.find(socket);
        if (it == m_clients.end() || it->waiting || it->queued.isEmpty())
            return;
        handle(socket, *it, it->queued.takeFirst());
    }
}

bool ControlServer::allowed(QLocalSocket* socket, const Client& client, const QJsonObject& message,
        std::optional<security::Permission> permission, qint64 cameraId)
{
    const QString type = message.value(QLatin1String("type")).toString().left(64);
    if (!client.principal) {
        send(socket,
                errorReply(message,
                        tr("Log in first: this recorder's footage is protected (\"%1\" refused).")
                                .arg(type),
                        QStringLiteral("forbidden")));
        return false;
    }
    Result<void> checked;
    if (permission)
        checked = security::Access::check(*client.principal, *permission, cameraId);
    else if (cameraId > 0 && !security::Access::seesCamera(*client.principal, cameraId))
        checked = Error {Error::Code::Forbidden,
                tr("%1 may not see camera %2.").arg(client.principal->login).arg(cameraId), {}};
    if (checked)
        return true;
    m_engine.audit(client.who(), QLatin1String(security::audit::kRefused), type,
            {{QStringLiteral("via"), client.osUser}}, cameraId);
    send(socket, errorReply(message, checked.error().message, QStringLiteral("forbidden")));
    return false;
}

void ControlServer::login(QLocalSocket* socket, Client& client, const QJsonObject& message)
{
    client.waiting = true;
    const QPointer<QLocalSocket> guard(socket);
    m_engine.worker().authenticate(message.value(QLatin1String("user")).toString(),
            message.value(QLatin1String("password")).toString(), client.osUser, this,
            [this, guard, message](const Result<security::Principal>& who) {
                const auto it = guard ? m_clients.find(guard.data()) : m_clients.end();
                if (it == m_clients.end())
                    return;
                it->waiting = false;
                if (who) {
                    // A new login replaces the session: live views of the old one end.
                    if (it->principal && it->principal->userId != who->userId)
                        m_live->dropClient(guard.data());
                    it->principal = who.value();
                    QJsonObject r = reply(message, QStringLiteral("logged_in"));
                    r.insert(QStringLiteral("user"), who->login);
                    r.insert(QStringLiteral("role"), security::Access::roleKey(who->role));
                    send(guard.data(), r);
                } else {
                    send(guard.data(),
                            errorReply(message, who.error().message,
                                    who.error().code == Error::Code::Locked
                                            ? QStringLiteral("locked")
                                            : QStringLiteral("login_failed")));
                }
                resume(guard.data());
            });
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
        // The setup mode (no administrator yet) needs no login; decided before the next request.
        client.waiting = true;
        const QPointer<QLocalSocket> guard(socket);
        m_engine.worker().needsLogin(this, [this, guard](bool needed) {
            const auto it = guard ? m_clients.find(guard.data()) : m_clients.end();
            if (it == m_clients.end())
                return;
            it->waiting = false;
            if (!needed && !it->principal)
                it->principal = security::Principal::setupMode();
            resume(guard.data());
        });
        return;
    }
    if (type == QLatin1String("login")) {
        login(socket, client, message);
    } else if (type == QLatin1String("logout")) {
        if (client.principal && !client.principal->isSetupMode()) {
            m_engine.audit(client.who(), QLatin1String(security::audit::kLogout),
                    QStringLiteral("recorder"), {{QStringLiteral("via"), client.osUser}});
            m_live->dropClient(socket);
            client.principal.reset();
            client.subscribed = false;
        }
        send(socket, reply(message, QStringLiteral("ok")));
    } else if (type == QLatin1String("status")) {
        if (!allowed(socket, client, message, std::nullopt))
            return;
        QJsonObject s = status(&*client.principal);
        if (message.contains(QLatin1String("id")))
            s.insert(QStringLiteral("id"), message.value(QLatin1String("id")));
        send(socket, s);
    } else if (type == QLatin1String("subscribe")) {
        if (!allowed(socket, client, message, std::nullopt))
            return;
        client.subscribed = true;
        send(socket, reply(message, QStringLiteral("ok")));
    } else if (type == QLatin1String("reload")) {
        if (!allowed(socket, client, message, security::Permission::ManageCameras))
            return;
        const Result<void> reloaded = m_engine.reload();
        send(socket,
                reloaded ? reply(message, QStringLiteral("ok"))
                         : errorReply(message, reloaded.error().message));
    } else if (type == QLatin1String("live_subscribe")) {
        const qint64 camera = message.value(QLatin1String("camera")).toInteger();
        if (!allowed(socket, client, message, security::Permission::ViewLive, camera))
            return;
        const QString role = message.value(QLatin1String("role")).toString();
        const Result<quint32> subscribed = m_live->subscribe(socket, camera,
                role == QLatin1String("main") ? QStringLiteral("main") : QStringLiteral("sub"),
                client.who());
        if (!subscribed) {
            send(socket, errorReply(message, subscribed.error().message));
            return;
        }
        QJsonObject r = reply(message, QStringLiteral("live_subscribed"));
        r.insert(QStringLiteral("subscription"), qint64(subscribed.value()));
        r.insert(QStringLiteral("masks"), m_live->privacyMasks(subscribed.value()));
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
        if (!allowed(socket, client, message, security::Permission::ManageCameras, camera))
            return;
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

void ControlServer::broadcast(const QJsonObject& message, qint64 cameraId)
{
    const QList<QLocalSocket*> sockets = m_clients.keys();
    for (QLocalSocket* socket : sockets) {
        const auto it = m_clients.constFind(socket);
        if (it != m_clients.cend() && it->subscribed && it->principal
                && (cameraId <= 0 || security::Access::seesCamera(*it->principal, cameraId)))
            send(socket, message);
    }
}

QJsonObject ControlServer::status(const security::Principal* who) const
{
    const recording::RecordingEngine::Summary summary = m_engine.summary();
    QMap<qint64, QJsonObject> cameras;
    QMap<qint64, QJsonArray> streams;
    for (const recording::RecordingEngine::StreamStatus& s : m_engine.streams()) {
        if (who && !security::Access::seesCamera(*who, s.cameraId))
            continue;
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
        if (who && it->cameraId > 0 && !security::Access::seesCamera(*who, it->cameraId))
            continue;
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
