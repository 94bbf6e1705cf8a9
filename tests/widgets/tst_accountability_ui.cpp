// The window's side of accountability, through the real window (GuiApplication, offscreen) on a
// real data folder: the login at start, the idle lock, what a Viewer's window hides and core
// refuses, users added and the audit log read and exported as CSV, a privacy mask drawn and
// saved, the transparency report as a PDF.
#include "app/gui_application.h"
#include "core/catalog/camera_store.h"
#include "core/media/privacy_mask.h"
#include "core/runtime/app_context.h"
#include "core/security/audit_log.h"
#include "core/security/camera_admin.h"
#include "core/security/session.h"
#include "core/security/user_admin.h"
#include "core/security/user_store.h"
#include "support/modal_user.h"
#include "widgets/cameras/privacy_mask_dialog.h"
#include "widgets/main_window.h"
#include "widgets/pages/settings_page.h"
#include "widgets/security/audit_dialog.h"
#include "widgets/security/idle_watcher.h"
#include "widgets/security/login_dialog.h"
#include "widgets/security/transparency_dialog.h"
#include "widgets/security/users_dialog.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using security::Role;
using test::ModalUser;

namespace {

const QString kPassword = QStringLiteral("window pass 1234");

QStringList windowArguments(const QString& dataDir)
{
    return {QStringLiteral("vigil"), QStringLiteral("--data-dir"), dataDir,
            QStringLiteral("--no-recorder")};
}

/// Types `password` (and `user` when the field is editable) into a login dialog and presses OK.
void logInThrough(widgets::LoginDialog* dialog, const QString& user, const QString& password)
{
    if (!dialog->userField()->isReadOnly())
        dialog->userField()->setText(user);
    dialog->passwordField()->setText(password);
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
}

} // namespace

class TestAccountabilityUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theWindowAsksForALoginAndSaysWhatIsWrong();
    void idleLockHidesEverythingUntilThePassword();
    void aViewersWindowHidesWhatCoreRefuses();
    void usersAndTheAuditLogInTheWindow();
    void aPrivacyMaskDrawnIsSaved();
    void cameraChangesAreCheckedAndAudited();
    void theTransparencyReportIsAPdf();

private:
    std::unique_ptr<runtime::AppContext> open();

    QTemporaryDir m_tmp;
    QString m_data;
};

std::unique_ptr<runtime::AppContext> TestAccountabilityUi::open()
{
    runtime::AppContext::Options options;
    options.dataDir = m_data;
    options.logBaseName.clear();
    options.ownership = runtime::AppContext::Ownership::Shared;
    Result<std::unique_ptr<runtime::AppContext>> context = runtime::AppContext::open(options);
    return context ? std::move(context).value() : nullptr;
}

void TestAccountabilityUi::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_data = m_tmp.filePath(QStringLiteral("data"));
    std::unique_ptr<runtime::AppContext> context = open();
    QVERIFY(context);
    security::UserStore users(context->catalog());
    QVERIFY(users.add(
            QStringLiteral("ana"), QStringLiteral("Ana Admin"), Role::Administrator, kPassword));
    QVERIFY(users.add(QStringLiteral("val"), {}, Role::Viewer, kPassword));
    catalog::CameraRecord camera;
    camera.uuid = QStringLiteral("rtsp:127.0.0.1:1/plaza");
    camera.name = QStringLiteral("Plaza");
    catalog::StreamRecord stream;
    stream.role = QStringLiteral("main");
    stream.uri = QStringLiteral("rtsp://127.0.0.1:1/plaza");
    camera.streams << stream;
    QVERIFY(context->cameras().add(camera));
}

void TestAccountabilityUi::theWindowAsksForALoginAndSaysWhatIsWrong()
{
    QString shownError;
    int attempts = 0;
    ModalUser user([&](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::LoginDialog*>(modal);
        if (!dialog)
            return false;
        if (attempts++ == 0) { // a typo first
            logInThrough(dialog, QStringLiteral("ana"), QStringLiteral("window pass 12345"));
            shownError
                    = dialog->errorLabel()->isVisible() ? dialog->errorLabel()->text() : QString();
            return false;
        }
        logInThrough(dialog, QStringLiteral("ana"), kPassword);
        return true;
    });
    app::GuiApplication gui;
    QVERIFY(gui.start(windowArguments(m_data)));
    QVERIFY(!gui.loginDeclined());
    QVERIFY(user.done());
    QCOMPARE(shownError, QStringLiteral("Wrong user name or password."));
    QCOMPARE(gui.session()->principal().login, QStringLiteral("ana"));
    QVERIFY(gui.mainWindow()->isVisible());
    // Both attempts are in the audit log, from the window.
    std::unique_ptr<runtime::AppContext> context = open();
    security::AuditLog log(context->catalog(), context->dataDir().keysPath());
    security::AuditFilter filter;
    filter.login = QStringLiteral("ana");
    const Result<QList<security::AuditEntry>> rows = log.list(filter);
    QVERIFY(rows);
    QStringList actions;
    for (const security::AuditEntry& e : rows.value())
        actions.prepend(e.action + u'@' + e.object);
    QVERIFY2(actions.join(u' ').contains(QLatin1String("login_failed@window login@window")),
            qPrintable(actions.join(u' ')));
}

