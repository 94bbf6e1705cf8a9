// Playback of recorded footage: a clip whose every frame is known (its decoded pictures hashed
// by the ffmpeg command-line tool) is remuxed into Vigil's layout, with a gap, then played
// through ArchivePlayer: exact seeks, steps both ways, playing on across files and gaps, a file
// being written, four cameras on one clock.

#include "core/catalog/bookmark_store.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/event_store.h"
#include "core/catalog/segment_store.h"
#include "core/playback/archive_player.h"
#include "core/playback/bookmarks.h"
#include "core/playback/playback_session.h"
#include "core/playback/segment_reader.h"
#include "core/playback/thumbnails.h"
#include "core/playback/timeline.h"
#include "core/storage/retention.h"
#include "support/archive_builder.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace vigil;

namespace {

constexpr int kWidth = 160;
constexpr int kHeight = 120;
constexpr int kFrameMs = 40; // 25 fps
constexpr qint64 kStartMs = 1767258000000; // 2026-01-01 09:00 UTC
constexpr int kSegmentSeconds = 10;
constexpr qint64 kGapMs = 5000; // before the third segment

QByteArray hashOf(const uchar* plane, int stride)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (int y = 0; y < kHeight; ++y)
        hash.addData(QByteArrayView(plane + qsizetype(y) * stride, kWidth));
    return hash.result();
}

/// Which frame of the clip a decoded picture is (-1: none).
int frameOf(const QVideoFrame& source, const QHash<QByteArray, int>& index)
{
    QVideoFrame frame(source);
    if (!frame.map(QVideoFrame::ReadOnly))
        return -1;
    const int found = index.value(hashOf(frame.bits(0), frame.bytesPerLine(0)), -1);
    frame.unmap();
    return found;
}

struct Shown
{
    int frame = -1;
    qint64 utcMs = 0;
    bool exact = false;
};

} // namespace

class TestPlayback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exactSeekShowsTheFrameAskedFor();
    void keyframeSeekShowsTheKeyframeBefore();
    void stepsGoOneFrameBothWaysAcrossFilesAndGaps();
    void playingOnShowsEveryFrameAndCrossesTheGap();
    void aGapSaysWhyAndWhereFootageResumes();
    void aFileBeingWrittenPlaysAsItGrows();
    void fourCamerasOnOneClockShowTheSameFrame();
    void aDamagedFileIsReportedNotCrashedOn();
    void theClockRunsAtItsSpeedAndShuttles();
    void theTimelineZoomsAroundTheCursor();
    void theTimelineSpansAreTheSegmentsVigilctlLists();
    void aPlaybackSessionIsCheckedAndNeedsAReasonForOldFootage();
    void aHeldBookmarkSurvivesRetentionThatDeletesItsNeighbours();
    void thumbnailsAreTheKeyframeBeforeAndAreCached();
    void reverseAndFastSpeedsShowKeyframes();
    void privacyMasksHideTheirAreaInPlaybackAndThumbnails();

private:
    /// The UTC time of a clip frame in the archive.
    qint64 utcOf(int frame) const
    {
        const qint64 clipMs = qint64(frame) * kFrameMs;
        return kStartMs + clipMs + (clipMs >= 2 * kSegmentSeconds * 1000 ? kGapMs : 0);
    }
    playback::PlaybackSession::Config sessionConfig(int reasonAgeDays) const
    {
        playback::PlaybackSession::Config c;
        c.catalogPath = m_dir.filePath(QStringLiteral("vigil.sqlite"));
        c.recordingsDir = m_dir.filePath(QStringLiteral("recordings"));
        c.reasonAgeDays = reasonAgeDays;
        return c;
    }
    std::unique_ptr<playback::ArchivePlayer> player(qint64 camera) const
    {
        playback::ArchivePlayer::Config c;
        c.catalogPath = m_dir.path() + QStringLiteral("/vigil.sqlite");
        c.recordingsDir = m_dir.path() + QStringLiteral("/recordings");
        c.cameraId = camera;
        return std::make_unique<playback::ArchivePlayer>(c);
    }
    /// Waits for the next frame (exact, unless `anyFrame`) and says which it is.
    Shown next(QSignalSpy& spy, bool anyFrame = false)
    {
        for (;;) {
            if (spy.isEmpty() && !spy.wait(10000))
                return {};
            const QList<QVariant> args = spy.takeFirst();
            Shown s {frameOf(args.at(0).value<QVideoFrame>(), m_index), args.at(1).toLongLong(),
                    args.at(2).toBool()};
            if (s.exact || anyFrame)
                return s;
        }
    }

    QTemporaryDir m_dir;
    QString m_clip;
    int m_frames = 0;
    QHash<QByteArray, int> m_index; ///< picture hash → frame number
    QList<catalog::SegmentRecord> m_segments;
    qint64 m_camera = 0;
    std::unique_ptr<catalog::Catalog> m_catalog;
};

