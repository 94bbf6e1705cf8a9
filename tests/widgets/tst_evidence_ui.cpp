// The Evidence page as a clerk uses it: New Export… with the dialog, a supervisor approving the
// original at the same PC, the export running in the background with its progress, cancel. Real
// footage in Vigil's layout, real catalog, real detectors; the packages are checked as anyone
// would check them.

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/export/evidence_package.h"
#include "core/export/export_queue.h"
#include "core/security/audit_log.h"
#include "core/security/session.h"
#include "core/security/user_store.h"
#include "support/archive_builder.h"
#include "support/modal_user.h"
#include "widgets/evidence/export_dialog.h"
#include "widgets/pages/evidence_page.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

constexpr qint64 kStartMs = 1767258000000; // 2026-01-01 09:00 UTC

/// Fills the export dialog and presses Export.
bool fillExport(QWidget* modal, qint64 fromMs, qint64 toMs, const QString& caseNumber,
        bool original, const QString& folder)
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

private:
    widgets::PageContext context()
    {
        widgets::PageContext c;
        c.cameras = m_cameras.get();
        c.catalogPath = m_catalog->path();
        c.dataDir = m_dir.path();
        c.recordingsPath = m_dir.filePath(QStringLiteral("recordings"));
        c.session = m_session.get();
        return c;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<catalog::Catalog> m_catalog;
    std::unique_ptr<catalog::CameraStore> m_cameras;
    std::unique_ptr<security::Session> m_session;
};

void TestEvidenceUi::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    const QString problem
            = test::encodeClip(QStringLiteral("testsrc2=size=320x180:rate=25"), 30, 50, clip);
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
        if (step == 1) {
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
    auto* action = qobject_cast<QPushButton*>(page.table()->cellWidget(0, 5));
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
    qobject_cast<QPushButton*>(page.table()->cellWidget(0, 5))->click();
    QTRY_VERIFY_WITH_TIMEOUT(
            page.queue()->task(id)->state == evidence::ExportTask::State::Cancelled, 60000);
    QVERIFY(!QFileInfo::exists(folder));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden), before);
}

QTEST_MAIN(TestEvidenceUi)
#include "tst_evidence_ui.moc"
