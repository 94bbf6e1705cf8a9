#include "widgets/security/transparency_dialog.h"

#include "core/security/access.h"
#include "core/security/session.h"
#include "core/security/transparency_report.h"

#include <QDate>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::widgets {

TransparencyDialog::TransparencyDialog(security::Session& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("transparencyDialog"));
    setWindowTitle(tr("Transparency Report"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("What the cameras were used for, in numbers a town can publish: "
                                "cameras and their retention, hours recorded, live views, "
                                "playback, exports, holds, masks lifted, failed logins. No "
                                "footage and no names."),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    const QDate today = QDate::currentDate();
    m_from = new QDateEdit(QDate(today.year(), 1, 1), this);
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today, this);
    m_to->setCalendarPopup(true);
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To (included):"), m_to);
    layout->addLayout(form);
    m_result = new QLabel(this);
    m_result->setWordWrap(true);
    layout->addWidget(m_result);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* saveButton = buttons->addButton(tr("Save…"), QDialogButtonBox::ActionRole);
    connect(saveButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the Transparency Report"),
                QDir::home().filePath(QStringLiteral("vigil-transparency-report.pdf")),
                tr("PDF documents (*.pdf);;CSV files (*.csv)"));
        if (!path.isEmpty())
            save(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

bool TransparencyDialog::save(const QString& path)
{
    if (const Result<void> allowed = m_session.check(
                security::Permission::ViewAudit, 0, QStringLiteral("report_transparency"));
            !allowed) {
        m_result->setText(allowed.error().message);
        return false;
    }
    const qint64 from = m_from->date().startOfDay().toMSecsSinceEpoch();
    const qint64 to = m_to->date().addDays(1).startOfDay().toMSecsSinceEpoch();
    const Result<security::TransparencyReport> report
            = security::TransparencyReport::build(m_session.catalog(), from, to);
    Result<void> saved = report ? report->save(path) : Result<void>(report.error());
    if (!saved) {
        m_result->setText(saved.error().message);
        return false;
    }
    (void)m_session.audit(QStringLiteral("report_transparency"), QDir::toNativeSeparators(path),
            {{QStringLiteral("from_ms"), from}, {QStringLiteral("to_ms"), to}});
    m_result->setText(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace vigil::widgets
