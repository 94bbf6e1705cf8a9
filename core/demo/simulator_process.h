#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>

namespace vigil::demo {

/// The camera simulator (`vigil-camsim`) run as a child process for the demo: started with the
/// given arguments plus `--print-endpoints --exit-with-parent`, ready once every camera's
/// endpoint line has arrived, terminated (SIGTERM, then kill) when this object goes away.
class SimulatorProcess : public QObject
{
    Q_OBJECT

public:
    explicit SimulatorProcess(QObject* parent = nullptr);
    ~SimulatorProcess() override;

    /// `program` is the vigil-camsim executable; `cameras` how many endpoint lines to wait for.
    void start(const QString& program, int cameras, const QStringList& arguments);
    void stop();

    qint64 processId() const { return m_process.processId(); }
    QList<QJsonObject> endpoints() const { return m_endpoints; }

    /// The vigil-camsim next to the running executable.
    static QString defaultProgram();
    /// The first of `count` consecutive TCP ports on 127.0.0.1 for the demo's cameras: the ones
    /// remembered in `stateFile` while they are free, so a restarted demo finds its cameras
    /// where they were; else a new free range, remembered. 0 when none was found.
    static quint16 demoBasePort(const QString& stateFile, int count);

Q_SIGNALS:
    /// The first start encodes the cameras' video: `done` 0…1, about `remainingSeconds` left
    /// (-1: not known yet).
    void preparing(double done, int remainingSeconds);
    void ready();
    /// Translated reason; the simulator is not running.
    void failed(const QString& message);

private:
    void readOutput();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QProcess m_process;
    QList<QJsonObject> m_endpoints;
    int m_expected = 0;
    bool m_ready = false;
    bool m_stopping = false;
};

} // namespace vigil::demo
