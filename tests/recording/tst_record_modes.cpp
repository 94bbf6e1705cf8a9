// Recording modes the way a user runs them: a camera set to "on motion" with `vigilctl camera
// record`, recorded by `vigilctl record`, must have footage around the camera's own motion
// events and none in the quiet minutes between them; a camera whose events cannot work records
// continuously and says so.
#include "core/onvif/device_probe.h"
#include "core/onvif/event_subscription.h"
#include "support/recording_fixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using namespace vigil::test;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

struct Span
{
    qint64 start = 0;
    qint64 end = 0;
};

/// How much of [from, to] the recorded spans cover, in ms.
qint64 covered(const QList<Span>& spans, qint64 from, qint64 to)
{
    qint64 total = 0;
    for (const Span& s : spans)
        total += qMax<qint64>(0, qMin(s.end, to) - qMax(s.start, from));
    return total;
}

QList<Span> recordedSpans(const QString& data)
{
    QList<Span> spans;
    for (const QJsonValue& v : segmentList(data, 1)) {
        const QJsonObject o = v.toObject();
        spans << Span {o.value(QLatin1String("start_ms")).toInteger(),
                o.value(QLatin1String("end_ms")).toInteger()};
    }
    return spans;
}

bool addOnvifCamera(const QString& data, const QString& deviceService)
{
    const CtlRun r = vigilctl(data,
            {QStringLiteral("camera"), QStringLiteral("add"), deviceService,
                    QStringLiteral("--user"), kCamUser, QStringLiteral("--password"),
                    kCamPassword});
    if (r.exitCode != 0)
        qWarning("camera add failed: %s", r.err.constData());
    return r.exitCode == 0;
}

} // namespace

class TestRecordModes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void motionModeFollowsCameraEvents();
    void motionModeWithoutEventsRecordsAndSaysSo();

private:
    QString dir(const char* name) const { return m_tmp.filePath(QLatin1String(name)); }
    QTemporaryDir m_tmp;
};

void TestRecordModes::initTestCase()
{
    QVERIFY(m_tmp.isValid());
}

