#include "core/demo/simulator_process.h"

#include "core/logging_categories.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTcpServer>

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
                    tr("the camera simulator could not be started (%1).").arg(m_process.program()));
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

namespace {

bool portsFree(quint16 first, int count)
{
    if (first == 0 || int(first) + count > 65535)
        return false;
    for (int i = 0; i < count; ++i) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, quint16(first + i)))
            return false;
    }
    return true;
}

} // namespace

quint16 SimulatorProcess::demoBasePort(const QString& stateFile, int count)
{
    QFile file(stateFile);
    if (file.open(QIODevice::ReadOnly)) {
        const quint16 remembered = file.readAll().trimmed().toUShort();
        if (portsFree(remembered, count))
            return remembered;
    }
    for (int attempt = 0; attempt < 32; ++attempt) {
        QTcpServer any;
        if (!any.listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 first = any.serverPort();
        any.close();
        if (!portsFree(first, count))
            continue;
        QSaveFile out(stateFile);
        if (out.open(QIODevice::WriteOnly)) {
            out.write(QByteArray::number(first) + '\n');
            out.commit();
        }
        return first;
    }
    return 0;
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
        const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
        if (line.contains(QLatin1String("device_service"))) {
            m_endpoints << line;
        } else if (line.contains(QLatin1String("preparing"))) {
            const QJsonObject p = line.value(QLatin1String("preparing")).toObject();
            Q_EMIT preparing(p.value(QLatin1String("done")).toDouble(),
                    p.value(QLatin1String("remaining_s")).toInt(-1));
        }
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
    // The simulator's own words are for the log; the user gets a sentence.
    qCWarning(lcApp) << "demo: simulator ended" << exitCode << status << detail;
    Q_EMIT failed(status == QProcess::CrashExit
                    ? tr("the camera simulator stopped unexpectedly. Restart Vigil with --demo "
                         "to start it again; the log has the details.")
                    : tr("the camera simulator stopped (exit code %1). Restart Vigil with --demo "
                         "to start it again; the log has the details.")
                              .arg(exitCode));
}

} // namespace vigil::demo
