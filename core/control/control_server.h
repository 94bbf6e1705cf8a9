#pragma once

#include "core/control/control_protocol.h"
#include "core/result.h"
#include "core/security/access.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <optional>

class QLocalServer;
class QLocalSocket;
class QTimer;

namespace vigil::recording {
class RecordingEngine;
}

namespace vigil::control {

class LivePublisher;

/// The recorder's end of the control channel: answers status, reload and trigger requests of
/// any number of local clients (the window, vigilctl), and pushes status and alerts to those that
/// subscribed. A client that breaks the protocol, or stops reading while messages pile up for
/// it, is disconnected; the others and the recording never notice.
///
/// Every connection carries a session. Once an administrator exists a client logs in ("login"
/// with user and password) before anything but "hello"; each request and live subscription is
/// then checked against that user's role and cameras (a Viewer without camera 3 gets no packet
/// and no status of camera 3), and refusals are audited. Before the first administrator exists
/// (the setup mode, decided when the client says hello) everything is allowed, as in vigilctl.
class ControlServer : public QObject
{
    Q_OBJECT

public:
    /// More than this waiting to be written to one client: it is not reading, and is dropped.
    static constexpr qint64 kMaxBacklogBytes = 4 * 1024 * 1024;
    /// More requests than this waiting for a login to be checked: the client is dropped.
    static constexpr int kMaxQueuedRequests = 1000;

    ControlServer(recording::RecordingEngine& engine, QString dataDir, QObject* parent = nullptr);
    ~ControlServer() override;

    /// Listens on socketPath(dataDir), reachable by the service's user and group only. Call it
    /// while holding the data folder's lock: a stale socket left by a crash is replaced.
    Result<void> listen();
    int clientCount() const { return int(m_clients.size()); }
    const LivePublisher& live() const { return *m_live; }
    /// The status message, as "status" requests get it: of the cameras `who` may see (all of
    /// them without `who`).
    QJsonObject status(const security::Principal* who = nullptr) const;

private:
    struct Client
    {
        FrameReader reader;
        bool greeted = false;
        bool subscribed = false;
        QString osUser; ///< the computer's user at the other end ("os:NAME")
        std::optional<security::Principal> principal; ///< none: not logged in yet
        /// Waiting for the catalog worker (the setup-mode check, a login): what arrives
        /// meanwhile is queued, so that requests are answered in order.
        bool waiting = false;
        QList<QJsonObject> queued;
        /// Who acts, for the audit log: the user logged in, else the computer's user.
        QString who() const
        {
            return principal && !principal->isSetupMode() ? principal->login : osUser;
        }
    };

    void accept();
    void read(QLocalSocket* socket);
    void handle(QLocalSocket* socket, Client& client, const QJsonObject& message);
    /// Handles what was queued while the client waited for the worker.
    void resume(QLocalSocket* socket);
    void login(QLocalSocket* socket, Client& client, const QJsonObject& message);
    /// Allowed, or refused with an error reply sent and an audit row written.
    bool allowed(QLocalSocket* socket, const Client& client, const QJsonObject& message,
            std::optional<security::Permission> permission, qint64 cameraId = 0);
    void send(QLocalSocket* socket, const QJsonObject& message);
    void drop(QLocalSocket* socket, const QString& why);
    /// To the subscribed clients that may see `cameraId` (0: about no one camera).
    void broadcast(const QJsonObject& message, qint64 cameraId = 0);

    recording::RecordingEngine& m_engine;
    QString m_dataDir;
    QLocalServer* m_server = nullptr;
    QHash<QLocalSocket*, Client> m_clients;
    QTimer* m_statusPush = nullptr; ///< coalesces status changes into one push
    LivePublisher* m_live = nullptr;
    qint64 m_startedMs = 0;
};

} // namespace vigil::control
