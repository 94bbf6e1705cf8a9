// The main window: every area reachable by navigation, menu and shortcut, helpful empty states,
// status bar, About dialog, Spanish UI, settings page, and start-up errors shown in a dialog.
#include "app/gui_application.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/settings_store.h"
#include "core/control/control_client.h"
#include "core/recording/record_schedule.h"
#include "core/runtime/app_context.h"
#include "core/runtime/translations.h"
#include "core/status/system_status.h"
#include "widgets/about_dialog.h"
#include "widgets/empty_state.h"
#include "widgets/main_window.h"
#include "widgets/pages/live_page.h"
#include "widgets/pages/settings_page.h"
#include "widgets/recording/camera_recording_dialog.h"
#include "widgets/recording/schedule_grid.h"
#include "widgets/startup_error_dialog.h"
#include "widgets/status_bar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <csignal>

using namespace vigil;
using widgets::MainWindow;
using widgets::PageId;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void everyPageReachableByNavigation();
    void everyPageReachableByShortcut();
    void emptyStatesExplainWhatComes();
    void pagesSayWhatIsTrueOnceCamerasExist();
    void statusBarShowsStorageAndCameras();
    void aboutDialogShowsLibraryVersions();
    void spanishInterface();
    void settingsPageSavesLanguage();
    void startupErrorIsShownInADialog();
    void windowsFollowTheRecorder();
    void closingAsksWhenRecordingStopsWithTheWindow();

private:
    std::unique_ptr<MainWindow> makeWindow();

    QTemporaryDir m_dir;
    std::unique_ptr<runtime::AppContext> m_context;
    std::unique_ptr<status::SystemStatus> m_status;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    runtime::installTranslations(QLocale(QLocale::English));
    runtime::AppContext::Options options;
    options.dataDir = m_dir.filePath(QStringLiteral("data"));
    options.logBaseName.clear();
    auto context = runtime::AppContext::open(options);
    QVERIFY2(context, qPrintable(context ? QString() : context.error().fullText()));
    m_context = std::move(context).value();
    m_status = std::make_unique<status::SystemStatus>(
            m_context->dataDir().path(), &m_context->cameras());
}

void TestMainWindow::cleanup()
{
    m_status.reset();
    m_context.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::makeWindow()
{
    widgets::PageContext pages;
    pages.status = m_status.get();
    pages.settings = &m_context->settings();
    pages.cameras = &m_context->cameras();
    pages.dataDir = m_context->dataDir().path();
    pages.catalogPath = m_context->catalog().path();
    pages.schemaVersion = 1;
    auto window = std::make_unique<MainWindow>(pages);
    window->show();
    return window;
}

void TestMainWindow::everyPageReachableByNavigation()
{
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto* navigation = window->findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), 5);
    const QList<PageId> order
            = {PageId::Live, PageId::Playback, PageId::Search, PageId::Evidence, PageId::Settings};
    QCOMPARE(window->currentPage(), PageId::Live);
    for (int row = order.size() - 1; row >= 0; --row) {
        QListWidgetItem* item = navigation->item(row);
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
                navigation->visualItemRect(item).center());
        QCOMPARE(window->currentPage(), order.at(row));
        QVERIFY(window->page(order.at(row))->isVisible());
        QCOMPARE(item->text(), window->page(order.at(row))->title());
        QVERIFY(window->pageAction(order.at(row))->isChecked());
    }
}

