// The camera setup wizard driven offscreen against simulated cameras: from "no cameras" through
// discovery, credentials (wrong, then right), streams, storage and recording to the summary and
// four cameras in the catalog.
#include "core/catalog/camera_store.h"
#include "core/runtime/app_context.h"
#include "support/camsim_process.h"
#include "widgets/setup/setup_pages.h"
#include "widgets/setup/setup_wizard.h"

#include <QAbstractButton>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

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
    QCOMPARE(wizard.currentId(), int(SetupWizard::StoragePage));
    QCOMPARE(wizard.state().storageFolder, options.recordingsFolder);
    QVERIFY(wizard.state().storageFreeBytes > 0);
    wizard.next();
    QCOMPARE(wizard.currentId(), int(SetupWizard::RecordingPage));
    wizard.setState(setup::Wizard::setRecordMode(wizard.state(),
            setup::Wizard::selected(wizard.state()).first(), setup::RecordMode::Motion));
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

    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(wizard.addedCameras().size(), 4);
    const auto cameras = context.value()->cameras().list();
    QVERIFY(cameras);
    QCOMPARE(cameras->size(), 4);
    QSet<QString> mains;
    for (int i = 0; i < 4; ++i)
        mains << m_sim.endpoint(i, "rtsp_main");
    int motion = 0;
    for (const catalog::CameraRecord& c : cameras.value()) {
        QVERIFY(mains.contains(c.stream(u"main")->uri));
        QCOMPARE(c.username, kUser);
        QVERIFY(!c.sealedSecret.isEmpty());
        motion += c.recordMode == QLatin1String("motion") ? 1 : 0;
    }
    QCOMPARE(motion, 1);
}

QTEST_MAIN(TestSetupWizard)
#include "tst_setup_wizard.moc"
