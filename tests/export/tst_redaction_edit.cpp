// What the redaction editor rests on, through real files: the edits of tracks (keyframes,
// cut, merge, extend) and the coverage summary; exact frame access by index (what the editor
// seeks with); ellipses, inverted redaction and privacy masks as the Renderer draws them, and
// the preview equal to the package's video; the sound kept packet for packet with stretches
// muted, reproducibly.

#include "core/redaction/analyzer.h"
#include "core/redaction/clip_frames.h"
#include "core/redaction/renderer.h"
#include "core/redaction/track_edit.h"
#include "support/archive_builder.h"
#include "support/process_run.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <cmath>

using namespace vigil;
using redaction::Shape;
using redaction::Track;

namespace {

QByteArray sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

/// Mean absolute difference of two images over a rectangle (0…255).
double difference(const QImage& a, const QImage& b, const QRect& r)
{
    double sum = 0;
    int n = 0;
    for (int y = r.top(); y <= r.bottom(); y += 2) {
        for (int x = r.left(); x <= r.right(); x += 2) {
            const QColor p = a.pixelColor(x, y);
            const QColor q = b.pixelColor(x, y);
            sum += std::abs(p.red() - q.red()) + std::abs(p.green() - q.green())
                    + std::abs(p.blue() - q.blue());
            n += 3;
        }
    }
    return n ? sum / n : 0;
}

bool isBlack(const QColor& c)
{
    return c.red() < 35 && c.green() < 35 && c.blue() < 35;
}

redaction::RedactionLog logFor(int frames, QSize size)
{
    redaction::RedactionLog log;
    log.width = size.width();
    log.height = size.height();
    log.frames = frames;
    return log;
}

/// Per audio packet of a file: its time (ms) and MD5, from `ffmpeg -f framemd5 -c copy`.
QList<QPair<double, QString>> audioPackets(const QString& path)
{
    const test::Run r = test::run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
                    QStringLiteral("-map"), QStringLiteral("0:a"), QStringLiteral("-c"),
                    QStringLiteral("copy"), QStringLiteral("-f"), QStringLiteral("framemd5"),
                    QStringLiteral("-")});
    QList<QPair<double, QString>> packets;
    double timeBase = 0;
    for (const QString& line : r.out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("#tb 0: "))) {
            const QStringList parts = line.mid(7).split(QLatin1Char('/'));
            timeBase = parts.value(0).toDouble() / parts.value(1).toDouble();
        }
        const QStringList f = line.split(QLatin1Char(','));
        if (line.startsWith(QLatin1Char('#')) || f.size() < 6)
            continue;
        packets.append({f.at(2).trimmed().toDouble() * timeBase * 1000, f.at(5).trimmed()});
    }
    return packets;
}

/// Root mean square of the decoded sound (mono 16-bit) from `fromMs` to `toMs`.
double loudness(const QString& pcm, double fromMs, double toMs)
{
    QFile f(pcm);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray data = f.readAll();
    const qint64 first = qint64(fromMs * 48) * 2;
    const qint64 last = std::min<qint64>(data.size(), qint64(toMs * 48) * 2);
    double sum = 0;
    qint64 n = 0;
    for (qint64 i = first; i + 1 < last; i += 2, ++n) {
        const double s = qFromLittleEndian<qint16>(data.constData() + i);
        sum += s * s;
    }
    return n ? std::sqrt(sum / double(n)) : -1;
}

} // namespace

class TestRedactionEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void editsKeepTracksWhole();
    void framesAreFoundExactlyByIndex();
    void shapesInversionAndMasksAsThePreviewShows();
    void soundIsKeptPacketForPacketWithStretchesMuted();
    void theHeadsOfDistantPeopleAreFound();

private:
    QTemporaryDir m_dir;
    QString m_clip; // 320×240, 25 fps, 4 s, keyframe every second, 440 Hz tone (AAC)
};