void TestPlayback::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // 40 s of a moving test picture: every frame differs. GOP 2 s, no B-frames, as cameras.
    m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    const QString problem = test::encodeClip(
            QStringLiteral("testsrc2=size=%1x%2:rate=25").arg(kWidth).arg(kHeight), 40, 50, m_clip);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Every frame's luma plane, hashed, as the ffmpeg tool decodes it.
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), m_clip,
                    QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                    QStringLiteral("yuv420p"), QStringLiteral("-")});
    QVERIFY(ffmpeg.waitForFinished(60000));
    const QByteArray raw = ffmpeg.readAllStandardOutput();
    const qsizetype frameBytes = qsizetype(kWidth) * kHeight * 3 / 2;
    m_frames = int(raw.size() / frameBytes);
    QCOMPARE(m_frames, 1000);
    for (int i = 0; i < m_frames; ++i) {
        const QByteArray h
                = hashOf(reinterpret_cast<const uchar*>(raw.constData()) + i * frameBytes, kWidth);
        QVERIFY2(!m_index.contains(h), "two frames of the clip look the same");
        m_index.insert(h, i);
    }

    auto opened = catalog::Catalog::open(m_dir.filePath(QStringLiteral("vigil.sqlite")));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().fullText()));
    m_catalog = std::move(opened).value();
    m_camera = test::addArchiveCamera(*m_catalog, QStringLiteral("Calle Sucre"));
    QVERIFY(m_camera > 0);
    test::ArchivePlan plan;
    plan.cameraId = m_camera;
    plan.recordings = m_dir.filePath(QStringLiteral("recordings"));
    plan.startMs = kStartMs;
    plan.segmentSeconds = kSegmentSeconds;
    plan.startOf = [](int index, qint64 start) { return index == 2 ? start + kGapMs : start; };
    m_segments = test::buildArchive(*m_catalog, m_clip, plan);
    QCOMPARE(m_segments.size(), 4);
    QCOMPARE(m_segments.at(2).startMs, utcOf(500));
    QVERIFY(catalog::SegmentStore(*m_catalog)
                    .addGap({m_camera, 0, m_segments.at(1).endMs, m_segments.at(2).startMs,
                            QStringLiteral("The camera was offline")}));
}

void TestPlayback::exactSeekShowsTheFrameAskedFor()
{
    const auto p = player(m_camera);
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    // Keyframes, frames just after them, the last frame of a file, the first after a boundary
    // and after the gap, and times between two frames.
    QList<int> frames {0, 1, 49, 50, 51, 137, 249, 250, 251, 499, 500, 501, 777, 999};
    for (int i = 0; i < 20; ++i)
        frames << int((i * 7919) % 1000);
    for (const int f : std::as_const(frames)) {
        for (const qint64 into : {qint64(0), qint64(kFrameMs - 1)}) {
            p->seek(utcOf(f) + into);
            const Shown s = next(shown);
            QVERIFY2(s.frame == f,
                    qPrintable(QStringLiteral("asked frame %1 (+%2 ms), got %3")
                                       .arg(f)
                                       .arg(into)
                                       .arg(s.frame)));
            QCOMPARE(s.utcMs, utcOf(f));
        }
    }
}

void TestPlayback::keyframeSeekShowsTheKeyframeBefore()
{
    const auto p = player(m_camera);
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    p->seek(utcOf(137), playback::ArchivePlayer::SeekMode::Keyframe);
    Shown s = next(shown, true);
    QCOMPARE(s.frame, 100);
    QVERIFY(!s.exact);
    // An exact seek shows the keyframe at once, then the frame.
    p->seek(utcOf(637));
    s = next(shown, true);
    QCOMPARE(s.frame, 600);
    QVERIFY(!s.exact);
    s = next(shown, true);
    QCOMPARE(s.frame, 637);
    QVERIFY(s.exact);
}