void TestMainWindow::everyPageReachableByShortcut()
{
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    const QList<PageId> order
            = {PageId::Live, PageId::Playback, PageId::Search, PageId::Evidence, PageId::Settings};
    for (int i = order.size() - 1; i >= 0; --i) {
        QTest::keyClick(window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QCOMPARE(window->currentPage(), order.at(i));
        QVERIFY(window->page(order.at(i))->isVisible());
    }
    window->pageAction(PageId::Evidence)->trigger();
    QCOMPARE(window->currentPage(), PageId::Evidence);
}

void TestMainWindow::emptyStatesExplainWhatComes()
{
    auto window = makeWindow();
    for (widgets::FeaturePage* page : window->pages()) {
        window->showPage(page->id());
        const QList<widgets::EmptyState*> states = page->findChildren<widgets::EmptyState*>();
        QVERIFY2(!states.isEmpty(), qPrintable(page->title()));
        for (widgets::EmptyState* state : states) {
            QVERIFY(!state->title().isEmpty());
            QVERIFY(state->text().size() > 40);
            auto* text = state->findChild<QLabel*>(QStringLiteral("emptyStateText"));
            QVERIFY(text->isVisible());
            // The whole sentence fits: the label is tall enough for its wrapped text.
            QTRY_VERIFY2(text->height() >= text->heightForWidth(text->width()),
                    qPrintable(QStringLiteral("%1: %2 < %3")
                                       .arg(page->title())
                                       .arg(text->height())
                                       .arg(text->heightForWidth(text->width()))));
        }
    }
    auto* live = static_cast<widgets::LivePage*>(window->page(PageId::Live));
    QCOMPARE(live->emptyState()->title(), QStringLiteral("No cameras yet"));
    auto* button = live->emptyState()->findChild<QPushButton*>();
    QVERIFY(button);
    QCOMPARE(button->text(), window->addCamerasAction()->text());
    // Camera setup is not part of this build: the way is shown but honestly unavailable.
    QCOMPARE(button->isEnabled(), window->addCamerasAction()->isEnabled());
}

void TestMainWindow::pagesSayWhatIsTrueOnceCamerasExist()
{
    catalog::CameraRecord camera;
    camera.uuid = QStringLiteral("onvif:10.0.0.5:80");
    camera.name = QStringLiteral("Town Hall");
    camera.deviceUrl = QStringLiteral("http://10.0.0.5/onvif/device_service");
    camera.streams = {catalog::StreamRecord {QStringLiteral("main"), QStringLiteral("p1"),
            QStringLiteral("rtsp://10.0.0.5/main"), QStringLiteral("H264"), 1920, 1080, 25, 4096,
            true}};
    QVERIFY(m_context->cameras().add(camera));
    m_status->refresh();
    auto window = makeWindow();

    // Settings lists the camera, not "No cameras yet", and changes how it records.
    auto* settings = static_cast<widgets::SettingsPage*>(window->page(PageId::Settings));
    window->showPage(PageId::Settings);
    QVERIFY(!settings->camerasEmptyState()->isVisible());
    QTableWidget* table = settings->cameraTable();
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Town Hall"));
    // Nothing records it in this test: the status says why.
    QCOMPARE(table->item(0, 1)->text(),
            QStringLiteral("Not recording: the recorder is not running"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("10.0.0.5"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("1920×1080 H264, 25 fps"));
    QCOMPARE(table->item(0, 5)->text(), QStringLiteral("Continuously"));
    QSignalSpy changed(settings, &widgets::SettingsPage::camerasChanged);
    int step = 0;
    QTimer user;
    user.setInterval(50);
    connect(&user, &QTimer::timeout, this, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* schedule = qobject_cast<widgets::ScheduleDialog*>(modal); schedule && step == 1) {
            step = 2;
            schedule->accept(); // the office-hours plan it opens with
        } else if (auto* dialog = qobject_cast<widgets::CameraRecordingDialog*>(modal)) {
            if (step == 0) {
                step = 1;
                QComboBox* mode = dialog->modeCombo();
                mode->setCurrentIndex(mode->findData(QStringLiteral("schedule")));
                // Opens the schedule editor, a modal loop of its own: not inside this timer.
                QMetaObject::invokeMethod(
                        mode, [mode] { Q_EMIT mode->activated(mode->currentIndex()); },
                        Qt::QueuedConnection);
            } else if (step == 2) {
                step = 3;
                dialog->accept();
            }
        }
    });
    user.start();
    settings->editRecording(0);
    user.stop();
    QCOMPARE(step, 3);
    QCOMPARE(changed.size(), 1);
    const auto saved = m_context->cameras().list();
    QVERIFY(saved);
    QCOMPARE(saved->first().recordMode, QStringLiteral("schedule"));
    QCOMPARE(saved->first().schedule, recording::RecordSchedule::officeHours().toString());
    QVERIFY(table->item(0, 5)->text().startsWith(QLatin1String("On a schedule: Continuous 60 h")));

    // Live does not claim the cameras are fine: nothing records them in this window.
    auto* live = static_cast<widgets::LivePage*>(window->page(PageId::Live));
    QCOMPARE(live->emptyState()->title(), QStringLiteral("Cameras configured: 1"));
    QVERIFY2(live->emptyState()->text().contains(QLatin1String("not recording them")),
            qPrintable(live->emptyState()->text()));
    QVERIFY(m_context->cameras().remove(saved->first().id)); // the other tests start with none
}

void TestMainWindow::statusBarShowsStorageAndCameras()
{
    auto window = makeWindow();
    widgets::StatusBarController* bar = window->statusBarController();
    QCOMPARE(bar->camerasLabelText(), QStringLiteral("No cameras"));
    QVERIFY2(bar->storageLabelText().startsWith(QLatin1String("Storage: ")),
            qPrintable(bar->storageLabelText()));
    QVERIFY(bar->storageLabelText().contains(QLatin1String(" free of ")));

    status::SystemStatus::Snapshot snapshot;
    snapshot.cameras = 4;
    snapshot.camerasOnline = 3;
    snapshot.camerasRecording = 2;
    QCOMPARE(widgets::StatusBarController::camerasText(snapshot),
            QStringLiteral("Cameras: 4 (3 online, 2 recording)"));
    snapshot.storageFreeBytes = -1;
    QCOMPARE(widgets::StatusBarController::storageText(snapshot), QStringLiteral("unknown"));

    // A passing notice never covers a problem, and goes away by itself.
    bar->setProblem(QStringLiteral("Camera Town Hall 2 is not recording: nothing answers."));
    bar->showNotice(QStringLiteral("Demo: 4 simulated cameras found on this computer."), 200);
    auto* alert = window->statusBar()->findChild<QLabel*>(QStringLiteral("statusAlert"));
    auto* notice = window->statusBar()->findChild<QLabel*>(QStringLiteral("statusNotice"));
    QVERIFY(alert->isVisible());
    QVERIFY(notice->isVisible());
    QVERIFY(bar->alertText().contains(QLatin1String("Town Hall 2")));
    QVERIFY(bar->noticeText().startsWith(QLatin1String("Demo: 4")));
    QTRY_VERIFY(bar->noticeText().isEmpty());
    QVERIFY(bar->alertText().contains(QLatin1String("Town Hall 2")));
    bar->setProblem(QString());
    QVERIFY(bar->alertText().isEmpty());
}

void TestMainWindow::aboutDialogShowsLibraryVersions()
{
    auto window = makeWindow();
    QTimer::singleShot(0, this, [] {
        auto* about = qobject_cast<widgets::AboutDialog*>(QApplication::activeModalWidget());
        QVERIFY(about);
        const QString text = about->versionsText();
        QVERIFY(text.contains(QLatin1String("Vigil 0.")));
        QVERIFY(text.contains(QLatin1String("Qt: ") + QLatin1String(qVersion())));
        QVERIFY(text.contains(QLatin1String("FFmpeg: ")));
        QVERIFY(text.contains(QLatin1String("OpenCV: 4.")));
        QVERIFY(text.contains(QLatin1String("SQLite: 3.")));
        about->reject();
    });
    window->aboutAction()->trigger();
    QVERIFY(!QApplication::activeModalWidget());
}

void TestMainWindow::spanishInterface()
{
    QVERIFY(runtime::installTranslations(QLocale(QStringLiteral("es"))));
    auto window = makeWindow();
    QStringList titles;
    for (widgets::FeaturePage* page : window->pages())
        titles << page->title();
    QCOMPARE(titles,
            (QStringList {QStringLiteral("En directo"), QStringLiteral("Reproducción"),
                    QStringLiteral("Búsqueda"), QStringLiteral("Pruebas"),
                    QStringLiteral("Ajustes")}));
    auto* live = static_cast<widgets::LivePage*>(window->page(PageId::Live));
    QCOMPARE(live->emptyState()->title(), QStringLiteral("Todavía no hay cámaras"));
    QCOMPARE(window->statusBarController()->camerasLabelText(), QStringLiteral("No hay cámaras"));
    QCOMPARE(window->menuBar()->actions().first()->text(), QStringLiteral("&Archivo"));
    runtime::installTranslations(QLocale(QLocale::English));
}

void TestMainWindow::settingsPageSavesLanguage()
{
    auto window = makeWindow();
    auto* settings = static_cast<widgets::SettingsPage*>(window->page(PageId::Settings));
    window->showPage(PageId::Settings);
    QComboBox* combo = settings->languageCombo();
    const int spanish = combo->findData(QStringLiteral("es"));
    QVERIFY(spanish > 0);
    QCOMPARE(combo->itemText(spanish), QStringLiteral("Español"));
    combo->setCurrentIndex(spanish);
    Q_EMIT combo->activated(spanish);
    QCOMPARE(m_context->settings().value(QStringLiteral("ui/language")).toString(),
            QStringLiteral("es"));
    combo->setCurrentIndex(0);
    Q_EMIT combo->activated(0);
    QCOMPARE(m_context->settings().value(QStringLiteral("ui/language")).toString(), QString());
}

void TestMainWindow::startupErrorIsShownInADialog()
{
    QString shownText;
    QString shownTitle;
    QTimer::singleShot(0, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        QVERIFY(box);
        shownText = box->text();
        shownTitle = box->windowTitle();
        box->button(QMessageBox::Close)->click();
    });
    widgets::showStartupError(Error {Error::Code::Corrupt,
            QStringLiteral("The catalog is damaged."), QStringLiteral("driver text")});
    QCOMPARE(shownTitle, QStringLiteral("Vigil cannot start"));
    QCOMPARE(shownText, QStringLiteral("The catalog is damaged."));
}

