// The camera setup wizard driven offscreen against simulated cameras: from "no cameras" through
// discovery, credentials (wrong, then right), streams, storage and recording to the summary and
// four cameras in the catalog.
#include "core/catalog/camera_store.h"
#include "core/runtime/app_context.h"
#include "core/security/audit_log.h"
#include "core/security/session.h"
#include "core/security/user_store.h"
#include "support/camsim_process.h"
#include "widgets/recording/schedule_grid.h"
#include "widgets/security/password_fields.h"
#include "widgets/setup/setup_pages.h"
#include "widgets/setup/setup_wizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace vigil;
using widgets::SetupWizard;

namespace {
const QString kUser = QStringLiteral("admin");
const QString kPassword = QStringLiteral("Pa55 word");
} // namespace

class TestSetupWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fromNoCamerasToFourConfigured();
    void theFirstStartMakesTheAdministratorFirst();

private:
    QTemporaryDir m_dir;
    test::CamsimProcess m_sim;
};

void TestSetupWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sim.start(
            4, {QStringLiteral("--user"), kUser, QStringLiteral("--password"), kPassword}));
}

void TestSetupWizard::fromNoCamerasToFourConfigured()
{
    runtime::AppContext::Options contextOptions;
    contextOptions.dataDir = m_dir.filePath(QStringLiteral("data"));
    contextOptions.logBaseName.clear();
    auto context = runtime::AppContext::open(contextOptions);
    QVERIFY(context);
    QCOMPARE(context.value()->cameras().activeCount().value(), 0);

    SetupWizard::Options options;
    options.interfaces = {QHostAddress(QHostAddress::LocalHost)};
    options.recordingsFolder = context.value()->dataDir().recordingsPath();
    options.cameras = &context.value()->cameras();
    options.credentialKeyPath = context.value()->dataDir().credentialKeyPath();
    options.discoveryWindowMs = 1500;
    options.suggestedUser = kUser; // as the demo suggests its cameras' user name
    SetupWizard wizard(options);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(SetupWizard::WelcomePage));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::DiscoverPage));

    // Discovery finds our four cameras (simulators of parallel tests may answer too: untick those).
    QSet<QString> ours;
    for (int i = 0; i < 4; ++i)
        ours << m_sim.endpoint(i, "uuid");
    auto oursFound = [&] {
        int n = 0;
        for (const setup::WizardCamera& c : wizard.state().cameras)
            n += ours.contains(c.key) ? 1 : 0;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(oursFound(), 4, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isDiscovering(), 10000);
    setup::WizardState state = wizard.state();
    for (int i = 0; i < state.cameras.size(); ++i)
        state = setup::Wizard::setSelected(state, i, ours.contains(state.cameras.at(i).key));
    wizard.setState(state);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::CredentialsPage));

    // A wrong password is reported per camera and blocks the way on.
    auto* credentials = qobject_cast<widgets::CredentialsSetupPage*>(wizard.currentPage());
    QVERIFY(credentials);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(credentials->userEdit()->text(), kUser); // the suggestion survives entering the page
    QCOMPARE(wizard.state().sharedUser, kUser);
    QTest::keyClicks(credentials->passwordEdit(), QStringLiteral("guess"));
    QTest::mouseClick(credentials->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.isVerifying(), 30000);
    for (int i : setup::Wizard::selected(wizard.state())) {
        QCOMPARE(wizard.state().cameras.at(i).verification, setup::Verification::Failed);
        QVERIFY(wizard.state().cameras.at(i).verificationMessage.contains(
                QLatin1String("refused the user name or password")));
    }
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    credentials->passwordEdit()->clear();
    QTest::keyClicks(credentials->passwordEdit(), kPassword);
    QTest::mouseClick(credentials->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wizard.button(QWizard::NextButton)->isEnabled(), 30000);
    // Each camera shows a picture from its stream.
    QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(wizard.state().cameras.cbegin(), wizard.state().cameras.cend(),
                    [](const setup::WizardCamera& c) {
                        return !c.selected || c.snapshot.startsWith("\xff\xd8");
                    }),
            15000);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::StreamsPage));
    for (int i : setup::Wizard::selected(wizard.state())) {
        const setup::WizardCamera& c = wizard.state().cameras.at(i);
        QCOMPARE(c.device->profiles.at(c.mainProfile).width, 1920);
        QCOMPARE(c.device->profiles.at(c.subProfile).width, 640);
    }
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::RecordingPage));
    const QList<int> chosen = setup::Wizard::selected(wizard.state());
    const setup::StorageEstimate continuous = setup::Wizard::estimate(wizard.state());
    wizard.setState(setup::Wizard::setRecordMode(
            wizard.state(), chosen.first(), setup::RecordMode::Motion));
    // The second camera on a schedule, painted in the editor the way a user does: Sunday
    // entirely off with one drag, from the first hour to the last.
    wizard.setState(setup::Wizard::setRecordMode(
            wizard.state(), chosen.at(1), setup::RecordMode::Schedule));
    auto* recordingPage
            = static_cast<widgets::RecordingSetupPage*>(wizard.page(SetupWizard::RecordingPage));
    bool painted = false;
    QTimer painter;
    painter.setInterval(50);
    connect(&painter, &QTimer::timeout, this, [&] {
        auto* dialog = qobject_cast<widgets::ScheduleDialog*>(QApplication::activeModalWidget());
        if (!dialog || painted)
            return;
        painted = true;
        widgets::ScheduleGrid* grid = dialog->grid();
        grid->setBrush(recording::RecordMode::Off);
        QTest::mousePress(grid, Qt::LeftButton, {}, grid->cellRect(7, 0).center());
        for (int hour = 1; hour < 24; ++hour) {
            QMouseEvent move(QEvent::MouseMove, grid->cellRect(7, hour).center(),
                    grid->mapToGlobal(grid->cellRect(7, hour).center()), Qt::NoButton,
                    Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(grid, &move);
        }
        QTest::mouseRelease(grid, Qt::LeftButton, {}, grid->cellRect(7, 23).center());
        dialog->accept();
    });
    painter.start();
    recordingPage->editSchedule(chosen.at(1));
    painter.stop();
    QVERIFY(painted);
    const auto plan
            = recording::RecordSchedule::parse(wizard.state().cameras.at(chosen.at(1)).schedule);
    QVERIFY(plan);
    for (int hour = 0; hour < 24; ++hour)
        QCOMPARE(plan->at(7, hour), recording::RecordMode::Off);
    QCOMPARE(plan->at(1, 10), recording::RecordMode::Continuous); // the default office hours
    // The estimate follows the modes and the schedule: less than everything continuous.
    const setup::StorageEstimate chosenPlan = setup::Wizard::estimate(wizard.state());
    QVERIFY(chosenPlan.bytesPerDay < continuous.bytesPerDay);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::StoragePage));
    QCOMPARE(wizard.state().storageFolder, options.recordingsFolder);
    QVERIFY(wizard.state().storageFreeBytes > 0);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::SummaryPage));

    const QString report = wizard.reportHtml();
    for (int i = 0; i < 4; ++i)
        QVERIFY(report.contains(m_sim.endpoint(i, "name")));
    const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    QVERIFY(wizard.saveReportPdf(pdf));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");

    // A temporary folder holds far fewer than 30 days of four cameras: the summary says so in
    // red, and Finish asks; the user keeps what fits.
    const setup::StorageEstimate atFinish = setup::Wizard::estimate(wizard.state());
    QVERIFY(!atFinish.fits);
    QVERIFY(report.contains(QLatin1String("color:#c62828")));
    QVERIFY(report.contains(QLatin1String("not the 30 days")));
    QString question;
    QTimer answerer;
    answerer.setInterval(50);
    connect(&answerer, &QTimer::timeout, this, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || !question.isEmpty())
            return;
        question = box->text();
        for (QAbstractButton* b : box->buttons()) {
            if (b->text().startsWith(QLatin1String("Keep")) && !b->text().contains(u"anyway"))
                b->click();
        }
    });
    answerer.start();
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    answerer.stop();
    QVERIFY2(question.contains(QLatin1String("not the 30 days")), qPrintable(question));
    const int kept = qMax(1, int(atFinish.daysThatFit));
    QCOMPARE(wizard.state().retentionDays, kept);
    QCOMPARE(wizard.addedCameras().size(), 4);
    const auto cameras = context.value()->cameras().list();
    QVERIFY(cameras);
    QCOMPARE(cameras->size(), 4);
    QSet<QString> mains;
    for (int i = 0; i < 4; ++i)
        mains << m_sim.endpoint(i, "rtsp_main");
    int motion = 0;
    int scheduled = 0;
    for (const catalog::CameraRecord& c : cameras.value()) {
        QVERIFY(mains.contains(c.stream(u"main")->uri));
        QCOMPARE(c.username, kUser);
        QVERIFY(!c.sealedSecret.isEmpty());
        QCOMPARE(c.retentionDays, kept);
        motion += c.recordMode == QLatin1String("motion") ? 1 : 0;
        if (c.recordMode == QLatin1String("schedule")) {
            ++scheduled;
            QCOMPARE(c.schedule, plan->toString());
        }
    }
    QCOMPARE(motion, 1);
    QCOMPARE(scheduled, 1);
}

