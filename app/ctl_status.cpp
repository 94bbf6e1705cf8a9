#include "app/ctl_status.h"

#include "app/ctl_application.h"
#include "core/control/control_client.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace vigil::app {

void CtlStatus::reloadRecorder(const QString& dataDir)
{
    control::ControlClient client(dataDir);
    if (client.connectToRecorder(2000))
        (void)client.request(
                QJsonObject {{QStringLiteral("type"), QStringLiteral("reload")}}, 10000);
}

int CtlStatus::run(const QString& dataDir, bool json, QTextStream& out, QTextStream& err)
{
    control::ControlClient client(dataDir);
    if (Result<void> connected = client.connectToRecorder(); !connected) {
        err << tr("vigilctl: %1").arg(connected.error().message) << Qt::endl;
        return ExitFailed;
    }
    const Result<QJsonObject> status
            = client.request(QJsonObject {{QStringLiteral("type"), QStringLiteral("status")}});
    if (!status) {
        err << tr("vigilctl: %1").arg(status.error().message) << Qt::endl;
        return ExitFailed;
    }
    QJsonObject s = status.value();
    s.remove(QStringLiteral("id"));
    s.remove(QStringLiteral("type"));
    if (json) {
        out << QString::fromUtf8(QJsonDocument(s).toJson(QJsonDocument::Compact)) << Qt::endl;
        return ExitOk;
    }
    const QJsonObject recorder = s.value(QLatin1String("recorder")).toObject();
    const QJsonObject summary = s.value(QLatin1String("summary")).toObject();
    out << tr("Recorder %1 (process %2), running since %3.")
                    .arg(recorder.value(QLatin1String("version")).toString())
                    .arg(recorder.value(QLatin1String("pid")).toInteger())
                    .arg(QLocale().toString(
                            QDateTime::fromMSecsSinceEpoch(
                                    recorder.value(QLatin1String("started_ms")).toInteger()),
                            QLocale::ShortFormat))
        << Qt::endl;
    out << tr("%1 cameras: %2 online, %3 recording.")
                    .arg(summary.value(QLatin1String("cameras")).toInt())
                    .arg(summary.value(QLatin1String("cameras_online")).toInt())
                    .arg(summary.value(QLatin1String("cameras_recording")).toInt())
        << Qt::endl;
    if (summary.value(QLatin1String("storage_blocked")).toBool())
        out << tr("Recording has STOPPED: the disk is full of footage under legal hold.")
            << Qt::endl;
    for (const QJsonValue& v : s.value(QLatin1String("cameras")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString state = c.value(QLatin1String("recording")).toBool() ? tr("recording")
                : c.value(QLatin1String("online")).toBool() ? tr("online, not recording")
                                                            : tr("offline");
        out << tr("  %1 %2: %3")
                        .arg(c.value(QLatin1String("id")).toInteger())
                        .arg(c.value(QLatin1String("name")).toString(), state);
        if (const QString error = c.value(QLatin1String("error")).toString(); !error.isEmpty())
            out << tr(" (%1)").arg(error);
        out << Qt::endl;
    }
    const QJsonArray alerts = s.value(QLatin1String("alerts")).toArray();
    if (!alerts.isEmpty())
        out << tr("Alerts, newest first:") << Qt::endl;
    for (const QJsonValue& v : alerts) {
        const QJsonObject a = v.toObject();
        out << tr("  %1  %2")
                        .arg(QLocale().toString(
                                     QDateTime::fromMSecsSinceEpoch(
                                             a.value(QLatin1String("at_ms")).toInteger()),
                                     QLocale::ShortFormat),
                                a.value(QLatin1String("message")).toString())
            << Qt::endl;
    }
    return ExitOk;
}

} // namespace vigil::app
