#include "widgets/pages/evidence_page.h"

#include "core/catalog/camera_store.h"
#include "core/export/approvals.h"
#include "core/export/evidence_package.h"
#include "core/export/export_queue.h"
#include "core/export/requests.h"
#include "core/security/audit_actions.h"
#include "core/security/session.h"
#include "widgets/empty_state.h"
#include "widgets/evidence/approvals_panel.h"
#include "widgets/evidence/export_dialog.h"
#include "widgets/evidence/redaction_editor.h"
#include "widgets/evidence/request_dialog.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vigil::widgets {

namespace {

enum Column {
    CaseColumn,
    CamerasColumn,
    RangeColumn,
    ContentsColumn,
    ProgressColumn,
    StepColumn,
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
    auto* request = new QPushButton(tr("New Request…"), this);
    request->setObjectName(QStringLiteral("newRequest"));
    m_exportRequest = new QPushButton(tr("Export Request…"), this);
    m_exportRequest->setObjectName(QStringLiteral("exportRequest"));
    m_status = new QPushButton(tr("Status"), this);
    m_status->setObjectName(QStringLiteral("requestStatus"));
    auto* statusMenu = new QMenu(m_status);
    for (const QString& status : evidence::Requests::statuses()) {
        if (status == QLatin1String("new"))
            continue;
        statusMenu->addAction(evidence::Requests::statusName(status), this,
                [this, status] { setRequestStatus(status); });
    }
    m_status->setMenu(statusMenu);
    bar->addWidget(request);
    bar->addWidget(m_exportRequest);
    bar->addWidget(m_status);
    bar->addSpacing(24);
    bar->addWidget(create);
    bar->addWidget(verify);
    bar->addStretch(1);
    layout->addLayout(bar);

    // Records requests, the soonest due first; overdue ones in red.
    m_requests = new QTableWidget(0, 7, this);
    m_requests->setObjectName(QStringLiteral("requestTable"));
    m_requests->setHorizontalHeaderLabels({tr("Request"), tr("Requested by"), tr("Legal basis"),
            tr("Received"), tr("Due"), tr("Status"), tr("Cameras")});
    m_requests->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_requests->horizontalHeader()->setStretchLastSection(true);
    m_requests->verticalHeader()->hide();
    m_requests->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_requests->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_requests->setSelectionMode(QAbstractItemView::SingleSelection);
    const auto selectionChanged = [this] {
        const int row = m_requests->currentRow();
        const bool open = row >= 0 && m_requests->item(row, 5)
                && m_requests->item(row, 5)->data(Qt::UserRole).toBool();
        m_exportRequest->setEnabled(open);
        m_status->setEnabled(open);
    };
    connect(m_requests, &QTableWidget::itemSelectionChanged, this, selectionChanged);