void TestPlayback::stepsGoOneFrameBothWaysAcrossFilesAndGaps()
{
    const auto p = player(m_camera);
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    p->seek(utcOf(252));
    QCOMPARE(next(shown).frame, 252);
    // Back over a keyframe and a file boundary (250 starts the second file).
    for (int f = 251; f >= 245; --f) {
        p->step(-1);
        QCOMPARE(next(shown).frame, f);
    }
    // Forward over them again.
    for (int f = 246; f <= 253; ++f) {
        p->step(1);
        QCOMPARE(next(shown).frame, f);
    }
    // Across the gap, both ways.
    p->seek(utcOf(498));
    QCOMPARE(next(shown).frame, 498);
    p->step(1);
    QCOMPARE(next(shown).frame, 499);
    p->step(1);
    const Shown after = next(shown);
    QCOMPARE(after.frame, 500);
    QCOMPARE(after.utcMs, m_segments.at(2).startMs);
    p->step(-1);
    QCOMPARE(next(shown).frame, 499);
    // The very first frame has none before it.
    p->seek(kStartMs);
    QCOMPARE(next(shown).frame, 0);
    p->step(-1);
    QCOMPARE(next(shown).frame, 0);
    p->step(1);
    QCOMPARE(next(shown).frame, 1);
}

void TestPlayback::playingOnShowsEveryFrameAndCrossesTheGap()
{
    const auto p = player(m_camera);
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    QSignalSpy gap(p.get(), &playback::ArchivePlayer::noRecording);
    // A clock at 25 fps from frame 480 to 520: frames 480…499, the gap, then 500…520.
    p->seek(utcOf(480));
    QCOMPARE(next(shown).frame, 480);
    for (int f = 481; f <= 499; ++f) {
        p->advance(utcOf(f) + 5);
        QCOMPARE(next(shown).frame, f);
    }
    p->advance(utcOf(499) + 2000); // in the gap
    QVERIFY(gap.wait(10000));
    QCOMPARE(gap.first().at(1).toLongLong(), m_segments.at(2).startMs);
    for (int f = 500; f <= 520; ++f) {
        p->advance(utcOf(f) + 20);
        QCOMPARE(next(shown).frame, f);
    }
    // Falling behind: a clock that jumps 10 frames shows the frame of its time, not the ones
    // in between.
    p->advance(utcOf(530));
    QCOMPARE(next(shown).frame, 530);
    QCOMPARE(shown.size(), 0);
}

void TestPlayback::aGapSaysWhyAndWhereFootageResumes()
{
    const auto p = player(m_camera);
    QSignalSpy gap(p.get(), &playback::ArchivePlayer::noRecording);
    p->seek(utcOf(499) + 2500);
    QVERIFY(gap.wait(10000));
    QCOMPARE(gap.first().at(1).toLongLong(), m_segments.at(2).startMs);
    QCOMPARE(gap.first().at(2).toString(), QStringLiteral("The camera was offline"));
    // Before the first recording and after the last: nothing, and nothing after.
    gap.clear();
    p->seek(utcOf(999) + 60000);
    QVERIFY(gap.wait(10000));
    QCOMPARE(gap.first().at(1).toLongLong(), 0);
    gap.clear();
    p->seek(kStartMs - 3600000);
    QVERIFY(gap.wait(10000));
    QCOMPARE(gap.first().at(1).toLongLong(), kStartMs);
}

