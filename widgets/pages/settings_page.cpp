#include "widgets/pages/settings_page.h"

#include "core/catalog/settings_store.h"
#include "core/runtime/translations.h"
#include "core/status/system_status.h"
#include "widgets/empty_state.h"
#include "widgets/status_bar.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScrollArea>
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

    if (context.status)
        connect(context.status, &status::SystemStatus::changed, this, &SettingsPage::updateStorage);
    updateStorage();
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
