#pragma once

#include "core/control/control_protocol.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>

class QLocalSocket;

namespace vigil::control {

/// A client of the recorder of a data folder: vigilctl asks and waits; the window (next) listens
/// for pushed status and alerts. Errors say what a clerk can do about them.
class ControlClient
{
    Q_DECLARE_TR_FUNCTIONS(vigil::control::ControlClient)

public:
    explicit ControlClient(QString dataDir);
    ~ControlClient();

    /// Connects and exchanges hellos, waiting at most `timeoutMs`.
    Result<void> connectToRecorder(int timeoutMs = 5000);
    /// Logs in as a Vigil user (needed once an administrator exists); Error::Code::
    /// AuthenticationFailed, Locked or Forbidden say why not.
    Result<void> login(const Credentials& credentials, int timeoutMs = 30000);
    /// Sends a request and waits for its reply (an "error" reply is an error).
    Result<QJsonObject> request(QJsonObject message, int timeoutMs = 5000);

private:
    Result<QJsonObject> waitFor(qint64 id, int timeoutMs);

    QString m_dataDir;
    std::unique_ptr<QLocalSocket> m_socket;
    FrameReader m_reader;
    QList<QJsonObject> m_pending;
    qint64 m_nextId = 1;
};

} // namespace vigil::control
