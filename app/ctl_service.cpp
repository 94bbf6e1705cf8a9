#include "app/ctl_service.h"

#include "app/ctl_application.h"
#include "core/control/control_client.h"
#include "core/runtime/service_installer.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace vigil::app {

int CtlService::run(const QStringList& args, const QString& dataDir, bool json, QTextStream& out,
        QTextStream& err)
{
    using runtime::ServiceInstaller;
    const QString command = args.value(0);
    if (args.size() != 1
            || (command != QLatin1String("install") && command != QLatin1String("uninstall")
                    && command != QLatin1String("status"))) {
        err << tr("vigilctl: Use: service install | uninstall | status") << Qt::endl;
        return ExitUsage;
    }
    const ServiceInstaller::Options options = ServiceInstaller::defaults(
            QCoreApplication::applicationDirPath() + QStringLiteral("/vigil-recorder"), dataDir);
    const bool system = options.scope == ServiceInstaller::Scope::System;

    if (command == QLatin1String("status")) {
        const ServiceInstaller::State state = ServiceInstaller::state(options);
        const bool answering = control::ControlClient(options.dataDir).connectToRecorder(2000).ok();
        if (json) {
            out << QJsonDocument(QJsonObject {{QStringLiteral("scope"),
                                                      system ? QStringLiteral("system")
                                                             : QStringLiteral("user")},
                                         {QStringLiteral("unit"), state.unitPath},
                                         {QStringLiteral("installed"), state.installed},
                                         {QStringLiteral("systemd_running"), state.systemdRunning},
                                         {QStringLiteral("enabled"), state.enabled},
                                         {QStringLiteral("active"), state.active},
                                         {QStringLiteral("data_dir"), options.dataDir},
                                         {QStringLiteral("recorder_answers"), answering}})
                            .toJson(QJsonDocument::Indented);
            return ExitOk;
        }
        out << (system ? tr("System service: %1").arg(state.unitPath)
                       : tr("Service of this user: %1").arg(state.unitPath))
            << Qt::endl;
        out << (state.installed ? tr("  installed") : tr("  not installed")) << Qt::endl;
        if (state.systemdRunning)
            out << tr("  enabled: %1, active: %2").arg(state.enabled, state.active) << Qt::endl;
        else
            out << tr("  systemd is not running here") << Qt::endl;
        out << tr("  data folder: %1").arg(QDir::toNativeSeparators(options.dataDir)) << Qt::endl;
        out << (answering ? tr("  a recorder answers on this data folder")
                          : tr("  no recorder answers on this data folder"))
            << Qt::endl;
        return ExitOk;
    }

    QStringList done;
    const Result<void> result = command == QLatin1String("install")
            ? ServiceInstaller::install(options, &done)
            : ServiceInstaller::uninstall(options, &done);
    for (const QString& line : std::as_const(done))
        out << line << Qt::endl;
    if (!result) {
        err << tr("vigilctl: %1").arg(result.error().message) << Qt::endl;
        return ExitFailed;
    }
    return ExitOk;
}

} // namespace vigil::app