void TestSetupWizard::theFirstStartMakesTheAdministratorFirst()
{
    runtime::AppContext::Options contextOptions;
    contextOptions.dataDir = m_dir.filePath(QStringLiteral("first-start"));
    contextOptions.logBaseName.clear();
    auto context = runtime::AppContext::open(contextOptions);
    QVERIFY(context);
    security::Session session(context.value()->catalog(), context.value()->dataDir().keysPath(),
            QStringLiteral("window"));
    QCOMPARE(session.loginNeeded().value(), false);
    session.startSetupMode();

    SetupWizard::Options options;
    options.interfaces = {QHostAddress(QHostAddress::LocalHost)};
    options.cameras = &context.value()->cameras();
    options.session = &session;
    options.credentialKeyPath = context.value()->dataDir().credentialKeyPath();
    SetupWizard wizard(options);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(SetupWizard::AdministratorPage));
    auto* page = qobject_cast<widgets::AdministratorSetupPage*>(wizard.currentPage());
    QVERIFY(page);
    // Too short: refused, said on the page, nothing made.
    page->loginField()->setText(QStringLiteral("alcaldia"));
    page->passwordFields()->first()->setText(QStringLiteral("short"));
    page->passwordFields()->second()->setText(QStringLiteral("short"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::AdministratorPage));
    QCOMPARE(security::UserStore(context.value()->catalog()).hasAdministrator().value(), false);
    // A good one: the administrator exists, the wizard goes on as them.
    page->passwordFields()->first()->setText(kPassword + kPassword);
    page->passwordFields()->second()->setText(kPassword + kPassword);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::WelcomePage));
    QVERIFY(security::UserStore(context.value()->catalog()).hasAdministrator().value());
    QVERIFY(!session.isSetupMode());
    QCOMPARE(session.principal().login, QStringLiteral("alcaldia"));
    QCOMPARE(session.principal().role, security::Role::Administrator);
    security::AuditFilter filter;
    filter.action = QStringLiteral("user_add");
    QCOMPARE(security::AuditLog(context.value()->catalog(), context.value()->dataDir().keysPath())
                     .list(filter)
                     ->size(),
            1);
    wizard.reject();
}

QTEST_MAIN(TestSetupWizard)
#include "tst_setup_wizard.moc"
