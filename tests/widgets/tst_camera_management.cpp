// Cameras managed from the window while a recorder (vigil-recorder, a separate process) records
// them: the setup wizard adds a camera and the running recorder records it within seconds; the
// Settings page renames, re-checks the login of, changes the streams of, disables, enables and
// removes a camera, and every change reaches the recorder without restarting it.
#include "app/gui_application.h"
#include "core/catalog/alert_store.h"
#include "core/catalog/camera_store.h"
#include "core/control/control_client.h"
#include "core/runtime/app_context.h"
#include "core/runtime/os_user.h"
#include "core/security/session.h"
#include "support/camsim_process.h"
#include "support/modal_user.h"
#include "support/recorder_process.h"
#include "support/recording_fixture.h"
#include "widgets/cameras/camera_connection_dialog.h"
#include "widgets/empty_state.h"
#include "widgets/main_window.h"
#include "widgets/pages/settings_page.h"
#include "widgets/security/password_fields.h"
#include "widgets/setup/setup_pages.h"
#include "widgets/setup/setup_wizard.h"
#include "widgets/status_bar.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <csignal>
#include <functional>

using namespace vigil;

namespace {

const QString kUser = QStringLiteral("admin");
const QString kPassword = QStringLiteral("Pa55 word");

/// Runs `vigilctl --data-dir DIR ARGS…`; true when it exits 0.
bool vigilctl(const QString& dataDir, const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            QStringList {QStringLiteral("--data-dir"), dataDir} + args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("vigilctl %s: %s", qPrintable(args.join(u' ')), p.readAllStandardError().data());
        return false;
    }
    return true;
}

/// Adds the simulated camera at `deviceService` to `dataDir` under `name`, as vigilctl does.
bool addCamera(const QString& dataDir, const QString& deviceService, const QString& name)
{
    return vigilctl(dataDir,
            {QStringLiteral("camera"), QStringLiteral("add"), deviceService,
                    QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword,
                    QStringLiteral("--name"), name});
}

/// The window of `dataDir`, following its recorder without starting one.
QStringList windowArguments(const QString& dataDir)
{
    return {QStringLiteral("vigil"), QStringLiteral("--data-dir"), dataDir,
            QStringLiteral("--no-recorder")};
}

using Recorder = test::RecorderProcess;

/// The recorder's status of one camera, asked through the control socket as vigilctl asks it
/// (an empty object while the recorder does not record that camera); logged in as `login`
/// once an administrator exists.
QJsonObject recorderCamera(
        const QString& dataDir, qint64 cameraId, const control::Credentials& login = {})
{
    control::ControlClient client(dataDir);
    if (!client.connectToRecorder(2000))
        return {};
    if (!login.isEmpty() && !client.login(login))
        return {};
    const Result<QJsonObject> status
            = client.request({{QStringLiteral("type"), QStringLiteral("status")}});
    if (!status)
        return {};
    for (const QJsonValue& v : status->value(QLatin1String("cameras")).toArray()) {
        if (v.toObject().value(QLatin1String("id")).toInteger() == cameraId)
            return v.toObject();
    }
    return {};
}

int segmentsOf(const QString& dataDir, qint64 cameraId)
{
    int n = 0;
    for (const catalog::SegmentRecord& s : test::indexedSegments(dataDir))
        n += s.cameraId == cameraId && s.state != QLatin1String("open") ? 1 : 0;
    return n;
}

/// Plays the user of modal dialogs: every 50 ms, `step` is called with the active modal widget
/// (or none) and returns whether it is done.
using User = test::ModalUser;

const control::Credentials kAdmin {QStringLiteral("alcaldia"), QStringLiteral("plaza mayor 2026")};

} // namespace

class TestCameraManagement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wizardAddsACameraTheRunningRecorderRecords();
    void camerasPageChangesReachTheRecorder();
    void aStoppedCameraAlertsTheWindow();

private:
    /// A data folder whose recorder writes 2-second files and keeps no free-space reserve (the
    /// machine's disk may be fuller than the default 10 GB reserve).
    QString prepareDataDir(const QString& name);

    QTemporaryDir m_dir;
    test::CamsimProcess m_sim;
};

void TestCameraManagement::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sim.start(
            2, {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword}));
}

