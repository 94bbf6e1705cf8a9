#include "app/ctl_application.h"

#include "app/ctl_evidence.h"
#include "app/ctl_p.h"
#include "app/ctl_privacy.h"
#include "app/ctl_recording.h"
#include "app/ctl_security.h"
#include "app/ctl_service.h"
#include "app/ctl_status.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/settings_store.h"
#include "core/runtime/app_context.h"
#include "core/runtime/command_line.h"
#include "core/runtime/data_dir.h"
#include "core/runtime/library_versions.h"
#include "core/runtime/log_file.h"
#include "core/runtime/translations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStorageInfo>
#include <QTextStream>

namespace vigil::app {

namespace {

/// Commands that only read: they also work on a data folder this user may not write (the
/// recorder's folder seen by a member of its group, a read-only copy).
bool onlyReads(const QString& command, const QStringList& args)
{
    const QString sub = args.value(0);
    return command == QLatin1String("info") || command == QLatin1String("segments")
            || command == QLatin1String("storage")
            || (command == QLatin1String("alerts") && sub.isEmpty())
            || (command == QLatin1String("camera") && sub == QLatin1String("list"))
            || (command == QLatin1String("settings")
                    && (sub == QLatin1String("list") || sub == QLatin1String("get")));
}

} // namespace

int Ctl::run(const QStringList& arguments)
{
    runtime::installTranslations(
            runtime::chooseLocale(runtime::CommandLine::preScanLang(arguments), {}));

    m_parser.setApplicationDescription(tr(
            "Vigil command line.\n\nCommands:\n"
            "  info                   Data folder, catalog and library versions\n"
            "  settings list          Settings with their values\n"
            "  settings get KEY       Print one setting\n"
            "  settings set KEY VALUE Change a setting\n"
            "  settings unset KEY     Return a setting to its default\n"
            "  discover               Find ONVIF cameras (WS-Discovery)\n"
            "  probe URL              Read an ONVIF camera's identity, streams and capabilities\n"
            "  camera add URL         Add a camera (ONVIF address, or an rtsp:// URL)\n"
            "  camera list            The cameras Vigil knows\n"
            "  camera remove ID       Remove a camera (its recordings stay until retention)\n"
            "  camera record ID       How a camera records: --mode, --schedule, --retention-days, "
            "--pre-roll, --post-roll\n"
            "  record                 Record every camera until stopped (or --duration S)\n"
            "  status                 The running recorder's cameras, streams and alerts\n"
            "  service install        Run the recorder as a systemd service (system service as "
            "root, else this user's); \"service uninstall\", \"service status\"\n"
            "  alerts [--camera ID]   Alerts, newest first; \"alerts ack ID|all\" acknowledges\n"
            "  segments --camera ID   Recordings of a camera [--from T --to T]\n"
            "  storage                Space used, free and held; days kept per camera\n"
            "  catalog rebuild        Recreate the recordings index from the files\n"
            "  hold add               Keep footage for a case: --camera ID --from T --to T --case "
            "C\n"
            "  user add NAME          Add a user (--role); \"user list\", \"user disable NAME\", "
            "\"user enable NAME\", \"user passwd NAME\"\n"
            "  audit list             The audit log, newest first [--by USER --action A --camera "
            "ID]\n"
            "  audit verify           Check that no audit row was changed, removed or reordered\n"
            "  report transparency    Counts a town can publish: --from T --to T --out "
            "FILE.csv|json\n"
            "  export                 An evidence package: --camera ID[,ID] --from T --to T --out "
            "FOLDER --case C --reason R [--redact faces,plates [--effect solid|pixelate|blur] "
            "[--thorough]] [--original [--approver USER]] [--zip]\n"
            "  verify FOLDER          Check an evidence package's hashes and signature (exit 0: "
            "it holds; 1: it does not)\n"
            "  redact --replay FOLDER Render a package's redacted videos again and compare their "
            "SHA-256 (exit 0: identical)"));
    runtime::CommandLine::addCommonOptions(m_parser);
    m_parser.addOption(
            QCommandLineOption(QStringLiteral("json"), tr("Print machine-readable JSON.")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("lock-timeout"),
            tr("Seconds to wait for a catalog locked by another program (default: 5)."),
            tr("seconds"), QStringLiteral("5")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("interface"),
            tr("discover: probe only from this local address (repeatable; default: every network "
               "interface)."),
            tr("address")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("timeout"),
            tr("discover: seconds to collect answers; probe: seconds to wait for each answer."),
            tr("seconds")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("user"), tr("User name for the camera."), tr("user")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("password"),
            tr("Password for the camera. Visible to other users in the process list: prefer "
               "--password-file, the VIGIL_CAMERA_PASSWORD environment variable, or typing it "
               "when asked (with --user and no password given, on a terminal)."),
            tr("password")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("password-file"),
            tr("Read the camera's password from the first line of this file."), tr("file")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("address"),
            tr("discover: ask only this camera address, by unicast (repeatable; for networks that "
               "drop multicast)."),
            tr("address")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("no-rewrite"),
            tr("discover, probe, camera add: use the addresses the camera advertises, even when "
               "they differ "
               "from the one it "
               "was reached on (setting onvif/rewriteAddresses).")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("name"), tr("camera add: the camera's name."), tr("name")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("duration"),
            tr("record: stop after this many seconds."), tr("seconds")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("camera"),
            tr("segments, hold add: the camera's number (vigilctl camera list)."), tr("id")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("from"),
            tr("segments, hold add: start, as 2026-11-29T14:30 (local) or …Z (UTC)."), tr("time")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("to"), tr("segments, hold add: end, like --from."), tr("time")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("case"), tr("hold add: the case or reference number."), tr("case")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("note"), tr("hold add: a note kept with the hold."), tr("text")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("mode"),
            tr("camera record: off, continuous, motion or schedule."), tr("mode")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("schedule"),
            tr("camera record: seven comma-separated groups of 24 hours (Monday first), each hour "
               "- (off), C (continuous) or M (motion)."),
            tr("schedule")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("retention-days"),
            tr("camera record: days of footage to keep (0: no age limit)."), tr("days")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("pre-roll"),
            tr("camera record: seconds recorded before motion."), tr("seconds")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("post-roll"),
            tr("camera record: seconds recorded after motion."), tr("seconds")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("login"),
            tr("Your Vigil user (needed once an administrator exists); the password comes from "
               "$VIGIL_PASSWORD, --login-password-file or the terminal."),
            tr("user")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("login-password-file"),
            tr("Read your Vigil password from the first line of this file."), tr("file")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("role"),
            tr("user add: administrator, supervisor, clerk or viewer."), tr("role")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("display-name"), tr("user add: the person's full name."), tr("name")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("by"), tr("audit list: only this user's rows."), tr("user")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("action"), tr("audit list: only rows of this action."), tr("action")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("out"),
            tr("report transparency: the file to write; export: the package's new folder."),
            tr("file")));
    m_parser.addOption(QCommandLineOption(
            QStringLiteral("reason"), tr("export: why the footage is released."), tr("text")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("original"),
            tr("export: include the original (unredacted) recording; needs a supervisor.")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("redact"),
            tr("export: what to hide in a redacted video: faces, plates, or faces,plates."),
            tr("what")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("effect"),
            tr("export: how: solid (default), pixelate or blur."), tr("effect"),
            QStringLiteral("solid")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("thorough"),
            tr("export: look for smaller faces on every frame (several times slower).")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("zip"),
            tr("export: the package as one .zip file too, beside its folder.")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("replay"),
            tr("redact: render a package's redacted videos again and compare them.")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("approver"),
            tr("export: the supervisor approving an original (password from "
               "$VIGIL_APPROVER_PASSWORD or the terminal)."),
            tr("user")));
    m_parser.addPositionalArgument(
            QStringLiteral("command"), tr("The command to run."), tr("command [arguments…]"));
    m_parser.process(arguments);

    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty())
        return usage(tr("No command given."));