void TestAccountabilityUi::idleLockHidesEverythingUntilThePassword()
{
    ModalUser login([](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::LoginDialog*>(modal);
        if (dialog)
            logInThrough(dialog, QStringLiteral("ana"), kPassword);
        return dialog != nullptr;
    });
    app::GuiApplication gui;
    QVERIFY(gui.start(windowArguments(m_data)));
    QCOMPARE(gui.idleWatcher()->timeout(), 15 * 60 * 1000); // the default
    // Locked after a time without use: nothing of the pages shows; the same password opens it.
    bool sawLocked = false;
    bool contentHidden = false;
    ModalUser unlock([&](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::LoginDialog*>(modal);
        if (!dialog)
            return false;
        sawLocked = gui.mainWindow()->isLocked() && gui.session()->isLocked()
                && dialog->userField()->isReadOnly()
                && dialog->userField()->text() == QLatin1String("ana");
        contentHidden = !gui.mainWindow()->centralWidget()->isVisible();
        logInThrough(dialog, QString(), kPassword);
        return true;
    });
    gui.idleWatcher()->setTimeout(300);
    QTRY_VERIFY_WITH_TIMEOUT(unlock.done(), 10000);
    QVERIFY(sawLocked);
    QVERIFY(contentHidden);
    QTRY_VERIFY(!gui.mainWindow()->isLocked());
    QVERIFY(gui.mainWindow()->centralWidget()->isVisible());
    QVERIFY(!gui.session()->isLocked());
    gui.idleWatcher()->setTimeout(0);
}

void TestAccountabilityUi::aViewersWindowHidesWhatCoreRefuses()
{
    ModalUser login([](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::LoginDialog*>(modal);
        if (dialog)
            logInThrough(dialog, QStringLiteral("val"), kPassword);
        return dialog != nullptr;
    });
    app::GuiApplication gui;
    QVERIFY(gui.start(windowArguments(m_data)));
    QCOMPARE(gui.session()->principal().role, Role::Viewer);
    auto* settings = static_cast<widgets::SettingsPage*>(
            gui.mainWindow()->page(widgets::PageId::Settings));
    QVERIFY(!settings->findChild<QWidget*>(QStringLiteral("securityGroup"))->isVisibleTo(settings));
    // Core refuses what the window hides, with an error value and an audit row.
    const Result<QList<security::UserRecord>> users = security::UserAdmin(*gui.session()).list();
    QVERIFY(!users);
    QCOMPARE(users.error().code, Error::Code::Forbidden);
    QVERIFY(!gui.session()->check(security::Permission::ManageCameras));
    std::unique_ptr<runtime::AppContext> context = open();
    security::AuditFilter filter;
    filter.login = QStringLiteral("val");
    filter.action = QStringLiteral("refused");
    const Result<QList<security::AuditEntry>> refused
            = security::AuditLog(context->catalog(), context->dataDir().keysPath()).list(filter);
    QVERIFY(refused);
    QCOMPARE(refused->size(), 2);
}

void TestAccountabilityUi::usersAndTheAuditLogInTheWindow()
{
    std::unique_ptr<runtime::AppContext> context = open();
    security::Session session(
            context->catalog(), context->dataDir().keysPath(), QStringLiteral("window"));
    QVERIFY(session.logIn(QStringLiteral("ana"), kPassword));
    widgets::UsersDialog users(session, context->cameras());
    const int before = users.table()->rowCount();
    QCOMPARE(before, 2);
    ModalUser add([](QWidget* modal) {
        if (!modal || modal->objectName() == QLatin1String("usersDialog"))
            return false;
        modal->findChild<QLineEdit*>(QStringLiteral("login"))->setText(QStringLiteral("cleo"));
        modal->findChild<QLineEdit*>(QStringLiteral("newPassword"))->setText(kPassword);
        modal->findChild<QLineEdit*>(QStringLiteral("repeatPassword"))->setText(kPassword);
        for (QPushButton* b : modal->findChildren<QPushButton*>()) {
            if (b->text().contains(QLatin1String("OK")))
                b->click();
        }
        return true;
    });
    users.show();
    users.addUser();
    QVERIFY(add.done());
    QCOMPARE(users.table()->rowCount(), before + 1);
    QVERIFY(security::UserStore(context->catalog()).find(QStringLiteral("cleo"))->has_value());

    widgets::AuditDialog audit(session, context->cameras());
    QVERIFY(audit.table()->rowCount() > 0);
    audit.userFilter()->setText(QStringLiteral("ana"));
    audit.actionFilter()->setCurrentIndex(
            audit.actionFilter()->findData(QStringLiteral("user_add")));
    audit.apply();
    QCOMPARE(audit.table()->rowCount(), 1);
    QCOMPARE(audit.table()->item(0, 3)->text(), QStringLiteral("cleo"));
    audit.verify();
    QVERIFY2(audit.verdict()->text().contains(QLatin1String("intact")),
            qPrintable(audit.verdict()->text()));
    const QString csvPath = m_tmp.filePath(QStringLiteral("audit.csv"));
    QVERIFY(audit.exportCsv(csvPath));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.first().trimmed(),
            QByteArray("id,time_utc,user,action,object,camera,detail,hash"));
    QVERIFY(lines.at(1).contains(",ana,user_add,cleo,"));
}