void TestPlayback::aFileBeingWrittenPlaysAsItGrows()
{
    // A second camera whose file is still being written: half the clip, no index yet.
    const qint64 camera = test::addArchiveCamera(*m_catalog, QStringLiteral("Live edge"));
    QVERIFY(camera > 0);
    const qint64 startMs = kStartMs + 86400000;
    AVFormatContext* input = nullptr;
    QVERIFY(avformat_open_input(&input, QFile::encodeName(m_clip).constData(), nullptr, nullptr)
            >= 0);
    const std::unique_ptr<AVFormatContext, void (*)(AVFormatContext*)> owner(
            input, [](AVFormatContext* c) { avformat_close_input(&c); });
    QVERIFY(avformat_find_stream_info(input, nullptr) >= 0);
    recording::TrackSpec spec;
    spec.parameters = input->streams[0]->codecpar;
    spec.timeBaseNum = input->streams[0]->time_base.num;
    spec.timeBaseDen = input->streams[0]->time_base.den;
    spec.video = true;
    recording::SegmentHeader header;
    header.cameraId = camera;
    header.cameraUuid = QStringLiteral("live-edge");
    header.role = QStringLiteral("main");
    header.startMs = startMs;
    catalog::SegmentStore store(*m_catalog);
    catalog::SegmentRecord row;
    row.cameraId = camera;
    row.streamId = store.streamId(camera, header.role).value();
    row.path = catalog::segmentPath(camera, header.role, startMs);
    row.startMs = startMs;
    row.endMs = startMs;
    row.state = QStringLiteral("open");
    auto created = recording::SegmentWriter::create(
            m_dir.filePath(QStringLiteral("recordings/") + row.path), {spec}, header);
    QVERIFY(created);
    const std::unique_ptr<recording::SegmentWriter> writer = std::move(created).value();
    QVERIFY(store.insert(row));
    AVPacket* packet = av_packet_alloc();
    const auto writeUpTo = [&](int lastFrame) {
        int written = 0;
        while (av_read_frame(input, packet) >= 0) {
            const bool ok = bool(writer->write(packet, 0));
            av_packet_unref(packet);
            if (!ok || ++written > lastFrame)
                break;
        }
    };
    int writtenFrames = 300;
    writeUpTo(writtenFrames - 1);

    const auto p = player(camera);
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    // Frame 100 (its fragments are complete: the writer is at 300).
    p->seek(startMs + 100 * kFrameMs + 10);
    QCOMPARE(next(shown).frame, 100);
    // Playing on towards the edge: frames come as long as complete fragments hold them.
    p->advance(startMs + 240 * kFrameMs);
    QCOMPARE(next(shown).frame, 240);
    // The file grows; playing on reads what was added without starting again.
    writeUpTo(399);
    writtenFrames = 400;
    p->advance(startMs + 350 * kFrameMs);
    QCOMPARE(next(shown).frame, 350);
    // A seek into the new part (its keyframes are read from the file).
    p->seek(startMs + 377 * kFrameMs);
    QCOMPARE(next(shown).frame, 377);
    av_packet_free(&packet);
    QVERIFY(writer->finish());
}

void TestPlayback::fourCamerasOnOneClockShowTheSameFrame()
{
    // Three more cameras with the same clip from the same time.
    QList<qint64> cameras {m_camera};
    for (int c = 0; c < 3; ++c) {
        const qint64 id = test::addArchiveCamera(*m_catalog, QStringLiteral("Sync %1").arg(c));
        QVERIFY(id > 0);
        test::ArchivePlan plan;
        plan.cameraId = id;
        plan.recordings = m_dir.filePath(QStringLiteral("recordings"));
        plan.startMs = kStartMs;
        plan.segmentSeconds = 7 + c; // files cut elsewhere than the first camera's
        QVERIFY(!test::buildArchive(*m_catalog, m_clip, plan).isEmpty());
        cameras << id;
    }
    std::vector<std::unique_ptr<playback::ArchivePlayer>> players;
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (const qint64 id : std::as_const(cameras)) {
        players.push_back(player(id));
        spies.push_back(std::make_unique<QSignalSpy>(
                players.back().get(), &playback::ArchivePlayer::frameShown));
    }
    // One clock, 60 ticks at 50 Hz from frame 100: each tile shows the same frame every tick.
    for (int tick = 0; tick < 60; ++tick) {
        const qint64 clock = utcOf(100) + tick * 20;
        for (auto& p : players)
            p->advance(clock);
        const int expected = 100 + tick / 2;
        for (std::size_t i = 0; i < players.size(); ++i) {
            // A tick that falls on the frame already shown shows nothing new.
            if (tick > 0 && tick % 2 == 1)
                continue;
            const Shown s = next(*spies[i]);
            QVERIFY2(s.frame == expected,
                    qPrintable(QStringLiteral("camera %1 at tick %2: frame %3, not %4")
                                       .arg(cameras.at(int(i)))
                                       .arg(tick)
                                       .arg(s.frame)
                                       .arg(expected)));
        }
    }
}

void TestPlayback::aDamagedFileIsReportedNotCrashedOn()
{
    // A camera whose only file is cut in its middle fragment and then scribbled over.
    const qint64 camera = test::addArchiveCamera(*m_catalog, QStringLiteral("Damaged"));
    test::ArchivePlan plan;
    plan.cameraId = camera;
    plan.recordings = m_dir.filePath(QStringLiteral("recordings"));
    plan.startMs = kStartMs + 2 * 86400000LL;
    plan.segmentSeconds = 60;
    const QList<catalog::SegmentRecord> made = test::buildArchive(*m_catalog, m_clip, plan);
    QCOMPARE(made.size(), 1);
    QFile file(plan.recordings + u'/' + made.first().path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(file.size() / 2);
    file.write(QByteArray(4096, '\xff'));
    file.close();
    const auto p = player(camera);
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    QSignalSpy failed(p.get(), &playback::ArchivePlayer::failed);
    // Before the damage it plays; at the damage it says so (or shows what still decodes).
    p->seek(plan.startMs + 100 * kFrameMs);
    QCOMPARE(next(shown).frame, 100);
    p->seek(plan.startMs + 990 * kFrameMs);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !shown.isEmpty(), 10000);
    // A file that is gone.
    QVERIFY(file.remove());
    p->seek(plan.startMs + 200 * kFrameMs);
    QVERIFY(failed.wait(10000) || !failed.isEmpty());
    QVERIFY(failed.last().at(1).toString().contains(QLatin1String("recording")));
}

