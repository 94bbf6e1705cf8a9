#include "core/demo/simulator_process.h"

#include "core/logging_categories.h"

#include <QDir>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

namespace vigil::demo {

SimulatorProcess::SimulatorProcess(QObject* parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SimulatorProcess::readOutput);
    connect(&m_process, &QProcess::finished, this, &SimulatorProcess::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(
                    tr("The camera simulator could not be started (%1).").arg(m_process.program()));
    });
}

SimulatorProcess::~SimulatorProcess()
{
    stop();
}

QString SimulatorProcess::defaultProgram()
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("vigil-camsim"));
}

void SimulatorProcess::start(const QString& program, int cameras, const QStringList& arguments)
{
    m_expected = cameras;
    m_endpoints.clear();
    m_ready = false;
    m_stopping = false;
    m_process.start(program,
            arguments
                    + QStringList {QStringLiteral("--print-endpoints"),
                            QStringLiteral("--exit-with-parent")});
    qCInfo(lcApp) << "demo: starting" << program << arguments;
}

void SimulatorProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
#ifdef Q_OS_UNIX
    ::kill(pid_t(m_process.processId()), SIGTERM);
#else
    m_process.terminate();
#endif
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void SimulatorProcess::readOutput()
{
    while (m_process.canReadLine()) {
        const QJsonObject endpoint = QJsonDocument::fromJson(m_process.readLine()).object();
        if (!endpoint.isEmpty())
            m_endpoints << endpoint;
    }
    if (!m_ready && m_endpoints.size() >= m_expected) {
        m_ready = true;
        qCInfo(lcApp) << "demo: simulator started (pid" << m_process.processId() << ") with"
                      << m_endpoints.size() << "cameras";
        Q_EMIT ready();
    }
}

void SimulatorProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping)
        return;
    const QString detail
            = QString::fromLocal8Bit(m_process.readAllStandardError()).trimmed().section(u'\n', -1);
    qCWarning(lcApp) << "demo: simulator ended" << exitCode << status << detail;
    Q_EMIT failed(tr("The camera simulator stopped: %1")
                          .arg(detail.isEmpty() ? tr("exit code %1").arg(exitCode) : detail));
}

} // namespace vigil::demo
