#include "core/runtime/service_installer.h"

#include "core/runtime/data_dir.h"
#include "core/runtime/os_user.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

#include <unistd.h>

namespace vigil::runtime {

namespace {

/// A path as one word of a systemd command line (systemd.service(5), "Command lines").
QString quoted(const QString& path)
{
    if (!path.contains(u' ') && !path.contains(u'"') && !path.contains(u'\\')
            && !path.contains(u'%') && !path.contains(u'$'))
        return path;
    QString escaped = path;
    escaped.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\""));
    escaped.replace(u'%', QLatin1String("%%")).replace(u'$', QLatin1String("$$"));
    return u'"' + escaped + u'"';
}

Result<QString> run(const QString& program, const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        return Error {Error::Code::NotFound,
                ServiceInstaller::tr("\"%1\" cannot be run: %2")
                        .arg(program, process.errorString()),
                {}};
    }
    process.waitForFinished(120000);
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return Error {Error::Code::Unknown,
                ServiceInstaller::tr("\"%1 %2\" failed: %3")
                        .arg(program, args.join(u' '),
                                output.isEmpty() ? ServiceInstaller::tr("exit code %1")
                                                           .arg(process.exitCode())
                                                 : output),
                output};
    }
    return output;
}

} // namespace

ServiceInstaller::Options ServiceInstaller::defaults(
        const QString& recorderPath, const QString& dataDir)
{
    Options options;
    options.recorderPath = QFileInfo(recorderPath).absoluteFilePath();
    if (::geteuid() == 0) {
        options.scope = Scope::System;
        options.dataDir = QLatin1String(DataDir::kServiceDataDir);
        options.unitDir = QStringLiteral("/etc/systemd/system");
    } else {
        options.scope = Scope::User;
        options.dataDir = QFileInfo(dataDir.isEmpty() ? DataDir::defaultPath() : dataDir)
                                  .absoluteFilePath();
        options.unitDir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                + QStringLiteral("/systemd/user");
    }
    return options;
}

QString ServiceInstaller::unitText(const Options& options)
{
    QFile packaged(QStringLiteral(":/packaging/vigil-recorder.service"));
    if (!packaged.open(QIODevice::ReadOnly))
        return {};
    const bool system = options.scope == Scope::System;
    QStringList lines {
            QStringLiteral("# Installed by \"vigilctl service install\"; \"vigilctl service "
                           "uninstall\" removes it (the footage stays).")};
    bool header = true;
    for (const QString& line : QString::fromUtf8(packaged.readAll()).split(u'\n')) {
        if (header && line.startsWith(u'#'))
            continue; // the packaged unit's own comment speaks of the package
        header = false;
        if (line.startsWith(QLatin1String("ExecStart="))) {
            lines << QStringLiteral("ExecStart=%1 --data-dir %2")
                             .arg(quoted(options.recorderPath), quoted(options.dataDir));
            continue;
        }
        if (!system) {
            // A user's service runs as that user, on a folder in their home.
            static const QStringList systemOnly {QStringLiteral("User="), QStringLiteral("Group="),
                    QStringLiteral("StateDirectory"), QStringLiteral("ProtectHome="),
                    QStringLiteral("After=network-online"), QStringLiteral("Wants=network-online")};
            if (std::any_of(systemOnly.cbegin(), systemOnly.cend(),
                        [&](const QString& key) { return line.startsWith(key); }))
                continue;
            if (line == QLatin1String("WantedBy=multi-user.target")) {
                lines << QStringLiteral("WantedBy=default.target");
                continue;
            }
        }
        lines << line;
    }
    return lines.join(u'\n');
}

bool ServiceInstaller::systemdRunning(const Options& options)
{
    if (options.scope == Scope::System)
        return QFileInfo::exists(QStringLiteral("/run/systemd/system"));
    // The user's manager answers only while it runs (a login session, or lingering).
    return systemctl(options, {QStringLiteral("show-environment")}).ok();
}

Result<QString> ServiceInstaller::systemctl(const Options& options, const QStringList& args)
{
    return run(options.systemctl,
            options.scope == Scope::User ? QStringList {QStringLiteral("--user")} + args : args);
}