void TestPlayback::theClockRunsAtItsSpeedAndShuttles()
{
    using playback::PlaybackClock;
    PlaybackClock c = PlaybackClock {}.seeked(kStartMs, 1000);
    QCOMPARE(c.positionAt(5000), kStartMs); // paused
    c = c.played(1000);
    QCOMPARE(c.positionAt(1500), kStartMs + 500);
    c = c.withSpeed(4, 1500);
    QCOMPARE(c.positionAt(2000), kStartMs + 500 + 2000);
    QVERIFY(!c.keyframesOnly());
    c = c.withSpeed(3, 2000); // not a speed: unchanged
    QCOMPARE(c.speed, 4);
    c = c.paused(2000);
    QCOMPARE(c.positionAt(9000), kStartMs + 2500);
    // L: 1×, 2×, 4× … 16× and no further; J turns back at -1× then doubles; K pauses.
    c = c.shuttled(PlaybackClock::Shuttle::Forward, 0);
    QCOMPARE(c.speed, 1);
    QVERIFY(c.playing);
    for (const int expected : {2, 4, 8, 16, 16})
        QCOMPARE((c = c.shuttled(PlaybackClock::Shuttle::Forward, 0)).speed, expected);
    QCOMPARE((c = c.shuttled(PlaybackClock::Shuttle::Back, 0)).speed, -1);
    QCOMPARE((c = c.shuttled(PlaybackClock::Shuttle::Back, 0)).speed, -2);
    QVERIFY(c.keyframesOnly());
    const qint64 at = c.positionAt(100);
    QCOMPARE(at, c.anchorMs - 200);
    c = c.shuttled(PlaybackClock::Shuttle::Pause, 100);
    QVERIFY(!c.playing);
    QCOMPARE(c.positionAt(10000), at);
}

void TestPlayback::theTimelineZoomsAroundTheCursor()
{
    playback::TimelineView v;
    v.startMs = kStartMs;
    v.spanMs = 3600000;
    v.widthPx = 1000;
    const qint64 under = v.timeAt(250);
    const playback::TimelineView in = v.zoomed(0.5, 250);
    QCOMPARE(in.spanMs, 1800000);
    QVERIFY(qAbs(in.timeAt(250) - under) <= in.resolutionMs());
    // The limits: a second and 30 days across.
    playback::TimelineView z = v;
    for (int i = 0; i < 100; ++i)
        z = z.zoomed(0.5, 500);
    QCOMPARE(z.spanMs, playback::TimelineView::kMinSpanMs);
    for (int i = 0; i < 100; ++i)
        z = z.zoomed(2, 500);
    QCOMPARE(z.spanMs, playback::TimelineView::kMaxSpanMs);
    // Dragging right goes back in time by what the pixels cover.
    QCOMPARE(v.panned(100).startMs, kStartMs - 360000);
    // Following the playhead pages on when it leaves the view.
    QCOMPARE(v.following(kStartMs + 10), v);
    QVERIFY(v.following(v.endMs() + 1).startMs > v.startMs);
}