    bool ok = false;
    const double lockTimeout = m_parser.value(QStringLiteral("lock-timeout")).toDouble(&ok);
    if (!ok || lockTimeout < 0)
        return usage(tr("--lock-timeout takes a number of seconds."));

    const QString command = positional.first();
    if (command == QLatin1String("discover") || command == QLatin1String("probe")) {
        // No catalog needed; details still go to the log file, not to the terminal.
        const Result<runtime::DataDir> dir = runtime::DataDir::open(
                runtime::CommandLine::commonOptions(m_parser).dataDir.isEmpty()
                        ? runtime::DataDir::defaultPath()
                        : runtime::CommandLine::commonOptions(m_parser).dataDir);
        runtime::LogFile::Options log;
        log.baseName = QStringLiteral("vigilctl");
        log.consoleMinLevel = QtWarningMsg;
        if (dir) {
            log.directory = dir->logsPath();
            m_ownsLog = runtime::LogFile::install(log);
        }
        if (!m_ownsLog)
            QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false"));
    }
    if (command == QLatin1String("status")) { // asks the recorder, which checks the login
        control::Credentials credentials {m_parser.value(QStringLiteral("login")), {}};
        if (!credentials.isEmpty()) {
            int refused = ExitOk;
            const std::optional<QString> password
                    = CtlSecurity::loginPassword(m_parser, credentials.login, m_err, &refused);
            if (!password)
                return refused;
            credentials.password = *password;
        }
        return CtlStatus::run(runtime::CommandLine::commonOptions(m_parser).dataDir.isEmpty()
                        ? runtime::DataDir::defaultPath()
                        : runtime::CommandLine::commonOptions(m_parser).dataDir,
                credentials, m_parser.isSet(QStringLiteral("json")), m_out, m_err);
    }
    if (command == QLatin1String("service"))
        return CtlService::run(positional.mid(1),
                runtime::CommandLine::commonOptions(m_parser).dataDir,
                m_parser.isSet(QStringLiteral("json")), m_out, m_err);
    if (command == QLatin1String("redact"))
        return CtlEvidence::replay(m_parser.isSet(QStringLiteral("replay"))
                        ? QStringList {QStringLiteral("--replay")} + positional.mid(1)
                        : positional.mid(1),
                runtime::CommandLine::commonOptions(m_parser).dataDir,
                m_parser.isSet(QStringLiteral("json")), m_out, m_err);
    if (command == QLatin1String("verify"))
        return CtlEvidence::verify(
                positional.mid(1), m_parser.isSet(QStringLiteral("json")), m_out, m_err);
    if (command == QLatin1String("discover"))
        return discover();
    if (command == QLatin1String("probe"))
        return probe(positional.mid(1));
    if (command != QLatin1String("info") && command != QLatin1String("settings")
            && command != QLatin1String("camera") && command != QLatin1String("alerts")
            && !CtlRecording::handles(command) && !CtlSecurity::handles(command)
            && !CtlEvidence::handles(command))
        return usage(tr("Unknown command \"%1\".").arg(command));