void TestAccountabilityUi::aPrivacyMaskDrawnIsSaved()
{
    std::unique_ptr<runtime::AppContext> context = open();
    security::Session session(
            context->catalog(), context->dataDir().keysPath(), QStringLiteral("window"));
    QVERIFY(session.logIn(QStringLiteral("ana"), kPassword));
    const qint64 camera = context->cameras().list()->first().id;
    widgets::PrivacyMaskDialog dialog(
            session, context->cameras(), camera, QStringLiteral("Plaza"), QString(), nullptr);
    dialog.show();
    widgets::MaskCanvas* canvas = dialog.canvas();
    // Clicks on the canvas, as a clerk draws: three corners, a double-click closes the shape.
    const auto click = [canvas](double x, double y) {
        const QRect r = canvas->rect();
        QTest::mouseClick(
                canvas, Qt::LeftButton, {}, QPoint(int(r.width() * x), int(r.height() * y)));
    };
    click(0.2, 0.2);
    click(0.6, 0.2);
    click(0.6, 0.7);
    QCOMPARE(canvas->drawing().size(), 3);
    QTest::mouseDClick(canvas, Qt::LeftButton, {}, canvas->rect().center());
    QCOMPARE(canvas->polygons().size(), 1);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<media::PrivacyMask> saved
            = media::PrivacyMask::fromJson(context->cameras().list()->first().privacyMasks);
    QVERIFY(saved);
    QCOMPARE(saved->polygons().size(), 1);
    QVERIFY(saved->polygons().first().size() >= 3);
}

void TestAccountabilityUi::cameraChangesAreCheckedAndAudited()
{
    std::unique_ptr<runtime::AppContext> context = open();
    const qint64 camera = context->cameras().list()->first().id;
    security::Session viewer(
            context->catalog(), context->dataDir().keysPath(), QStringLiteral("window"));
    QVERIFY(viewer.logIn(QStringLiteral("val"), kPassword));
    const Result<void> refused = security::CameraAdmin(&viewer, context->cameras())
                                         .rename(camera, QStringLiteral("X"));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, Error::Code::Forbidden);
    QCOMPARE(context->cameras().list()->first().name, QStringLiteral("Plaza"));

    security::Session admin(
            context->catalog(), context->dataDir().keysPath(), QStringLiteral("window"));
    QVERIFY(admin.logIn(QStringLiteral("ana"), kPassword));
    QVERIFY(security::CameraAdmin(&admin, context->cameras())
                    .rename(camera, QStringLiteral("Plaza Mayor")));
    QCOMPARE(context->cameras().list()->first().name, QStringLiteral("Plaza Mayor"));
    security::AuditFilter filter;
    filter.action = QStringLiteral("camera_rename");
    const Result<QList<security::AuditEntry>> rows
            = security::AuditLog(context->catalog(), context->dataDir().keysPath()).list(filter);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().login, QStringLiteral("ana"));
    QCOMPARE(rows->first().cameraId, camera);
    QVERIFY(rows->first().detail.contains(QLatin1String("Plaza Mayor")));
}

void TestAccountabilityUi::theTransparencyReportIsAPdf()
{
    std::unique_ptr<runtime::AppContext> context = open();
    security::Session session(
            context->catalog(), context->dataDir().keysPath(), QStringLiteral("window"));
    QVERIFY(session.logIn(QStringLiteral("ana"), kPassword));
    widgets::TransparencyDialog dialog(session);
    const QString path = m_tmp.filePath(QStringLiteral("report.pdf"));
    QVERIFY(dialog.save(path));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(pdf.size() > 1000);
}

QTEST_MAIN(TestAccountabilityUi)
#include "tst_accountability_ui.moc"
