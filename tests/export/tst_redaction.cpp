// Auto-redaction against ground truth: a clip with real faces and synthetic plates moving over
// real pedestrian footage (tests/support/redaction_clip.h), analysed by the real detectors and
// rendered by the real encoder; coverage is measured on every frame.

#include "core/catalog/catalog.h"
#include "core/export/evidence_package.h"
#include "core/redaction/analyzer.h"
#include "core/redaction/renderer.h"
#include "core/redaction/tracker.h"
#include "support/archive_builder.h"
#include "support/process_run.h"
#include "support/redaction_clip.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

struct Coverage
{
    double areaRecall = 0;
    int maxUncoveredRun = 0; ///< consecutive frames with an object less than 90 % hidden
};

Coverage measure(
        const test::RedactionClip& clip, const QList<redaction::Track>& tracks, const QString& kind)
{
    double truthArea = 0;
    double hiddenArea = 0;
    Coverage c;
    for (const test::TruthObject& o : clip.objects) {
        if (o.kind != kind)
            continue;
        int run = 0;
        for (int f = o.first; f <= o.last; ++f) {
            QList<QRect> boxes;
            for (const redaction::Track& t : tracks)
                if (t.enabled && t.boxes.contains(f))
                    boxes << t.boxes.value(f);
            const QRect truth = o.boxAt(f);
            const double share = test::coveredShare(truth, boxes);
            truthArea += truth.width() * truth.height();
            hiddenArea += share * truth.width() * truth.height();
            run = share < 0.9 ? run + 1 : 0;
            c.maxUncoveredRun = std::max(c.maxUncoveredRun, run);
        }
    }
    c.areaRecall = truthArea > 0 ? hiddenArea / truthArea : 1.0;
    return c;
}

void describe(const test::RedactionClip& clip, const QList<redaction::Track>& tracks)
{
    for (const test::TruthObject& o : clip.objects) {
        QString line;
        for (int f = o.first; f <= o.last; f += 10) {
            QList<QRect> boxes;
            for (const redaction::Track& t : tracks)
                if (t.enabled && t.boxes.contains(f))
                    boxes << t.boxes.value(f);
            line += QString::number(int(test::coveredShare(o.boxAt(f), boxes) * 9));
        }
        qInfo("%s %d-%d at %d,%d: %s", qPrintable(o.kind), o.first, o.last, o.boxAt(o.first).x(),
                o.boxAt(o.first).y(), qPrintable(line));
    }
    for (const redaction::Track& t : tracks)
        qInfo("track %d %s %d-%d first box %d,%d %dx%d", t.id,
                qPrintable(redaction::RedactionLog::kindKey(t.kind)), t.firstFrame(), t.lastFrame(),
                t.boxes.first().x(), t.boxes.first().y(), t.boxes.first().width(),
                t.boxes.first().height());
}

} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tracksJoinDetectionsAndFillTheFramesBetween();
    void autoRedactionCoversGroundTruth();
    void renderedVideoHidesTheBoxesAndIsReproducible();
    void packageReplaysBitForBit();

private:
    QTemporaryDir m_dir;
    test::RedactionClip m_clip;
    redaction::Analysis m_analysis;
};

void TestRedaction::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(qEnvironmentVariableIsEmpty("VIGIL_KEEP_TEST_DIR"));
    qInfo("test folder: %s", qPrintable(m_dir.path()));
    m_clip = test::buildRedactionClip(
            m_dir.filePath(QStringLiteral("clip.mp4")), cv::Size(960, 540), 10);
    QVERIFY(!m_clip.path.isEmpty());
    QCOMPARE(m_clip.frames, 250);
}

void TestRedaction::tracksJoinDetectionsAndFillTheFramesBetween()
{
    // A face moving right, detected every third frame, missed once; a second face far away.
    QList<redaction::Detection> found;
    for (int f = 0; f <= 30; f += 3) {
        if (f != 12)
            found.append({f, redaction::TrackKind::Face, QRectF(100 + f * 4, 100, 40, 40), 0.9f});
    }
    found.append({6, redaction::TrackKind::Face, QRectF(600, 300, 40, 40), 0.8f});
    redaction::TrackerOptions options;
    options.frameSize = QSize(960, 540);
    options.frames = 100;
    options.maxGapFrames = 10;
    options.extendFrames = 2;
    options.pad = 0;
    const QList<redaction::Track> tracks = redaction::buildTracks(found, options);
    QCOMPARE(tracks.size(), 2);
    const redaction::Track& walker = tracks.first();
    QCOMPARE(walker.firstFrame(), 0); // extended back, but not before the clip
    QCOMPARE(walker.lastFrame(), 32);
    for (int f = 0; f <= 30; ++f)
        QCOMPARE(walker.boxes.value(f), QRect(100 + f * 4, 100, 40, 40));
    QCOMPARE(walker.boxes.value(32).x(), 100 + 32 * 4); // moving on at its speed
    QCOMPARE(tracks.at(1).firstFrame(), 4);
    QCOMPARE(tracks.at(1).lastFrame(), 8);
}

