#include "app/recorder_application.h"

#include "app/ctl_application.h"
#include "core/control/recorder_service.h"
#include "core/recording/recording_engine.h"
#include "core/runtime/app_context.h"
#include "core/runtime/command_line.h"
#include "core/runtime/termination_watcher.h"
#include "core/runtime/translations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

#include <cstdio>

namespace vigil::app {

namespace {

class Recorder
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::Recorder)

public:
    int run(const QStringList& arguments)
    {
        QTextStream err(stderr);
        runtime::installTranslations(
                runtime::chooseLocale(runtime::CommandLine::preScanLang(arguments), {}));
        QCommandLineParser parser;
        parser.setApplicationDescription(
                tr("Vigil's recording service: records every camera of a data folder, keeps "
                   "its retention, and answers the window and vigilctl on a local socket. "
                   "SIGTERM stops it cleanly; SIGHUP reads cameras and settings again."));
        runtime::CommandLine::addCommonOptions(parser);
        parser.process(arguments);

        runtime::AppContext::Options options;
        options.dataDir = runtime::CommandLine::commonOptions(parser).dataDir;
        options.ownership = runtime::AppContext::Ownership::Exclusive;
        options.logBaseName = QStringLiteral("vigil-recorder");
        options.consoleMinLevel = QtWarningMsg;
        Result<std::unique_ptr<runtime::AppContext>> context = runtime::AppContext::open(options);
        if (!context) {
            err << tr("vigil-recorder: %1").arg(context.error().message) << Qt::endl;
            return ExitCannotOpen;
        }
        // Alerts are written in the language the folder's people chose (Settings → Language),
        // whatever the service's own locale: the window shows them as they were raised.
        runtime::installFolderLanguage(
                context.value()->settings(), runtime::CommandLine::preScanLang(arguments));
        control::RecorderService service(*context.value());
        int exitCode = ExitOk;
        QObject::connect(&service, &control::RecorderService::failed, &service,
                [&err, &exitCode](const Error& error) {
                    err << tr("vigil-recorder: %1").arg(error.message) << Qt::endl;
                    exitCode = ExitFailed;
                    QCoreApplication::exit(ExitFailed);
                });
        QObject::connect(
                &service, &control::RecorderService::ready, &service, [&err, &service, &context] {
                    err << tr("vigil-recorder: recording %1 cameras into %2.")
                                    .arg(service.engine().summary().cameras)
                                    .arg(QDir::toNativeSeparators(
                                            context.value()->dataDir().recordingsPath()))
                        << Qt::endl;
                });
        if (const Result<void> starting = service.start(); !starting) {
            err << tr("vigil-recorder: %1").arg(starting.error().message) << Qt::endl;
            return ExitFailed;
        }
        // A stop asked for during the crash repair is obeyed too: the loop runs meanwhile.
        runtime::TerminationWatcher watcher(nullptr, runtime::TerminationWatcher::Hangup::Reload);
        QObject::connect(&watcher, &runtime::TerminationWatcher::reloadRequested, &service,
                &control::RecorderService::reload);
        QCoreApplication::exec();
        service.stop();
        return exitCode;
    }
};

} // namespace

int runRecorder(QCoreApplication& application)
{
    Q_UNUSED(application);
    runtime::CommandLine::setApplicationIdentity();
    Recorder recorder;
    return recorder.run(QCoreApplication::arguments());
}

} // namespace vigil::app
