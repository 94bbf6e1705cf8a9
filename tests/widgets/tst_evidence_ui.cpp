// The Evidence page as a clerk uses it: New Export… with the dialog, a supervisor approving the
// original at the same PC, the export running in the background with its progress, cancel. Real
// footage in Vigil's layout, real catalog, real detectors; the packages are checked as anyone
// would check them.

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/catalog/settings_store.h"
#include "core/export/approvals.h"
#include "core/export/evidence_package.h"
#include "core/export/export_queue.h"
#include "core/export/requests.h"
#include "core/redaction/clip_frames.h"
#include "core/security/audit_log.h"
#include "core/security/session.h"
#include "core/security/user_store.h"
#include "support/archive_builder.h"
#include "support/modal_user.h"
#include "widgets/evidence/approvals_panel.h"
#include "widgets/evidence/export_dialog.h"
#include "widgets/evidence/frame_view.h"
#include "widgets/evidence/redaction_editor.h"
#include "widgets/evidence/request_dialog.h"
#include "widgets/pages/evidence_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace vigil;

namespace {

constexpr qint64 kStartMs = 1767258000000; // 2026-01-01 09:00 UTC

/// Fills the export dialog and presses Export.
bool fillExport(QWidget* modal, qint64 fromMs, qint64 toMs, const QString& caseNumber,
        bool original, const QString& folder, bool review = false)
{
    auto* dialog = qobject_cast<widgets::ExportDialog*>(modal);
    if (!dialog)
        return false;
    auto* cameras = dialog->findChild<QListWidget*>(QStringLiteral("exportCameras"));
    cameras->item(0)->setCheckState(Qt::Checked);
    dialog->findChild<QDateTimeEdit*>(QStringLiteral("exportFrom"))
            ->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    dialog->findChild<QDateTimeEdit*>(QStringLiteral("exportTo"))
            ->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
    dialog->findChild<QLineEdit*>(QStringLiteral("exportCase"))->setText(caseNumber);
    dialog->findChild<QLineEdit*>(QStringLiteral("exportReason"))
            ->setText(QStringLiteral("Records request"));
    dialog->findChild<QCheckBox*>(QStringLiteral("exportOriginal"))->setChecked(original);
    dialog->findChild<QCheckBox*>(QStringLiteral("exportReview"))->setChecked(review);
    dialog->findChild<QLineEdit*>(QStringLiteral("exportFolder"))->setText(folder);
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    return true;
}

} // namespace

class TestEvidenceUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aClerkExportsWithASupervisorsApproval();
    void cancelLeavesNothingBehind();
    void aRequestHoldsItsFootageUntilItCloses();
    void theRedactionEditorShapesThePackage();
    void aSupervisorGrantsAnOriginalLater();

private:
    widgets::PageContext context()
    {
        widgets::PageContext c;
        c.cameras = m_cameras.get();
        c.catalogPath = m_catalog->path();
        c.dataDir = m_dir.path();
        c.recordingsPath = m_dir.filePath(QStringLiteral("recordings"));
        c.session = m_session.get();
        c.settings = m_settings.get();
        c.requests = m_requests.get();
        c.approvals = m_approvals.get();
        return c;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<catalog::Catalog> m_catalog;
    std::unique_ptr<catalog::CameraStore> m_cameras;
    std::unique_ptr<security::Session> m_session;
    std::unique_ptr<catalog::SettingsStore> m_settings;
    std::unique_ptr<evidence::Requests> m_requests;
    std::unique_ptr<evidence::Approvals> m_approvals;
    qint64 m_camera = 0;
};

void TestEvidenceUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    // A moving test picture with a plate-like text moving over it, for the detectors to find.
    const QString problem = test::encodeClip(
            QStringLiteral("testsrc2=size=640x360:rate=25,drawtext=fontfile=/usr/share/fonts/"
                           "truetype/dejavu/DejaVuSans-Bold.ttf:text='4821 KLM':fontsize=40:"
                           "fontcolor=black:box=1:boxcolor=white:boxborderw=8:x=40+t*12:y=260"),
            30, 50, clip);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto opened = catalog::Catalog::open(m_dir.filePath(QStringLiteral("vigil.sqlite")));
    QVERIFY(opened);
    m_catalog = std::move(opened).value();
    m_cameras = std::make_unique<catalog::CameraStore>(*m_catalog);
    const qint64 camera = test::addArchiveCamera(*m_catalog, QStringLiteral("Plaza Mayor"));
    QVERIFY(camera > 0);
    test::ArchivePlan plan;
    plan.cameraId = camera;
    plan.recordings = m_dir.filePath(QStringLiteral("recordings"));
    plan.startMs = kStartMs;
    plan.segmentSeconds = 10;
    QCOMPARE(test::buildArchive(*m_catalog, clip, plan).size(), 3);
    security::UserStore users(*m_catalog);
    QVERIFY(users.add(QStringLiteral("admin"), QStringLiteral("Admin"),
            security::Role::Administrator, QStringLiteral("admin-password-1")));
    QVERIFY(users.add(QStringLiteral("clerk"), QStringLiteral("Ana Clerk"), security::Role::Clerk,
            QStringLiteral("clerk-password-1")));
    QVERIFY(users.add(QStringLiteral("sup"), QStringLiteral("Sara Supervisor"),
            security::Role::Supervisor, QStringLiteral("supervisor-password-1")));
    m_session = std::make_unique<security::Session>(
            *m_catalog, m_dir.filePath(QStringLiteral("keys")), QStringLiteral("window"));
    QVERIFY(m_session->logIn(QStringLiteral("clerk"), QStringLiteral("clerk-password-1")));
    m_settings = std::make_unique<catalog::SettingsStore>(*m_catalog);
    m_requests = std::make_unique<evidence::Requests>(*m_catalog, m_session.get());
    m_approvals = std::make_unique<evidence::Approvals>(*m_catalog, m_session.get());
    m_camera = camera;
}