void TestRedaction::autoRedactionCoversGroundTruth()
{
    QElapsedTimer timer;
    timer.start();
    const Result<redaction::Analysis> analysis
            = redaction::Analyzer::run(m_clip.path, redaction::AnalysisOptions {});
    QVERIFY2(analysis, analysis ? "" : qPrintable(analysis.error().fullText()));
    m_analysis = analysis.value();
    QCOMPARE(m_analysis.frames, m_clip.frames);
    const Coverage faces = measure(m_clip, m_analysis.tracks, QStringLiteral("face"));
    const Coverage plates = measure(m_clip, m_analysis.tracks, QStringLiteral("plate"));
    qInfo("analysed %d frames in %lld ms: %lld tracks; faces: recall %.3f, longest uncovered %d; "
          "plates: recall %.3f, longest uncovered %d",
            m_analysis.frames, timer.elapsed(), qint64(m_analysis.tracks.size()), faces.areaRecall,
            faces.maxUncoveredRun, plates.areaRecall, plates.maxUncoveredRun);
    if (faces.areaRecall < 0.95 || plates.areaRecall < 0.95 || faces.maxUncoveredRun > 2
            || plates.maxUncoveredRun > 2)
        describe(m_clip, m_analysis.tracks);
    QVERIFY(faces.areaRecall >= 0.95);
    QVERIFY(plates.areaRecall >= 0.95);
    QVERIFY(faces.maxUncoveredRun <= 2);
    QVERIFY(plates.maxUncoveredRun <= 2);
}

void TestRedaction::renderedVideoHidesTheBoxesAndIsReproducible()
{
    QVERIFY(m_analysis.frames > 0);
    redaction::RedactionLog log;
    log.width = m_analysis.size.width();
    log.height = m_analysis.size.height();
    log.frames = m_analysis.frames;
    log.tracks = m_analysis.tracks;
    const QString out = m_dir.filePath(QStringLiteral("redacted.mp4"));
    const Result<void> rendered = redaction::Renderer::run(m_clip.path, log, out);
    QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().fullText()));
    // Again: the same bytes.
    const QString again = m_dir.filePath(QStringLiteral("again.mp4"));
    QVERIFY(redaction::Renderer::run(m_clip.path, log, again));
    QCOMPARE(
            evidence::EvidencePackage::sha256Hex(again), evidence::EvidencePackage::sha256Hex(out));

    // It plays to the end and lasts as long as the original.
    const auto frames = [](const QString& file) {
        const test::Run r = test::run(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                        QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                        QStringLiteral("-show_entries"),
                        QStringLiteral("stream=nb_read_frames,duration"), QStringLiteral("-of"),
                        QStringLiteral("default=nw=1"), file});
        return r.out;
    };
    QCOMPARE(frames(out), frames(m_clip.path));

    // Inside every solid box the picture is flat black (as decoded by the ffmpeg tool).
    const test::Run decode = test::run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), out,
                    QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                    QStringLiteral("gray"), QStringLiteral("-y"),
                    m_dir.filePath(QStringLiteral("redacted.gray"))});
    QVERIFY2(decode.exitCode == 0, qPrintable(decode.err));
    QFile raw(m_dir.filePath(QStringLiteral("redacted.gray")));
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray gray = raw.readAll();
    const int w = log.width;
    const int h = log.height;
    QCOMPARE(gray.size(), qsizetype(w) * h * m_analysis.frames);
    int checked = 0;
    for (int f = 0; f < m_analysis.frames; f += 7) {
        const cv::Mat picture(
                h, w, CV_8U, const_cast<char*>(gray.constData()) + qsizetype(f) * w * h);
        for (const redaction::Track& t : std::as_const(m_analysis.tracks)) {
            const QRect box = t.boxes.value(f).adjusted(4, 4, -4, -4);
            if (box.width() < 4 || box.height() < 4)
                continue;
            double lowest = 0, highest = 0;
            cv::minMaxLoc(picture(cv::Rect(box.x(), box.y(), box.width(), box.height())), &lowest,
                    &highest);
            QVERIFY2(highest <= 40 && highest - lowest <= 24,
                    qPrintable(QStringLiteral("frame %1, track %2: %3…%4")
                                       .arg(f)
                                       .arg(t.id)
                                       .arg(lowest)
                                       .arg(highest)));
            ++checked;
        }
    }
    QVERIFY(checked > 50);
}

