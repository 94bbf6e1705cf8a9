#include "app/gui_application.h"

#include "core/catalog/alert_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/settings_store.h"
#include "core/control/live_feed.h"
#include "core/control/recorder_link.h"
#include "core/demo/simulator_process.h"
#include "core/export/approvals.h"
#include "core/export/requests.h"
#include "core/logging_categories.h"
#include "core/onvif/ws_discovery.h"
#include "core/playback/bookmarks.h"
#include "core/runtime/app_context.h"
#include "core/runtime/command_line.h"
#include "core/runtime/data_dir.h"
#include "core/runtime/os_user.h"
#include "core/runtime/termination_watcher.h"
#include "core/runtime/translations.h"
#include "core/security/session.h"
#include "core/setup/camera_editor.h"
#include "core/status/system_status.h"
#include "widgets/alerts/alerts_dialog.h"
#include "widgets/main_window.h"
#include "widgets/pages/live_page.h"
#include "widgets/pages/settings_page.h"
#include "widgets/security/change_password_dialog.h"
#include "widgets/security/idle_watcher.h"
#include "widgets/security/login_dialog.h"
#include "widgets/setup/setup_wizard.h"
#include "widgets/startup_error_dialog.h"
#include "widgets/status_bar.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QJsonObject>
#include <QMenu>
#include <QPointer>
#include <QStatusBar>

