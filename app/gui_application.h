#pragma once

#include "core/result.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class QApplication;

namespace vigil::demo {
class SimulatorProcess;
}
namespace vigil::onvif {
class WsDiscovery;
}
namespace vigil::evidence {
class Approvals;
class Requests;
} // namespace vigil::evidence
namespace vigil::playback {
class Bookmarks;
}
namespace vigil::runtime {
class AppContext;
class TerminationWatcher;
} // namespace vigil::runtime
namespace vigil::catalog {
class AlertStore;
}
namespace vigil::control {
class LiveChannel;
class RecorderLink;
} // namespace vigil::control
namespace vigil::setup {
class CameraEditor;
}
namespace vigil::status {
class SystemStatus;
}
namespace vigil::security {
class Session;
}
namespace vigil::widgets {
class IdleWatcher;
class MainWindow;
} // namespace vigil::widgets

namespace vigil::app {

/// Wires the `vigil` GUI: command line, data folder, catalog, translations, main window.
class GuiApplication : public QObject
{
    Q_OBJECT

public:
    explicit GuiApplication(QObject* parent = nullptr);
    ~GuiApplication() override;

    /// Opens everything and shows the main window. --help and --version print and exit.
    Result<void> start(const QStringList& arguments);

    widgets::MainWindow* mainWindow() const { return m_window.get(); }
    runtime::AppContext* context() const { return m_context.get(); }
    demo::SimulatorProcess* simulator() const { return m_simulator.get(); }
    security::Session* session() const { return m_session.get(); }
    widgets::IdleWatcher* idleWatcher() const { return m_idle.get(); }
    /// The login at start was cancelled: Vigil ends without showing its window.
    bool loginDeclined() const { return m_loginDeclined; }

    /// Demo cameras: how many, and the credentials they require.
    static constexpr int kDemoCameras = 4;

    /// Opens the camera setup wizard (modal) and stores what it adds.
    void showSetupWizard();
    void showAlerts();

private:
    /// Asks for a login when an administrator exists (false: declined), else starts the setup
    /// mode; then follows the session (credentials for the recorder, idle lock).
    bool logIn();
    /// Hides the window's content and asks for the password (Unlock) or any login (Login);
    /// quits Vigil when declined.
    void lockWindow(bool unlock);
    void createAccountMenu();
    /// The idle lock's delay (setting security/idleLockMinutes; none in the setup mode).
    int idleTimeoutMs() const;
    void startDemo();
    /// Follows the data folder's recorder; `launch`: starts one when none answers, which stops
    /// with the window when `onlyWhileOpen`.
    void startRecording(bool launch, bool onlyWhileOpen);
    void discoverDemoCameras();

    std::unique_ptr<runtime::AppContext> m_context;
    std::unique_ptr<security::Session> m_session; ///< before the window: it outlives it
    std::unique_ptr<playback::Bookmarks> m_bookmarks; ///< the same
    std::unique_ptr<evidence::Requests> m_requests; ///< the same
    std::unique_ptr<evidence::Approvals> m_approvals; ///< the same
    std::unique_ptr<widgets::IdleWatcher> m_idle;
    bool m_loginDeclined = false;
    bool m_lockShown = false;
    QString m_lang; ///< --lang, when given: the recorder started here speaks it too
    bool m_terminating = false; ///< SIGTERM: quit without asking
    std::unique_ptr<catalog::AlertStore> m_alerts; ///< before m_status: it outlives it
    std::unique_ptr<control::RecorderLink> m_recorder; ///< before m_status: it outlives it
    std::unique_ptr<status::SystemStatus> m_status;
    std::unique_ptr<setup::CameraEditor> m_cameraEditor; ///< before m_window: it outlives it
    std::unique_ptr<control::LiveChannel> m_live; ///< before m_window: it outlives it
    std::unique_ptr<widgets::MainWindow> m_window;
    std::unique_ptr<runtime::TerminationWatcher> m_termination;
    std::unique_ptr<demo::SimulatorProcess> m_simulator;
    std::unique_ptr<onvif::WsDiscovery> m_discovery;
};

/// Answers --help and --version without a display (before QApplication exists, which would
/// abort without one). Returns the exit code when the process should stop there.
std::optional<int> runWithoutDisplay(int argc, char* argv[]);

/// The body of `vigil`'s main(): returns the process exit code.
int runGui(QApplication& application);

} // namespace vigil::app