    m_stack = new QStackedWidget(this);
    m_emptyState = new EmptyState(icon(), tr("No exports yet"),
            tr("An export makes an evidence package: the footage with faces and licence plates "
               "hidden, the original if a supervisor approves, and hashes and a signature anyone "
               "can check. Choose New Export, or select a stretch in Playback."),
            this);
    m_stack->addWidget(m_emptyState);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("exportTable"));
    m_table->setHorizontalHeaderLabels({tr("Case"), tr("Cameras"), tr("Time"), tr("Contents"),
            tr("Progress"), tr("Now"), QString()});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StepColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(ProgressColumn, QHeaderView::Fixed);
    m_table->setColumnWidth(ProgressColumn, 180);
    m_table->verticalHeader()->setDefaultSectionSize(32);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stack->addWidget(m_table);
    m_approvals = new ApprovalsPanel(context, this);
    connect(m_approvals, &ApprovalsPanel::exportApproved, this,
            [this](const evidence::ExportSpec& spec) {
                // The granted footage, as asked; the folder (and a narrower range) are the
                // clerk's to choose.
                m_pendingApprovalId = spec.approvalId;
                m_pendingCase = {spec.caseNumber, spec.reason};
                m_pendingRequest = spec.request;
                newExport(spec.cameraIds, spec.fromMs, spec.toMs);
                m_pendingApprovalId = 0;
                m_pendingCase = {};
                m_pendingRequest = {};
            });
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_requests);
    split->addWidget(m_approvals);
    split->addWidget(m_stack);
    layout->addWidget(split, 1);

    const bool usable = context.session && context.cameras && !context.catalogPath.isEmpty();
    create->setEnabled(usable);
    request->setEnabled(usable && context.requests);
    if (usable) {
        m_queue = new evidence::ExportQueue(
                {context.catalogPath, context.recordingsPath, context.session->keysDir()}, this);
        connect(m_queue, &evidence::ExportQueue::taskChanged, this, &EvidencePage::showTask);
    }
    connect(create, &QPushButton::clicked, this, [this] { newExport(); });
    connect(request, &QPushButton::clicked, this, &EvidencePage::newRequest);
    connect(m_exportRequest, &QPushButton::clicked, this, &EvidencePage::exportRequest);
    refreshRequests();
    selectionChanged();
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
    if (!m_pendingCase.first.isEmpty())
        dialog.setCase(m_pendingCase.first, m_pendingCase.second);
    if (m_pendingApprovalId > 0)
        dialog.setOriginal(true);
    if (dialog.exec() != QDialog::Accepted)
        return;
    evidence::ExportSpec spec = dialog.spec();
    spec.request = m_pendingRequest;
    if (dialog.review() && spec.redacted && !reviewTracks(spec))
        return;
    security::Session& session = *m_context.session;
    std::optional<security::Principal> approver;
    if (spec.original && m_pendingApprovalId > 0) {
        spec.approvalId = m_pendingApprovalId; // granted earlier: the job checks it
    } else if (spec.original
            && !security::Access::roleHas(
                    session.principal().role, security::Permission::ExportOriginal)
            && !session.isSetupMode()) {
        // A supervisor logs in here now, or grants it later from their own login.
        QMessageBox ask(QMessageBox::Question, tr("Supervisor's Approval"),
                tr("Releasing the original (unredacted) footage needs a supervisor's approval."),
                QMessageBox::Cancel, this);
        ask.setObjectName(QStringLiteral("approvalChoice"));
        QPushButton* here = ask.addButton(tr("A Supervisor Is Here…"), QMessageBox::AcceptRole);
        here->setObjectName(QStringLiteral("supervisorHere"));
        QPushButton* later = ask.addButton(tr("Ask a Supervisor"), QMessageBox::ActionRole);
        later->setObjectName(QStringLiteral("askSupervisor"));
        ask.exec();
        if (ask.clickedButton() == later && m_context.approvals) {
            const Result<qint64> asked = m_context.approvals->ask(spec);
            if (!asked)
                QMessageBox::warning(this, tr("Supervisor's Approval"), asked.error().message);
            else
                QMessageBox::information(this, tr("Supervisor's Approval"),
                        tr("A supervisor can now grant it from their own login, on this page. "
                           "Once granted, choose it under \"Originals waiting for a "
                           "supervisor\" and Export…."));
            m_approvals->refresh();
            return;
        }
        if (ask.clickedButton() != here)
            return;
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
    if (queued && m_pendingRequestId > 0 && m_context.requests) {
        // A request being answered is in redaction.
        const auto list = m_context.requests->list();
        if (list) {
            for (const catalog::RequestRecord& r : list.value())
                if (r.id == m_pendingRequestId && r.status == QLatin1String("new"))
                    (void)m_context.requests->setStatus(r.id, QStringLiteral("redaction"));
        }
        refreshRequests();
    }
    if (!queued) {
        (void)session.audit(QLatin1String(security::audit::kRefused), QStringLiteral("export"),
                {{QStringLiteral("reason"), queued.error().message}});
        QMessageBox::warning(this, tr("New Export"), queued.error().message);
    }
}