Result<void> ServiceInstaller::install(const Options& options, QStringList* done)
{
    const bool system = options.scope == Scope::System;
    if (!QFileInfo(options.recorderPath).isExecutable()) {
        return Error {Error::Code::NotFound,
                tr("There is no vigil-recorder at %1.")
                        .arg(QDir::toNativeSeparators(options.recorderPath)),
                {}};
    }
    if (system) {
        // The service cannot see home folders (ProtectHome), and runs as "vigil".
        for (const char* hidden : {"/home/", "/root/", "/run/user/"}) {
            if (options.recorderPath.startsWith(QLatin1String(hidden))) {
                return Error {Error::Code::InvalidArgument,
                        tr("Vigil is in a home folder (%1), which the system service cannot "
                           "see. Unpack it elsewhere (for example /opt/vigil), or install a "
                           "service for your own user by running this command without root.")
                                .arg(QFileInfo(options.recorderPath).absolutePath()),
                        {}};
            }
        }
    }
    const QString text = unitText(options);
    if (text.isEmpty())
        return Error {
                Error::Code::Corrupt, tr("Vigil's service unit is missing from vigilctl."), {}};

    if (system
            && !run(QStringLiteral("getent"),
                    {QStringLiteral("passwd"), QLatin1String(kServiceUser)})) {
        // No user "vigil" yet: created as the package creates it.
        const Result<QString> added = run(QStringLiteral("adduser"),
                {QStringLiteral("--system"), QStringLiteral("--group"), QStringLiteral("--home"),
                        options.dataDir, QStringLiteral("--no-create-home"),
                        QStringLiteral("--gecos"), QStringLiteral("Vigil recording service"),
                        QLatin1String(kServiceUser)});
        if (!added)
            return added.error();
        *done << tr("Created the system user \"%1\"; people who use the window join its group "
                    "(adduser NAME %1).")
                         .arg(QLatin1String(kServiceUser));
    }
    if (system) {
        const Result<QString> folder = run(QStringLiteral("install"),
                {QStringLiteral("-d"), QStringLiteral("-o"), QLatin1String(kServiceUser),
                        QStringLiteral("-g"), QLatin1String(kServiceUser), QStringLiteral("-m"),
                        QStringLiteral("0770"), options.dataDir});
        if (!folder)
            return folder.error();
    } else if (!QDir().mkpath(options.dataDir)) {
        return Error {Error::Code::NotWritable,
                tr("The data folder %1 cannot be created.")
                        .arg(QDir::toNativeSeparators(options.dataDir)),
                {}};
    }

    const QString unitPath = options.unitDir + u'/' + QLatin1String(kUnitName);
    QDir().mkpath(options.unitDir);
    QSaveFile unit(unitPath);
    if (!unit.open(QIODevice::WriteOnly) || unit.write(text.toUtf8() + '\n') < 0
            || !unit.commit()) {
        return Error {Error::Code::NotWritable,
                tr("The service unit %1 cannot be written: %2").arg(unitPath, unit.errorString()),
                {}};
    }
    QFile::setPermissions(unitPath,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                    | QFileDevice::ReadOther);
    *done << tr("Wrote %1 (records %2).").arg(unitPath, options.dataDir);

    if (!systemdRunning(options)) {
        return Error {Error::Code::Unsupported,
                system ? tr("systemd is not running on this computer, so the service cannot "
                            "start. Until it can, record with: %1 --data-dir %2")
                                 .arg(options.recorderPath, options.dataDir)
                       : tr("Your user's systemd is not running (no login session), so the "
                            "service cannot start. Until it can, record with: %1 --data-dir %2")
                                 .arg(options.recorderPath, options.dataDir),
                {}};
    }
    for (const QStringList& args : {QStringList {QStringLiteral("daemon-reload")},
                 QStringList {QStringLiteral("enable"), QStringLiteral("--now"),
                         QLatin1String(kUnitName)}}) {
        if (const Result<QString> r = systemctl(options, args); !r)
            return r.error();
    }
    *done << tr("Enabled and started %1: it records from now on, and after every restart.")
                     .arg(QLatin1String(kUnitName));
    if (!system) {
        *done << tr("It runs while you are logged in; to record before anyone logs in, run "
                    "\"loginctl enable-linger %1\" (or install it as root, as a system service).")
                         .arg(osUserName());
    }
    return {};
}

Result<void> ServiceInstaller::uninstall(const Options& options, QStringList* done)
{
    const QString unitPath = options.unitDir + u'/' + QLatin1String(kUnitName);
    if (!QFileInfo::exists(unitPath)) {
        return Error {Error::Code::NotFound,
                tr("Vigil's service is not installed here (%1 does not exist).").arg(unitPath), {}};
    }
    const bool running = systemdRunning(options);
    if (running) {
        if (const Result<QString> r = systemctl(options,
                    {QStringLiteral("disable"), QStringLiteral("--now"), QLatin1String(kUnitName)});
                !r)
            return r.error();
        *done << tr("Stopped and disabled %1.").arg(QLatin1String(kUnitName));
    }
    if (!QFile::remove(unitPath)) {
        return Error {Error::Code::NotWritable, tr("%1 cannot be removed.").arg(unitPath), {}};
    }
    if (running)
        (void)systemctl(options, {QStringLiteral("daemon-reload")});
    *done << tr("Removed %1. The footage and the catalog stay in %2.")
                     .arg(unitPath, QDir::toNativeSeparators(options.dataDir));
    return {};
}

ServiceInstaller::State ServiceInstaller::state(const Options& options)
{
    State state;
    state.unitPath = options.unitDir + u'/' + QLatin1String(kUnitName);
    state.installed = QFileInfo::exists(state.unitPath);
    state.systemdRunning = systemdRunning(options);
    if (state.systemdRunning) {
        // is-enabled and is-active answer with a word, and exit non-zero for most of them.
        for (auto [args, field] : {std::pair {QStringLiteral("is-enabled"), &state.enabled},
                     std::pair {QStringLiteral("is-active"), &state.active}}) {
            const Result<QString> r = systemctl(options, {args, QLatin1String(kUnitName)});
            *field = r ? r.value() : r.error().detail.section(u'\n', 0, 0);
        }
    }
    return state;
}

} // namespace vigil::runtime
