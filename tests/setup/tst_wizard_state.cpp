// The setup wizard's state logic, without widgets.
#include "core/setup/wizard_state.h"

#include <QTest>

using namespace vigil;
using namespace vigil::setup;

namespace {

onvif::DiscoveredDevice discovered(const char* endpoint, const char* xaddr, const char* name)
{
    onvif::DiscoveredDevice d;
    d.endpoint = QLatin1String(endpoint);
    d.xaddrs = {QLatin1String(xaddr)};
    d.name = QLatin1String(name);
    d.hardware = QStringLiteral("Model X");
    return d;
}

onvif::DeviceDescription device(int mainKbps = 4096, int subKbps = 512)
{
    onvif::DeviceDescription d;
    d.info.manufacturer = QStringLiteral("Acme");
    d.info.model = QStringLiteral("Cam 9");
    auto profile = [](const char* token, const char* encoding, int w, int h, int kbps) {
        onvif::MediaProfile p;
        p.token = QLatin1String(token);
        p.encoding = QLatin1String(encoding);
        p.width = w;
        p.height = h;
        p.bitrateKbps = kbps;
        return p;
    };
    d.profiles = {profile("hd", "H264", 1920, 1080, mainKbps),
            profile("sd", "H264", 640, 360, subKbps), profile("mjpeg", "JPEG", 1280, 720, 8000)};
    d.mainProfile = 0;
    d.subProfile = 1;
    return d;
}

} // namespace

class TestWizardState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void discoveryDeduplicates();
    void knownCamerasAreMarked();
    void manualAddresses_data();
    void manualAddresses();
    void rtspUrlCredentialsMoveOut();
    void credentialsResetVerification();
    void verificationOutcome();
    void streamChoiceRules();
    void leavingPages();
    void storageEstimate();
};

void TestWizardState::discoveryDeduplicates()
{
    WizardState s;
    s = Wizard::addDiscovered(
            s, discovered("urn:uuid:1", "http://10.0.0.5/onvif/device_service", "Door"));
    s = Wizard::addDiscovered(
            s, discovered("urn:uuid:2", "http://10.0.0.6/onvif/device_service", "Yard"));
    s = Wizard::addDiscovered(
            s, discovered("urn:uuid:1", "http://10.0.0.9/onvif/device_service", "Door"));
    QCOMPARE(s.cameras.size(), 2);
    QCOMPARE(s.cameras.at(0).address,
            QStringLiteral("http://10.0.0.9/onvif/device_service")); // moved
    QCOMPARE(s.cameras.at(0).name, QStringLiteral("Door"));
    QVERIFY(s.cameras.at(0).selected);
}

void TestWizardState::knownCamerasAreMarked()
{
    WizardState s;
    s.known = {KnownCamera {3, QStringLiteral("Town Hall"), QStringLiteral("urn:uuid:1"),
                       QStringLiteral("http://10.0.0.5/onvif/device_service")},
            KnownCamera {4, QStringLiteral("Market"), QStringLiteral("urn:uuid:2"),
                    QStringLiteral("http://10.0.0.6/onvif/device_service")}};
    // Where Vigil knows it: marked, not ticked, and cannot be ticked.
    s = Wizard::addDiscovered(
            s, discovered("URN:UUID:1", "http://10.0.0.5/onvif/device_service", "Door"));
    QCOMPARE(s.cameras.at(0).known.id, 3);
    QVERIFY(!s.cameras.at(0).knownMoved);
    QVERIFY(!s.cameras.at(0).selected);
    QVERIFY(!Wizard::setSelected(s, 0, true).cameras.at(0).selected);
    QVERIFY(!Wizard::canLeaveDiscovery(s));
    // At a new address (DHCP): marked as moved; ticking it updates that camera.
    s = Wizard::addDiscovered(
            s, discovered("urn:uuid:2", "http://10.0.0.60/onvif/device_service", "Yard"));
    QCOMPARE(s.cameras.at(1).known.id, 4);
    QVERIFY(s.cameras.at(1).knownMoved);
    QVERIFY(!s.cameras.at(1).selected);
    s = Wizard::setSelected(s, 1, true);
    QVERIFY(s.cameras.at(1).selected);
    // A new camera is ticked as always.
    s = Wizard::addDiscovered(
            s, discovered("urn:uuid:9", "http://10.0.0.9/onvif/device_service", "Gate"));
    QCOMPARE(s.cameras.at(2).known.id, 0);
    QVERIFY(s.cameras.at(2).selected);
    // Typed in by hand, a camera Vigil has is refused before the login page.
    const Result<WizardState> typed = Wizard::addManual(s, QStringLiteral("10.0.0.5"));
    QVERIFY(!typed);
    QVERIFY(typed.error().message.contains(QStringLiteral("Town Hall")));
}

