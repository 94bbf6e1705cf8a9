#pragma once

#include "core/control/control_protocol.h"
#include "core/result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

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
class ControlServer : public QObject
{
    Q_OBJECT

public:
    /// More than this waiting to be written to one client: it is not reading, and is dropped.
    static constexpr qint64 kMaxBacklogBytes = 4 * 1024 * 1024;

    ControlServer(recording::RecordingEngine& engine, QString dataDir, QObject* parent = nullptr);
    ~ControlServer() override;

    /// Listens on socketPath(dataDir), reachable by the service's user and group only. Call it
    /// while holding the data folder's lock: a stale socket left by a crash is replaced.
    Result<void> listen();
    int clientCount() const { return int(m_clients.size()); }
    const LivePublisher& live() const { return *m_live; }
    /// The status message, as "status" requests get it.
    QJsonObject status() const;

private:
    struct Client
    {
        FrameReader reader;
        bool greeted = false;
        bool subscribed = false;
        QString who; ///< the computer's user at the other end ("os:NAME"), for the audit log
    };

    void accept();
    void read(QLocalSocket* socket);
    void handle(QLocalSocket* socket, Client& client, const QJsonObject& message);
    void send(QLocalSocket* socket, const QJsonObject& message);
    void drop(QLocalSocket* socket, const QString& why);
    void broadcast(const QJsonObject& message);

    recording::RecordingEngine& m_engine;
    QString m_dataDir;
    QLocalServer* m_server = nullptr;
    QHash<QLocalSocket*, Client> m_clients;
    QTimer* m_statusPush = nullptr; ///< coalesces status changes into one push
    LivePublisher* m_live = nullptr;
    qint64 m_startedMs = 0;
};

} // namespace vigil::control