void EvidencePage::refreshRequests()
{
    m_requests->setRowCount(0);
    m_requestIds.clear();
    m_requests->setVisible(m_context.requests);
    if (!m_context.requests)
        return;
    const Result<QList<catalog::RequestRecord>> list = m_context.requests->list();
    if (!list)
        return;
    QHash<qint64, QString> names;
    if (const auto cameras = m_context.cameras->list(); cameras)
        for (const catalog::CameraRecord& c : cameras.value())
            names.insert(c.id, c.name);
    const QLocale locale;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const catalog::RequestRecord& r : list.value()) {
        const int row = m_requests->rowCount();
        m_requests->insertRow(row);
        m_requestIds << r.id;
        QStringList cameras;
        for (const catalog::RequestFootage& f : r.footage)
            if (!cameras.contains(names.value(f.cameraId)))
                cameras << names.value(f.cameraId);
        const QDate due = QDateTime::fromMSecsSinceEpoch(r.dueMs).date();
        QString dueText = locale.toString(due, QLocale::ShortFormat);
        const bool overdue = r.isOpen() && r.dueMs < now;
        if (overdue)
            dueText = tr(
                    "%1 — overdue by %n day(s)", nullptr, int(due.daysTo(QDate::currentDate())))
                              .arg(dueText);
        const QStringList cells {r.number,
                evidence::Requests::requesterTypeName(r.requesterType)
                        + (r.requester.isEmpty() ? QString() : QStringLiteral(": ") + r.requester),
                r.legalBasis,
                locale.toString(
                        QDateTime::fromMSecsSinceEpoch(r.receivedMs).date(), QLocale::ShortFormat),
                dueText, evidence::Requests::statusName(r.status),
                cameras.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (overdue)
                item->setForeground(QColor(0xb0, 0x1c, 0x1c));
            if (!r.isOpen())
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_requests->setItem(row, c, item);
        }
        m_requests->item(row, 5)->setData(Qt::UserRole, r.isOpen());
        m_requests->item(row, 4)->setData(Qt::UserRole, overdue);
    }
    if (!list->isEmpty())
        m_stack->setCurrentWidget(m_table);
}