void TestPlayback::theTimelineSpansAreTheSegmentsVigilctlLists()
{
    QProcess ctl;
    ctl.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            {QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("segments"),
                    QStringLiteral("--camera"), QString::number(m_camera),
                    QStringLiteral("--json")});
    QVERIFY(ctl.waitForFinished(60000));
    const QJsonArray rows = QJsonDocument::fromJson(ctl.readAllStandardOutput())
                                    .object()
                                    .value(QLatin1String("segments"))
                                    .toArray();
    QCOMPARE(rows.size(), m_segments.size());
    // vigilctl's rows, joined where they touch (1-ms resolution: only what touches).
    QList<playback::TimeSpan> expected;
    for (const QJsonValue& r : rows) {
        const qint64 start = r.toObject().value(QLatin1String("start_ms")).toInteger();
        const qint64 end = r.toObject().value(QLatin1String("end_ms")).toInteger();
        if (!expected.isEmpty() && start - expected.last().endMs < 2)
            expected.last().endMs = end;
        else
            expected << playback::TimeSpan {start, end};
    }
    QCOMPARE(expected.size(), 2); // the gap splits the footage in two
    const Result<playback::TimelineData> data
            = playback::TimelineLoader(*m_catalog)
                      .load({m_camera}, {kStartMs - 3600000, kStartMs + 3600000}, 1);
    QVERIFY(data);
    QCOMPARE(data->cameras.size(), 1);
    QCOMPARE(data->cameras.first().recorded, expected);
    QCOMPARE(data->cameras.first().gaps.size(), 1);
    QCOMPARE(data->cameras.first().gaps.first().reason, QStringLiteral("The camera was offline"));
    // Motion events and an alert are marks too; events closer than two pixels are one.
    catalog::EventStore events(*m_catalog);
    for (int i = 0; i < 3; ++i) {
        catalog::EventRecord e;
        e.cameraId = m_camera;
        e.type = QStringLiteral("motion");
        e.startMs = utcOf(100) + i * 1500;
        e.endMs = e.startMs + 1000;
        QVERIFY(events.add(e));
    }
    const Result<playback::TimelineData> marked
            = playback::TimelineLoader(*m_catalog)
                      .load({m_camera}, {kStartMs - 60000, kStartMs + 3600000}, 1000);
    QVERIFY(marked);
    int eventMarks = 0;
    for (const playback::TimelineMark& m : marked->marks) {
        if (m.kind == playback::TimelineMark::Kind::Event) {
            ++eventMarks;
            QCOMPARE(m.span.startMs, utcOf(100));
            QCOMPARE(m.span.endMs, utcOf(100) + 4000);
        }
    }
    QCOMPARE(eventMarks, 1);
    const Result<playback::TimelineData> fine
            = playback::TimelineLoader(*m_catalog)
                      .load({m_camera}, {kStartMs - 60000, kStartMs + 3600000}, 100);
    QVERIFY(fine);
    QCOMPARE(std::count_if(fine->marks.cbegin(), fine->marks.cend(),
                     [](const playback::TimelineMark& m) {
                         return m.kind == playback::TimelineMark::Kind::Event;
                     }),
            3);
    // At the resolution of a 30-day view the gap is narrower than a pixel: one span.
    const Result<playback::TimelineData> month
            = playback::TimelineLoader(*m_catalog)
                      .load({m_camera}, {kStartMs - 15 * 86400000LL, kStartMs + 15 * 86400000LL},
                              1728000);
    QVERIFY(month);
    QCOMPARE(month->cameras.first().recorded.size(), 1);
    QVERIFY(month->cameras.first().gaps.isEmpty());
}

void TestPlayback::aPlaybackSessionIsCheckedAndNeedsAReasonForOldFootage()
{
    playback::PlaybackSession session(sessionConfig(7));
    QSignalSpy shown(&session, &playback::PlaybackSession::frameShown);
    // The clip is from January 2026: older than a week.
    QVERIFY(session.needsReason(utcOf(10)));
    QVERIFY(!session.needsReason(QDateTime::currentMSecsSinceEpoch() - 60000));
    const Result<void> refused = session.open({m_camera}, utcOf(10));
    QVERIFY(!refused);
    QVERIFY(session.cameras().isEmpty());
    QVERIFY(session.open({m_camera}, utcOf(10), QStringLiteral("Case 2026-118")));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(3).toBool(), 10000);
    QCOMPARE(frameOf(shown.last().at(1).value<QVideoFrame>(), m_index), 10);
    // Played at 2× for a moment, paused: the exact frame of the clock's time.
    shown.clear();
    session.setSpeed(2);
    session.play();
    QTRY_VERIFY_WITH_TIMEOUT(session.position() > utcOf(60), 10000);
    session.pause();
    const qint64 at = session.position();
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(2).toLongLong() <= at
                    && at - shown.last().at(2).toLongLong() < kFrameMs,
            10000);
}

