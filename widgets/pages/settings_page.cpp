#include "widgets/pages/settings_page.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/settings_store.h"
#include "core/runtime/translations.h"
#include "core/status/system_status.h"
#include "widgets/empty_state.h"
#include "widgets/recording/camera_recording_dialog.h"
#include "widgets/status_bar.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
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
    m_cameraTable = new QTableWidget(0, 4, cameras);
    m_cameraTable->setObjectName(QStringLiteral("cameraTable"));
    m_cameraTable->setHorizontalHeaderLabels(
            {tr("Camera"), tr("Address"), tr("Records"), tr("Keeps footage")});
    m_cameraTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cameraTable->horizontalHeader()->setStretchLastSection(true);
    m_cameraTable->verticalHeader()->hide();
    m_cameraTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cameraTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_cameraTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cameraTable->setToolTip(tr("Double-click a camera to change how it records."));
    connect(m_cameraTable, &QTableWidget::cellDoubleClicked, this,
            [this](int row) { editRecording(row); });
    camerasLayout->addWidget(m_cameraTable);
    auto* cameraButtons = new QHBoxLayout;
    auto* recordingButton = new QPushButton(tr("Recording…"), cameras);
    recordingButton->setObjectName(QStringLiteral("cameraRecordingButton"));
    connect(recordingButton, &QPushButton::clicked, this,
            [this] { editRecording(m_cameraTable->currentRow()); });
    cameraButtons->addWidget(recordingButton);
    if (context.addCamerasAction) {
        auto* add = new QPushButton(tr("Add Cameras…"), cameras);
        connect(add, &QPushButton::clicked, context.addCamerasAction, &QAction::trigger);
        cameraButtons->addWidget(add);
    }
    cameraButtons->addStretch(1);
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
    layout->addStretch(1);

    if (context.status) {
        connect(context.status, &status::SystemStatus::changed, this, &SettingsPage::updateStorage);
        connect(context.status, &status::SystemStatus::changed, this, &SettingsPage::updateCameras);
    }
    updateStorage();
    updateCameras();
}

void SettingsPage::updateCameras()
{
    QList<catalog::CameraRecord> cameras;
    if (m_context.cameras) {
        if (const Result<QList<catalog::CameraRecord>> listed = m_context.cameras->list())
            cameras = listed.value();
    }
    QStringList shown;
    for (const catalog::CameraRecord& c : std::as_const(cameras)) {
        shown << QString::number(c.id) << c.name << c.deviceUrl << c.recordMode << c.schedule
              << QString::number(c.retentionDays);
    }
    if (shown.join(u'\n') == m_camerasShown && m_cameraTable->rowCount() == cameras.size())
        return;
    m_camerasShown = shown.join(u'\n');
    m_camerasEmpty->setVisible(cameras.isEmpty());
    m_cameraTable->setVisible(!cameras.isEmpty());
    m_cameraButtons->setVisible(!cameras.isEmpty());
    m_cameraTable->setRowCount(int(cameras.size()));
    for (int row = 0; row < cameras.size(); ++row) {
        const catalog::CameraRecord& c = cameras.at(row);
        const QUrl address(c.address());
        auto* name = new QTableWidgetItem(c.name);
        name->setData(Qt::UserRole, c.id);
        m_cameraTable->setItem(row, 0, name);
        m_cameraTable->setItem(row, 1,
                new QTableWidgetItem(address.port() > 0
                                ? QStringLiteral("%1:%2").arg(address.host()).arg(address.port())
                                : address.host()));
        m_cameraTable->setItem(row, 2, new QTableWidgetItem(CameraRecordingDialog::modeText(c)));
        m_cameraTable->setItem(row, 3,
                new QTableWidgetItem(c.retentionDays > 0 ? tr("%1 days").arg(c.retentionDays)
                                                         : tr("until the disk is full")));
    }
    if (m_cameraTable->currentRow() < 0 && !cameras.isEmpty())
        m_cameraTable->selectRow(0);
}

void SettingsPage::editRecording(int row)
{
    if (!m_context.cameras || row < 0 || row >= m_cameraTable->rowCount())
        return;
    const qint64 id = m_cameraTable->item(row, 0)->data(Qt::UserRole).toLongLong();
    const Result<QList<catalog::CameraRecord>> cameras = m_context.cameras->list();
    if (!cameras)
        return;
    for (const catalog::CameraRecord& c : cameras.value()) {
        if (c.id != id)
            continue;
        CameraRecordingDialog dialog(c, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        if (const Result<void> saved = m_context.cameras->setRecording(dialog.camera()); !saved) {
            QMessageBox::warning(this, tr("Recording settings not saved"), saved.error().message);
            return;
        }
        updateCameras();
        Q_EMIT camerasChanged();
        return;
    }
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
}

void SettingsPage::updateStorage()
{
    m_storage->setText(StatusBarController::storageText(
            m_context.status ? m_context.status->snapshot() : status::SystemStatus::Snapshot {}));
}

} // namespace vigil::widgets