QString TestCameraManagement::prepareDataDir(const QString& name)
{
    const QString data = m_dir.filePath(name);
    for (const auto& [key, value] : {std::pair {"recording/segmentSeconds", "2"},
                 std::pair {"storage/minFreeMB", "0"}, std::pair {"storage/minFreePercent", "0"},
                 // The camera search stays on this computer.
                 std::pair {"onvif/discoveryInterfaces", "127.0.0.1"}}) {
        if (!vigilctl(data,
                    {QStringLiteral("settings"), QStringLiteral("set"), QLatin1String(key),
                            QLatin1String(value)}))
            return {};
    }
    return data;
}

void TestCameraManagement::wizardAddsACameraTheRunningRecorderRecords()
{
    const QString data = prepareDataDir(QStringLiteral("wizard"));
    QVERIFY(!data.isEmpty());
    // The recorder runs first, with no cameras: as after installing the package.
    Recorder recorder(data);
    QVERIFY(recorder.started());
    QTRY_VERIFY_WITH_TIMEOUT(control::ControlClient(data).connectToRecorder(500), 30000);

    app::GuiApplication gui;
    QVERIFY(gui.start(windowArguments(data)));
    const QString ours = m_sim.endpoint(0, "uuid");
    bool typed = false;
    bool asked = false;
    bool finished = false;
    User user([&](QWidget* modal) {
        if (!modal)
            return finished;
        if (auto* box = qobject_cast<QMessageBox*>(modal)) {
            // "The folder holds fewer days than asked": keep what fits.
            for (QAbstractButton* b : box->buttons()) {
                if (box->buttonRole(b) == QMessageBox::AcceptRole
                        || box->buttonRole(b) == QMessageBox::YesRole) {
                    asked = true;
                    b->click();
                    return false;
                }
            }
            return false;
        }
        auto* wizard = qobject_cast<widgets::SetupWizard*>(modal);
        if (!wizard)
            return false;
        switch (wizard->currentId()) {
        case widgets::SetupWizard::AdministratorPage: {
            // The first start: the administrator comes first.
            auto* page = qobject_cast<widgets::AdministratorSetupPage*>(wizard->currentPage());
            page->loginField()->setText(kAdmin.login);
            page->passwordFields()->first()->setText(kAdmin.password);
            page->passwordFields()->second()->setText(kAdmin.password);
            wizard->next();
            break;
        }
        case widgets::SetupWizard::WelcomePage:
            wizard->next();
            break;
        case widgets::SetupWizard::DiscoverPage: {
            // Only our camera (simulators of parallel tests answer on loopback too).
            setup::WizardState state = wizard->state();
            bool found = false;
            for (int i = 0; i < state.cameras.size(); ++i) {
                found = found || state.cameras.at(i).key == ours;
                state = setup::Wizard::setSelected(state, i, state.cameras.at(i).key == ours);
            }
            if (found && !wizard->isDiscovering()) {
                wizard->setState(state);
                wizard->next();
            }
            break;
        }
        case widgets::SetupWizard::CredentialsPage: {
            auto* page = qobject_cast<widgets::CredentialsSetupPage*>(wizard->currentPage());
            if (!typed) {
                typed = true;
                page->userEdit()->setText(kUser);
                Q_EMIT page->userEdit()->textEdited(kUser);
                page->passwordEdit()->setText(kPassword);
                Q_EMIT page->passwordEdit()->textEdited(kPassword);
                page->checkButton()->click();
            } else if (wizard->button(QWizard::NextButton)->isEnabled()) {
                wizard->next();
            }
            break;
        }
        case widgets::SetupWizard::SummaryPage:
            if (!finished) {
                finished = true;
                // It may ask about storage: a modal loop of its own, not inside this timer.
                QMetaObject::invokeMethod(wizard->button(QWizard::FinishButton),
                        &QAbstractButton::click, Qt::QueuedConnection);
            }
            break;
        default:
            wizard->next();
        }
        return false;
    });
    gui.showSetupWizard();
    QVERIFY(finished);
    QElapsedTimer sinceFinish;
    sinceFinish.start();
    const auto cameras = gui.context()->cameras().list();
    QVERIFY(cameras);
    QCOMPARE(cameras->size(), 1);
    const qint64 id = cameras->first().id;

    // The recorder that was already running records it, without a restart.
    // The window goes on as the administrator it made, and so does its link to the recorder:
    // the reload it sent was accepted (Manage cameras), others are not answered without a login.
    QCOMPARE(gui.session()->principal().login, kAdmin.login);
    QTRY_VERIFY_WITH_TIMEOUT(
            recorderCamera(data, id, kAdmin).value(QLatin1String("recording")).toBool(), 15000);
    QVERIFY(recorderCamera(data, id).isEmpty());
    const qint64 recordingAfter = sinceFinish.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(segmentsOf(data, id) >= 1, 20000);
    qInfo("recording %lld ms after Finish, first file indexed %lld ms after Finish (asked about "
          "storage: %s)",
            recordingAfter, sinceFinish.elapsed(), asked ? "yes" : "no");
    QVERIFY(control::ControlClient(data).connectToRecorder()); // the same recorder still answers
}

