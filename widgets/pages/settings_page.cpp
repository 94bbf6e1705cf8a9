#include "widgets/pages/settings_page.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/settings_store.h"
#include "core/runtime/translations.h"
#include "core/security/camera_admin.h"
#include "core/security/session.h"
#include "core/status/system_status.h"
#include "widgets/cameras/camera_connection_dialog.h"
#include "widgets/cameras/privacy_mask_dialog.h"
#include "widgets/cameras/stream_text.h"
#include "widgets/empty_state.h"
#include "widgets/recording/camera_recording_dialog.h"
#include "widgets/security/audit_dialog.h"
#include "widgets/security/transparency_dialog.h"
#include "widgets/security/users_dialog.h"
#include "widgets/status_bar.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil::widgets {

SettingsPage::SettingsPage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
    , m_context(context)
{
    auto* outer = new QVBoxLayout(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(content);

    auto* cameras = new QGroupBox(tr("Cameras"), content);
    auto* camerasLayout = new QVBoxLayout(cameras);
    m_camerasEmpty = new EmptyState(QIcon(QStringLiteral(":/icons/live.svg")), tr("No cameras yet"),
            tr("The cameras you add will be listed here, with their addresses, streams and "
               "recording mode."),
            cameras);
    if (context.addCamerasAction)
        m_camerasEmpty->addAction(context.addCamerasAction);
    camerasLayout->addWidget(m_camerasEmpty);
    m_cameraTable = new QTableWidget(0, 7, cameras);
    m_cameraTable->setObjectName(QStringLiteral("cameraTable"));
    m_cameraTable->setHorizontalHeaderLabels({tr("Camera"), tr("Status"), tr("Address"),
            tr("Model"), tr("Streams"), tr("Records"), tr("Keeps footage")});
    m_cameraTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cameraTable->horizontalHeader()->setStretchLastSection(true);
    m_cameraTable->verticalHeader()->hide();
    m_cameraTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cameraTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cameraTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cameraTable->setToolTip(tr("Double-click a camera to change how it records."));
    m_cameraTable->setMinimumHeight(180);
    connect(m_cameraTable, &QTableWidget::cellDoubleClicked, this,
            [this](int row) { editRecording(row); });
    connect(m_cameraTable, &QTableWidget::itemSelectionChanged, this, &SettingsPage::updateButtons);
    camerasLayout->addWidget(m_cameraTable);
    auto* cameraButtons = new QHBoxLayout;
    const auto addButton
            = [&](const QString& text, const char* name, void (SettingsPage::*act)(int)) {
                  auto* button = new QPushButton(text, cameras);
                  button->setObjectName(QLatin1String(name));
                  connect(button, &QPushButton::clicked, this,
                          [this, act] { (this->*act)(m_cameraTable->currentRow()); });
                  cameraButtons->addWidget(button);
                  return button;
              };
    addButton(tr("Rename…"), "cameraRenameButton", &SettingsPage::renameCamera);
    addButton(tr("Connection…"), "cameraConnectionButton", &SettingsPage::editConnection)
            ->setEnabled(context.cameraEditor != nullptr);
    addButton(tr("Recording…"), "cameraRecordingButton", &SettingsPage::editRecording);
    m_enableButton = addButton(tr("Disable"), "cameraEnableButton", &SettingsPage::toggleEnabled);
    addButton(tr("Privacy Masks…"), "cameraMasksButton", &SettingsPage::editPrivacyMasks)
            ->setEnabled(context.session != nullptr);
    addButton(tr("Remove…"), "cameraRemoveButton", &SettingsPage::removeCamera);
    cameraButtons->addStretch(1);
    if (context.addCamerasAction) {
        auto* add = new QPushButton(tr("Add Cameras…"), cameras);
        connect(add, &QPushButton::clicked, context.addCamerasAction, &QAction::trigger);
        cameraButtons->addWidget(add);
    }
    m_cameraButtons = new QWidget(cameras);
    m_cameraButtons->setLayout(cameraButtons);
    camerasLayout->addWidget(m_cameraButtons);
    layout->addWidget(cameras);

    auto* general = new QGroupBox(tr("General"), content);
    auto* generalForm = new QFormLayout(general);
    m_language = new QComboBox(general);
    m_language->addItem(tr("Same as the system"), QString());
    for (const QString& code : runtime::availableLanguages())
        m_language->addItem(runtime::nativeLanguageName(code), code);
    if (context.settings) {
        const QString saved
                = context.settings->value(QLatin1String(catalog::settings::kUiLanguage)).toString();
        m_language->setCurrentIndex(qMax(0, m_language->findData(saved)));
    }
    connect(m_language, &QComboBox::activated, this, &SettingsPage::saveLanguage);
    generalForm->addRow(tr("Language:"), m_language);
    m_languageNote
            = new QLabel(tr("A new language takes effect the next time Vigil starts."), general);
    m_languageNote->setForegroundRole(QPalette::PlaceholderText);
    generalForm->addRow(QString(), m_languageNote);
    layout->addWidget(general);

    auto* storage = new QGroupBox(tr("Data"), content);
    auto* storageForm = new QFormLayout(storage);
    auto* dataDir = new QLabel(QDir::toNativeSeparators(context.dataDir), storage);
    dataDir->setTextInteractionFlags(Qt::TextSelectableByMouse);
    storageForm->addRow(tr("Data folder:"), dataDir);
    auto* catalogLabel = new QLabel(tr("%1 (version %2)")
                                            .arg(QDir::toNativeSeparators(context.catalogPath))
                                            .arg(context.schemaVersion),
            storage);
    catalogLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    storageForm->addRow(tr("Catalog:"), catalogLabel);
    m_storage = new QLabel(storage);
    storageForm->addRow(tr("Free space:"), m_storage);
    layout->addWidget(storage);

    // Accountability: who may do what, what they did, and what the town can publish.
    auto* security = new QGroupBox(tr("People and Accountability"), content);
    security->setObjectName(QStringLiteral("securityGroup"));
    auto* securityLayout = new QHBoxLayout(security);
    const auto securityButton
            = [&](const QString& text, const char* name, void (SettingsPage::*act)()) {
                  auto* button = new QPushButton(text, security);
                  button->setObjectName(QLatin1String(name));
                  connect(button, &QPushButton::clicked, this, act);
                  securityLayout->addWidget(button);
              };
    securityButton(tr("Users…"), "usersButton", &SettingsPage::showUsers);
    securityButton(tr("Audit Log…"), "auditButton", &SettingsPage::showAuditLog);
    securityButton(tr("Transparency Report…"), "transparencyButton",
            &SettingsPage::saveTransparencyReport);
    securityLayout->addStretch(1);
    m_security = security;
    layout->addWidget(security);
    applyPermissions();
    if (context.session)
        connect(context.session, &security::Session::principalChanged, this,
                &SettingsPage::applyPermissions);
    layout->addStretch(1);

    if (context.status) {
        connect(context.status, &status::SystemStatus::changed, this, &SettingsPage::updateStorage);
        connect(context.status, &status::SystemStatus::changed, this, &SettingsPage::updateCameras);
        // Several times a second: only the status column changes, from the cameras as listed.
        connect(context.status, &status::SystemStatus::camerasReported, this,
                &SettingsPage::showCameras);
    }
    updateStorage();
    updateCameras();
}

void SettingsPage::updateCameras()
{
    m_cameras.clear();
    if (m_context.cameras) {
        if (const Result<QList<catalog::CameraRecord>> listed = m_context.cameras->list())
            m_cameras = listed.value();
    }
    showCameras();
}

void SettingsPage::showCameras()
{
    const QList<catalog::CameraRecord>& cameras = m_cameras;
    QList<QStringList> rows;
    QStringList details; ///< the Status column's tooltips
    for (const catalog::CameraRecord& c : std::as_const(cameras)) {
        details << statusText(c, true);
        const QUrl address(c.address());
        rows << QStringList {c.name, statusText(c, false),
                address.port() > 0 ? QStringLiteral("%1:%2").arg(address.host()).arg(address.port())
                                   : address.host(),
                QStringList {c.vendor, c.model}.join(u' ').trimmed(), StreamText::recorded(c),
                CameraRecordingDialog::modeText(c),
                c.retentionDays > 0 ? tr("%1 days").arg(c.retentionDays)
                                    : tr("until the disk is full"),
                QString::number(c.id)};
    }
    QStringList shown;
    for (qsizetype row = 0; row < rows.size(); ++row)
        shown << rows.at(row).join(u'\t') + u'\t' + details.at(row);
    if (shown.join(u'\n') == m_camerasShown && m_cameraTable->rowCount() == cameras.size())
        return;
    m_camerasShown = shown.join(u'\n');
    const qint64 selected = m_cameraTable->currentRow() >= 0
            ? m_cameraTable->item(m_cameraTable->currentRow(), 0)->data(Qt::UserRole).toLongLong()
            : 0;
    m_camerasEmpty->setVisible(cameras.isEmpty());
    m_cameraTable->setVisible(!cameras.isEmpty());
    m_cameraButtons->setVisible(!cameras.isEmpty());
    m_cameraTable->setRowCount(int(cameras.size()));
    for (int row = 0; row < cameras.size(); ++row) {
        for (int column = 0; column < m_cameraTable->columnCount(); ++column) {
            auto* item = new QTableWidgetItem(rows.at(row).at(column));
            if (column == 1) // why a camera is offline: long, and one hover away
                item->setToolTip(details.at(row));
            if (column == 0)
                item->setData(Qt::UserRole, cameras.at(row).id);
            if (!cameras.at(row).enabled)
                item->setForeground(palette().brush(QPalette::PlaceholderText));
            m_cameraTable->setItem(row, column, item);
        }
        if (cameras.at(row).id == selected)
            m_cameraTable->selectRow(row);
    }
    if (m_cameraTable->currentRow() < 0 && !cameras.isEmpty())
        m_cameraTable->selectRow(0);
    updateButtons();
}

QString SettingsPage::statusText(const catalog::CameraRecord& camera, bool detailed) const
{
    if (!camera.enabled)
        return tr("Disabled");
    if (camera.recordMode == QLatin1String("off"))
        return tr("Not recorded");
    if (!m_context.status || !m_context.status->snapshot().recorderRunning)
        return tr("Not recording: the recorder is not running");
    const status::SystemStatus::CameraState state = m_context.status->cameraState(camera.id);
    if (!state.reported)
        return tr("Starting…");
    if (state.recording)
        return tr("Recording");
    if (state.online)
        return tr("Online, not recording now");
    return state.error.isEmpty() || !detailed ? tr("Offline") : tr("Offline: %1").arg(state.error);
}

void SettingsPage::updateButtons()
{
    const std::optional<catalog::CameraRecord> camera = cameraAt(m_cameraTable->currentRow());
    for (QPushButton* button : m_cameraButtons->findChildren<QPushButton*>()) {
        if (button->objectName().startsWith(QLatin1String("camera")))
            button->setEnabled(camera.has_value()
                    && (button->objectName() != QLatin1String("cameraConnectionButton")
                            || m_context.cameraEditor));
    }
    m_enableButton->setText(camera && !camera->enabled ? tr("Enable") : tr("Disable"));
}

std::optional<catalog::CameraRecord> SettingsPage::cameraAt(int row) const
{
    if (!m_context.cameras || row < 0 || row >= m_cameraTable->rowCount())
        return std::nullopt;
    const qint64 id = m_cameraTable->item(row, 0)->data(Qt::UserRole).toLongLong();
    const Result<QList<catalog::CameraRecord>> cameras = m_context.cameras->list();
    if (!cameras)
        return std::nullopt;
    for (const catalog::CameraRecord& c : cameras.value()) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

void SettingsPage::changed(const Result<void>& result, const QString& title)
{
    if (!result) {
        QMessageBox::warning(this, title, result.error().message);
        return;
    }
    updateCameras();
    Q_EMIT camerasChanged();
}

void SettingsPage::editRecording(int row)
{
    const std::optional<catalog::CameraRecord> camera = cameraAt(row);
    if (!camera)
        return;
    CameraRecordingDialog dialog(*camera, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    changed(cameraAdmin().setRecording(dialog.camera()), tr("Recording settings not saved"));
}

void SettingsPage::renameCamera(int row)
{
    const std::optional<catalog::CameraRecord> camera = cameraAt(row);
    if (!camera)
        return;
    QInputDialog dialog(this);
    dialog.setWindowTitle(tr("Rename Camera"));
    dialog.setLabelText(
            tr("New name of \"%1\" (for example the street it watches):").arg(camera->name));
    dialog.setTextValue(camera->name);
    dialog.setObjectName(QStringLiteral("renameDialog"));
    if (dialog.exec() != QDialog::Accepted || dialog.textValue().simplified() == camera->name)
        return;
    changed(cameraAdmin().rename(camera->id, dialog.textValue()), tr("Camera not renamed"));
}

void SettingsPage::editConnection(int row)
{
    const std::optional<catalog::CameraRecord> camera = cameraAt(row);
    if (!camera || !m_context.cameraEditor)
        return;
    if (const Result<void> ok
            = cameraAdmin().allowed(camera->id, QStringLiteral("camera_connection"));
            !ok) {
        changed(ok, tr("Connection not changed"));
        return;
    }
    CameraConnectionDialog dialog(*camera, *m_context.cameraEditor, this);
    dialog.setObjectName(QStringLiteral("connectionDialog"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Saved by the dialog; written to the audit log here.
    changed(cameraAdmin().recordConnectionChanged(camera->id), tr("Connection not changed"));
}

void SettingsPage::toggleEnabled(int row)
{
    const std::optional<catalog::CameraRecord> camera = cameraAt(row);
    if (!camera)
        return;
    changed(cameraAdmin().setEnabled(camera->id, !camera->enabled),
            camera->enabled ? tr("Camera not disabled") : tr("Camera not enabled"));
}

void SettingsPage::removeCamera(int row)
{
    const std::optional<catalog::CameraRecord> camera = cameraAt(row);
    if (!camera)
        return;
    QMessageBox box(QMessageBox::Question, tr("Remove Camera"),
            tr("Remove \"%1\" from Vigil? It stops recording now.").arg(camera->name),
            QMessageBox::NoButton, this);
    box.setInformativeText(camera->retentionDays > 0
                    ? tr("Its recordings stay, and can be played back, until they are %1 days "
                         "old. Footage under a legal hold stays until the hold is released.")
                              .arg(camera->retentionDays)
                    : tr("Its recordings stay, and can be played back, until the disk needs "
                         "the space. Footage under a legal hold stays until the hold is "
                         "released."));
    QPushButton* remove = box.addButton(tr("Remove Camera"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    changed(cameraAdmin().remove(camera->id), tr("Camera not removed"));
}

QString SettingsPage::title() const
{
    return tr("Settings");
}

QIcon SettingsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/settings.svg"));
}

void SettingsPage::saveLanguage()
{
    if (!m_context.settings)
        return;
    const Result<void> saved = m_context.settings->setValue(
            QLatin1String(catalog::settings::kUiLanguage), m_language->currentData().toString());
    if (!saved)
        QMessageBox::warning(this, tr("Language not saved"), saved.error().message);
    else if (m_context.session)
        (void)m_context.session->audit(QStringLiteral("settings_set"),
                QLatin1String(catalog::settings::kUiLanguage),
                {{QStringLiteral("value"), m_language->currentData().toString()}});
}

void SettingsPage::updateStorage()
{
    m_storage->setText(StatusBarController::storageText(
            m_context.status ? m_context.status->snapshot() : status::SystemStatus::Snapshot {}));
}

security::CameraAdmin SettingsPage::cameraAdmin() const
{
    return security::CameraAdmin(m_context.session, *m_context.cameras);
}

void SettingsPage::applyPermissions()
{
    // The page hides what would be refused; core refuses it anyway.
    const auto may = [this](security::Permission p) {
        return m_context.session && security::Access::check(m_context.session->principal(), p).ok();
    };
    const bool users = may(security::Permission::ManageUsers);
    const bool audit = may(security::Permission::ViewAudit);
    m_security->setVisible(users || audit);
    m_security->findChild<QPushButton*>(QStringLiteral("usersButton"))->setVisible(users);
    m_security->findChild<QPushButton*>(QStringLiteral("auditButton"))->setVisible(audit);
    m_security->findChild<QPushButton*>(QStringLiteral("transparencyButton"))->setVisible(audit);
    m_cameraButtons->setEnabled(!m_context.session || may(security::Permission::ManageCameras));
}

void SettingsPage::editPrivacyMasks(int row)
{
    const std::optional<catalog::CameraRecord> camera = cameraAt(row);
    if (!camera || !m_context.session || !m_context.cameras)
        return;
    PrivacyMaskDialog dialog(*m_context.session, *m_context.cameras, camera->id, camera->name,
            camera->privacyMasks, m_context.live, this);
    if (dialog.exec() == QDialog::Accepted) {
        updateCameras();
        Q_EMIT camerasChanged(); // the recorder sends the new masks to every live view
    }
}

void SettingsPage::showUsers()
{
    if (!m_context.session || !m_context.cameras)
        return;
    UsersDialog dialog(*m_context.session, *m_context.cameras, this);
    dialog.exec();
}

void SettingsPage::showAuditLog()
{
    if (!m_context.session || !m_context.cameras)
        return;
    AuditDialog dialog(*m_context.session, *m_context.cameras, this);
    dialog.exec();
}

void SettingsPage::saveTransparencyReport()
{
    if (!m_context.session)
        return;
    TransparencyDialog dialog(*m_context.session, this);
    dialog.exec();
}

} // namespace vigil::widgets
