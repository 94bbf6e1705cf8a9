#include "app/ctl_application.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/settings_store.h"
#include "core/runtime/app_context.h"
#include "core/runtime/command_line.h"
#include "core/runtime/library_versions.h"
#include "core/runtime/translations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStorageInfo>
#include <QTextStream>

namespace vigil::app {

namespace {

class Ctl
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::Ctl)

public:
    int run(const QStringList& arguments);

private:
    int info();
    int settingsCommand(const QStringList& args);
    int usage(const QString& message);
    int failed(const Error& error);
    void printJson(const QJsonObject& object);

    QCommandLineParser m_parser;
    std::unique_ptr<runtime::AppContext> m_context;
    QTextStream m_out {stdout};
    QTextStream m_err {stderr};
};

int Ctl::run(const QStringList& arguments)
{
    runtime::installTranslations(
            runtime::chooseLocale(runtime::CommandLine::preScanLang(arguments), {}));

    m_parser.setApplicationDescription(
            tr("Vigil command line.\n\nCommands:\n"
               "  info                   Data folder, catalog and library versions\n"
               "  settings list          Settings with their values\n"
               "  settings get KEY       Print one setting\n"
               "  settings set KEY VALUE Change a setting\n"
               "  settings unset KEY     Return a setting to its default"));
    runtime::CommandLine::addCommonOptions(m_parser);
    m_parser.addOption(
            QCommandLineOption(QStringLiteral("json"), tr("Print machine-readable JSON.")));
    m_parser.addOption(QCommandLineOption(QStringLiteral("lock-timeout"),
            tr("Seconds to wait for a catalog locked by another program (default: 5)."),
            tr("seconds"), QStringLiteral("5")));
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
    if (command != QLatin1String("info") && command != QLatin1String("settings"))
        return usage(tr("Unknown command \"%1\".").arg(command));

    runtime::AppContext::Options options;
    options.dataDir = runtime::CommandLine::commonOptions(m_parser).dataDir;
    options.ownership = runtime::AppContext::Ownership::Shared;
    options.busyTimeoutMs = int(lockTimeout * 1000);
    options.logBaseName = QStringLiteral("vigilctl");
    options.consoleMinLevel = QtWarningMsg;
    Result<std::unique_ptr<runtime::AppContext>> context = runtime::AppContext::open(options);
    if (!context) {
        m_err << tr("vigilctl: %1").arg(context.error().message) << Qt::endl;
        return ExitCannotOpen;
    }
    m_context = std::move(context).value();

    if (command == QLatin1String("info"))
        return info();
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

} // namespace

int runCtl(QCoreApplication& application)
{
    Q_UNUSED(application);
    runtime::CommandLine::setApplicationIdentity();
    Ctl ctl;
    return ctl.run(QCoreApplication::arguments());
}

} // namespace vigil::app
