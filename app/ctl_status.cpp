#include "app/ctl_status.h"

#include "app/ctl_application.h"
#include "core/catalog/alert_store.h"
#include "core/control/control_client.h"
#include "core/runtime/app_context.h"
#include "core/runtime/os_user.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

namespace vigil::app {

void CtlStatus::reloadRecorder(const QString& dataDir, const control::Credentials& credentials)
{
    control::ControlClient client(dataDir);
    if (!client.connectToRecorder(2000))
        return;
    if (!credentials.isEmpty() && !client.login(credentials))
        return;
    (void)client.request(QJsonObject {{QStringLiteral("type"), QStringLiteral("reload")}}, 10000);
}

int CtlStatus::run(const QString& dataDir, const control::Credentials& credentials, bool json,
        QTextStream& out, QTextStream& err)
{
    control::ControlClient client(dataDir);
    Result<void> connected = client.connectToRecorder();
    if (connected && !credentials.isEmpty())
        connected = client.login(credentials);
    if (!connected) {
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

int CtlStatus::alerts(runtime::AppContext& context, const QStringList& args, qint64 camera,
        bool json, QTextStream& out, QTextStream& err)
{
    catalog::AlertStore store(context.catalog());
    const QString who = runtime::osUserName();
    if (args.value(0) == QLatin1String("ack") && args.size() == 2) {
        if (args.at(1) == QLatin1String("all")) {
            const Result<int> done = store.acknowledgeAll(who, camera);
            if (!done) {
                err << tr("vigilctl: %1").arg(done.error().message) << Qt::endl;
                return ExitFailed;
            }
            out << (done.value() == 1 ? tr("1 alert acknowledged.")
                                      : tr("%1 alerts acknowledged.").arg(done.value()))
                << Qt::endl;
            return ExitOk;
        }
        bool ok = false;
        const qint64 id = args.at(1).toLongLong(&ok);
        if (!ok) {
            err << tr("vigilctl: \"%1\" is not an alert number; \"vigilctl alerts\" shows them.")
                            .arg(args.at(1))
                << Qt::endl;
            return ExitUsage;
        }
        if (const Result<void> done = store.acknowledge(id, who); !done) {
            err << tr("vigilctl: %1").arg(done.error().message) << Qt::endl;
            return ExitFailed;
        }
        out << tr("Alert %1 acknowledged.").arg(id) << Qt::endl;
        return ExitOk;
    }
    if (!args.isEmpty()) {
        err << tr("vigilctl: Use: alerts [--camera ID] [--json] | alerts ack ID|all") << Qt::endl;
        return ExitUsage;
    }
    const Result<QList<catalog::AlertRecord>> alerts = store.list(camera);
    if (!alerts) {
        err << tr("vigilctl: %1").arg(alerts.error().message) << Qt::endl;
        return ExitFailed;
    }
    if (json) {
        QJsonArray array;
        for (const catalog::AlertRecord& a : alerts.value()) {
            array.append(QJsonObject {{QStringLiteral("id"), a.id},
                    {QStringLiteral("at_ms"), a.atMs}, {QStringLiteral("camera"), a.cameraId},
                    {QStringLiteral("kind"), a.kind}, {QStringLiteral("message"), a.message},
                    {QStringLiteral("acknowledged_ms"), a.acknowledgedMs},
                    {QStringLiteral("acknowledged_by"), a.acknowledgedBy}});
        }
        out << QString::fromUtf8(QJsonDocument(
                QJsonObject {{QStringLiteral("alerts"),
                        array}}).toJson(QJsonDocument::Compact))
            << Qt::endl;
        return ExitOk;
    }
    if (alerts->isEmpty())
        out << tr("No alerts.") << Qt::endl;
    const QLocale locale;
    for (const catalog::AlertRecord& a : alerts.value()) {
        out << tr("%1  %2  %3  %4")
                        .arg(a.id)
                        .arg(locale.toString(
                                     QDateTime::fromMSecsSinceEpoch(a.atMs), QLocale::ShortFormat),
                                a.acknowledgedMs > 0 ? tr("seen by %1").arg(a.acknowledgedBy)
                                                     : tr("NEW"),
                                a.message)
            << Qt::endl;
    }
    return ExitOk;
}

} // namespace vigil::app