void TestRedactionEdit::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    const QString problem = test::encodeClip(
            QStringLiteral("testsrc2=size=320x240:rate=25[out0];sine=frequency=440:"
                           "sample_rate=48000[out1]"),
            4, 25, m_clip,
            {QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-b:a"),
                    QStringLiteral("96k")});
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestRedactionEdit::editsKeepTracksWhole()
{
    // A drawn region with two keyframes: held before the first and after the last, linear
    // between.
    Track region = redaction::drawnRegion(1, Shape::Ellipse, QRect(0, 0, 20, 10), 10, 5, 50);
    QCOMPARE(region.firstFrame(), 5);
    QCOMPARE(region.lastFrame(), 50);
    redaction::setKeyframe(region, 30, QRect(100, 40, 20, 10));
    QCOMPARE(region.boxes.value(5), QRect(0, 0, 20, 10));
    QCOMPARE(region.boxes.value(20), QRect(50, 20, 20, 10));
    QCOMPARE(region.boxes.value(50), QRect(100, 40, 20, 10));
    // A keyframe outside the span grows it.
    redaction::setKeyframe(region, 60, QRect(100, 40, 20, 10));
    QCOMPARE(region.lastFrame(), 60);

    // Cut: each part keeps its path.
    const QMap<int, QRect> before = region.boxes;
    std::optional<Track> rest = redaction::splitAt(region, 20, 2);
    QVERIFY(rest);
    QCOMPARE(region.lastFrame(), 19);
    QCOMPARE(rest->firstFrame(), 20);
    QCOMPARE(rest->id, 2);
    for (int f = 5; f <= 60; ++f)
        QCOMPARE((f < 20 ? region : *rest).boxes.value(f), before.value(f));
    // Re-placing a keyframe in one part leaves the other alone.
    redaction::setKeyframe(*rest, 40, QRect(0, 0, 8, 8));
    QCOMPARE(region.boxes.value(19), before.value(19));
    QVERIFY(!redaction::splitAt(region, 5, 3)); // the first frame: nothing to cut
    QVERIFY(!redaction::splitAt(region, 70, 3));

    // Merge: a person picked up twice becomes one track, the gap filled between the two.
    Track a;
    a.id = 7;
    for (int f = 0; f <= 10; ++f)
        a.boxes.insert(f, QRect(f * 2, 0, 10, 10));
    Track b;
    b.id = 8;
    b.enabled = false;
    for (int f = 20; f <= 30; ++f)
        b.boxes.insert(f, QRect(f * 2, 0, 10, 10));
    b.boxes.insert(10, QRect(30, 0, 10, 10)); // one common frame: the boxes united
    const Track m = redaction::merge(a, b);
    QCOMPARE(m.id, 7);
    QVERIFY(m.enabled);
    QCOMPARE(m.boxes.size(), 31);
    QCOMPARE(m.boxes.value(10), QRect(20, 0, 20, 10));
    QCOMPARE(m.boxes.value(15).width(), 15); // half way from the united box to the next
    // Extend: the nearest box held.
    Track c = a;
    redaction::extendTo(c, 15);
    QCOMPARE(c.lastFrame(), 15);
    QCOMPARE(c.boxes.value(15), a.boxes.value(10));

    // Seen frames join into ranges; the coverage summary counts them.
    QList<redaction::FrameRange> seen;
    for (int f : {3, 4, 5, 9, 7, 8, 6, 0})
        redaction::markSeen(seen, f);
    QCOMPARE(seen,
            (QList<redaction::FrameRange> {
                    redaction::FrameRange {0, 0}, redaction::FrameRange {3, 9}}));
    redaction::RedactionLog log = logFor(100, QSize(320, 240));
    log.seen = seen;
    log.tracks = {a, b};
    Track drawn = redaction::drawnRegion(9, Shape::Rectangle, QRect(0, 0, 8, 8), 90, 90, 99);
    log.tracks << drawn;
    const redaction::Coverage cov = redaction::coverageOf(log);
    QCOMPARE(cov.framesSeen, 8);
    QCOMPARE(cov.tracksOn, 2);
    QCOMPARE(cov.tracksOff, 1);
    QCOMPARE(cov.framesHidden, 11 + 10);
    QCOMPARE(cov.framesWithoutDetection, 100 - 22); // 0…10 and 20…30 detected

    // A project survives its JSON exactly.
    log.tracks[2].keyframes.insert(95, QRect(1, 2, 3, 4));
    log.audio = redaction::AudioMode::Keep;
    log.muted = {{100, 900}};
    log.invert = true;
    const Result<redaction::RedactionLog> back = redaction::RedactionLog::fromJson(log.toJson());
    QVERIFY(back);
    QCOMPARE(back->toJson(), log.toJson());
    QCOMPARE(back->tracks, log.tracks);
}

