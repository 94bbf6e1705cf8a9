#include "app/gui_application.h"

#include "core/catalog/catalog.h"
#include "core/catalog/settings_store.h"
#include "core/logging_categories.h"
#include "core/runtime/app_context.h"
#include "core/runtime/command_line.h"
#include "core/runtime/termination_watcher.h"
#include "core/runtime/translations.h"
#include "core/status/system_status.h"
#include "widgets/main_window.h"
#include "widgets/startup_error_dialog.h"

#include <QApplication>
#include <QCommandLineParser>

namespace vigil::app {

GuiApplication::GuiApplication(QObject* parent)
    : QObject(parent)
{ }

GuiApplication::~GuiApplication()
{
    // The window uses the status and the catalog: destroy it first.
    m_window.reset();
    m_status.reset();
    m_context.reset();
}

namespace {

void setUpParser(QCommandLineParser& parser, const QStringList& arguments)
{
    // Translators first, so --help and every error below are in the user's language.
    runtime::installTranslations(
            runtime::chooseLocale(runtime::CommandLine::preScanLang(arguments), {}));
    parser.setApplicationDescription(
            GuiApplication::tr("Vigil: video management for small municipalities."));
    runtime::CommandLine::addCommonOptions(parser);
}

} // namespace

std::optional<int> runWithoutDisplay(int argc, char* argv[])
{
    bool asked = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        asked = asked || arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h"
                || arg == "--help-all" || arg == "-?";
    }
    if (!asked)
        return std::nullopt;
    QCoreApplication application(argc, argv);
    runtime::CommandLine::setApplicationIdentity();
    QCommandLineParser parser;
    setUpParser(parser, QCoreApplication::arguments());
    parser.process(application); // prints and exits
    return 0;
}

Result<void> GuiApplication::start(const QStringList& arguments)
{
    QCommandLineParser parser;
    setUpParser(parser, arguments);
    parser.process(arguments);
    const runtime::CommonOptions common = runtime::CommandLine::commonOptions(parser);

    runtime::AppContext::Options options;
    options.dataDir = common.dataDir;
    options.ownership = runtime::AppContext::Ownership::Exclusive;
    Result<std::unique_ptr<runtime::AppContext>> context = runtime::AppContext::open(options);
    if (!context)
        return context.error();
    m_context = std::move(context).value();

    if (common.lang.isEmpty()) {
        const QString saved = m_context->settings()
                                      .value(QLatin1String(catalog::settings::kUiLanguage))
                                      .toString();
        if (!saved.isEmpty())
            runtime::installTranslations(runtime::chooseLocale({}, saved));
    }

    m_status = std::make_unique<status::SystemStatus>(
            m_context->dataDir().path(), &m_context->cameras());

    widgets::PageContext pages;
    pages.status = m_status.get();
    pages.settings = &m_context->settings();
    pages.dataDir = m_context->dataDir().path();
    pages.catalogPath = m_context->catalog().path();
    pages.schemaVersion = m_context->catalog().schemaVersion();
    m_window = std::make_unique<widgets::MainWindow>(pages);
    m_window->show();

    m_termination = std::make_unique<runtime::TerminationWatcher>();
    qCInfo(lcApp) << "main window shown";
    return {};
}

int runGui(QApplication& application)
{
    runtime::CommandLine::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Vigil"));
    QApplication::setDesktopFileName(QStringLiteral("vigil"));

    GuiApplication gui;
    const Result<void> started = gui.start(QCoreApplication::arguments());
    if (!started) {
        qCCritical(lcApp).noquote() << started.error().fullText();
        widgets::showStartupError(started.error());
        return 2;
    }
    return application.exec();
}

} // namespace vigil::app
