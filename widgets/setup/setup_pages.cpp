#include "widgets/setup/setup_pages.h"

#include "core/security/session.h"
#include "core/security/user_admin.h"
#include "widgets/cameras/stream_text.h"
#include "widgets/recording/schedule_grid.h"
#include "widgets/security/password_fields.h"
#include "widgets/setup/setup_wizard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStorageInfo>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil::widgets {

using setup::Verification;
using setup::Wizard;

namespace {

/// Shows a password cell as bullets and edits it in a password field.
class PasswordDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString displayText(const QVariant& value, const QLocale&) const override
    {
        return QString(value.toString().size(), QChar(0x2022));
    }
    QWidget* createEditor(
            QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* editor = new QLineEdit(parent);
        editor->setEchoMode(QLineEdit::Password);
        return editor;
    }
};

QTableWidget* makeTable(const QStringList& headers, QWidget* parent)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

SetupPage::SetupPage(SetupWizard* wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    connect(wizard, &SetupWizard::stateChanged, this, [this] {
        if (isVisible())
            render();
        Q_EMIT completeChanged();
    });
}

AdministratorSetupPage::AdministratorSetupPage(security::Session& session, SetupWizard* wizard)
    : SetupPage(wizard)
    , m_session(session)
{
    setObjectName(QStringLiteral("administratorPage"));
    setTitle(tr("Administrator"));
    setSubTitle(tr("Footage of a town's streets is sensitive. First make the administrator: the "
                   "person who adds cameras and the people who may watch them."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("login"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("displayName"));
    form->addRow(tr("User name:"), m_login);
    form->addRow(tr("Full name:"), m_name);
    layout->addLayout(form);
    m_password = new PasswordFields(this);
    layout->addWidget(m_password);
    auto* note = new QLabel(tr("Vigil asks for this password at every start and after 15 minutes "
                               "without use. Keep it where the town keeps its other keys: "
                               "without an administrator nobody can add users."),
            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    layout->addStretch();
}

bool AdministratorSetupPage::validatePage()
{
    if (!m_session.isSetupMode())
        return true; // made already (Back, then Next again)
    QString problem;
    const QString password = m_password->password(&problem);
    if (password.isEmpty()) {
        showError(m_error, problem);
        return false;
    }
    const QString login = m_login->text().trimmed();
    const Result<qint64> added = security::UserAdmin(m_session).add(
            login, m_name->text().trimmed(), security::Role::Administrator, password);
    if (!added) {
        showError(m_error, added.error().message);
        return false;
    }
    if (const Result<security::Principal> in = m_session.logIn(login, password); !in) {
        showError(m_error, in.error().message);
        return false;
    }
    m_password->clear();
    return true;
}

WelcomeSetupPage::WelcomeSetupPage(SetupWizard* wizard)
    : SetupPage(wizard)
{
    setTitle(tr("Welcome"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(
            tr("<p>This assistant finds the cameras on your network, checks that Vigil can log in "
               "to "
               "them, and sets up their recording. It takes a few minutes.</p>"
               "<p>Before you start, make sure the cameras are connected and switched on, and have "
               "their user name and password at hand (it is often on a label or in the installer's "
               "notes).</p>"),
            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    layout->addStretch();
}

DiscoverSetupPage::DiscoverSetupPage(SetupWizard* wizard)
    : SetupPage(wizard)
{
    setTitle(tr("Find cameras"));
    setSubTitle(tr("Vigil looks for ONVIF cameras on your network. Tick the ones to add."));
    auto* layout = new QVBoxLayout(this);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("discoveredCameras"));
    m_list->setHeaderLabels({tr("Camera"), tr("Model"), tr("Address"), tr("In Vigil")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem* item) {
        if (m_rendering)
            return;
        const int index = m_list->indexOfTopLevelItem(item);
        m_wizard->setState(
                Wizard::setSelected(m_wizard->state(), index, item->checkState(0) == Qt::Checked));
    });
    layout->addWidget(m_list, 1);

    auto* scanRow = new QHBoxLayout;
    m_status = new QLabel(this);
    scanRow->addWidget(m_status, 1);
    m_scan = new QPushButton(tr("Search Again"), this);
    connect(m_scan, &QPushButton::clicked, this, [this] { m_wizard->discover(); });
    scanRow->addWidget(m_scan);
    layout->addLayout(scanRow);

    auto* manualRow = new QHBoxLayout;
    m_manual = new QLineEdit(this);
    m_manual->setPlaceholderText(tr("Camera address (192.168.1.20) or rtsp:// URL"));
    auto* add = new QPushButton(tr("Add"), this);
    connect(add, &QPushButton::clicked, this, &DiscoverSetupPage::addManual);
    connect(m_manual, &QLineEdit::returnPressed, this, &DiscoverSetupPage::addManual);
    manualRow->addWidget(new QLabel(tr("Not found? Add by address:"), this));
    manualRow->addWidget(m_manual, 1);
    manualRow->addWidget(add);
    layout->addLayout(manualRow);

    auto* rangeRow = new QHBoxLayout;
    m_rangeFrom = new QLineEdit(this);
    m_rangeFrom->setPlaceholderText(tr("from, e.g. 192.168.1.1"));
    m_rangeTo = new QLineEdit(this);
    m_rangeTo->setPlaceholderText(tr("to, e.g. 192.168.1.254"));
    auto* range = new QPushButton(tr("Scan Range"), this);
    connect(range, &QPushButton::clicked, this, &DiscoverSetupPage::scanRange);
    rangeRow->addWidget(new QLabel(tr("Cameras on another network part? Scan addresses"), this));
    rangeRow->addWidget(m_rangeFrom, 1);
    rangeRow->addWidget(m_rangeTo, 1);
    rangeRow->addWidget(range);
    layout->addLayout(rangeRow);
}

void DiscoverSetupPage::initializePage()
{
    if (m_wizard->state().cameras.isEmpty() && !m_wizard->isDiscovering())
        m_wizard->discover();
    render();
}

bool DiscoverSetupPage::isComplete() const
{
    return Wizard::canLeaveDiscovery(m_wizard->state());
}

void DiscoverSetupPage::render()
{
    m_rendering = true;
    const setup::WizardState& s = m_wizard->state();
    while (m_list->topLevelItemCount() > s.cameras.size())
        delete m_list->takeTopLevelItem(m_list->topLevelItemCount() - 1);
    for (int i = 0; i < s.cameras.size(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (!item)
            item = new QTreeWidgetItem(m_list);
        const setup::WizardCamera& c = s.cameras.at(i);
        item->setText(0, c.name.isEmpty() ? tr("Unnamed camera") : c.name);
        item->setText(1, c.isRtspUrl ? tr("RTSP stream") : c.model);
        item->setText(2, c.address);
        item->setCheckState(0, c.selected ? Qt::Checked : Qt::Unchecked);
        // Cameras Vigil already has are shown, marked, and not added twice.
        QString known;
        if (c.known.id > 0) {
            known = c.knownMoved ? tr("Already in Vigil as \"%1\", at another address: tick it "
                                      "to update its address")
                                           .arg(c.known.name)
                                 : tr("Already in Vigil as \"%1\"").arg(c.known.name);
        }
        item->setText(3, known);
        item->setDisabled(c.known.id > 0 && !c.knownMoved);
    }
    m_scan->setEnabled(!m_wizard->isDiscovering());
    m_status->setText(m_wizard->isDiscovering() ? tr("Searching…")
                                                : tr("Cameras found: %1").arg(s.cameras.size()));
    m_rendering = false;
}

void DiscoverSetupPage::addManual()
{
    const Result<setup::WizardState> added = Wizard::addManual(m_wizard->state(), m_manual->text());
    if (!added) {
        QMessageBox::warning(this, tr("Add camera"), added.error().message);
        return;
    }
    m_manual->clear();
    m_wizard->setState(added.value());
}

void DiscoverSetupPage::scanRange()
{
    const QHostAddress from(m_rangeFrom->text().trimmed());
    const QHostAddress to(m_rangeTo->text().trimmed());
    if (from.protocol() != QAbstractSocket::IPv4Protocol
            || to.protocol() != QAbstractSocket::IPv4Protocol
            || to.toIPv4Address() < from.toIPv4Address()
            || to.toIPv4Address() - from.toIPv4Address() > 1024) {
        QMessageBox::warning(this, tr("Scan addresses"),
                tr("Type two IPv4 addresses, the first not after the second, at most 1024 apart."));
        return;
    }
    QList<QHostAddress> targets;
    for (quint32 a = from.toIPv4Address(); a <= to.toIPv4Address(); ++a)
        targets << QHostAddress(a);
    m_wizard->discover(targets);
}

CredentialsSetupPage::CredentialsSetupPage(SetupWizard* wizard)
    : SetupPage(wizard)
{
    setTitle(tr("Log in to the cameras"));
    setSubTitle(tr("Vigil needs the cameras' user name and password. Many installations use the "
                   "same for all."));
    auto* layout = new QVBoxLayout(this);
    m_same = new QCheckBox(tr("The same user name and password for all cameras"), this);
    layout->addWidget(m_same);
    auto* form = new QFormLayout;
    m_user = new QLineEdit(this);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("User name:"), m_user);
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);
    m_table = makeTable(
            {tr("Camera"), tr("User name"), tr("Password"), tr("Picture"), tr("Status")}, this);
    m_table->setIconSize(QSize(128, 72));
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setItemDelegateForColumn(2, new PasswordDelegate(m_table));
    layout->addWidget(m_table, 1);
    m_check = new QPushButton(tr("Check"), this);
    layout->addWidget(m_check, 0, Qt::AlignRight);

    connect(m_same, &QCheckBox::toggled, this, &CredentialsSetupPage::credentialsEdited);
    connect(m_user, &QLineEdit::textEdited, this, &CredentialsSetupPage::credentialsEdited);
    connect(m_password, &QLineEdit::textEdited, this, &CredentialsSetupPage::credentialsEdited);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_rendering || (item->column() != 1 && item->column() != 2))
            return;
        const int index = item->data(Qt::UserRole).toInt();
        const int row = item->row();
        m_wizard->setState(Wizard::setCameraCredentials(m_wizard->state(), index,
                m_table->item(row, 1)->text(), m_table->item(row, 2)->text()));
    });
    connect(m_check, &QPushButton::clicked, m_wizard, &SetupWizard::verifySelected);
}

void CredentialsSetupPage::initializePage()
{
    // Filled from the state without feeding back into it (toggled would store the empty fields).
    const QSignalBlocker blocker(m_same);
    m_same->setChecked(m_wizard->state().sameCredentials);
    m_user->setText(m_wizard->state().sharedUser);
    m_password->setText(m_wizard->state().sharedPassword);
    render();
}

bool CredentialsSetupPage::isComplete() const
{
    return Wizard::canLeaveCredentials(m_wizard->state());
}

void CredentialsSetupPage::credentialsEdited()
{
    m_wizard->setState(Wizard::setSharedCredentials(
            m_wizard->state(), m_same->isChecked(), m_user->text(), m_password->text()));
}

void CredentialsSetupPage::render()
{
    m_rendering = true;
    const setup::WizardState& s = m_wizard->state();
    m_user->setEnabled(s.sameCredentials);
    m_password->setEnabled(s.sameCredentials);
    const QList<int> chosen = Wizard::selected(s);
    m_table->setRowCount(int(chosen.size()));
    m_table->setColumnHidden(1, s.sameCredentials);
    m_table->setColumnHidden(2, s.sameCredentials);
    for (int row = 0; row < chosen.size(); ++row) {
        const setup::WizardCamera& c = s.cameras.at(chosen.at(row));
        auto cell = [&](int column, const QString& text, bool editable) {
            QTableWidgetItem* item = m_table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(row, column, item);
            }
            item->setText(text);
            item->setData(Qt::UserRole, chosen.at(row));
            item->setFlags(editable ? Qt::ItemIsEnabled | Qt::ItemIsEditable : Qt::ItemIsEnabled);
            return item;
        };
        cell(0, c.name.isEmpty() ? c.address : c.name, false);
        cell(1, c.user, true);
        cell(2, c.password, true);
        QString status;
        switch (c.verification) {
        case Verification::NotChecked:
            status = c.isRtspUrl ? tr("RTSP stream: no check needed") : tr("Not checked yet");
            break;
        case Verification::Checking:
        case Verification::Ok:
        case Verification::Failed:
            status = c.verificationMessage;
            break;
        }
        QTableWidgetItem* picture = cell(3, QString(), false);
        QPixmap thumbnail;
        if (!c.snapshot.isEmpty() && thumbnail.loadFromData(c.snapshot, "JPEG"))
            picture->setIcon(QIcon(
                    thumbnail.scaled(128, 72, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        else
            picture->setIcon(QIcon());
        m_table->setRowHeight(
                row, c.snapshot.isEmpty() ? m_table->verticalHeader()->defaultSectionSize() : 80);
        QTableWidgetItem* statusItem = cell(4, status, false);
        statusItem->setForeground(c.verification == Verification::Failed ? QBrush(Qt::red)
                        : c.verification == Verification::Ok             ? QBrush(Qt::darkGreen)
                                                                         : QBrush());
        statusItem->setToolTip(status);
    }
    m_check->setEnabled(!m_wizard->isVerifying());
    m_rendering = false;
}

StreamsSetupPage::StreamsSetupPage(SetupWizard* wizard)
    : SetupPage(wizard)
{
    setTitle(tr("Streams"));
    setSubTitle(tr(
            "Vigil records each camera's best stream and uses its small stream for quick browsing. "
            "The choice below was made automatically; change it only if you need to."));
    auto* layout = new QVBoxLayout(this);
    m_table = makeTable({tr("Camera"), tr("Recorded stream"), tr("Small stream")}, this);
    layout->addWidget(m_table);
}

void StreamsSetupPage::initializePage()
{
    render();
}

void StreamsSetupPage::render()
{
    const setup::WizardState& s = m_wizard->state();
    const QList<int> chosen = Wizard::selected(s);
    m_table->setRowCount(int(chosen.size()));
    for (int row = 0; row < chosen.size(); ++row) {
        const int index = chosen.at(row);
        const setup::WizardCamera& c = s.cameras.at(index);
        m_table->setItem(row, 0, new QTableWidgetItem(c.name));
        if (!c.device) {
            m_table->setItem(row, 1, new QTableWidgetItem(c.address));
            m_table->setItem(row, 2, new QTableWidgetItem(tr("none")));
            continue;
        }
        for (const QString& role : {QStringLiteral("main"), QStringLiteral("sub")}) {
            auto* combo = new QComboBox(m_table);
            if (role == QLatin1String("sub"))
                combo->addItem(tr("none"), -1);
            for (int p = 0; p < c.device->profiles.size(); ++p) {
                if (c.device->profiles.at(p).isVideoStream())
                    combo->addItem(StreamText::of(c.device->profiles.at(p)), p);
            }
            combo->setCurrentIndex(
                    combo->findData(role == QLatin1String("main") ? c.mainProfile : c.subProfile));
            connect(combo, &QComboBox::activated, this, [this, combo, index, role] {
                m_wizard->setState(Wizard::chooseStream(
                        m_wizard->state(), index, role, combo->currentData().toInt()));
            });
            m_table->setCellWidget(row, role == QLatin1String("main") ? 1 : 2, combo);
        }
    }
}

StorageSetupPage::StorageSetupPage(SetupWizard* wizard)
    : SetupPage(wizard)
{
    setTitle(tr("Storage"));
    setSubTitle(tr(
            "Where recordings go and how long they are kept. Footage older than that is deleted, "
            "except footage under a legal hold."));
    auto* form = new QFormLayout(this);
    auto* folderRow = new QHBoxLayout;
    m_folder = new QLabel(this);
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* change = new QPushButton(tr("Change…"), this);
    connect(change, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
                this, tr("Recordings folder"), m_wizard->state().storageFolder);
        if (!folder.isEmpty())
            setFolder(folder);
    });
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(change);
    form->addRow(tr("Folder:"), folderRow);
    m_free = new QLabel(this);
    form->addRow(tr("Free space:"), m_free);
    m_days = new QSpinBox(this);
    m_days->setRange(1, 3650);
    m_days->setSuffix(tr(" days"));
    connect(m_days, &QSpinBox::valueChanged, this, [this](int days) {
        m_wizard->setState(Wizard::setRetentionDays(m_wizard->state(), days));
    });
    form->addRow(tr("Keep footage for:"), m_days);
    m_estimate = new QLabel(this);
    m_estimate->setWordWrap(true);
    form->addRow(QString(), m_estimate);
}

void StorageSetupPage::initializePage()
{
    if (m_wizard->state().storageFolder.isEmpty())
        setFolder(m_wizard->options().recordingsFolder);
    m_days->setValue(m_wizard->state().retentionDays);
    render();
}

void StorageSetupPage::setFolder(const QString& folder)
{
    QDir().mkpath(folder);
    const QStorageInfo storage(folder);
    m_wizard->setState(Wizard::setStorage(
            m_wizard->state(), folder, storage.isValid() ? storage.bytesAvailable() : -1));
}

void StorageSetupPage::render()
{
    const setup::WizardState& s = m_wizard->state();
    const QLocale locale;
    m_folder->setText(QDir::toNativeSeparators(s.storageFolder));
    m_free->setText(
            s.storageFreeBytes >= 0 ? locale.formattedDataSize(s.storageFreeBytes) : tr("unknown"));
    const setup::StorageEstimate e = Wizard::estimate(s);
    QString text = tr("The cameras record about %1 a day: this folder has room for about %2 days.")
                           .arg(locale.formattedDataSize(e.bytesPerDay))
                           .arg(e.daysThatFit < 10 ? QString::number(e.daysThatFit, 'f', 1)
                                                   : QString::number(qRound(e.daysThatFit)));
    if (!e.fits) {
        text += u' '
                + tr("<span style='color:#c62828'><b>That is less than the %1 days you want to "
                     "keep.</b></span> Choose a bigger disk, fewer days, or motion recording.")
                          .arg(s.retentionDays);
    }
    m_estimate->setText(text);
}

RecordingSetupPage::RecordingSetupPage(SetupWizard* wizard)
    : SetupPage(wizard)
{
    setTitle(tr("Recording"));
    setSubTitle(tr("When each camera records. Continuous recording keeps everything; recording on "
                   "motion saves space; a schedule mixes both by hour of the week."));
    auto* layout = new QVBoxLayout(this);
    m_table = makeTable({tr("Camera"), tr("Records"), tr("Schedule")}, this);
    layout->addWidget(m_table);
    m_estimate = new QLabel(this);
    m_estimate->setWordWrap(true);
    layout->addWidget(m_estimate);
}

void RecordingSetupPage::initializePage()
{
    const setup::WizardState& s = m_wizard->state();
    const QList<int> chosen = Wizard::selected(s);
    m_table->setRowCount(int(chosen.size()));
    for (int row = 0; row < chosen.size(); ++row) {
        const int index = chosen.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(s.cameras.at(index).name));
        auto* combo = new QComboBox(m_table);
        combo->addItem(tr("Continuously"), int(setup::RecordMode::Continuous));
        combo->addItem(tr("On motion"), int(setup::RecordMode::Motion));
        combo->addItem(tr("On a schedule"), int(setup::RecordMode::Schedule));
        combo->setCurrentIndex(combo->findData(int(s.cameras.at(index).mode)));
        connect(combo, &QComboBox::activated, this, [this, combo, index] {
            const auto mode = setup::RecordMode(combo->currentData().toInt());
            const bool first = mode == setup::RecordMode::Schedule
                    && m_wizard->state().cameras.at(index).mode != mode;
            m_wizard->setState(Wizard::setRecordMode(m_wizard->state(), index, mode));
            if (first) // a schedule is only what the user paints: show it at once
                editSchedule(index);
        });
        m_table->setCellWidget(row, 1, combo);
        auto* edit = new QPushButton(m_table);
        connect(edit, &QPushButton::clicked, this, [this, index] { editSchedule(index); });
        m_table->setCellWidget(row, 2, edit);
    }
    render();
}