void EvidencePage::newRequest()
{
    if (!m_context.requests)
        return;
    RequestDialog dialog(*m_context.cameras, m_context.settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Result<qint64> added = m_context.requests->create(dialog.request());
    if (!added)
        QMessageBox::warning(this, tr("New Request"), added.error().message);
    refreshRequests();
}

void EvidencePage::setRequestStatus(const QString& status)
{
    const int row = m_requests->currentRow();
    if (!m_context.requests || row < 0 || row >= m_requestIds.size())
        return;
    if (evidence::Requests::closes(status)
            && QMessageBox::question(this, tr("Close the Request"),
                       tr("Mark the request \"%1\" as %2? It closes, and its footage is no "
                          "longer held: retention may delete it when it is due.")
                               .arg(m_requests->item(row, 0)->text(),
                                       evidence::Requests::statusName(status)))
                    != QMessageBox::Yes)
        return;
    if (const Result<void> changed = m_context.requests->setStatus(m_requestIds.at(row), status);
            !changed)
        QMessageBox::warning(this, tr("Request"), changed.error().message);
    refreshRequests();
}

void EvidencePage::exportRequest()
{
    const int row = m_requests->currentRow();
    if (!m_queue || !m_context.requests || row < 0 || row >= m_requestIds.size())
        return;
    const auto list = m_context.requests->list();
    if (!list)
        return;
    const auto found = std::find_if(list->cbegin(), list->cend(),
            [&](const catalog::RequestRecord& r) { return r.id == m_requestIds.at(row); });
    if (found == list->cend() || found->footage.isEmpty())
        return;
    QList<qint64> cameras;
    qint64 from = found->footage.first().startMs;
    qint64 to = found->footage.first().endMs;
    for (const catalog::RequestFootage& f : found->footage) {
        cameras << f.cameraId;
        from = std::min(from, f.startMs);
        to = std::max(to, f.endMs);
    }
    m_pendingRequest = QJsonObject {{QStringLiteral("number"), found->number},
            {QStringLiteral("requester_type"), found->requesterType},
            {QStringLiteral("requester"), found->requester},
            {QStringLiteral("legal_basis"), found->legalBasis},
            {QStringLiteral("received_utc"),
                    QDateTime::fromMSecsSinceEpoch(found->receivedMs, Qt::UTC)
                            .toString(Qt::ISODate)},
            {QStringLiteral("due_utc"),
                    QDateTime::fromMSecsSinceEpoch(found->dueMs, Qt::UTC).toString(Qt::ISODate)}};
    m_pendingRequestId = found->id;
    m_pendingCase = {found->number,
            found->legalBasis.isEmpty()
                    ? evidence::Requests::requesterTypeName(found->requesterType)
                    : found->legalBasis};
    newExport(cameras, from, to);
    m_pendingRequest = {};
    m_pendingRequestId = 0;
    m_pendingCase = {};
}

bool EvidencePage::reviewTracks(evidence::ExportSpec& spec)
{
    security::Session& session = *m_context.session;
    const evidence::ExportPaths paths {
            m_context.catalogPath, m_context.recordingsPath, session.keysDir()};
    QHash<qint64, QString> names;
    if (const auto cameras = m_context.cameras->list(); cameras)
        for (const catalog::CameraRecord& c : cameras.value())
            names.insert(c.id, c.name);
    for (qint64 camera : std::as_const(spec.cameraIds)) {
        // Found in the background, with progress and cancel; then a person decides.
        QProgressDialog waiting(tr("Finding faces and plates: %1").arg(names.value(camera)),
                tr("Cancel"), 0, 1000, this);
        waiting.setWindowTitle(tr("Review"));
        waiting.setMinimumDuration(0);
        waiting.setWindowModality(Qt::WindowModal);
        auto cancel = std::make_shared<std::atomic_bool>(false);
        auto share = std::make_shared<std::atomic<int>>(0);
        const security::Principal who = session.principal();
        QFuture<Result<evidence::ReviewMaterial>> future = QtConcurrent::run([=] {
            return evidence::prepareReview(paths, who, spec, camera, cancel.get(),
                    [share](double done) { share->store(int(done * 1000)); });
        });
        QFutureWatcher<Result<evidence::ReviewMaterial>> watcher;
        QEventLoop loop;
        connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer tick;
        QElapsedTimer clock;
        clock.start();
        const QString finding = waiting.labelText();
        connect(&tick, &QTimer::timeout, &waiting, [&] {
            const int done = share->load();
            waiting.setValue(done);
            // Time left from the pace so far, once there is a pace.
            if (done >= 20 && clock.elapsed() > 1500)
                waiting.setLabelText(finding + QLatin1Char('\n')
                        + remainingText(clock.elapsed() * (1000 - done) / done));
            if (waiting.wasCanceled())
                cancel->store(true);
        });
        tick.start(100);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
        waiting.close();
        const Result<evidence::ReviewMaterial> material = future.result();
        if (!material) {
            if (material.error().code != Error::Code::NotFound
                    && material.error().code != Error::Code::Cancelled)
                QMessageBox::warning(this, tr("Review"), material.error().message);
            if (material.error().code == Error::Code::NotFound)
                continue; // nothing recorded there: the export says so
            return false;
        }
        evidence::Requests* requests = m_context.requests;
        const qint64 requestId = m_pendingRequestId;
        const qint64 fromMs = spec.fromMs;
        const qint64 toMs = spec.toMs;
        RedactionEditor::Save save;
        if (requests)
            save = [=](const redaction::RedactionLog& log, int position) {
                return requests->saveRedaction(camera, fromMs, toMs, requestId, log, position);
            };
        RedactionEditor review(names.value(camera), material->original, material->log,
                material->pictures, material->position, save, this);
        if (material->resumed)
            review.setWindowTitle(review.windowTitle() + QLatin1String(" — ")
                    + tr("reopened as saved on %1")
                              .arg(QLocale().toString(
                                      QDateTime::fromMSecsSinceEpoch(material->savedMs),
                                      QLocale::ShortFormat)));
        if (review.exec() != QDialog::Accepted)
            return false;
        redaction::RedactionLog decided = review.log();
        decided.reviewedBy = session.isSetupMode() ? tr("(setup)") : session.principal().login;
        decided.reviewedMs = QDateTime::currentMSecsSinceEpoch();
        spec.reviewed.insert(camera, decided);
    }
    return true;
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
        m_table->setItem(0, StepColumn, item(QString()));
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
    QTableWidgetItem* now = m_table->item(row, StepColumn);
    bar->setValue(int(task->progress * 1000));
    bar->setFormat(QStringLiteral("%p%"));
    switch (task->state) {
    case State::Queued:
        now->setText(tr("Waiting"));
        action->setText(tr("Cancel"));
        break;
    case State::Running:
        bar->setFormat(task->remainingMs >= 0
                        ? QStringLiteral("%p% — %1").arg(remainingText(task->remainingMs))
                        : QStringLiteral("%p%"));
        now->setText(task->step);
        action->setText(tr("Cancel"));
        break;
    case State::Done:
        now->setText(tr("Done: %1").arg(QDir::toNativeSeparators(task->summary.outDir)));
        action->setText(tr("Open Folder"));
        if (task->spec.approvalId > 0)
            m_approvals->refresh(); // used
        break;
    case State::Failed:
        now->setText(tr("Failed: %1").arg(task->error));
        action->setEnabled(false);
        action->setText(tr("Failed"));
        break;
    case State::Cancelled:
        bar->setValue(0);
        now->setText(tr("Cancelled"));
        action->setEnabled(false);
        action->setText(tr("Cancelled"));
        break;
    }
    now->setToolTip(now->text());
}

} // namespace vigil::widgets
