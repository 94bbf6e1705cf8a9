#pragma once

// vigil-recorder started for a test on a data folder, stopped (SIGTERM) when the test ends.

#include <QProcess>
#include <QString>

#include <csignal>

namespace vigil::test {

class RecorderProcess
{
public:
    explicit RecorderProcess(const QString& dataDir)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-recorder"),
                {QStringLiteral("--data-dir"), dataDir});
    }
    ~RecorderProcess() { stop(); }
    RecorderProcess(const RecorderProcess&) = delete;
    RecorderProcess& operator=(const RecorderProcess&) = delete;

    bool started() { return m_process.waitForStarted(); }
    qint64 pid() const { return m_process.processId(); }
    /// SIGTERM and wait: true when it stopped cleanly.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(30000)) {
            m_process.kill();
            m_process.waitForFinished();
            return false;
        }
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

private:
    QProcess m_process;
};

} // namespace vigil::test