void TestPlayback::aHeldBookmarkSurvivesRetentionThatDeletesItsNeighbours()
{
    // A camera of its own with 10-s files from January 2026, kept 30 days: all of it is due.
    const qint64 camera = test::addArchiveCamera(*m_catalog, QStringLiteral("Retention"), 30);
    test::ArchivePlan plan;
    plan.cameraId = camera;
    plan.recordings = m_dir.filePath(QStringLiteral("recordings"));
    plan.startMs = kStartMs + 3 * 86400000LL;
    plan.segmentSeconds = kSegmentSeconds;
    const QList<catalog::SegmentRecord> made = test::buildArchive(*m_catalog, m_clip, plan);
    QCOMPARE(made.size(), 4);

    // A bookmark with a hold inside the second file, and one without on the third.
    playback::Bookmarks bookmarks(*m_catalog, nullptr);
    catalog::BookmarkRecord held;
    held.cameraId = camera;
    held.startMs = made.at(1).startMs + 2000;
    held.endMs = made.at(1).startMs + 4000;
    held.title = QStringLiteral("Collision at the crossing");
    held.caseNumber = QStringLiteral("2026-0042");
    held.legalHold = true;
    const Result<qint64> heldId = bookmarks.add(held);
    QVERIFY(heldId);
    catalog::BookmarkRecord plain = held;
    plain.startMs = made.at(2).startMs + 1000;
    plain.endMs = plain.startMs + 1000;
    plain.legalHold = false;
    plain.title = QStringLiteral("Someone waves");
    QVERIFY(bookmarks.add(plain));
    // Found by case number and by a word of the title, not by what is not there.
    QCOMPARE(bookmarks.search(QStringLiteral("0042"), 0, kStartMs * 2, {camera})->size(), 2);
    QCOMPARE(bookmarks.search(QStringLiteral("waves"), 0, kStartMs * 2, {camera})->size(), 1);
    QCOMPARE(bookmarks.search(QStringLiteral("100%"), 0, kStartMs * 2, {camera})->size(), 0);

    storage::Retention retention(*m_catalog, plan.recordings);
    const storage::RetentionReport report
            = retention.run(storage::RetentionPolicy {}, QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.join(u'\n')));
    const Result<QList<catalog::SegmentRecord>> left
            = catalog::SegmentStore(*m_catalog)
                      .list(camera, plan.startMs - 1000, plan.startMs + 3600000);
    QVERIFY(left);
    QCOMPARE(left->size(), 1);
    QCOMPARE(left->first().startMs, made.at(1).startMs);
    QVERIFY(QFile::exists(plan.recordings + u'/' + made.at(1).path));
    QVERIFY(!QFile::exists(plan.recordings + u'/' + made.at(0).path));
    QVERIFY(!QFile::exists(plan.recordings + u'/' + made.at(2).path));

    // The held footage still plays; the timeline shows only it and the bookmarks.
    const auto p = player(camera);
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    QSignalSpy failed(p.get(), &playback::ArchivePlayer::failed);
    QSignalSpy gap(p.get(), &playback::ArchivePlayer::noRecording);
    p->seek(held.startMs);
    const Shown s = next(shown);
    if (s.frame < 0)
        qWarning() << failed << gap;
    QCOMPARE(s.frame, 250 + 50);
    const Result<playback::TimelineData> data
            = playback::TimelineLoader(*m_catalog)
                      .load({camera}, {plan.startMs - 60000, plan.startMs + 3600000}, 1);
    QVERIFY(data);
    QCOMPARE(data->cameras.first().recorded.size(), 1);
    QCOMPARE(data->marks.size(), 2);
    QVERIFY(data->marks.first().legalHold);

    // Releasing the hold (deleting the bookmark) lets the next pass delete the file.
    QVERIFY(bookmarks.remove(heldId.value()));
    retention.run(storage::RetentionPolicy {}, QDateTime::currentMSecsSinceEpoch());
    QVERIFY(!QFile::exists(plan.recordings + u'/' + made.at(1).path));
}

void TestPlayback::thumbnailsAreTheKeyframeBeforeAndAreCached()
{
    const QString cache = m_dir.filePath(QStringLiteral("cache/thumbnails"));
    playback::ThumbnailSource thumbnails(m_dir.filePath(QStringLiteral("vigil.sqlite")),
            m_dir.filePath(QStringLiteral("recordings")), cache);
    QSignalSpy ready(&thumbnails, &playback::ThumbnailSource::ready);
    // (Emitted on the source's thread: the spy may have it before waiting starts.)
    thumbnails.request(m_camera, utcOf(137), QSize(80, 60));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
    QCOMPARE(ready.first().at(2).toLongLong(), utcOf(100)); // the keyframe before
    const QImage image = ready.first().at(3).value<QImage>();
    QCOMPARE(image.size(), QSize(80, 60));
    QVERIFY(QDir(cache + QStringLiteral("/%1").arg(m_camera)).entryList(QDir::Files).size() == 1);
    // In the gap: no picture.
    ready.clear();
    thumbnails.request(m_camera, utcOf(499) + 2500, QSize(80, 60));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
    QVERIFY(ready.first().at(3).value<QImage>().isNull());
}

