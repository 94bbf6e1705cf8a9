#include "widgets/evidence/approvals_panel.h"

#include "core/catalog/camera_store.h"
#include "core/export/approvals.h"
#include "core/security/session.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {

enum Column { AskedBy, Asked, Case, Cameras, Footage, Status };

} // namespace

ApprovalsPanel::ApprovalsPanel(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("approvalsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    auto* title = new QLabel(tr("<b>Originals waiting for a supervisor</b>"), this);
    m_grant = new QPushButton(tr("Grant…"), this);
    m_grant->setObjectName(QStringLiteral("grantApproval"));
    m_refuse = new QPushButton(tr("Refuse…"), this);
    m_refuse->setObjectName(QStringLiteral("refuseApproval"));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportApproved"));
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_grant);
    bar->addWidget(m_refuse);
    bar->addWidget(m_export);
    layout->addLayout(bar);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("approvalTable"));
    m_table->setHorizontalHeaderLabels(
            {tr("Asked by"), tr("Asked"), tr("Case"), tr("Cameras"), tr("Footage"), tr("Status")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_table);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ApprovalsPanel::updateButtons);
    connect(m_grant, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_refuse, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_listed.size())
            return;
        evidence::ExportSpec spec = m_listed.at(row).spec;
        spec.approvalId = m_listed.at(row).record.id;
        Q_EMIT exportApproved(spec);
    });
    if (m_context.session)
        connect(m_context.session, &security::Session::principalChanged, this,
                &ApprovalsPanel::refresh);
    refresh();
}

void ApprovalsPanel::refresh()
{
    const int current = m_table->currentRow();
    const qint64 selected
            = current >= 0 && current < m_listed.size() ? m_listed.at(current).record.id : 0;
    m_table->setRowCount(0);
    m_listed.clear();
    const auto list = m_context.approvals
            ? m_context.approvals->list()
            : Result<QList<evidence::ApprovalInfo>>(QList<evidence::ApprovalInfo>());
    QHash<qint64, QString> names;
    if (m_context.cameras)
        if (const auto cameras = m_context.cameras->list(); cameras)
            for (const catalog::CameraRecord& c : cameras.value())
                names.insert(c.id, c.name);
    const QLocale locale;
    if (list) {
        for (const evidence::ApprovalInfo& a : list.value()) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            m_listed << a;
            QStringList cameras;
            for (qint64 id : a.spec.cameraIds)
                cameras << names.value(id, tr("Camera %1").arg(id));
            const QString footage = tr("%1 – %2").arg(
                    locale.toString(
                            QDateTime::fromMSecsSinceEpoch(a.spec.fromMs), QLocale::ShortFormat),
                    locale.toString(QDateTime::fromMSecsSinceEpoch(a.spec.toMs).time(),
                            QLocale::ShortFormat));
            QString status = evidence::Approvals::statusName(a.record.status);
            if (!a.record.decidedLogin.isEmpty())
                status += QLatin1String(" (") + a.record.decidedLogin + QLatin1Char(')');
            if (!a.record.note.isEmpty())
                status += QLatin1String(": ") + a.record.note;
            const QStringList cells {a.record.requestedLogin,
                    locale.toString(QDateTime::fromMSecsSinceEpoch(a.record.requestedMs),
                            QLocale::ShortFormat),
                    a.spec.caseNumber, cameras.join(QStringLiteral(", ")), footage, status};
            for (int c = 0; c < cells.size(); ++c) {
                auto* item = new QTableWidgetItem(cells.at(c));
                item->setData(Qt::UserRole, a.record.status);
                item->setData(Qt::UserRole + 1, a.record.requestedBy);
                m_table->setItem(row, c, item);
            }
            if (a.record.id == selected)
                m_table->selectRow(row);
        }
    }
    setVisible(m_table->rowCount() > 0);
    updateButtons();
}

void ApprovalsPanel::updateButtons()
{
    const int row = m_table->currentRow();
    const QTableWidgetItem* item = row >= 0 ? m_table->item(row, Status) : nullptr;
    const QString status = item ? item->data(Qt::UserRole).toString() : QString();
    const qint64 askedBy = item ? item->data(Qt::UserRole + 1).toLongLong() : 0;
    const security::Principal me
            = m_context.session ? m_context.session->principal() : security::Principal::setupMode();
    const bool supervisor = security::Access::roleHas(me.role, security::Permission::ApproveRelease)
            && (me.isSetupMode() || me.userId != askedBy);
    m_grant->setEnabled(status == QLatin1String("pending") && supervisor);
    m_refuse->setEnabled(status == QLatin1String("pending") && supervisor);
    m_export->setEnabled(status == QLatin1String("granted") && me.userId == askedBy);
}

void ApprovalsPanel::decide(bool grant)
{
    const int row = m_table->currentRow();
    if (row < 0 || !m_context.approvals)
        return;
    QString note;
    if (grant) {
        if (QMessageBox::question(this, tr("Grant the Original"),
                    tr("Release the original (unredacted) footage of case %1 to %2? The package "
                       "will name you as the supervisor who approved it.")
                            .arg(m_table->item(row, Case)->text(),
                                    m_table->item(row, AskedBy)->text()))
                != QMessageBox::Yes)
            return;
    } else {
        bool ok = false;
        note = QInputDialog::getText(this, tr("Refuse the Original"),
                tr("Why is the original refused? (%1 sees this.)")
                        .arg(m_table->item(row, AskedBy)->text()),
                QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
    }
    const Result<void> decided
            = m_context.approvals->decide(m_listed.at(row).record.id, grant, note);
    if (!decided)
        QMessageBox::warning(this, tr("Approval"), decided.error().message);
    refresh();
}

} // namespace vigil::widgets