void TestRecordModes::motionModeFollowsCameraEvents()
{
    // A simulator of its own: its motion follows its footage (people walking by in OpenCV's
    // vtest.avi) from the moment it starts, with quiet stretches of 10–18 s.
    CamsimProcess sim;
    QVERIFY(sim.start(1, simArgs()));
    const QString data = dir("motion");
    QVERIFY(addOnvifCamera(data, sim.endpoint(0, "device_service")));
    const CtlRun set = vigilctl(data,
            {QStringLiteral("camera"), QStringLiteral("record"), QStringLiteral("1"),
                    QStringLiteral("--mode"), QStringLiteral("motion"),
                    QStringLiteral("--pre-roll"), QStringLiteral("2"),
                    QStringLiteral("--post-roll"), QStringLiteral("2")});
    QVERIFY2(set.exitCode == 0, set.err.constData());

    // What the camera says, heard by a subscription of the test's own.
    onvif::DeviceProbe probe(QUrl(sim.endpoint(0, "device_service")), kCamUser, kCamPassword);
    std::optional<Result<onvif::DeviceDescription>> described;
    connect(&probe, &onvif::DeviceProbe::finished, this,
            [&](const Result<onvif::DeviceDescription>& r) { described = r; });
    probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(described.has_value(), 20000);
    QVERIFY(described->ok());
    onvif::OnvifClient client(QUrl(sim.endpoint(0, "device_service")), kCamUser, kCamPassword);
    onvif::EventSubscription truth(
            &client, described->value().services.value(QLatin1String(onvif::ns::kEvents)));
    truth.setPullTimeoutSeconds(2);
    QList<std::pair<qint64, bool>> changes;
    connect(&truth, &onvif::EventSubscription::motionChanged, this, [&](bool motion) {
        changes.append({nowMs(), motion});
    });
    truth.start();

    QProcess recorder;
    recorder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    recorder.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("32"),
                    QStringLiteral("--data-dir"), data});
    QVERIFY(recorder.waitForStarted());
    const qint64 recorderStarted = nowMs();
    QTRY_VERIFY_WITH_TIMEOUT(recorder.state() == QProcess::NotRunning, 60000);
    const qint64 recorderEnded = nowMs();
    QCOMPARE(recorder.exitCode(), 0);
    truth.stop();

    const QList<Span> spans = recordedSpans(data);
    QVERIFY2(!spans.isEmpty(), "nothing was recorded");
    // Motion intervals and quiet intervals the recorder lived through, from the camera's events.
    QList<Span> motion;
    QList<Span> quiet;
    qint64 since = recorderStarted;
    bool moving = false;
    for (const auto& [at, on] : std::as_const(changes)) {
        if (on == moving)
            continue;
        (moving ? motion : quiet) << Span {since, at};
        since = at;
        moving = on;
    }
    (moving ? motion : quiet) << Span {since, recorderEnded};

    // The recorder needs a few seconds to connect and subscribe (it records meanwhile).
    const qint64 settled = recorderStarted + 6000;
    int checkedMotion = 0;
    for (const Span& m : std::as_const(motion)) {
        if (m.start < settled || m.end > recorderEnded - 3000)
            continue;
        // Footage covers the motion (events arrive within a pull, and the pre-roll reaches back).
        QVERIFY2(covered(spans, m.start, m.end) >= (m.end - m.start) * 9 / 10,
                qPrintable(QStringLiteral("motion %1…%2 ms after start, covered %3 ms")
                                   .arg(m.start - recorderStarted)
                                   .arg(m.end - recorderStarted)
                                   .arg(covered(spans, m.start, m.end))));
        ++checkedMotion;
    }
    int checkedQuiet = 0;
    for (const Span& q : std::as_const(quiet)) {
        // Inside a quiet stretch, past the post-roll and before the pre-roll (keyframe-aligned,
        // one GOP earlier at most), with a second of margin each side, nothing is written.
        const qint64 from = qMax(q.start, settled) + 2000 + 1500;
        const qint64 to = q.end - 2000 - 2000 - 1500;
        if (to - from < 2000)
            continue;
        QVERIFY2(covered(spans, from, to) == 0,
                qPrintable(QStringLiteral("quiet %1…%2 ms after start has %3 ms of footage")
                                   .arg(from - recorderStarted)
                                   .arg(to - recorderStarted)
                                   .arg(covered(spans, from, to))));
        ++checkedQuiet;
    }
    QVERIFY2(checkedMotion > 0 && checkedQuiet > 0,
            qPrintable(QStringLiteral("%1 motion and %2 quiet stretches seen")
                               .arg(checkedMotion)
                               .arg(checkedQuiet)));
    const QStringList problems = catalogAndFilesProblems(data);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestRecordModes::motionModeWithoutEventsRecordsAndSaysSo()
{
    // A plain RTSP camera has no ONVIF events: set to motion, it must not record nothing.
    CamsimProcess sim;
    QVERIFY(sim.start(1, simArgs()));
    const QString data = dir("no-events");
    QVERIFY(addCameras(data, sim, 1));
    QVERIFY(vigilctl(data,
                    {QStringLiteral("camera"), QStringLiteral("record"), QStringLiteral("1"),
                            QStringLiteral("--mode"), QStringLiteral("motion")})
                    .exitCode
            == 0);
    const CtlRun r = vigilctl(
            data, {QStringLiteral("record"), QStringLiteral("--duration"), QStringLiteral("6")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains("records continuously"), r.err.constData());
    const QList<Span> spans = recordedSpans(data);
    QVERIFY(!spans.isEmpty());
    qint64 total = 0;
    for (const Span& s : spans)
        total += s.end - s.start;
    QVERIFY2(total >= 3000, qPrintable(QString::number(total)));
}

QTEST_GUILESS_MAIN(TestRecordModes)
#include "tst_record_modes.moc"