void TestRedactionEdit::framesAreFoundExactlyByIndex()
{
    auto opened = redaction::ClipFrames::open(m_clip);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    redaction::ClipFrames& clip = *opened.value();
    QCOMPARE(clip.frameCount(), 100);
    QCOMPARE(clip.size(), QSize(320, 240));
    QCOMPARE(clip.msAt(25), 1000);
    QCOMPARE(clip.indexAt(1039), 25);
    QCOMPARE(clip.indexAt(1040), 26);
    QList<QByteArray> inOrder;
    for (int i = 0; i < clip.frameCount(); ++i) {
        const QImage image = clip.frame(i);
        QVERIFY(!image.isNull());
        inOrder << QByteArray(
                reinterpret_cast<const char*>(image.constBits()), image.sizeInBytes());
    }
    // Backwards, across keyframes, just before and after them, the same frame again.
    auto again = redaction::ClipFrames::open(m_clip);
    QVERIFY(again);
    for (int i : {73, 5, 99, 50, 51, 0, 26, 25, 24, 24, 98, 1}) {
        const QImage image = again.value()->frame(i);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(image.constBits()), image.sizeInBytes()),
                inOrder.at(i));
    }
    QVERIFY(again.value()->frame(100).isNull());
    QVERIFY(!redaction::ClipFrames::open(m_dir.filePath(QStringLiteral("missing.mp4"))));
}

void TestRedactionEdit::shapesInversionAndMasksAsThePreviewShows()
{
    auto opened = redaction::ClipFrames::open(m_clip);
    QVERIFY(opened);
    redaction::ClipFrames& clip = *opened.value();
    const QRect ellipseBox(100, 60, 120, 80);
    redaction::RedactionLog log = logFor(100, QSize(320, 240));
    log.tracks << redaction::drawnRegion(1, Shape::Ellipse, ellipseBox, 0, 0, 99);
    const QString out = m_dir.filePath(QStringLiteral("ellipse.mp4"));
    const Result<void> rendered = redaction::Renderer::run(m_clip, log, out);
    QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
    auto made = redaction::ClipFrames::open(out);
    QVERIFY(made);
    QCOMPARE(made.value()->frameCount(), 100);
    for (int i : {0, 37, 99}) {
        const QImage original = clip.frame(i);
        const QImage preview = clip.frame(i, &log);
        const QImage packaged = made.value()->frame(i);
        QVERIFY(isBlack(packaged.pixelColor(ellipseBox.center())));
        QVERIFY(isBlack(preview.pixelColor(ellipseBox.center())));
        // The box's corners are outside the ellipse: as they were.
        const QRect corner(ellipseBox.topLeft() + QPoint(2, 2), QSize(10, 8));
        QCOMPARE(difference(preview, original, corner), 0.0);
        QVERIFY(difference(packaged, original, corner) < 12);
        // The package is the preview, up to the encoder's loss.
        QVERIFY2(difference(packaged, preview, preview.rect().adjusted(0, 0, -1, -1)) < 4,
                qPrintable(QString::number(difference(packaged, preview, preview.rect()))));
    }

    // Inverted: everything hidden but the kept track; a privacy mask inside it stays hidden.
    redaction::RedactionLog inverted = logFor(100, QSize(320, 240));
    inverted.invert = true;
    Track kept = redaction::drawnRegion(1, Shape::Rectangle, QRect(40, 40, 160, 120), 0, 0, 99);
    Track mask = redaction::drawnRegion(2, Shape::Rectangle, QRect(60, 60, 40, 40), 0, 0, 99);
    mask.kind = redaction::TrackKind::Mask;
    inverted.tracks = {kept, mask};
    const QString invertedOut = m_dir.filePath(QStringLiteral("inverted.mp4"));
    QVERIFY(redaction::Renderer::run(m_clip, inverted, invertedOut));
    auto invertedClip = redaction::ClipFrames::open(invertedOut);
    QVERIFY(invertedClip);
    const QImage original = clip.frame(50);
    const QImage packaged = invertedClip.value()->frame(50);
    const QImage preview = clip.frame(50, &inverted);
    QVERIFY(isBlack(packaged.pixelColor(280, 200))); // outside the kept track
    QVERIFY(isBlack(packaged.pixelColor(80, 80))); // the mask
    QVERIFY(difference(packaged, original, QRect(120, 110, 60, 40)) < 12); // kept visible
    QCOMPARE(difference(preview, original, QRect(120, 110, 60, 40)), 0.0);
    QVERIFY(isBlack(preview.pixelColor(80, 80)));
}