void TestPlayback::reverseAndFastSpeedsShowKeyframes()
{
    playback::PlaybackSession session(sessionConfig(0));
    QSignalSpy shown(&session, &playback::PlaybackSession::frameShown);
    QVERIFY(session.open({m_camera}, utcOf(240)));
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last().at(3).toBool(), 10000);
    // Backwards at 4×: keyframes only, each earlier than the one before, across a file boundary.
    shown.clear();
    session.setSpeed(-4);
    session.play();
    QTRY_VERIFY_WITH_TIMEOUT(session.position() < utcOf(140), 20000);
    session.setSpeed(1);
    session.pause();
    QList<int> frames;
    for (const QList<QVariant>& args : std::as_const(shown)) {
        if (!args.at(3).toBool() || frames.isEmpty()
                || frames.last() != frameOf(args.at(1).value<QVideoFrame>(), m_index))
            frames << frameOf(args.at(1).value<QVideoFrame>(), m_index);
    }
    // The pause shows the exact frame of the clock at the end; before it, keyframes going back.
    frames.removeLast();
    QVERIFY2(frames.size() >= 2, qPrintable(QString::number(frames.size())));
    for (qsizetype i = 0; i < frames.size(); ++i) {
        QVERIFY2(frames.at(i) % 50 == 0, qPrintable(QStringLiteral("frame %1").arg(frames.at(i))));
        if (i > 0)
            QVERIFY(frames.at(i) < frames.at(i - 1));
    }
}

void TestPlayback::privacyMasksHideTheirAreaInPlaybackAndThumbnails()
{
    // The left half of the picture masked.
    const qint64 camera = m_camera;
    catalog::CameraStore cameras(*m_catalog);
    QVERIFY(cameras.setPrivacyMasks(camera, QStringLiteral("[[[0,0],[0.5,0],[0.5,1],[0,1]]]")));
    const auto leftIsBlack = [](const QVideoFrame& source) {
        QVideoFrame frame(source);
        if (!frame.map(QVideoFrame::ReadOnly))
            return false;
        bool black = true;
        bool detailRight = false;
        for (int y = 0; y < frame.height(); ++y) {
            const uchar* row = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0);
            for (int x = 0; x < frame.width() / 2 - 1; ++x)
                black = black && row[x] <= 16;
            for (int x = frame.width() / 2 + 2; x < frame.width(); ++x)
                detailRight = detailRight || row[x] > 40;
        }
        frame.unmap();
        return black && detailRight;
    };
    const auto p = player(camera);
    QSignalSpy shown(p.get(), &playback::ArchivePlayer::frameShown);
    // Every picture shown, the keyframe on the way included.
    p->seek(utcOf(322));
    for (;;) {
        QVERIFY(!shown.isEmpty() || shown.wait(10000));
        const QList<QVariant> args = shown.takeFirst();
        QVERIFY(leftIsBlack(args.at(0).value<QVideoFrame>()));
        if (args.at(2).toBool())
            break;
    }
    // Thumbnails too (and not the unmasked one cached by the test before).
    playback::ThumbnailSource thumbnails(m_dir.filePath(QStringLiteral("vigil.sqlite")),
            m_dir.filePath(QStringLiteral("recordings")),
            m_dir.filePath(QStringLiteral("cache/thumbnails")));
    QSignalSpy ready(&thumbnails, &playback::ThumbnailSource::ready);
    thumbnails.request(camera, utcOf(137), QSize(80, 60));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
    const QImage image = ready.first().at(3).value<QImage>();
    QVERIFY(!image.isNull());
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width() / 2 - 1; ++x)
            QVERIFY(qGray(image.pixel(x, y)) <= 2);
    }
    // Cleared, the area shows again from the next seek.
    QVERIFY(cameras.setPrivacyMasks(camera, {}));
    shown.clear();
    p->seek(utcOf(323));
    const QList<QVariant> args = [&] {
        for (;;) {
            if (shown.isEmpty() && !shown.wait(10000))
                return QList<QVariant>();
            QList<QVariant> a = shown.takeFirst();
            if (a.at(2).toBool())
                return a;
        }
    }();
    QVERIFY(!args.isEmpty());
    QCOMPARE(frameOf(args.at(0).value<QVideoFrame>(), m_index), 323);
}

QTEST_GUILESS_MAIN(TestPlayback)
#include "tst_playback.moc"