    runtime::AppContext::Options options;
    options.dataDir = runtime::CommandLine::commonOptions(m_parser).dataDir;
    options.ownership = CtlRecording::needsExclusive(command, positional.mid(1))
            ? runtime::AppContext::Ownership::Exclusive
            : runtime::AppContext::Ownership::Shared;
    options.busyTimeoutMs = int(lockTimeout * 1000);
    options.readOnlyFallback = onlyReads(command, positional.mid(1));
    options.logBaseName = QStringLiteral("vigilctl");
    options.consoleMinLevel = QtWarningMsg;
    Result<std::unique_ptr<runtime::AppContext>> context = runtime::AppContext::open(options);
    if (!context) {
        m_err << tr("vigilctl: %1").arg(context.error().message) << Qt::endl;
        return ExitCannotOpen;
    }
    m_context = std::move(context).value();

    // Who runs this: checked against the user's role before anything happens.
    CtlSecurity security(m_parser, *m_context, m_out, m_err);
    int refused = ExitOk;
    const std::optional<security::Principal> who
            = security.session(command, positional.mid(1), &refused);
    if (!who)
        return refused;
    const int code = runCommand(command, positional.mid(1), *who, security);
    if (code == ExitOk && CtlSecurity::changes(command, positional.mid(1)))
        security.audit(*who, command, positional.mid(1));
    return code;
}

int Ctl::runCommand(const QString& command, const QStringList& args, const security::Principal& who,
        CtlSecurity& security)
{
    const QStringList positional = QStringList {command} + args;
    if (CtlSecurity::handles(command))
        return security.run(command, args, who);
    if (command == QLatin1String("info"))
        return info();
    if (command == QLatin1String("alerts"))
        return CtlStatus::alerts(*m_context, positional.mid(1),
                m_parser.value(QStringLiteral("camera")).toLongLong(),
                m_parser.isSet(QStringLiteral("json")), m_out, m_err);
    if (command == QLatin1String("camera")) {
        const int code = cameraCommand(positional.mid(1));
        // A running recorder takes the change at once.
        if (code == ExitOk && positional.value(1) != QLatin1String("list"))
            CtlStatus::reloadRecorder(m_context->dataDir().path(), security.credentials());
        return code;
    }
    if (command == QLatin1String("export"))
        return CtlEvidence::exportPackage(m_parser, *m_context, who, m_out, m_err);
    if (CtlRecording::handles(command))
        return CtlRecording(m_parser, *m_context, m_out, m_err).run(command, positional.mid(1));
    return settingsCommand(positional.mid(1));
}

int Ctl::usage(const QString& message)
{
    m_err << tr("vigilctl: %1").arg(message) << Qt::endl
          << tr("Run \"vigilctl --help\" for the commands.") << Qt::endl;
    return ExitUsage;
}

int Ctl::failed(const Error& error)
{
    m_err << tr("vigilctl: %1").arg(error.message) << Qt::endl;
    return ExitFailed;
}