void TestRedactionEdit::soundIsKeptPacketForPacketWithStretchesMuted()
{
    redaction::RedactionLog log = logFor(100, QSize(320, 240));
    log.audio = redaction::AudioMode::Keep;
    log.muted = {{1000, 2000}};
    const QString out = m_dir.filePath(QStringLiteral("sound.mp4"));
    const Result<void> rendered = redaction::Renderer::run(m_clip, log, out);
    QVERIFY2(rendered, rendered ? "" : qPrintable(rendered.error().message));
    // Reproducible, sound and all.
    const QString again = m_dir.filePath(QStringLiteral("sound-again.mp4"));
    QVERIFY(redaction::Renderer::run(m_clip, log, again));
    QCOMPARE(sha256(again), sha256(out));

    // Outside the muted stretch (and the packet either side of it), the original's packets.
    const QList<QPair<double, QString>> original = audioPackets(m_clip);
    const QList<QPair<double, QString>> kept = audioPackets(out);
    QVERIFY(original.size() > 150);
    QCOMPARE(kept.size(), original.size());
    int same = 0;
    int silenced = 0;
    for (qsizetype i = 0; i < original.size(); ++i) {
        QCOMPARE(kept.at(i).first, original.at(i).first);
        const double t = original.at(i).first;
        if (t < 1000 - 50 || t > 2000 + 30) {
            QCOMPARE(kept.at(i).second, original.at(i).second);
            ++same;
        } else if (t > 1000 && t < 1980) {
            QVERIFY(kept.at(i).second != original.at(i).second);
            ++silenced;
        }
    }
    QVERIFY(same > 100 && silenced > 40);

    // Decoded: the tone, then silence, then the tone.
    const QString pcm = m_dir.filePath(QStringLiteral("sound.pcm"));
    const test::Run decoded = test::run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                    QStringLiteral("-i"), out, QStringLiteral("-map"), QStringLiteral("0:a"),
                    QStringLiteral("-ac"), QStringLiteral("1"), QStringLiteral("-ar"),
                    QStringLiteral("48000"), QStringLiteral("-f"), QStringLiteral("s16le"), pcm});
    QCOMPARE(decoded.exitCode, 0);
    const double tone = loudness(pcm, 200, 900);
    const double quiet = loudness(pcm, 1100, 1900);
    const double after = loudness(pcm, 2200, 3800);
    QVERIFY2(tone > 1000 && after > 1000 && quiet < tone / 100,
            qPrintable(
                    QStringLiteral("tone %1, muted %2, after %3").arg(tone).arg(quiet).arg(after)));

    // Removed: no sound at all.
    log.audio = redaction::AudioMode::Remove;
    const QString silent = m_dir.filePath(QStringLiteral("no-sound.mp4"));
    QVERIFY(redaction::Renderer::run(m_clip, log, silent));
    QVERIFY(audioPackets(silent).isEmpty());
}

void TestRedactionEdit::theHeadsOfDistantPeopleAreFound()
{
    // opencv-doc's pedestrians: faces of 10–20 pixels, too small for the face detector; the
    // people detector finds the people and their heads are hidden.
    const QString clip = m_dir.filePath(QStringLiteral("pedestrians.mp4"));
    const test::Run made = test::run(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                    QStringLiteral("-i"),
                    QStringLiteral("/usr/share/doc/opencv-doc/examples/data/vtest.avi"),
                    QStringLiteral("-t"), QStringLiteral("3"), QStringLiteral("-c:v"),
                    QStringLiteral("libx264"), QStringLiteral("-preset"),
                    QStringLiteral("ultrafast"), QStringLiteral("-pix_fmt"),
                    QStringLiteral("yuv420p"), clip});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    redaction::AnalysisOptions options;
    options.faces = false;
    options.plates = false;
    options.heads = true;
    const Result<redaction::Analysis> found = redaction::Analyzer::run(clip, options);
    QVERIFY2(found, found ? "" : qPrintable(found.error().message));
    QVERIFY(found->detectors.contains(QLatin1String("heads")));
    // Several people walk through the whole three seconds (30 frames): each one track of
    // head-sized boxes, not flashes.
    int people = 0;
    for (const Track& t : found->tracks) {
        QCOMPARE(t.kind, redaction::TrackKind::Head);
        bool headSized = true;
        for (const QRect& box : t.boxes) {
            QVERIFY(QRect(QPoint(0, 0), found->size).contains(box.center()));
            headSized = headSized && box.height() < 60;
        }
        if (t.boxes.size() >= 20 && headSized)
            ++people;
    }
    qInfo("%d head tracks, %d of people through the clip", int(found->tracks.size()), people);
    QVERIFY2(people >= 3,
            qPrintable(QStringLiteral("%1 tracks, %2 long ones of heads")
                               .arg(found->tracks.size())
                               .arg(people)));
    options.heads = false;
    options.faces = true;
    const Result<redaction::Analysis> faces = redaction::Analyzer::run(clip, options);
    QVERIFY(faces);
    for (const Track& t : faces->tracks)
        QVERIFY(t.kind != redaction::TrackKind::Head);
}

QTEST_GUILESS_MAIN(TestRedactionEdit)
#include "tst_redaction_edit.moc"
