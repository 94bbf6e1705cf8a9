#include "widgets/setup/setup_wizard.h"

#include "core/catalog/camera_store.h"
#include "core/onvif/device_probe.h"
#include "core/onvif/ws_discovery.h"
#include "core/security/camera_admin.h"
#include "core/security/credential_vault.h"
#include "core/security/session.h"
#include "core/setup/camera_records.h"
#include "widgets/recording/schedule_grid.h"
#include "widgets/setup/setup_pages.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QTextDocument>

namespace vigil::widgets {

using setup::Wizard;

SetupWizard::SetupWizard(Options options, QWidget* parent)
    : QWizard(parent)
    , m_options(std::move(options))
{
    setWindowTitle(tr("Add Cameras"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setMinimumSize(820, 560);
    // The first start: whoever sets Vigil up makes the administrator first.
    if (m_options.session && m_options.session->isSetupMode())
        setPage(AdministratorPage, new AdministratorSetupPage(*m_options.session, this));
    setPage(WelcomePage, new WelcomeSetupPage(this));
    setPage(DiscoverPage, new DiscoverSetupPage(this));
    setPage(CredentialsPage, new CredentialsSetupPage(this));
    setPage(StreamsPage, new StreamsSetupPage(this));
    setPage(StoragePage, new StorageSetupPage(this));
    setPage(RecordingPage, new RecordingSetupPage(this));
    setPage(SummaryPage, new SummarySetupPage(this));
    setButtonText(QWizard::FinishButton, tr("Add Cameras"));
    m_state.sharedUser = m_options.suggestedUser;
    m_state.sharedPassword = m_options.suggestedPassword;
    m_state.rewriteAddresses = m_options.rewriteAddresses;
    if (m_options.cameras) {
        if (const auto cameras = m_options.cameras->list()) {
            for (const catalog::CameraRecord& c : cameras.value())
                m_state.known << setup::KnownCamera {c.id, c.name, c.endpoint, c.address()};
        }
    }
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::setState(setup::WizardState state)
{
    m_state = std::move(state);
    Q_EMIT stateChanged();
}

void SetupWizard::discover(const QList<QHostAddress>& unicastTargets)
{
    m_discovery = std::make_unique<onvif::WsDiscovery>();
    connect(m_discovery.get(), &onvif::WsDiscovery::deviceFound, this,
            [this](const onvif::DiscoveredDevice& device) {
                setState(Wizard::addDiscovered(m_state, device));
            });
    connect(m_discovery.get(), &onvif::WsDiscovery::finished, this, &SetupWizard::stateChanged);
    onvif::WsDiscovery::Options options;
    options.interfaces = m_options.interfaces;
    options.unicastTargets = unicastTargets;
    options.windowMs
            = m_options.discoveryWindowMs + int(unicastTargets.size()) * options.unicastIntervalMs;
    if (!m_discovery->start(options))
        QMessageBox::warning(this, tr("Discovery"), m_discovery->errorString());
    Q_EMIT stateChanged();
}

bool SetupWizard::isDiscovering() const
{
    return m_discovery && m_discovery->isRunning();
}

void SetupWizard::verifySelected()
{
    for (int index : Wizard::selected(m_state)) {
        const setup::WizardCamera& camera = m_state.cameras.at(index);
        if (camera.isRtspUrl || camera.verification == setup::Verification::Checking)
            continue;
        const auto [user, password] = Wizard::credentials(m_state, index);
        auto* probe = new onvif::DeviceProbe(QUrl(camera.address), user, password, this);
        probe->client().setRewriteAddresses(m_options.rewriteAddresses);
        const QString key = camera.key;
        ++m_verifying;
        setState(Wizard::verificationStarted(m_state, index));
        connect(probe, &onvif::DeviceProbe::finished, this,
                [this, probe, key](const Result<onvif::DeviceDescription>& result) {
                    probe->deleteLater();
                    --m_verifying;
                    // The list may have changed meanwhile: find the camera again by its key.
                    for (int i = 0; i < m_state.cameras.size(); ++i) {
                        if (m_state.cameras.at(i).key == key) {
                            setState(Wizard::verificationFinished(m_state, i, result));
                            fetchSnapshot(i);
                            return;
                        }
                    }
                    Q_EMIT stateChanged();
                });
        probe->start();
    }
}

void SetupWizard::fetchSnapshot(int index)
{
    const setup::WizardCamera& c = m_state.cameras.at(index);
    if (c.verification != setup::Verification::Ok || !c.device || c.mainProfile < 0)
        return;
    const QString url = c.device->profiles.at(c.mainProfile).snapshotUri;
    if (url.isEmpty())
        return;
    const auto [user, password] = Wizard::credentials(m_state, index);
    auto* client = new onvif::OnvifClient(QUrl(c.address), user, password, this);
    const QString key = c.key;
    client->fetchSnapshot(url, [this, client, key](Result<QByteArray> jpeg) {
        client->deleteLater();
        // A camera without a snapshot is still fine to record: the preview just stays empty.
        if (jpeg)
            setState(Wizard::setSnapshot(m_state, key, jpeg.value()));
    });
}

QString SetupWizard::reportHtml() const
{
    const QLocale locale;
    QString rows;
    for (int i : Wizard::selected(m_state)) {
        const setup::WizardCamera& c = m_state.cameras.at(i);
        auto streamText = [&](int profile) {
            if (!c.device || profile < 0)
                return c.isRtspUrl && profile == c.mainProfile ? c.address.toHtmlEscaped()
                                                               : tr("none");
            const onvif::MediaProfile& p = c.device->profiles.at(profile);
            return tr("%1×%2 %3, %4 fps<br/><small>%5</small>")
                    .arg(p.width)
                    .arg(p.height)
                    .arg(p.encoding)
                    .arg(p.fps)
                    .arg(p.streamUri.toHtmlEscaped());
        };
        const QString mode = c.mode == setup::RecordMode::Continuous ? tr("Continuous")
                : c.mode == setup::RecordMode::Motion
                ? tr("On motion")
                : tr("On a schedule: %1")
                          .arg(ScheduleDialog::summary(
                                  recording::RecordSchedule::parse(c.schedule)
                                          .value_or(recording::RecordSchedule())));
        rows += QStringLiteral("<tr><td>%1<br/><small>%2</small></td><td>%3</td><td>%4</td><td>%5</"
                               "td><td>%6</td></tr>")
                        .arg(c.name.toHtmlEscaped(), c.model.toHtmlEscaped(),
                                QUrl(c.address).host().toHtmlEscaped(),
                                streamText(c.isRtspUrl ? 0 : c.mainProfile),
                                streamText(c.subProfile), mode);
    }
    const setup::StorageEstimate e = Wizard::estimate(m_state);
    return tr("<h2>Vigil commissioning report</h2><p>%1</p>")
                   .arg(locale.toString(QDateTime::currentDateTime(), QLocale::LongFormat)
                                   .toHtmlEscaped())
            + tr("<h3>Cameras</h3>")
            + QStringLiteral("<table border='1' cellspacing='0' "
                             "cellpadding='4'><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</"
                             "th><th>%5</th></tr>%6</table>")
                      .arg(tr("Camera"), tr("Address"), tr("Recorded stream"), tr("Sub stream"),
                              tr("Recording"), rows)
            + tr("<h3>Storage</h3><p>Folder: %1<br/>Free space: %2<br/>Keep footage for: %3 "
                 "days<br/>"
                 "Footage per day: %4<br/>Room for: %5 days</p>")
                      .arg(m_state.storageFolder.toHtmlEscaped(),
                              m_state.storageFreeBytes >= 0
                                      ? locale.formattedDataSize(m_state.storageFreeBytes)
                                      : tr("unknown"))
                      .arg(m_state.retentionDays)
                      .arg(locale.formattedDataSize(e.bytesPerDay),
                              QString::number(e.daysThatFit, 'f', 1))
            + (e.fits ? QString()
                      : tr("<p style='color:#c62828'><b>Warning: the disk holds only about %1 "
                           "days of footage, not the %2 days asked for.</b> When it is full, "
                           "Vigil deletes the oldest footage first (never footage under a legal "
                           "hold).</p>")
                                    .arg(QString::number(e.daysThatFit, 'f', 1))
                                    .arg(m_state.retentionDays));
}

bool SetupWizard::confirmStorage()
{
    const setup::StorageEstimate e = Wizard::estimate(m_state);
    if (e.fits)
        return true;
    const int fitting = qMax(1, int(e.daysThatFit));
    QMessageBox box(QMessageBox::Warning, tr("Not enough room"),
            tr("The disk holds only about %1 days of footage, not the %2 days you asked to keep. "
               "When it is full, the oldest footage is deleted first.")
                    .arg(QString::number(e.daysThatFit, 'f', 1))
                    .arg(m_state.retentionDays),
            QMessageBox::NoButton, this);
    QPushButton* keep = box.addButton(
            tr("Keep %1 days anyway").arg(m_state.retentionDays), QMessageBox::AcceptRole);
    QPushButton* lower = box.addButton(tr("Keep %1 days").arg(fitting), QMessageBox::AcceptRole);
    box.addButton(tr("Go back"), QMessageBox::RejectRole);
    box.setDefaultButton(lower);
    box.exec();
    if (box.clickedButton() == lower) {
        setState(Wizard::setRetentionDays(m_state, fitting));
        return true;
    }
    return box.clickedButton() == keep;
}

bool SetupWizard::saveReportPdf(const QString& path) const
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setTitle(tr("Vigil commissioning report"));
    QTextDocument document;
    document.setHtml(reportHtml());
    document.print(&writer);
    return QFileInfo(path).size() > 0;
}

void SetupWizard::accept()
{
    if (!m_options.cameras) {
        QWizard::accept();
        return;
    }
    if (!confirmStorage())
        return;
    security::CameraAdmin admin(m_options.session, *m_options.cameras);
    if (const Result<void> allowed = admin.allowed(0, QStringLiteral("camera_add")); !allowed) {
        QMessageBox::critical(this, tr("Cameras not added"), allowed.error().message);
        return;
    }
    const Result<security::CredentialVault> vault
            = security::CredentialVault::open(m_options.credentialKeyPath);
    if (!vault) {
        QMessageBox::critical(this, tr("Cameras not added"), vault.error().message);
        return;
    }
    QStringList problems;
    m_added.clear();
    for (int i : Wizard::selected(m_state)) {
        const setup::WizardCamera& c = m_state.cameras.at(i);
        const auto [user, password] = Wizard::credentials(m_state, i);
        catalog::CameraRecord record;
        if (c.isRtspUrl) {
            record = setup::recordFromRtspUrl(QUrl(c.address), user, vault->seal(password), c.name);
        } else if (c.device) {
            onvif::DeviceDescription device = *c.device;
            device.mainProfile = c.mainProfile;
            device.subProfile = c.subProfile;
            record = setup::recordFromProbe(device, user, vault->seal(password), c.name);
            record.endpoint = c.endpoint;
        } else {
            continue;
        }
        record.recordMode = c.mode == setup::RecordMode::Continuous ? QStringLiteral("continuous")
                : c.mode == setup::RecordMode::Motion               ? QStringLiteral("motion")
                                                                    : QStringLiteral("schedule");
        if (c.mode == setup::RecordMode::Schedule)
            record.schedule = c.schedule;
        record.retentionDays = m_state.retentionDays;
        const Result<setup::SavedCamera> saved = setup::saveCamera(*m_options.cameras, record);
        if (saved) {
            m_added << saved->id;
            if (const Result<void> audited = admin.recordAdded(saved->id, saved->name); !audited)
                problems << QStringLiteral("%1: %2").arg(c.name, audited.error().message);
        } else {
            problems << QStringLiteral("%1: %2").arg(c.name, saved.error().message);
        }
    }
    if (!problems.isEmpty())
        QMessageBox::warning(this, tr("Some cameras were not added"), problems.join(u'\n'));
    Q_EMIT camerasAdded(int(m_added.size()));
    QWizard::accept();
}

} // namespace vigil::widgets