void TestCameraManagement::camerasPageChangesReachTheRecorder()
{
    const QString data = prepareDataDir(QStringLiteral("page"));
    QVERIFY(!data.isEmpty());
    QVERIFY(addCamera(data, m_sim.endpoint(1, "device_service"), QStringLiteral("Plaza")));
    Recorder recorder(data);
    QVERIFY(recorder.started());
    app::GuiApplication gui;
    QVERIFY(gui.start(windowArguments(data)));
    widgets::MainWindow* window = gui.mainWindow();
    window->showPage(widgets::PageId::Settings);
    auto* page = static_cast<widgets::SettingsPage*>(window->page(widgets::PageId::Settings));
    QTableWidget* table = page->cameraTable();
    QCOMPARE(table->rowCount(), 1);
    const qint64 id = table->item(0, 0)->data(Qt::UserRole).toLongLong();
    const auto cell = [&](int column) { return table->item(0, column)->text(); };
    // The list shows what the recorder does with the camera, its model and its streams.
    QTRY_COMPARE_WITH_TIMEOUT(cell(1), QStringLiteral("Recording"), 30000);
    QVERIFY2(cell(3).contains(QLatin1String("Vigil")), qPrintable(cell(3)));
    QVERIFY2(cell(4).startsWith(u"1920×1080 H264"), qPrintable(cell(4)));

    // Rename: the recorder knows the camera by its new name at once.
    User renamer([](QWidget* modal) {
        auto* dialog = qobject_cast<QInputDialog*>(modal);
        if (!dialog)
            return false;
        dialog->setTextValue(QStringLiteral("Plaza de Armas"));
        dialog->accept();
        return true;
    });
    page->renameCamera(0);
    QVERIFY(renamer.done());
    QCOMPARE(cell(0), QStringLiteral("Plaza de Armas"));
    QTRY_COMPARE_WITH_TIMEOUT(recorderCamera(data, id).value(QLatin1String("name")).toString(),
            QStringLiteral("Plaza de Armas"), 10000);

    // The login, checked with the camera: a wrong password is refused and cannot be saved; the
    // right one is saved, and the sub stream is no longer chosen.
    enum { Opened, WrongChecked, RightChecked, Saved } step = Opened;
    QString refusal;
    User connection([&](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::CameraConnectionDialog*>(modal);
        if (!dialog || dialog->isChecking())
            return false;
        switch (step) {
        case Opened: // the check of the stored login found the camera's streams
            if (dialog->mainCombo()->count() < 2)
                return false;
            dialog->passwordEdit()->setText(QStringLiteral("guess"));
            Q_EMIT dialog->passwordEdit()->textEdited(QStringLiteral("guess"));
            if (dialog->saveButton()->isEnabled())
                return false; // an unchecked login is never saveable: the test fails below
            dialog->checkButton()->click();
            step = WrongChecked;
            return false;
        case WrongChecked:
            refusal = dialog->statusLabel()->text();
            if (dialog->saveButton()->isEnabled())
                return true;
            dialog->passwordEdit()->setText(kPassword);
            Q_EMIT dialog->passwordEdit()->textEdited(kPassword);
            dialog->checkButton()->click();
            step = RightChecked;
            return false;
        case RightChecked:
            if (!dialog->saveButton()->isEnabled())
                return false;
            dialog->subCombo()->setCurrentIndex(dialog->subCombo()->findData(-1));
            dialog->saveButton()->click();
            step = Saved;
            return true;
        case Saved:
            break;
        }
        return true;
    });
    page->editConnection(0);
    QCOMPARE(step, Saved);
    QVERIFY2(refusal.contains(QLatin1String("refused the user name or password")),
            qPrintable(refusal));
    const auto saved = gui.context()->cameras().list();
    QVERIFY(saved);
    QCOMPARE(saved->first().username, kUser);
    const catalog::StreamRecord* sub = saved->first().stream(u"sub");
    QVERIFY(!sub || !sub->record);
    QTRY_VERIFY_WITH_TIMEOUT(
            recorderCamera(data, id).value(QLatin1String("streams")).toArray().size() == 1, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(
            recorderCamera(data, id).value(QLatin1String("recording")).toBool(), 15000);

    // Disabled: the recorder stops recording it; enabled again: it records again.
    page->toggleEnabled(0);
    QCOMPARE(cell(1), QStringLiteral("Disabled"));
    QTRY_VERIFY_WITH_TIMEOUT(recorderCamera(data, id).isEmpty(), 10000);
    const int whileDisabled = segmentsOf(data, id);
    page->toggleEnabled(0);
    QTRY_COMPARE_WITH_TIMEOUT(cell(1), QStringLiteral("Recording"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(segmentsOf(data, id) > whileDisabled, 20000);

    // Removed, after the question: not recorded any more; its footage stays.
    QString question;
    User remover([&](QWidget* modal) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        if (!box)
            return false;
        question = box->text() + u' ' + box->informativeText();
        for (QAbstractButton* b : box->buttons()) {
            if (box->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        }
        return true;
    });
    page->removeCamera(0);
    QVERIFY(remover.done());
    QVERIFY2(question.contains(QLatin1String("Its recordings stay")), qPrintable(question));
    QVERIFY(page->camerasEmptyState()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(recorderCamera(data, id).isEmpty(), 10000);
    const int kept = segmentsOf(data, id);
    QVERIFY(kept > whileDisabled);
    QCOMPARE(::kill(pid_t(recorder.pid()), 0), 0); // the same recorder all along
}

void TestCameraManagement::aStoppedCameraAlertsTheWindow()
{
    // A camera of its own, to be switched off.
    test::CamsimProcess sim;
    QVERIFY(sim.start(
            1, {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword}));
    const QString data = prepareDataDir(QStringLiteral("alert"));
    QVERIFY(!data.isEmpty());
    QVERIFY(addCamera(data, sim.endpoint(0, "device_service"), QStringLiteral("Mercado")));
    Recorder recorder(data);
    QVERIFY(recorder.started());
    app::GuiApplication gui;
    QVERIFY(gui.start(windowArguments(data)));
    widgets::StatusBarController* bar = gui.mainWindow()->statusBarController();
    QTRY_VERIFY_WITH_TIMEOUT(
            bar->camerasLabelText().startsWith(QLatin1String("Cameras: 1 (1 online, 1 recording)")),
            30000);
    QVERIFY(bar->alertsButtonText().isEmpty());

    // The camera goes dark: the recorder's alert reaches the window, which counts it…
    sim.stop();
    QTRY_COMPARE_WITH_TIMEOUT(bar->alertsButtonText(), QStringLiteral("1 alert"), 30000);
    // … lists it, and a person acknowledges it there.
    QString listed;
    User clerk([&](QWidget* modal) {
        auto* dialog = qobject_cast<QDialog*>(modal);
        auto* list
                = dialog ? dialog->findChild<QTreeWidget*>(QStringLiteral("alertsList")) : nullptr;
        if (!list || list->topLevelItemCount() == 0)
            return false;
        listed = list->topLevelItem(0)->text(1) + u' ' + list->topLevelItem(0)->text(3);
        list->setCurrentItem(list->topLevelItem(0));
        dialog->findChild<QPushButton*>(QStringLiteral("alertsAcknowledge"))->click();
        dialog->reject();
        return true;
    });
    Q_EMIT bar->alertsRequested();
    QVERIFY(clerk.done());
    QVERIFY2(listed.startsWith(QLatin1String("Mercado Camera Mercado is not recording")),
            qPrintable(listed));
    QTRY_VERIFY(bar->alertsButtonText().isEmpty());
    const auto alerts = catalog::AlertStore(gui.context()->catalog()).list();
    QVERIFY(alerts);
    QCOMPARE(alerts->first().acknowledgedBy, runtime::osUserName());
}

QTEST_MAIN(TestCameraManagement)
#include "tst_camera_management.moc"
