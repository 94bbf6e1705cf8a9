#pragma once

#include "core/control/control_protocol.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

class QLocalSocket;

namespace vigil::control {

/// The window's lasting connection to the recorder of its data folder: subscribes to its status
/// and alerts, reconnects every second when it goes away, and — when told which program to
/// start — starts a recorder (detached: it outlives the window) when none answers.
class RecorderLink : public QObject
{
    Q_OBJECT

public:
    explicit RecorderLink(QString dataDir, QObject* parent = nullptr);
    ~RecorderLink() override;

    /// A recorder to start, detached, when none has answered for a moment (at most every 10 s).
    void setLauncher(const QString& program, const QStringList& arguments);
    /// The recorder this link started stops with it ("record only while Vigil is open": the
    /// demo). Off by default: a recorder outlives the window.
    void setStopLaunchedOnExit(bool stop) { m_stopLaunchedOnExit = stop; }
    /// Closing this link stops recording: it started the recorder, which stops with it.
    bool stopsRecordingOnExit() const { return m_stopLaunchedOnExit && m_launchedPid > 0; }
    void start();
    /// The Vigil user to log in as (once an administrator exists the recorder answers nobody
    /// else); a change reconnects. Empty: the setup mode.
    void setCredentials(const Credentials& credentials);
    /// When this link started the recorder and it stops with the link: stops it now (SIGTERM)
    /// and waits up to `timeoutMs` for it to finish its files. The demo stops its cameras after.
    void stopLaunchedRecorder(int timeoutMs);

    bool isConnected() const { return m_connected; }
    /// The recorder's last status message (ControlServer::status()); empty while not connected.
    QJsonObject status() const { return m_status; }
    /// Sends a request (reload, trigger…); its reply only shows in the log. False when not
    /// connected.
    bool send(const QJsonObject& request);

Q_SIGNALS:
    void connectionChanged(bool connected);
    void statusChanged();
    void alertReceived(const QJsonObject& alert);
    /// A recorder was started because none answered.
    void recorderLaunched(qint64 pid);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onReadyRead();
    void maybeLaunch();

    QString m_dataDir;
    QLocalSocket* m_socket = nullptr;
    FrameReader m_reader;
    QTimer m_retry;
    QJsonObject m_status;
    bool m_connected = false;
    QString m_program;
    QStringList m_arguments;
    QElapsedTimer m_sinceLaunch;
    QElapsedTimer m_sinceLost;
    qint64 m_nextId = 1;
    Credentials m_credentials;
    qint64 m_launchedPid = 0;
    bool m_stopLaunchedOnExit = false;
};

} // namespace vigil::control
