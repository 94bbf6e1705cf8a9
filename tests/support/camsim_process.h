#pragma once

// Starts vigil-camsim for a test and stops it (SIGTERM, then kill) when the test is done.
// The footage cache is shared by every test of a build (prepared by the camsim_cache fixture).

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QUuid>

#include <csignal>

namespace vigil::test {

class CamsimProcess
{
public:
    static QString cacheDir() { return QStringLiteral(VIGIL_BUILD_DIR "/camsim-cache"); }

    ~CamsimProcess() { stop(); }

    /// Starts `--cameras N --print-endpoints` plus `extraArgs`; true when every camera's endpoint
    /// line arrived within `timeoutMs`.
    bool start(int cameras, const QStringList& extraArgs = {}, int timeoutMs = 120000)
    {
        m_expected = cameras;
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setProgram(QStringLiteral(VIGIL_BIN_DIR "/vigil-camsim"));
        QStringList args {QStringLiteral("--cameras"), QString::number(cameras),
                QStringLiteral("--print-endpoints"), QStringLiteral("--cache-dir"), cacheDir()};
        // Simulators of parallel tests share 127.0.0.1: each is its own site unless told.
        if (!extraArgs.contains(QStringLiteral("--site")))
            args << QStringLiteral("--site") << QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_process.setArguments(args + extraArgs);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        QDeadlineTimer deadline(timeoutMs);
        while (m_endpoints.size() < cameras && !deadline.hasExpired()) {
            if (m_process.state() != QProcess::Running)
                break;
            if (!m_process.canReadLine()
                    && !m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                continue;
            while (m_process.canReadLine()) {
                const QJsonObject o = QJsonDocument::fromJson(m_process.readLine()).object();
                if (o.contains(QLatin1String("device_service")))
                    m_endpoints << o;
            }
        }
        if (m_endpoints.size() < cameras)
            qWarning(
                    "vigil-camsim did not start: %s", m_process.readAllStandardError().constData());
        return m_endpoints.size() == cameras;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    QProcess& process() { return m_process; }
    QList<QJsonObject> endpoints() const { return m_endpoints; }
    QString endpoint(int camera, const char* key) const
    {
        return m_endpoints.value(camera).value(QLatin1String(key)).toString();
    }

private:
    QProcess m_process;
    QList<QJsonObject> m_endpoints;
    int m_expected = 0;
};

/// ffprobe's view of an RTSP stream's video: "h264 1920x1080", or "error: …".
inline QString probeVideo(const QString& url, const QString& transport = QStringLiteral("tcp"))
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-rtsp_transport"),
                    transport, QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                    QStringLiteral("-show_entries"),
                    QStringLiteral("stream=codec_name,width,height"), QStringLiteral("-of"),
                    QStringLiteral("csv=p=0:s=x"), url});
    if (!p.waitForFinished(30000))
        return QStringLiteral("timeout");
    if (p.exitCode() != 0)
        return QStringLiteral("error: ") + QString::fromUtf8(p.readAllStandardError()).trimmed();
    const QStringList parts = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(u'x');
    return parts.size() == 3 ? parts.at(0) + u' ' + parts.at(1) + u'x' + parts.at(2)
                             : parts.join(u'x');
}

/// rtsp://host/path → rtsp://user:password@host/path (percent-encoded), for ffmpeg and ffprobe.
inline QString withCredentials(const QString& url, const QString& user, const QString& password)
{
    QUrl u(url);
    u.setUserName(user);
    u.setPassword(password);
    return u.toString(QUrl::FullyEncoded);
}

} // namespace vigil::test