void TestWizardState::manualAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("address");
    QTest::newRow("bare IP") << QStringLiteral("192.168.1.20")
                             << QStringLiteral("http://192.168.1.20/onvif/device_service");
    QTest::newRow("host and port") << QStringLiteral("cam.local:8080")
                                   << QStringLiteral("http://cam.local:8080/onvif/device_service");
    QTest::newRow("full URL") << QStringLiteral(" http://10.1.1.1/onvif/services ")
                              << QStringLiteral("http://10.1.1.1/onvif/services");
    QTest::newRow("rtsp") << QStringLiteral("rtsp://10.1.1.2:554/live")
                          << QStringLiteral("rtsp://10.1.1.2:554/live");
    QTest::newRow("garbage") << QStringLiteral("not a camera!") << QString();
    QTest::newRow("ftp") << QStringLiteral("ftp://10.1.1.1/") << QString();
}

void TestWizardState::manualAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, address);
    const Result<WizardState> r = Wizard::addManual(WizardState {}, text);
    QCOMPARE(r.ok(), !address.isEmpty());
    if (r) {
        QCOMPARE(r->cameras.size(), 1);
        QCOMPARE(r->cameras.first().address, address);
        // The same address twice is refused.
        QVERIFY(!Wizard::addManual(r.value(), text));
    } else {
        QVERIFY(r.error().message.contains(QLatin1String("not a camera address")));
    }
}

void TestWizardState::rtspUrlCredentialsMoveOut()
{
    const Result<WizardState> r = Wizard::addManual(
            WizardState {}, QStringLiteral("rtsp://admin:s3cret@10.0.0.7/stream1"));
    QVERIFY(r);
    const WizardCamera& c = r->cameras.first();
    QVERIFY(c.isRtspUrl);
    QCOMPARE(c.address, QStringLiteral("rtsp://10.0.0.7/stream1"));
    QCOMPARE(Wizard::credentials(r.value(), 0),
            std::make_pair(QStringLiteral("admin"), QStringLiteral("s3cret")));
    // An RTSP URL needs no ONVIF verification.
    QVERIFY(Wizard::canLeaveCredentials(r.value()));
}

void TestWizardState::credentialsResetVerification()
{
    WizardState s = Wizard::addDiscovered(
            {}, discovered("urn:uuid:1", "http://10.0.0.5/onvif/device_service", "Door"));
    s = Wizard::setSharedCredentials(s, true, QStringLiteral("admin"), QStringLiteral("a"));
    s = Wizard::verificationFinished(s, 0, device());
    QCOMPARE(s.cameras.at(0).verification, Verification::Ok);
    // Unchanged credentials keep the result; changed ones ask for a new check.
    s = Wizard::setSharedCredentials(s, true, QStringLiteral("admin"), QStringLiteral("a"));
    QCOMPARE(s.cameras.at(0).verification, Verification::Ok);
    s = Wizard::setSharedCredentials(s, true, QStringLiteral("admin"), QStringLiteral("b"));
    QCOMPARE(s.cameras.at(0).verification, Verification::NotChecked);
    QCOMPARE(Wizard::credentials(s, 0),
            std::make_pair(QStringLiteral("admin"), QStringLiteral("b")));
    s = Wizard::setSharedCredentials(s, false, QStringLiteral("admin"), QStringLiteral("b"));
    s = Wizard::setCameraCredentials(s, 0, QStringLiteral("door"), QStringLiteral("d"));
    QCOMPARE(
            Wizard::credentials(s, 0), std::make_pair(QStringLiteral("door"), QStringLiteral("d")));
}

void TestWizardState::verificationOutcome()
{
    WizardState s = Wizard::addDiscovered(
            {}, discovered("urn:uuid:1", "http://10.0.0.5/onvif/device_service", ""));
    s = Wizard::verificationStarted(s, 0);
    QCOMPARE(s.cameras.at(0).verification, Verification::Checking);
    s = Wizard::verificationFinished(
            s, 0, Error {Error::Code::AuthenticationFailed, QStringLiteral("wrong password"), {}});
    QCOMPARE(s.cameras.at(0).verification, Verification::Failed);
    QCOMPARE(s.cameras.at(0).verificationMessage, QStringLiteral("wrong password"));
    QVERIFY(!Wizard::canLeaveCredentials(s));
    s = Wizard::verificationFinished(s, 0, device());
    QCOMPARE(s.cameras.at(0).verification, Verification::Ok);
    QCOMPARE(s.cameras.at(0).model, QStringLiteral("Acme Cam 9"));
    QCOMPARE(s.cameras.at(0).mainProfile, 0);
    QCOMPARE(s.cameras.at(0).subProfile, 1);
    QVERIFY(Wizard::canLeaveCredentials(s));
    // A camera with no H.264/H.265 stream cannot be recorded.
    onvif::DeviceDescription jpegOnly = device();
    jpegOnly.mainProfile = -1;
    jpegOnly.subProfile = -1;
    s = Wizard::verificationFinished(s, 0, jpegOnly);
    QCOMPARE(s.cameras.at(0).verification, Verification::Failed);
}

