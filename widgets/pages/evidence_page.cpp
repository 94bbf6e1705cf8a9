#include "widgets/pages/evidence_page.h"

#include "core/catalog/camera_store.h"
#include "core/export/evidence_package.h"
#include "core/export/export_queue.h"
#include "core/security/session.h"
#include "widgets/empty_state.h"
#include "widgets/evidence/export_dialog.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {

enum Column {
    CaseColumn,
    CamerasColumn,
    RangeColumn,
    ContentsColumn,
    ProgressColumn,
    ActionColumn
};

QString remainingText(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = (ms + 999) / 1000;
    return s < 60 ? EvidencePage::tr("%n s left", nullptr, int(s))
                  : EvidencePage::tr("%n min left", nullptr, int((s + 59) / 60));
}

} // namespace

EvidencePage::EvidencePage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
    , m_context(context)
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* create = new QPushButton(
            QIcon(QStringLiteral(":/icons/evidence.svg")), tr("New Export…"), this);
    create->setObjectName(QStringLiteral("newExport"));
    auto* verify = new QPushButton(tr("Check a Package…"), this);
    verify->setObjectName(QStringLiteral("verifyPackage"));
    bar->addWidget(create);
    bar->addWidget(verify);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_stack = new QStackedWidget(this);
    m_emptyState = new EmptyState(icon(), tr("No exports yet"),
            tr("An export makes an evidence package: the footage with faces and licence plates "
               "hidden, the original if a supervisor approves, and hashes and a signature anyone "
               "can check. Choose New Export, or select a stretch in Playback."),
            this);
    m_stack->addWidget(m_emptyState);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("exportTable"));
    m_table->setHorizontalHeaderLabels(
            {tr("Case"), tr("Cameras"), tr("Time"), tr("Contents"), tr("Progress"), QString()});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ProgressColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stack->addWidget(m_table);
    layout->addWidget(m_stack, 1);

    const bool usable = context.session && context.cameras && !context.catalogPath.isEmpty();
    create->setEnabled(usable);
    if (usable) {
        m_queue = new evidence::ExportQueue(
                {context.catalogPath, context.recordingsPath, context.session->keysDir()}, this);
        connect(m_queue, &evidence::ExportQueue::taskChanged, this, &EvidencePage::showTask);
    }
    connect(create, &QPushButton::clicked, this, [this] { newExport(); });
    connect(verify, &QPushButton::clicked, this, &EvidencePage::verifyPackage);
}

EvidencePage::~EvidencePage() = default;

QString EvidencePage::title() const
{
    return tr("Evidence");
}

QIcon EvidencePage::icon() const
{
    return QIcon(QStringLiteral(":/icons/evidence.svg"));
}

void EvidencePage::newExport(const QList<qint64>& cameraIds, qint64 fromMs, qint64 toMs)
{
    if (!m_queue)
        return;
    ExportDialog dialog(*m_context.cameras, this);
    if (toMs > fromMs)
        dialog.setRange(cameraIds, fromMs, toMs);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const evidence::ExportSpec spec = dialog.spec();
    security::Session& session = *m_context.session;
    std::optional<security::Principal> approver;
    if (spec.original
            && !security::Access::roleHas(
                    session.principal().role, security::Permission::ExportOriginal)
            && !session.isSetupMode()) {
        ApprovalDialog approval(this);
        if (approval.exec() != QDialog::Accepted)
            return;
        const Result<security::Principal> who = security::Session::authenticate(session.catalog(),
                session.keysDir(), approval.login(), approval.password(),
                QStringLiteral("export approval"), {{QStringLiteral("case"), spec.caseNumber}});
        if (!who) {
            QMessageBox::warning(this, tr("Supervisor's Approval"), who.error().message);
            return;
        }
        approver = who.value();
    }
    const Result<int> queued = m_queue->enqueue(session.principal(), spec, approver);
    if (!queued) {
        (void)session.audit(QStringLiteral("refused"), QStringLiteral("export"),
                {{QStringLiteral("reason"), queued.error().message}});
        QMessageBox::warning(this, tr("New Export"), queued.error().message);
    }
}