void TestMainWindow::windowsFollowTheRecorder()
{
    // A camera the recorder will count (it never answers: nothing on that port).
    const QString data = m_dir.filePath(QStringLiteral("follow"));
    QProcess ctl;
    ctl.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("--data-dir"), data, QStringLiteral("camera"), QStringLiteral("add"),
                    QStringLiteral("rtsp://127.0.0.1:9/nothing")});
    QVERIFY(ctl.waitForFinished(30000));
    QCOMPARE(ctl.exitCode(), 0);
    // No space alert, however full this machine's disk: the only alert is the camera's.
    for (const char* key : {"storage/minFreeMB", "storage/minFreePercent"}) {
        ctl.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
                {QStringLiteral("--data-dir"), data, QStringLiteral("settings"),
                        QStringLiteral("set"), QLatin1String(key), QStringLiteral("0")});
        QVERIFY(ctl.waitForFinished(30000));
        QCOMPARE(ctl.exitCode(), 0);
    }

    // Two windows on one data folder: both are clients, neither owns it.
    const QStringList args = {QStringLiteral("vigil"), QStringLiteral("--data-dir"), data,
            QStringLiteral("--no-recorder")};
    app::GuiApplication first;
    const Result<void> started = first.start(args);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().fullText()));
    app::GuiApplication second;
    QVERIFY(second.start(args));
    QVERIFY(first.mainWindow()->isVisible());
    QVERIFY(second.mainWindow()->isVisible());
    widgets::StatusBarController* bar = first.mainWindow()->statusBarController();
    widgets::StatusBarController* other = second.mainWindow()->statusBarController();
    const auto stopped = [](widgets::StatusBarController* b) {
        return b->alertText().startsWith(QLatin1String("RECORDING STOPPED"));
    };
    QTRY_VERIFY(stopped(bar)); // no recorder runs yet

    QProcess recorder;
    const auto startRecorder = [&] {
        recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-recorder"),
                {QStringLiteral("--data-dir"), data});
        return recorder.waitForStarted();
    };
    QVERIFY(startRecorder());
    QTRY_VERIFY_WITH_TIMEOUT(!stopped(bar) && !stopped(other), 15000);
    QVERIFY2(
            bar->camerasLabelText().startsWith(QLatin1String("Cameras: 1 (0 online, 0 recording)")),
            qPrintable(bar->camerasLabelText())); // and its problem: nothing answers

    // The recorder's alert (the camera does not answer) is counted in both windows until a
    // person acknowledges it in the alert list.
    QTRY_VERIFY_WITH_TIMEOUT(!bar->alertsButtonText().isEmpty(), 30000);
    QVERIFY2(bar->alertsButtonText().endsWith(QLatin1String("alert")),
            qPrintable(bar->alertsButtonText()));
    QTRY_VERIFY_WITH_TIMEOUT(!other->alertsButtonText().isEmpty(), 15000);
    bool listed = false;
    QString acknowledgedText;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("alertsList"));
        if (list && list->topLevelItemCount() >= 1) {
            const QString first = list->topLevelItem(0)->text(3);
            listed = first.contains(QLatin1String("cannot be reached"));
            if (!listed)
                qWarning("first alert: %s", qPrintable(first));
            dialog->findChild<QPushButton*>(QStringLiteral("alertsAcknowledgeAll"))->click();
            acknowledgedText = list->topLevelItem(0)->text(2);
        }
        dialog->reject();
    });
    Q_EMIT bar->alertsRequested();
    QVERIFY(listed);
    QVERIFY2(!acknowledgedText.isEmpty() && acknowledgedText != QLatin1String("not yet"),
            qPrintable(acknowledgedText));
    QTRY_VERIFY(bar->alertsButtonText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(other->alertsButtonText().isEmpty(), 15000);

    // The recorder dies (kill -9): both windows say so within 5 s, and recover when it is back.
    ::kill(pid_t(recorder.processId()), SIGKILL);
    QVERIFY(recorder.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(stopped(bar) && stopped(other), 5000);
    QVERIFY(startRecorder());
    QTRY_VERIFY_WITH_TIMEOUT(!stopped(bar) && !stopped(other), 15000);
    ::kill(pid_t(recorder.processId()), SIGTERM);
    QVERIFY(recorder.waitForFinished(30000));
    QCOMPARE(recorder.exitCode(), 0);
}

void TestMainWindow::closingAsksWhenRecordingStopsWithTheWindow()
{
    // An installation set to record only while the window is open, with a camera.
    const QString data = m_dir.filePath(QStringLiteral("only-open"));
    const auto ctl = [&](const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
                QStringList {QStringLiteral("--data-dir"), data} + args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    };
    QVERIFY(ctl({QStringLiteral("camera"), QStringLiteral("add"),
            QStringLiteral("rtsp://127.0.0.1:9/nothing"), QStringLiteral("--name"),
            QStringLiteral("Calle Sucre")}));
    QVERIFY(ctl({QStringLiteral("settings"), QStringLiteral("set"),
            QStringLiteral("recording/onlyWhileWindowOpen"), QStringLiteral("true")}));
    for (const char* key : {"storage/minFreeMB", "storage/minFreePercent"}) {
        QVERIFY(ctl({QStringLiteral("settings"), QStringLiteral("set"), QLatin1String(key),
                QStringLiteral("0")}));
    }

    auto gui = std::make_unique<app::GuiApplication>();
    QVERIFY(gui->start({QStringLiteral("vigil"), QStringLiteral("--data-dir"), data}));
    widgets::MainWindow* window = gui->mainWindow();
    widgets::StatusBarController* bar = window->statusBarController();
    // It started the recorder (none ran) and follows it.
    QTRY_VERIFY_WITH_TIMEOUT(
            !bar->alertText().startsWith(QLatin1String("RECORDING STOPPED")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(
            bar->camerasLabelText().startsWith(QLatin1String("Cameras: 1")), 10000);

    // Closing asks first; "Keep Vigil open" keeps it open and recording.
    const auto answer = [&](QMessageBox::ButtonRole role, QString* text) {
        QTimer::singleShot(0, this, [role, text] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box)
                return;
            *text = box->text();
            for (QAbstractButton* b : box->buttons()) {
                if (box->buttonRole(b) == role)
                    b->click();
            }
        });
    };
    QString asked;
    answer(QMessageBox::RejectRole, &asked);
    QVERIFY(!window->close());
    QCOMPARE(asked, QStringLiteral("Closing Vigil stops recording of 1 camera."));
    QVERIFY(window->isVisible());
    control::ControlClient stillThere(data);
    QVERIFY(stillThere.connectToRecorder());

    // "Close and stop recording": the window closes and its recorder stops with it.
    asked.clear();
    answer(QMessageBox::DestructiveRole, &asked);
    QVERIFY(window->close());
    QVERIFY(!asked.isEmpty());
    gui.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!control::ControlClient(data).connectToRecorder(500), 30000);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