void TestRedaction::packageReplaysBitForBit()
{
    // The clip recorded into Vigil's layout; 4 s of it exported redacted, with and without the
    // original, through vigilctl.
    constexpr qint64 kStartMs = 1767258000000; // 2026-01-01 09:00 UTC
    {
        auto opened = catalog::Catalog::open(m_dir.filePath(QStringLiteral("vigil.sqlite")));
        QVERIFY(opened);
        const qint64 camera = test::addArchiveCamera(*opened.value(), QStringLiteral("Plaza"));
        QCOMPARE(camera, 1);
        test::ArchivePlan plan;
        plan.cameraId = camera;
        plan.recordings = m_dir.filePath(QStringLiteral("recordings"));
        plan.startMs = kStartMs;
        plan.segmentSeconds = 4;
        QCOMPARE(test::buildArchive(*opened.value(), m_clip.path, plan).size(), 3);
    }
    const auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
    };
    const auto ctl = [&](const QStringList& args) {
        return test::run(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
                QStringList {QStringLiteral("--data-dir"), m_dir.path()} + args);
    };
    const auto exportPackage = [&](const QString& name, bool original) {
        QStringList args {QStringLiteral("export"), QStringLiteral("--camera"), QStringLiteral("1"),
                QStringLiteral("--from"), iso(kStartMs + 2000), QStringLiteral("--to"),
                iso(kStartMs + 6000), QStringLiteral("--out"), m_dir.filePath(name),
                QStringLiteral("--case"), QStringLiteral("PR-7"), QStringLiteral("--reason"),
                QStringLiteral("Public records request"), QStringLiteral("--redact"),
                QStringLiteral("faces,plates")};
        if (original)
            args << QStringLiteral("--original");
        return ctl(args);
    };
    for (const bool original : {true, false}) {
        const QString name
                = original ? QStringLiteral("with-original") : QStringLiteral("redacted-only");
        const test::Run made = exportPackage(name, original);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const QDir package(m_dir.filePath(name));
        QCOMPARE(QFileInfo::exists(package.filePath(QStringLiteral("original"))), original);
        QVERIFY(!QFileInfo::exists(package.filePath(QStringLiteral(".source"))));
        const QString redacted
                = package.filePath(QStringLiteral("redacted/camera-1_20260101T090002Z.mp4"));
        QVERIFY(QFileInfo::exists(redacted));
        QVERIFY(QFileInfo::exists(package.filePath(QStringLiteral("redaction.json"))));
        const test::Run verify = ctl({QStringLiteral("verify"), package.path()});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        // 4 s: 100 frames, played to the end by ffprobe.
        const test::Run probe = test::run(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-count_frames"),
                        QStringLiteral("-show_entries"), QStringLiteral("stream=nb_read_frames"),
                        QStringLiteral("-of"), QStringLiteral("default=nw=1:nk=1"), redacted});
        QCOMPARE(probe.out.trimmed(), QStringLiteral("100"));
        const test::Run replay = ctl({QStringLiteral("redact"), QStringLiteral("--replay"),
                package.path(), QStringLiteral("--json")});
        QVERIFY2(replay.exitCode == 0, qPrintable(replay.err + replay.out));
        const QJsonObject r = QJsonDocument::fromJson(replay.out.toUtf8()).object();
        QVERIFY(r.value(QLatin1String("identical")).toBool());
        QCOMPARE(r.value(QLatin1String("cameras"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QLatin1String("original_rebuilt"))
                         .toBool(),
                !original);
    }
    // A redacted video changed and sealed again by someone without the key cannot pass: the
    // replay refuses a package that does not hold.
    QFile::remove(m_dir.filePath(QStringLiteral("with-original/manifest.sig")));
    const test::Run refused = ctl({QStringLiteral("redact"), QStringLiteral("--replay"),
            m_dir.filePath(QStringLiteral("with-original"))});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains(QLatin1String("manifest.sig")));
}

QTEST_MAIN(TestRedaction)
#include "tst_redaction.moc"