namespace vigil::app {

GuiApplication::GuiApplication(QObject* parent)
    : QObject(parent)
{ }

GuiApplication::~GuiApplication()
{
    m_discovery.reset();
    // A recorder that stops with the window stops before the demo's cameras do: it would
    // otherwise raise "camera ended the stream" for each of them.
    if (m_recorder)
        m_recorder->stopLaunchedRecorder(30000);
    m_simulator.reset();
    // The window uses the status and the catalog: destroy it first.
    m_window.reset();
    m_status.reset();
    m_recorder.reset(); // the recorder itself goes on
    m_alerts.reset();
    m_idle.reset();
    m_session.reset();
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
    parser.addOption(QCommandLineOption(QStringLiteral("demo"),
            GuiApplication::tr("Start with %1 simulated cameras on this computer (nothing is sent "
                               "to the network).")
                    .arg(GuiApplication::kDemoCameras)));
    parser.addOption(QCommandLineOption(QStringLiteral("no-recorder"),
            GuiApplication::tr("Do not start a recorder when none runs for the data folder: the "
                               "window only watches.")));
}

namespace {
const QString kDemoUser = QStringLiteral("demo");
const QString kDemoPassword = QStringLiteral("demo");
} // namespace

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
    // From here on SIGTERM/SIGINT end Vigil cleanly, even during start-up.
    m_termination = std::make_unique<runtime::TerminationWatcher>();
    // A session ending (SIGTERM) asks nothing: an open prompt is closed, and Vigil quits even
    // from inside it (the watcher's own quit() may end only the prompt's event loop).
    connect(m_termination.get(), &runtime::TerminationWatcher::terminationRequested, this, [this] {
        m_terminating = true;
        if (QWidget* modal = QApplication::activeModalWidget())
            modal->close();
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    const runtime::CommonOptions common = runtime::CommandLine::commonOptions(parser);

    const bool demo = parser.isSet(QStringLiteral("demo"));
    runtime::AppContext::Options options;
    options.dataDir = common.dataDir;
    // The demo keeps its catalog apart from a real installation's.
    if (demo && options.dataDir.isEmpty())
        options.dataDir = runtime::DataDir::defaultPath() + QStringLiteral("/demo");
    // The window is a client: the recorder owns the data folder; windows and vigilctl run beside.
    options.ownership = runtime::AppContext::Ownership::Shared;
    Result<std::unique_ptr<runtime::AppContext>> context = runtime::AppContext::open(options);
    if (!context)
        return context.error();
    m_context = std::move(context).value();

    runtime::installFolderLanguage(m_context->settings(), common.lang);
    m_lang = common.lang;

    // Who uses the window: asked before anything of the town's cameras is shown.
    m_session = std::make_unique<security::Session>(
            m_context->catalog(), m_context->dataDir().keysPath(), QStringLiteral("window"));
    if (!logIn()) {
        m_loginDeclined = true;
        return {};
    }

    m_status = std::make_unique<status::SystemStatus>(
            m_context->dataDir().path(), &m_context->cameras());
    m_alerts = std::make_unique<catalog::AlertStore>(m_context->catalog());
    m_status->setAlertStore(m_alerts.get());

    widgets::PageContext pages;
    auto* addCameras
            = new QAction(QIcon(QStringLiteral(":/icons/live.svg")), tr("Add Cameras…"), this);
    connect(addCameras, &QAction::triggered, this, &GuiApplication::showSetupWizard);
    pages.addCamerasAction = addCameras;
    pages.status = m_status.get();
    pages.settings = &m_context->settings();
    pages.cameras = &m_context->cameras();
    m_cameraEditor = std::make_unique<setup::CameraEditor>(
            m_context->cameras(), m_context->dataDir().credentialKeyPath());
    m_cameraEditor->setRewriteAddresses(
            m_context->settings()
                    .value(QLatin1String(catalog::settings::kOnvifRewriteAddresses))
                    .toBool());
    pages.cameraEditor = m_cameraEditor.get();
    m_live = std::make_unique<control::LiveChannel>(m_context->dataDir().path());
    m_live->setCredentials({m_session->login(), m_session->password()});
    pages.live = m_live.get();
    pages.session = m_session.get();
    m_bookmarks = std::make_unique<playback::Bookmarks>(m_context->catalog(), m_session.get());
    pages.bookmarks = m_bookmarks.get();
    m_requests = std::make_unique<evidence::Requests>(m_context->catalog(), m_session.get());
    pages.requests = m_requests.get();
    m_approvals = std::make_unique<evidence::Approvals>(m_context->catalog(), m_session.get());
    pages.approvals = m_approvals.get();
    pages.dataDir = m_context->dataDir().path();
    pages.recordingsPath = m_context->dataDir().recordingsPath();
    pages.catalogPath = m_context->catalog().path();
    pages.schemaVersion = m_context->catalog().schemaVersion();
    m_window = std::make_unique<widgets::MainWindow>(pages);
    createAccountMenu();
    m_window->show();
    if (m_session->isSetupMode())
        m_window->statusBarController()->setProblem(
                tr("No administrator yet: everyone at this computer may do everything. Create "
                   "one in Settings ▸ Users."));
    connect(static_cast<widgets::SettingsPage*>(m_window->page(widgets::PageId::Settings)),
            &widgets::SettingsPage::camerasChanged, this, [this] {
                m_recorder->send({{QStringLiteral("type"), QStringLiteral("reload")}});
                m_status->refresh();
            });

    connect(m_window->statusBarController(), &widgets::StatusBarController::alertsRequested, this,
            &GuiApplication::showAlerts);
    qCInfo(lcApp) << "main window shown";
    // The demo records only while its window (and its simulated cameras) are open; so does
    // an installation set to (recording/onlyWhileWindowOpen), which asks before closing.
    const bool onlyWhileOpen = demo
            || m_context->settings()
                       .value(QLatin1String(catalog::settings::kRecordingOnlyWhileWindowOpen))
                       .toBool();
    startRecording(!parser.isSet(QStringLiteral("no-recorder")), onlyWhileOpen);
    if (onlyWhileOpen && !demo) {
        m_window->setCloseGuard([this] {
            if (m_terminating || !m_recorder->stopsRecordingOnExit())
                return true;
            const int cameras = m_recorder->status()
                                        .value(QLatin1String("summary"))
                                        .toObject()
                                        .value(QLatin1String("cameras"))
                                        .toInt();
            return cameras == 0
                    || widgets::MainWindow::confirmStopRecording(m_window.get(), cameras);
        });
    }
    if (demo)
        startDemo();
    return {};
}

bool GuiApplication::logIn()
{
    const Result<bool> needed = m_session->loginNeeded();
    if (needed && !needed.value()) {
        m_session->startSetupMode();
    } else {
        widgets::LoginDialog dialog(*m_session, widgets::LoginDialog::Mode::Login);
        if (dialog.exec() != QDialog::Accepted)
            return false;
    }
    // Another user (after a lock, or the first administrator created): the recorder's channels
    // log in as them; the window's pages show what they may do.
    connect(m_session.get(), &security::Session::principalChanged, this, [this] {
        const control::Credentials credentials {m_session->login(), m_session->password()};
        if (m_recorder)
            m_recorder->setCredentials(credentials);
        if (m_live)
            m_live->setCredentials(credentials);
        if (m_idle)
            m_idle->setTimeout(idleTimeoutMs());
        if (m_window && !m_session->isSetupMode())
            m_window->statusBarController()->setProblem(QString());
    });
    m_idle = std::make_unique<widgets::IdleWatcher>();
    m_idle->setTimeout(idleTimeoutMs());
    connect(m_idle.get(), &widgets::IdleWatcher::idle, m_session.get(), &security::Session::lock);
    connect(m_session.get(), &security::Session::lockedChanged, this, [this](bool locked) {
        if (locked) // after the signal's other receivers, outside whatever emitted it
            QMetaObject::invokeMethod(
                    this, [this] { lockWindow(true); }, Qt::QueuedConnection);
    });
    return true;
}

int GuiApplication::idleTimeoutMs() const
{
    if (m_session->isSetupMode())
        return 0; // nobody could unlock it
    return m_context->settings()
                   .value(QLatin1String(catalog::settings::kSecurityIdleLockMinutes))
                   .toInt()
            * 60 * 1000;
}

void GuiApplication::lockWindow(bool unlock)
{
    if (m_lockShown || !m_window)
        return;
    m_lockShown = true;
    // Nothing of the town's cameras stays on the screen: the window and every other window.
    m_window->setLocked(true);
    QList<QPointer<QWidget>> hidden;
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (w != m_window.get() && w->isVisible()) {
            hidden << w;
            w->hide();
        }
    }
    widgets::LoginDialog dialog(*m_session,
            unlock ? widgets::LoginDialog::Mode::Unlock : widgets::LoginDialog::Mode::Login,
            m_window.get());
    const bool opened = dialog.exec() == QDialog::Accepted;
    m_lockShown = false;
    if (!opened) {
        m_terminating = true;
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        return;
    }
    for (const QPointer<QWidget>& w : std::as_const(hidden)) {
        if (w)
            w->show();
    }
    m_window->setLocked(false);
    m_idle->restart();
}

void GuiApplication::createAccountMenu()
{
    QMenu* menu = m_window->accountMenu();
    QAction* password = menu->addAction(tr("Change &Password…"), this, [this] {
        widgets::ChangePasswordDialog dialog(*m_session, m_window.get());
        dialog.exec();
    });
    QAction* lock = menu->addAction(tr("&Lock"), m_session.get(), &security::Session::lock);
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction* logOut = menu->addAction(tr("Log &Out"), this, [this] {
        m_session->logOut();
        lockWindow(false);
    });
    const auto update = [this, password, lock, logOut] {
        const bool user = !m_session->isSetupMode();
        password->setEnabled(user);
        lock->setEnabled(user);
        logOut->setEnabled(user);
        m_window->accountMenu()->setTitle(
                user ? tr("&Account (%1)").arg(m_session->login()) : tr("&Account"));
    };
    update();
    connect(m_session.get(), &security::Session::principalChanged, this, update);
}

void GuiApplication::showAlerts()
{
    // The one who acknowledges: the user logged in (in the setup mode, the desktop's user).
    const QString who = m_session->isSetupMode() ? runtime::osUserName() : m_session->login();
    widgets::AlertsDialog dialog(*m_alerts, m_context->cameras(), who, m_window.get());
    connect(&dialog, &widgets::AlertsDialog::acknowledged, m_status.get(),
            &status::SystemStatus::refresh);
    connect(m_recorder.get(), &control::RecorderLink::alertReceived, &dialog,
            &widgets::AlertsDialog::reload);
    dialog.exec();
}

void GuiApplication::showSetupWizard()
{
    widgets::SetupWizard::Options options;
    // In the demo, and only there, discovery stays on this computer.
    options.interfaces = catalog::SettingsStore::discoveryInterfaces(
            m_context->settings()
                    .value(QLatin1String(catalog::settings::kOnvifDiscoveryInterfaces))
                    .toString());
    if (m_simulator) {
        options.interfaces = {QHostAddress(QHostAddress::LocalHost)};
        options.suggestedUser = kDemoUser;
        options.suggestedPassword = kDemoPassword;
    }
    options.recordingsFolder = m_context->dataDir().recordingsPath();
    options.rewriteAddresses
            = m_context->settings()
                      .value(QLatin1String(catalog::settings::kOnvifRewriteAddresses))
                      .toBool();
    options.cameras = &m_context->cameras();
    options.session = m_session.get();
    options.credentialKeyPath = m_context->dataDir().credentialKeyPath();
    widgets::SetupWizard wizard(options, m_window.get());
    wizard.setObjectName(QStringLiteral("setupWizard"));
    connect(&wizard, &widgets::SetupWizard::camerasAdded, this, [this](int count) {
        qCInfo(lcApp) << "setup wizard added" << count << "cameras";
        m_recorder->send({{QStringLiteral("type"), QStringLiteral("reload")}});
        m_status->refresh();
    });
    wizard.exec();
}

void GuiApplication::startRecording(bool launch, bool onlyWhileOpen)
{
    // Recording is the recorder's (vigil-recorder, a service or started here, detached, so that
    // it goes on when the window closes); the window follows it through the control socket.
    m_recorder = std::make_unique<control::RecorderLink>(m_context->dataDir().path());
    m_recorder->setCredentials({m_session->login(), m_session->password()});
    // The packaged service's folder has its recorder run by systemd, as the service's user: a
    // window never starts a second one there as its own user.
    if (launch && m_context->dataDir().path() != QLatin1String(runtime::DataDir::kServiceDataDir)) {
        // It speaks the window's language (its alerts are shown here).
        QStringList arguments {QStringLiteral("--data-dir"), m_context->dataDir().path()};
        if (!m_lang.isEmpty())
            arguments << QStringLiteral("--lang") << m_lang;
        m_recorder->setLauncher(
                QCoreApplication::applicationDirPath() + QStringLiteral("/vigil-recorder"),
                arguments);
        m_recorder->setStopLaunchedOnExit(onlyWhileOpen);
    }
    connect(m_recorder.get(), &control::RecorderLink::recorderLaunched, this,
            [](qint64 pid) { qCInfo(lcApp) << "started the recorder, pid" << pid; });
    m_status->setRecorderLink(m_recorder.get());
    m_recorder->start();
}

void GuiApplication::startDemo()
{
    m_window->setWindowTitle(tr("Vigil — Demo"));
    m_window->statusBarController()->showNotice(tr("Starting the demo cameras…"), 0);
    m_simulator = std::make_unique<demo::SimulatorProcess>();
    connect(m_simulator.get(), &demo::SimulatorProcess::preparing, this,
            [this](double done, int remaining) {
                m_window->statusBarController()->showProgress(remaining >= 0
                                ? tr("Preparing the demo cameras' video (first start only): %1 %, "
                                     "about %2 s left…")
                                          .arg(qRound(done * 100))
                                          .arg(remaining)
                                : tr("Preparing the demo cameras' video (first start only)…"),
                        done);
            });
    connect(m_simulator.get(), &demo::SimulatorProcess::ready, this,
            &GuiApplication::discoverDemoCameras);
    connect(m_simulator.get(), &demo::SimulatorProcess::failed, this,
            [this](const QString& message) {
                m_window->statusBarController()->showProgress(QString(), -1);
                m_window->statusBarController()->setProblem(
                        tr("The demo cameras are not available: %1").arg(message));
            });
    // The same cameras (identities and ports) at every start, so a restarted demo finds the
    // cameras it added before.
    const quint16 basePort = demo::SimulatorProcess::demoBasePort(
            m_context->dataDir().path() + QStringLiteral("/demo-ports"), 2 * kDemoCameras);
    QStringList args {QStringLiteral("--cameras"), QString::number(kDemoCameras),
            QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--ptz"),
            QStringLiteral("1"), QStringLiteral("--user"), kDemoUser, QStringLiteral("--password"),
            kDemoPassword, QStringLiteral("--site"), QStringLiteral("vigil-demo"),
            QStringLiteral("--base-port"), QString::number(basePort)};
    // Where the simulator keeps its encoded footage (tests share one cache per build).
    const QString cache = qEnvironmentVariable("VIGIL_CAMSIM_CACHE_DIR");
    if (!cache.isEmpty())
        args << QStringLiteral("--cache-dir") << cache;
    m_simulator->start(demo::SimulatorProcess::defaultProgram(), kDemoCameras, args);
}

void GuiApplication::discoverDemoCameras()
{
    m_window->statusBarController()->showProgress(tr("Finding the demo cameras…"), -1);
    // Demo discovery stays on the loopback interface: no probe leaves this computer.
    m_discovery = std::make_unique<onvif::WsDiscovery>();
    auto* live = static_cast<widgets::LivePage*>(m_window->page(widgets::PageId::Live));
    live->setDiscoveryNote(
            tr("These are Vigil's simulated demo cameras. They accept the user name \"%1\" and "
               "the password \"%2\".")
                    .arg(kDemoUser, kDemoPassword));
    connect(m_discovery.get(), &onvif::WsDiscovery::deviceFound, live,
            &widgets::LivePage::showDiscoveredCamera);
    connect(m_discovery.get(), &onvif::WsDiscovery::finished, this, [this] {
        const qsizetype found = m_discovery->devices().size();
        qCInfo(lcApp) << "demo:" << found << "cameras discovered";
        m_window->statusBarController()->showNotice(
                tr("Demo: %1 simulated cameras found on this computer.").arg(found));
    });
    onvif::WsDiscovery::Options options;
    options.interfaces = {QHostAddress(QHostAddress::LocalHost)};
    if (!m_discovery->start(options))
        m_window->statusBarController()->showNotice(m_discovery->errorString());
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
    if (gui.loginDeclined())
        return 0;
    return application.exec();
}

} // namespace vigil::app
