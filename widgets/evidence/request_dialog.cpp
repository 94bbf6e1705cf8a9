#include "widgets/evidence/request_dialog.h"

#include "core/catalog/camera_store.h"
#include "core/export/requests.h"
#include "widgets/evidence/footage_fields.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::widgets {

RequestDialog::RequestDialog(
        catalog::CameraStore& cameras, const catalog::SettingsStore* settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("New Request"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_number = new QLineEdit(this);
    m_number->setObjectName(QStringLiteral("requestNumber"));
    m_number->setPlaceholderText(tr("The request's reference, e.g. PR-2026-017"));
    form->addRow(tr("Number:"), m_number);
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("requestType"));
    for (const QString& type : evidence::Requests::requesterTypes())
        m_type->addItem(evidence::Requests::requesterTypeName(type), type);
    m_type->setCurrentIndex(
            int(evidence::Requests::requesterTypes().indexOf(QStringLiteral("citizen"))));
    form->addRow(tr("Requested by:"), m_type);
    m_requester = new QLineEdit(this);
    m_requester->setObjectName(QStringLiteral("requestRequester"));
    m_requester->setPlaceholderText(tr("Court, office or person"));
    form->addRow(tr("Requester:"), m_requester);
    m_basis = new QLineEdit(this);
    m_basis->setObjectName(QStringLiteral("requestBasis"));
    m_basis->setPlaceholderText(tr("Court order, public-records law…"));
    form->addRow(tr("Legal basis:"), m_basis);
    m_received = new QDateEdit(QDate::currentDate(), this);
    m_received->setCalendarPopup(true);
    m_due = new QDateEdit(QDate::currentDate(), this);
    m_due->setObjectName(QStringLiteral("requestDue"));
    m_due->setCalendarPopup(true);
    form->addRow(tr("Received:"), m_received);
    form->addRow(tr("Due:"), m_due);
    m_footage = std::make_unique<FootageFields>(
            cameras, form, QStringLiteral("request"), tr("Footage from:"), tr("Footage to:"), this);
    m_notes = new QPlainTextEdit(this);
    m_notes->setMaximumHeight(70);
    form->addRow(tr("Notes:"), m_notes);
    layout->addLayout(form);
    connect(m_type, &QComboBox::currentIndexChanged, this, &RequestDialog::updateDue);
    connect(m_received, &QDateEdit::dateChanged, this, &RequestDialog::updateDue);
    updateDue();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add Request"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

RequestDialog::~RequestDialog() = default;

void RequestDialog::updateDue()
{
    if (!m_settings)
        return;
    const qint64 received = m_received->date().startOfDay().toMSecsSinceEpoch();
    m_due->setDate(QDateTime::fromMSecsSinceEpoch(
            evidence::Requests::dueMs(*m_settings, m_type->currentData().toString(), received))
                           .date());
}

catalog::RequestRecord RequestDialog::request() const
{
    catalog::RequestRecord r;
    r.number = m_number->text().trimmed();
    r.requesterType = m_type->currentData().toString();
    r.requester = m_requester->text().trimmed();
    r.legalBasis = m_basis->text().trimmed();
    r.receivedMs = m_received->date().startOfDay().toMSecsSinceEpoch();
    r.dueMs = m_due->date().endOfDay().toMSecsSinceEpoch();
    r.notes = m_notes->toPlainText();
    for (qint64 camera : m_footage->checkedCameras())
        r.footage << catalog::RequestFootage {0, camera, m_footage->fromMs(), m_footage->toMs(), 0};
    return r;
}

void RequestDialog::accept()
{
    const catalog::RequestRecord r = request();
    QString problem;
    if (r.number.isEmpty())
        problem = tr("Give the request's number.");
    else if (r.footage.isEmpty())
        problem = tr("Choose the cameras whose footage is asked for.");
    else if (r.footage.first().endMs <= r.footage.first().startMs)
        problem = tr("The footage asked for must end after it starts.");
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    QDialog::accept();
}

} // namespace vigil::widgets