void TestEvidenceUi::aClerkExportsWithASupervisorsApproval()
{
    widgets::EvidencePage page(context(), nullptr);
    page.resize(1000, 500);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString folder = m_dir.filePath(QStringLiteral("PR-2026-17"));
    int step = 0;
    test::ModalUser user([&](QWidget* modal) {
        if (step == 0
                && fillExport(modal, kStartMs + 3000, kStartMs + 9000, QStringLiteral("PR-2026-17"),
                        true, folder)) {
            step = 1;
            return false;
        }
        if (step == 1 && modal
                && modal->objectName() == QLatin1String("approvalChoice")) { // here, now
            modal->findChild<QPushButton*>(QStringLiteral("supervisorHere"))->click();
            step = 2;
            return false;
        }
        if (step == 2) {
            auto* approval = qobject_cast<widgets::ApprovalDialog*>(modal);
            if (!approval)
                return false;
            approval->findChild<QLineEdit*>(QStringLiteral("approverLogin"))
                    ->setText(QStringLiteral("sup"));
            approval->findChild<QLineEdit*>(QStringLiteral("approverPassword"))
                    ->setText(QStringLiteral("supervisor-password-1"));
            approval->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
            return true;
        }
        return false;
    });
    page.findChild<QPushButton*>(QStringLiteral("newExport"))->click();
    QVERIFY(user.done());
    QCOMPARE(page.queue()->tasks().size(), 1);
    const int id = page.queue()->tasks().first().id;
    QTRY_VERIFY_WITH_TIMEOUT(
            page.queue()->task(id)->state == evidence::ExportTask::State::Done, 120000);
    QCOMPARE(page.table()->rowCount(), 1);
    auto* action = qobject_cast<QPushButton*>(page.table()->cellWidget(0, 6));
    QCOMPARE(action->text(), QStringLiteral("Open Folder"));

    // The package holds, with both videos; the supervisor's approval is in it and in the log.
    const auto verified = evidence::EvidencePackage::verify(folder);
    QVERIFY(verified && verified->intact);
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/original")));
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/redacted")));
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/report.pdf")));
    QFile manifest(folder + QStringLiteral("/manifest.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject m = QJsonDocument::fromJson(manifest.readAll()).object();
    QCOMPARE(m.value(QLatin1String("exported_by")).toObject().value(QLatin1String("login")),
            QJsonValue(QStringLiteral("clerk")));
    QCOMPARE(
            m.value(QLatin1String("original_approved_by")).toObject().value(QLatin1String("login")),
            QJsonValue(QStringLiteral("sup")));
    security::AuditLog log(*m_catalog, m_dir.filePath(QStringLiteral("keys")));
    security::AuditFilter filter;
    filter.action = QStringLiteral("export");
    const auto rows = log.list(filter);
    QVERIFY(rows && rows->size() == 1);
    QCOMPARE(rows->first().login, QStringLiteral("clerk"));
    QVERIFY(rows->first().detail.contains(QLatin1String("\"approved_by\":\"sup\"")));
}

void TestEvidenceUi::cancelLeavesNothingBehind()
{
    widgets::EvidencePage page(context(), nullptr);
    page.resize(1000, 500);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QStringList before = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden);
    const QString folder = m_dir.filePath(QStringLiteral("cancelled"));
    test::ModalUser user([&](QWidget* modal) {
        return fillExport(
                modal, kStartMs, kStartMs + 29000, QStringLiteral("PR-2026-18"), false, folder);
    });
    page.findChild<QPushButton*>(QStringLiteral("newExport"))->click();
    QVERIFY(user.done());
    const int id = page.queue()->tasks().first().id;
    // Once it is under way (its progress shown), Cancel.
    QTRY_VERIFY_WITH_TIMEOUT(page.queue()->task(id)->progress > 0.05, 60000);
    QVERIFY(page.queue()->task(id)->state == evidence::ExportTask::State::Running);
    qobject_cast<QPushButton*>(page.table()->cellWidget(0, 6))->click();
    QTRY_VERIFY_WITH_TIMEOUT(
            page.queue()->task(id)->state == evidence::ExportTask::State::Cancelled, 60000);
    QVERIFY(!QFileInfo::exists(folder));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden), before);
}