void RecordingSetupPage::editSchedule(int index)
{
    const setup::WizardCamera& c = m_wizard->state().cameras.at(index);
    ScheduleDialog dialog(c.name,
            recording::RecordSchedule::parse(c.schedule).value_or(recording::RecordSchedule()),
            this);
    if (dialog.exec() == QDialog::Accepted)
        m_wizard->setState(
                Wizard::setSchedule(m_wizard->state(), index, dialog.schedule().toString()));
}

void RecordingSetupPage::render()
{
    const setup::WizardState& s = m_wizard->state();
    const QList<int> chosen = Wizard::selected(s);
    for (int row = 0; row < chosen.size() && row < m_table->rowCount(); ++row) {
        const setup::WizardCamera& c = s.cameras.at(chosen.at(row));
        if (auto* edit = qobject_cast<QPushButton*>(m_table->cellWidget(row, 2))) {
            const bool scheduled = c.mode == setup::RecordMode::Schedule;
            edit->setEnabled(scheduled);
            edit->setText(scheduled ? ScheduleDialog::summary(
                                  recording::RecordSchedule::parse(c.schedule)
                                          .value_or(recording::RecordSchedule()))
                                    : tr("—"));
            edit->setToolTip(scheduled ? tr("Edit the weekly schedule") : QString());
        }
    }
    const QLocale locale;
    const setup::StorageEstimate e = Wizard::estimate(s);
    m_estimate->setText(tr("With these choices the cameras record about %1 a day.")
                                .arg(locale.formattedDataSize(e.bytesPerDay)));
}

SummarySetupPage::SummarySetupPage(SetupWizard* wizard)
    : SetupPage(wizard)
{
    setTitle(tr("Summary"));
    setSubTitle(tr("Check the plan, save it for your records, then add the cameras."));
    auto* layout = new QVBoxLayout(this);
    m_report = new QTextBrowser(this);
    layout->addWidget(m_report, 1);
    auto* save = new QPushButton(tr("Save as PDF…"), this);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the commissioning report"),
                QStringLiteral("vigil-commissioning.pdf"), tr("PDF documents (*.pdf)"));
        if (!path.isEmpty() && !m_wizard->saveReportPdf(path))
            QMessageBox::warning(
                    this, tr("Report not saved"), tr("Vigil could not write \"%1\".").arg(path));
    });
    layout->addWidget(save, 0, Qt::AlignRight);
}

void SummarySetupPage::initializePage()
{
    m_report->setHtml(m_wizard->reportHtml());
}

} // namespace vigil::widgets
