#pragma once

#include "core/setup/wizard_state.h"

#include <QHostAddress>
#include <QWizard>

#include <memory>

namespace vigil::catalog {
class CameraStore;
}
namespace vigil::onvif {
class WsDiscovery;
}

namespace vigil::security {
class Session;
}

namespace vigil::widgets {

/// Camera setup, from "cables plugged in" to "recording": Welcome → Discover → Credentials →
/// Streams → Storage → Recording → Summary. The state lives in setup::WizardState and changes
/// only through setup::Wizard's pure functions; pages render it. Discovery and verification run
/// asynchronously, so the window never freezes, and Cancel works on every page.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageIds {
        AdministratorPage, ///< first, and only in the setup mode (no administrator yet)
        WelcomePage,
        DiscoverPage,
        CredentialsPage,
        StreamsPage,
        RecordingPage,
        StoragePage,
        SummaryPage
    };

    struct Options
    {
        /// Local addresses to discover from; empty: every network interface.
        QList<QHostAddress> interfaces;
        QString recordingsFolder;
        catalog::CameraStore* cameras = nullptr;
        /// Who adds the cameras (checked and audited); null: no accountability (tests).
        security::Session* session = nullptr;
        QString credentialKeyPath; ///< where camera passwords are sealed
        int discoveryWindowMs = 3000;
        bool rewriteAddresses = true; ///< see onvif::OnvifClient::rewrite()
        /// Credentials to offer on the login page (the demo's cameras), empty for none.
        QString suggestedUser;
        QString suggestedPassword;
    };

    SetupWizard(Options options, QWidget* parent = nullptr);
    ~SetupWizard() override;

    const setup::WizardState& state() const { return m_state; }
    /// When the disk holds fewer days than asked, asks whether to keep them anyway, keep what
    /// fits, or go back; false: go back.
    bool confirmStorage();
    /// Replaces the state and tells the pages.
    void setState(setup::WizardState state);
    const Options& options() const { return m_options; }

    /// Starts (or restarts) discovery; found cameras join the state as they answer.
    void discover(const QList<QHostAddress>& unicastTargets = {});
    bool isDiscovering() const;
    /// Checks the selected cameras' credentials (ONVIF probe), all at once.
    void verifySelected();
    bool isVerifying() const { return m_verifying > 0; }

    /// The commissioning report (HTML): cameras, addresses, streams, storage plan.
    QString reportHtml() const;
    bool saveReportPdf(const QString& path) const;

    /// Cameras added to the catalog by accept(), with their ids.
    QList<qint64> addedCameras() const { return m_added; }

    void accept() override;

Q_SIGNALS:
    void stateChanged();
    void camerasAdded(int count);

private:
    void fetchSnapshot(int index);

    Options m_options;
    setup::WizardState m_state;
    std::unique_ptr<onvif::WsDiscovery> m_discovery;
    int m_verifying = 0;
    QList<qint64> m_added;
};

} // namespace vigil::widgets