void EvidencePage::verifyPackage()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Evidence package folder"));
    if (dir.isEmpty())
        return;
    const Result<evidence::EvidencePackage::Verification> v
            = evidence::EvidencePackage::verify(dir);
    if (!v) {
        QMessageBox::warning(this, tr("Check a Package"), v.error().message);
    } else if (v->intact) {
        QMessageBox::information(this, tr("Check a Package"),
                tr("The package holds: its signature matches its manifest, and all %n file(s) "
                   "match their SHA-256.\n\nSigned by the key with the fingerprint\n%1",
                        nullptr, v->filesChecked)
                        .arg(v->fingerprint));
    } else {
        QMessageBox::critical(this, tr("Check a Package"),
                tr("The package does not hold: %1\n\n%2").arg(v->failedFile, v->problem));
    }
}

void EvidencePage::showTask(int id)
{
    const std::optional<evidence::ExportTask> task = m_queue->task(id);
    if (!task)
        return;
    int row = int(m_rows.indexOf(id));
    if (row < 0) {
        row = 0;
        m_rows.prepend(id); // newest first
        m_table->insertRow(0);
        const evidence::ExportSpec& s = task->spec;
        const QLocale locale;
        QStringList names;
        if (const auto cameras = m_context.cameras->list(); cameras) {
            for (const catalog::CameraRecord& c : cameras.value())
                if (s.cameraIds.contains(c.id))
                    names << c.name;
        }
        QStringList contents;
        if (s.redacted)
            contents << tr("redacted");
        if (s.original)
            contents << tr("original");
        const auto item = [](const QString& text) { return new QTableWidgetItem(text); };
        m_table->setItem(0, CaseColumn, item(s.caseNumber));
        m_table->setItem(0, CamerasColumn, item(names.join(QStringLiteral(", "))));
        m_table->setItem(0, RangeColumn,
                item(tr("%1 – %2").arg(locale.toString(QDateTime::fromMSecsSinceEpoch(s.fromMs),
                                               QLocale::ShortFormat),
                        locale.toString(
                                QDateTime::fromMSecsSinceEpoch(s.toMs), QLocale::ShortFormat))));
        m_table->setItem(0, ContentsColumn, item(contents.join(QStringLiteral(", "))));
        auto* bar = new QProgressBar(m_table);
        bar->setRange(0, 1000);
        m_table->setCellWidget(0, ProgressColumn, bar);
        auto* action = new QPushButton(m_table);
        connect(action, &QPushButton::clicked, this, [this, id] {
            const std::optional<evidence::ExportTask> t = m_queue->task(id);
            if (!t)
                return;
            if (t->state == evidence::ExportTask::State::Done)
                QDesktopServices::openUrl(QUrl::fromLocalFile(t->summary.outDir));
            else
                m_queue->cancel(id);
        });
        m_table->setCellWidget(0, ActionColumn, action);
        m_stack->setCurrentWidget(m_table);
    }
    auto* bar = qobject_cast<QProgressBar*>(m_table->cellWidget(row, ProgressColumn));
    auto* action = qobject_cast<QPushButton*>(m_table->cellWidget(row, ActionColumn));
    using State = evidence::ExportTask::State;
    bar->setValue(int(task->progress * 1000));
    switch (task->state) {
    case State::Queued:
        bar->setFormat(tr("Waiting"));
        action->setText(tr("Cancel"));
        break;
    case State::Running:
        bar->setFormat(
                QStringLiteral("%1 — %p% %2").arg(task->step, remainingText(task->remainingMs)));
        action->setText(tr("Cancel"));
        break;
    case State::Done:
        bar->setFormat(tr("Done: %1").arg(QDir::toNativeSeparators(task->summary.outDir)));
        action->setText(tr("Open Folder"));
        break;
    case State::Failed:
        bar->setFormat(tr("Failed: %1").arg(task->error));
        action->setEnabled(false);
        action->setText(tr("Failed"));
        break;
    case State::Cancelled:
        bar->setValue(0);
        bar->setFormat(tr("Cancelled"));
        action->setEnabled(false);
        action->setText(tr("Cancelled"));
        break;
    }
    bar->setToolTip(bar->format());
}

} // namespace vigil::widgets