void TestEvidenceUi::aRequestHoldsItsFootageUntilItCloses()
{
    // One request long overdue, made through core.
    catalog::RequestRecord old;
    old.number = QStringLiteral("PR-2025-900");
    old.requesterType = QStringLiteral("press");
    old.receivedMs = QDateTime::currentDateTime().addDays(-40).toMSecsSinceEpoch();
    old.dueMs = evidence::Requests::dueMs(*m_settings, old.requesterType, old.receivedMs);
    old.footage << catalog::RequestFootage {0, m_camera, kStartMs + 20000, kStartMs + 25000, 0};
    QVERIFY(m_requests->create(old));

    widgets::EvidencePage page(context(), nullptr);
    page.resize(1100, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.requestTable()->rowCount(), 1);
    QVERIFY(page.requestTable()->item(0, 4)->data(Qt::UserRole).toBool()); // overdue
    QVERIFY(page.requestTable()->item(0, 4)->text().contains(QLatin1String("overdue by 20 day")));

    // A court's request through the dialog: due in the court's 10 days; its footage held.
    QDate dueShown;
    test::ModalUser user([&](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::RequestDialog*>(modal);
        if (!dialog)
            return false;
        dialog->findChild<QLineEdit*>(QStringLiteral("requestNumber"))
                ->setText(QStringLiteral("JUZ-2026-31"));
        auto* type = dialog->findChild<QComboBox*>(QStringLiteral("requestType"));
        type->setCurrentIndex(type->findData(QStringLiteral("court")));
        dialog->findChild<QLineEdit*>(QStringLiteral("requestBasis"))
                ->setText(QStringLiteral("Court order 31/2026"));
        dialog->findChild<QListWidget*>(QStringLiteral("requestCameras"))
                ->item(0)
                ->setCheckState(Qt::Checked);
        dialog->findChild<QDateTimeEdit*>(QStringLiteral("requestFrom"))
                ->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs + 2000));
        dialog->findChild<QDateTimeEdit*>(QStringLiteral("requestTo"))
                ->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs + 8000));
        dueShown = dialog->findChild<QDateEdit*>(QStringLiteral("requestDue"))->date();
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        return true;
    });
    page.findChild<QPushButton*>(QStringLiteral("newRequest"))->click();
    QVERIFY(user.done());
    QCOMPARE(dueShown, QDate::currentDate().addDays(10));
    QCOMPARE(page.requestTable()->rowCount(), 2);
    // The overdue one stays first (soonest due).
    QCOMPARE(page.requestTable()->item(0, 0)->text(), QStringLiteral("PR-2025-900"));
    QCOMPARE(page.requestTable()->item(1, 0)->text(), QStringLiteral("JUZ-2026-31"));
    catalog::SegmentStore segments(*m_catalog);
    QVERIFY(segments.isHeld(m_camera, kStartMs + 2000, kStartMs + 8000).value());

    // Exported from the request: the package carries it, the request is in redaction.
    page.requestTable()->selectRow(1);
    const QString folder = m_dir.filePath(QStringLiteral("JUZ-2026-31"));
    QString caseShown;
    test::ModalUser exporter([&](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::ExportDialog*>(modal);
        if (!dialog)
            return false;
        caseShown = dialog->findChild<QLineEdit*>(QStringLiteral("exportCase"))->text();
        dialog->findChild<QCheckBox*>(QStringLiteral("exportReview"))->setChecked(false);
        dialog->findChild<QLineEdit*>(QStringLiteral("exportFolder"))->setText(folder);
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        return true;
    });
    page.findChild<QPushButton*>(QStringLiteral("exportRequest"))->click();
    QVERIFY(exporter.done());
    QCOMPARE(caseShown, QStringLiteral("JUZ-2026-31"));
    QCOMPARE(page.requestTable()->item(1, 5)->text(), QStringLiteral("In redaction"));
    const int id = page.queue()->tasks().first().id;
    QTRY_VERIFY_WITH_TIMEOUT(
            page.queue()->task(id)->state == evidence::ExportTask::State::Done, 120000);
    QFile manifest(folder + QStringLiteral("/manifest.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject request = QJsonDocument::fromJson(manifest.readAll())
                                        .object()
                                        .value(QLatin1String("request"))
                                        .toObject();
    QCOMPARE(request.value(QLatin1String("legal_basis")).toString(),
            QStringLiteral("Court order 31/2026"));

    // Released: closed, and its footage no longer held; audited.
    page.requestTable()->selectRow(1);
    test::ModalUser confirm([](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        if (!box)
            return false;
        box->button(QMessageBox::Yes)->click();
        return true;
    });
    page.setRequestStatus(QStringLiteral("released"));
    QVERIFY(confirm.done());
    QVERIFY(!segments.isHeld(m_camera, kStartMs + 2000, kStartMs + 8000).value());
    security::AuditLog log(*m_catalog, m_dir.filePath(QStringLiteral("keys")));
    security::AuditFilter filter;
    filter.action = QStringLiteral("hold_release");
    const auto released = log.list(filter);
    QVERIFY(released && released->size() == 1);
    QCOMPARE(released->first().object, QStringLiteral("JUZ-2026-31"));
    filter.action = QStringLiteral("export");
    const auto exports = log.list(filter);
    QVERIFY(exports
            && exports->first().detail.contains(QLatin1String("\"requester_type\":\"court\"")));
}

void TestEvidenceUi::theRedactionEditorShapesThePackage()
{
    widgets::EvidencePage page(context(), nullptr);
    page.resize(1000, 500);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString folder = m_dir.filePath(QStringLiteral("reviewed"));
    const QRect drawn(420, 40, 120, 90); // video pixels, on frame 10
    const QPoint moveBy(-200, 120); // on frame 100
    int step = 0;
    int rows = -1;
    redaction::RedactionLog saved;
    QString problem;
    // New Export… with review on: the export dialog filled, then the editor.
    const auto editorAfterExport = [&](QWidget* modal) -> widgets::RedactionEditor* {
        if (step == 0
                && fillExport(modal, kStartMs + 2000, kStartMs + 8000, QStringLiteral("PR-2026-19"),
                        false, folder, true))
            step = 1;
        return step == 1 ? qobject_cast<widgets::RedactionEditor*>(modal) : nullptr;
    };
    // First sitting: a track left visible, an ellipse drawn over what no detector knows and
    // moved later in the clip; then the editor is closed without a package.
    test::ModalUser first([&](QWidget* modal) {
        widgets::RedactionEditor* editor = editorAfterExport(modal);
        if (!editor)
            return false;
        rows = editor->table()->rowCount();
        if (rows > 0)
            editor->table()->item(0, 0)->setCheckState(Qt::Unchecked); // stays visible
        widgets::FrameView* view = editor->view();
        editor->showFrame(10);
        editor->findChild<QToolButton*>(QStringLiteral("ellipseButton"))->click();
        const QRectF at = view->toWidget(drawn);
        QTest::mousePress(view, Qt::LeftButton, {}, at.topLeft().toPoint());
        QTest::mouseMove(view, at.center().toPoint());
        QTest::mouseRelease(view, Qt::LeftButton, {}, at.bottomRight().toPoint());
        if (editor->table()->rowCount() != rows + 1)
            problem = QStringLiteral("drawing added no track");
        editor->showFrame(100);
        const QRectF there = view->toWidget(drawn);
        const QRectF target = view->toWidget(drawn.translated(moveBy));
        QTest::mousePress(view, Qt::LeftButton, {}, there.center().toPoint());
        QTest::mouseMove(view, target.center().toPoint());
        QTest::mouseRelease(view, Qt::LeftButton, {}, target.center().toPoint());
        saved = editor->log();
        editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)->click();
        return true;
    });
    page.findChild<QPushButton*>(QStringLiteral("newExport"))->click();
    QVERIFY(first.done());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(rows > 0, "the detectors found nothing to review");
    QVERIFY(page.queue()->tasks().isEmpty()); // closed: no package
    const redaction::Track region = saved.tracks.last();
    QVERIFY(region.manual);
    QCOMPARE(region.shape, redaction::Shape::Ellipse);
    QCOMPARE(region.keyframes.size(), 2);
    QVERIFY2(
            (region.boxes.value(100).center() - drawn.translated(moveBy).center()).manhattanLength()
                    < 8,
            "the box did not follow the drag");
    // Half way between the keyframes, half way between the places.
    QVERIFY((region.boxes.value(55).center() - drawn.translated(moveBy / 2).center())
                    .manhattanLength()
            < 8);

    // Second sitting: the editor reopens exactly as it was left, without analysing again; the
    // preview shows the ellipse hidden; the package holds what was decided.
    step = 0;
    redaction::RedactionLog reopened;
    int reopenedAt = -1;
    QImage preview;
    QImage plain;
    test::ModalUser second([&](QWidget* modal) {
        widgets::RedactionEditor* editor = editorAfterExport(modal);
        if (!editor)
            return false;
        reopened = editor->log();
        reopenedAt = editor->position();
        plain = editor->shownImage();
        const QString shots = qEnvironmentVariable("VIGIL_SCREENSHOT_DIR");
        if (!shots.isEmpty()) // for people to look at
            editor->grab().save(shots + QStringLiteral("/redaction-editor.png"));
        editor->findChild<QCheckBox*>(QStringLiteral("previewBox"))->setChecked(true);
        preview = editor->shownImage();
        if (!shots.isEmpty())
            editor->grab().save(shots + QStringLiteral("/redaction-editor-preview.png"));
        editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        return true;
    });
    page.findChild<QPushButton*>(QStringLiteral("newExport"))->click();
    QVERIFY(second.done());
    QCOMPARE(reopenedAt, 100);
    QCOMPARE(reopened.toJson(), saved.toJson());
    const QRect moved = region.boxes.value(100);
    QVERIFY(!preview.isNull() && !plain.isNull());
    const QColor centre = preview.pixelColor(moved.center());
    QVERIFY2(centre.red() < 40 && centre.green() < 40 && centre.blue() < 40,
            "the preview does not hide the ellipse");
    // Inside the box but outside the ellipse: untouched.
    const QPoint corner = moved.topLeft() + QPoint(3, 3);
    QCOMPARE(preview.pixelColor(corner), plain.pixelColor(corner));

    const int id = page.queue()->tasks().first().id;
    QTRY_VERIFY_WITH_TIMEOUT(
            page.queue()->task(id)->state == evidence::ExportTask::State::Done, 120000);
    // The package's log says who reviewed it, that the first track stays visible, and has the
    // drawn ellipse with its keyframes.
    QFile file(folder + QStringLiteral("/redaction.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject log = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QLatin1String("cameras"))
                                    .toArray()
                                    .first()
                                    .toObject();
    QCOMPARE(log.value(QLatin1String("reviewed_by")).toString(), QStringLiteral("clerk"));
    const QJsonArray tracks = log.value(QLatin1String("tracks")).toArray();
    QCOMPARE(tracks.size(), rows + 1);
    QCOMPARE(tracks.first().toObject().value(QLatin1String("enabled")).toBool(), false);
    for (int i = 1; i < tracks.size(); ++i)
        QVERIFY(tracks.at(i).toObject().value(QLatin1String("enabled")).toBool());
    const QJsonObject ellipse = tracks.last().toObject();
    QCOMPARE(ellipse.value(QLatin1String("shape")).toString(), QStringLiteral("ellipse"));
    QCOMPARE(ellipse.value(QLatin1String("origin")).toString(), QStringLiteral("manual"));
    QCOMPARE(ellipse.value(QLatin1String("keyframes")).toArray().size(), 2);
    QVERIFY(evidence::EvidencePackage::verify(folder)->intact);
    // The package's video on frame 100 looks like the preview did.
    auto video = redaction::ClipFrames::open(
            folder + QLatin1Char('/') + log.value(QLatin1String("redacted")).toString());
    QVERIFY(video);
    const QImage packaged = video.value()->frame(100);
    const QColor hidden = packaged.pixelColor(moved.center());
    QVERIFY2(hidden.red() < 40 && hidden.green() < 40 && hidden.blue() < 40,
            "the package does not hide the ellipse");
}

void TestEvidenceUi::aSupervisorGrantsAnOriginalLater()
{
    widgets::EvidencePage page(context(), nullptr);
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QVERIFY(m_session->logIn(QStringLiteral("clerk"), QStringLiteral("clerk-password-1")));
    const QString folder = m_dir.filePath(QStringLiteral("granted-later"));
    // The clerk asks; no supervisor is at the PC.
    int step = 0;
    test::ModalUser ask([&](QWidget* modal) {
        if (step == 0
                && fillExport(modal, kStartMs + 2000, kStartMs + 6000, QStringLiteral("PR-2026-30"),
                        true, folder)) {
            step = 1;
            return false;
        }
        if (step == 1 && modal && modal->objectName() == QLatin1String("approvalChoice")) {
            modal->findChild<QPushButton*>(QStringLiteral("askSupervisor"))->click();
            step = 2;
            return false;
        }
        if (step == 2 && qobject_cast<QMessageBox*>(modal)) { // "a supervisor can now grant it"
            qobject_cast<QMessageBox*>(modal)->accept();
            return true;
        }
        return false;
    });
    page.findChild<QPushButton*>(QStringLiteral("newExport"))->click();
    QVERIFY(ask.done());
    QVERIFY(page.queue()->tasks().isEmpty());
    widgets::ApprovalsPanel* panel = page.approvals();
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->table()->rowCount(), 1);
    panel->table()->selectRow(0);
    auto* grant = panel->findChild<QPushButton*>(QStringLiteral("grantApproval"));
    auto* exportIt = panel->findChild<QPushButton*>(QStringLiteral("exportApproved"));
    QVERIFY(!grant->isEnabled()); // not hers to grant
    QVERIFY(!exportIt->isEnabled()); // not granted yet

    // Later, the supervisor at her own login grants it.
    QVERIFY(m_session->logIn(QStringLiteral("sup"), QStringLiteral("supervisor-password-1")));
    panel->table()->selectRow(0);
    QTRY_VERIFY(grant->isEnabled());
    test::ModalUser yes([&](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        if (!box)
            return false;
        box->button(QMessageBox::Yes)->click();
        return true;
    });
    grant->click();
    QVERIFY(yes.done());
    QVERIFY(panel->table()->item(0, 5)->text().contains(QLatin1String("sup")));
    QVERIFY(!exportIt->isEnabled()); // the supervisor does not export it for her

    // The clerk exports what was granted: no supervisor needed at the PC now.
    QVERIFY(m_session->logIn(QStringLiteral("clerk"), QStringLiteral("clerk-password-1")));
    panel->table()->selectRow(0);
    QTRY_VERIFY(exportIt->isEnabled());
    test::ModalUser exporting([&](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::ExportDialog*>(modal);
        if (!dialog)
            return false;
        // Filled in from the approval: the original ticked, the case, the range.
        if (!dialog->findChild<QCheckBox*>(QStringLiteral("exportOriginal"))->isChecked()
                || dialog->findChild<QLineEdit*>(QStringLiteral("exportCase"))->text()
                        != QLatin1String("PR-2026-30"))
            return false;
        dialog->findChild<QCheckBox*>(QStringLiteral("exportReview"))->setChecked(false);
        dialog->findChild<QLineEdit*>(QStringLiteral("exportFolder"))->setText(folder);
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        return true;
    });
    exportIt->click();
    QVERIFY(exporting.done());
    QCOMPARE(page.queue()->tasks().size(), 1);
    const int id = page.queue()->tasks().first().id;
    QTRY_VERIFY_WITH_TIMEOUT(
            page.queue()->task(id)->state == evidence::ExportTask::State::Done, 120000);
    QVERIFY(evidence::EvidencePackage::verify(folder)->intact);
    QFile manifest(folder + QStringLiteral("/manifest.json"));
    QVERIFY(manifest.open(QIODevice::ReadOnly));
    const QJsonObject m = QJsonDocument::fromJson(manifest.readAll()).object();
    QCOMPARE(
            m.value(QLatin1String("original_approved_by")).toObject().value(QLatin1String("login")),
            QJsonValue(QStringLiteral("sup")));
    QVERIFY(QFileInfo::exists(folder + QStringLiteral("/original")));
    // Used: it cannot make a second package.
    QTRY_VERIFY(panel->table()->item(0, 5)->text().startsWith(
            evidence::Approvals::statusName(QStringLiteral("used"))));
    panel->table()->selectRow(0);
    QVERIFY(!exportIt->isEnabled());
}

QTEST_MAIN(TestEvidenceUi)
#include "tst_evidence_ui.moc"