void Ctl::printJson(const QJsonObject& object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

int Ctl::info()
{
    const runtime::LibraryVersions v = runtime::libraryVersions();
    const QStorageInfo storage(m_context->dataDir().path());
    const Result<int> cameras = m_context->cameras().activeCount();
    if (!cameras)
        return failed(cameras.error());

    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject {
                {QStringLiteral("version"), v.vigil},
                {QStringLiteral("data_dir"), m_context->dataDir().path()},
                {QStringLiteral("catalog"), m_context->catalog().path()},
                {QStringLiteral("schema_version"), m_context->catalog().schemaVersion()},
                {QStringLiteral("cameras"), cameras.value()},
                {QStringLiteral("storage_free_bytes"), storage.bytesAvailable()},
                {QStringLiteral("storage_total_bytes"), storage.bytesTotal()},
                {QStringLiteral("libraries"),
                        QJsonObject {{QStringLiteral("qt"), v.qt},
                                {QStringLiteral("ffmpeg"), v.ffmpeg},
                                {QStringLiteral("opencv"), v.opencv},
                                {QStringLiteral("sqlite"), v.sqlite},
                                {QStringLiteral("libsodium"), v.sodium}}},
        });
        return ExitOk;
    }
    const QLocale locale;
    m_out << runtime::versionLine() << Qt::endl
          << tr("Data folder:    %1").arg(QDir::toNativeSeparators(m_context->dataDir().path()))
          << Qt::endl
          << tr("Catalog:        %1 (version %2)")
                     .arg(QDir::toNativeSeparators(m_context->catalog().path()))
                     .arg(m_context->catalog().schemaVersion())
          << Qt::endl
          << tr("Cameras:        %1").arg(cameras.value()) << Qt::endl
          << tr("Free space:     %1 of %2")
                     .arg(locale.formattedDataSize(storage.bytesAvailable()),
                             locale.formattedDataSize(storage.bytesTotal()))
          << Qt::endl
          << tr("Qt %1, FFmpeg %2, OpenCV %3, SQLite %4, libsodium %5")
                     .arg(v.qt, v.ffmpeg, v.opencv, v.sqlite, v.sodium)
          << Qt::endl;
    return ExitOk;
}

int Ctl::settingsCommand(const QStringList& args)
{
    catalog::SettingsStore& settings = m_context->settings();
    const QString sub = args.value(0);
    if (sub == QLatin1String("list") && args.size() == 1) {
        QStringList keys;
        for (const catalog::SettingSpec& spec : catalog::SettingsStore::knownSettings())
            keys << QLatin1String(spec.key);
        const Result<QStringList> stored = settings.keys();
        if (!stored)
            return failed(stored.error());
        for (const QString& key : stored.value()) {
            if (!keys.contains(key))
                keys << key;
        }
        if (m_parser.isSet(QStringLiteral("json"))) {
            QJsonObject object;
            for (const QString& key : keys)
                object.insert(key, QJsonValue::fromVariant(settings.value(key)));
            printJson(object);
            return ExitOk;
        }
        for (const QString& key : keys) {
            const catalog::SettingSpec* spec = catalog::SettingsStore::spec(key);
            m_out << key << " = " << settings.value(key).toString();
            if (spec)
                m_out << "    # "
                      << QCoreApplication::translate(
                                 "vigil::catalog::SettingsStore", spec->description);
            m_out << Qt::endl;
        }
        return ExitOk;
    }
    if (sub == QLatin1String("get") && args.size() == 2) {
        if (!catalog::SettingsStore::spec(args.at(1)) && !settings.contains(args.at(1)))
            return failed(catalog::SettingsStore::parse(args.at(1), {}).error());
        m_out << settings.value(args.at(1)).toString() << Qt::endl;
        return ExitOk;
    }
    if (sub == QLatin1String("set") && args.size() == 3) {
        const Result<QVariant> value = catalog::SettingsStore::parse(args.at(1), args.at(2));
        if (!value)
            return failed(value.error());
        if (const Result<void> saved = settings.setValue(args.at(1), value.value()); !saved)
            return failed(saved.error());
        return ExitOk;
    }
    if (sub == QLatin1String("unset") && args.size() == 2) {
        if (const Result<void> removed = settings.remove(args.at(1)); !removed)
            return failed(removed.error());
        return ExitOk;
    }
    return usage(tr("Use: settings list | get KEY | set KEY VALUE | unset KEY"));
}

int runCtl(QCoreApplication& application)
{
    Q_UNUSED(application);
    runtime::CommandLine::setApplicationIdentity();
    Ctl ctl;
    return ctl.run(QCoreApplication::arguments());
}

} // namespace vigil::app