void TestWizardState::streamChoiceRules()
{
    WizardState s = Wizard::addDiscovered(
            {}, discovered("urn:uuid:1", "http://10.0.0.5/onvif/device_service", "Door"));
    s = Wizard::verificationFinished(s, 0, device());
    s = Wizard::chooseStream(s, 0, QStringLiteral("main"), 2); // JPEG cannot be the recorded stream
    QCOMPARE(s.cameras.at(0).mainProfile, 0);
    s = Wizard::chooseStream(s, 0, QStringLiteral("main"), 1); // main = the old sub: sub is cleared
    QCOMPARE(s.cameras.at(0).mainProfile, 1);
    QCOMPARE(s.cameras.at(0).subProfile, -1);
    s = Wizard::chooseStream(s, 0, QStringLiteral("sub"), 1); // sub may not equal main
    QCOMPARE(s.cameras.at(0).subProfile, -1);
    s = Wizard::chooseStream(s, 0, QStringLiteral("sub"), 0);
    QCOMPARE(s.cameras.at(0).subProfile, 0);
    s = Wizard::chooseStream(s, 0, QStringLiteral("sub"), 99);
    QCOMPARE(s.cameras.at(0).subProfile, 0);
}

void TestWizardState::leavingPages()
{
    WizardState s;
    QVERIFY(!Wizard::canLeaveDiscovery(s));
    s = Wizard::addDiscovered(
            s, discovered("urn:uuid:1", "http://10.0.0.5/onvif/device_service", "Door"));
    s = Wizard::addDiscovered(
            s, discovered("urn:uuid:2", "http://10.0.0.6/onvif/device_service", "Yard"));
    QVERIFY(Wizard::canLeaveDiscovery(s));
    s = Wizard::setSelected(s, 0, false);
    s = Wizard::setSelected(s, 1, false);
    QVERIFY(!Wizard::canLeaveDiscovery(s));
    s = Wizard::setSelected(s, 1, true);
    QCOMPARE(Wizard::selected(s), QList<int> {1});
    QVERIFY(!Wizard::canLeaveCredentials(s));
    s = Wizard::verificationFinished(s, 1, device());
    QVERIFY(Wizard::canLeaveCredentials(s)); // the unselected camera does not count
}

void TestWizardState::storageEstimate()
{
    WizardState s = Wizard::addDiscovered(
            {}, discovered("urn:uuid:1", "http://10.0.0.5/onvif/device_service", "Door"));
    s = Wizard::verificationFinished(s, 0, device(4096, 512));
    // Only the recorded (main) stream counts: the sub stream is not recorded.
    const qint64 perDay = qint64(4096 * 1000.0 / 8 * 86400);
    s = Wizard::setStorage(s, QStringLiteral("/srv/vigil"), perDay * 45);
    s = Wizard::setRetentionDays(s, 30);
    StorageEstimate e = Wizard::estimate(s);
    QCOMPARE(e.bytesPerDay, perDay);
    QVERIFY(qAbs(e.daysThatFit - 45.0) < 0.01);
    QVERIFY(e.fits);
    s = Wizard::setRetentionDays(s, 60);
    QVERIFY(!Wizard::estimate(s).fits);
    // Motion recording stores about a third.
    s = Wizard::setRecordMode(s, 0, RecordMode::Motion);
    QVERIFY(Wizard::estimate(s).fits);
    QCOMPARE(Wizard::setRetentionDays(s, 0).retentionDays, 1);
    // A schedule counts its hours: continuous ones fully, motion ones a third, off ones not.
    s = Wizard::setRecordMode(s, 0, RecordMode::Schedule);
    QVERIFY(!s.cameras.at(0).schedule.isEmpty()); // a default plan to paint over
    s = Wizard::setSchedule(s, 0, QStringList(7, QString(24, u'-')).join(u','));
    QCOMPARE(Wizard::estimate(s).bytesPerDay, 0);
    QString week = QStringList(7, QString(24, u'-')).join(u',');
    week.replace(0, 12, QString(12, u'C')); // Monday 00–12 continuous
    week.replace(25, 24, QString(24, u'M')); // Tuesday on motion
    s = Wizard::setSchedule(s, 0, week);
    const double share = (12 + 24 * StorageEstimate::kMotionShare) / 168.0;
    QVERIFY(qAbs(Wizard::estimate(s).bytesPerDay - perDay * share) < 2);
    // An unreadable schedule is refused.
    QCOMPARE(Wizard::setSchedule(s, 0, QStringLiteral("CCC")).cameras.at(0).schedule, week);
}

QTEST_GUILESS_MAIN(TestWizardState)
#include "tst_wizard_state.moc"
