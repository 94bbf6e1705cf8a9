// The pure parts of recording, without a camera: schedules, decode times from presentation
// times, interleaving of tracks by exact time, the compact keyframe tables, timelines that go on
// across rebased timestamps.
#include "core/media/decode_timeline.h"
#include "core/media/track_interleaver.h"
#include "core/recording/record_schedule.h"
#include "core/recording/segment_file.h"

#include <QDateTime>
#include <QTest>
#include <QtEndian>

#include <optional>

using namespace vigil;

class TestRecordingTiming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scheduleText();
    void decodeTimesFromPresentationTimes();
    void tracksInterleaveByExactTime();
    void keyframeTablesAreCompact();
    void tracksContinueAcrossRebasedTimestamps();
};

void TestRecordingTiming::scheduleText()
{
    using recording::RecordMode;
    using recording::RecordSchedule;
    QVERIFY(RecordSchedule::parse(QString()).has_value());
    QVERIFY(!RecordSchedule::parse(QStringLiteral("CCC")).has_value());
    QVERIFY(!RecordSchedule::parse(QString(7 * 25 - 1, u'C')).has_value());
    RecordSchedule s;
    s.set(1, 8, RecordMode::Off); // Monday 08:00
    s.set(7, 23, RecordMode::Motion); // Sunday 23:00
    const std::optional<RecordSchedule> back = RecordSchedule::parse(s.toString());
    QVERIFY(back);
    QCOMPARE(back->toString(), s.toString());
    QCOMPARE(back->modeAt(QDateTime(QDate(2026, 11, 30), QTime(8, 30))), RecordMode::Off);
    QCOMPARE(back->modeAt(QDateTime(QDate(2026, 11, 29), QTime(23, 59))), RecordMode::Motion);
    QCOMPARE(back->modeAt(QDateTime(QDate(2026, 11, 29), QTime(22, 0))), RecordMode::Continuous);
    QCOMPARE(RecordSchedule::effectiveMode(QStringLiteral("schedule"), QStringLiteral("garbage"),
                     QDateTime::currentDateTime()),
            RecordMode::Continuous);
}

void TestRecordingTiming::decodeTimesFromPresentationTimes()
{
    // Two closed groups of pictures, I P B B P B B and I P B B, in decoding order; presentation
    // times in frames.
    const QList<qint64> pts {0, 3, 1, 2, 6, 4, 5, 7, 10, 8, 9};
    const auto decodeTimes = [&](int depth) {
        media::DecodeTimeline timeline(depth);
        QList<qint64> dts;
        for (qsizetype i = 0; i < pts.size(); ++i)
            dts << timeline.next(pts.at(i), i == 0 || i == 7).value_or(-100);
        return std::make_pair(dts, timeline.depth());
    };
    // Depth 1, as the SPS says: every frame decoded before it is shown, in increasing order.
    QCOMPARE(decodeTimes(1).first, (QList<qint64> {-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    // Announced deeper than it is: later, but as valid.
    QCOMPARE(decodeTimes(2).first, (QList<qint64> {-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8}));
    // Announced without reordering: the first B-frame cannot be timed, nor anything until the
    // next keyframe (dropped, -100 here); from there the depth is right.
    const auto [dts, depth] = decodeTimes(0);
    QCOMPARE(dts, (QList<qint64> {0, 3, -100, -100, -100, -100, -100, 6, 7, 8, 9}));
    QCOMPARE(depth, 1);
    // A camera whose clock leaps (here by a million frames at the second keyframe) is not
    // reordering: the timeline starts again at the leap.
    media::DecodeTimeline leaping(1, 100);
    QList<qint64> leapt;
    for (qsizetype i = 0; i < pts.size(); ++i)
        leapt << leaping.next(pts.at(i) + (i >= 7 ? 1000000 : 0), i == 0 || i == 7).value_or(-100);
    QCOMPARE(leapt, (QList<qint64> {-1, 0, 1, 2, 3, 4, 5, 1000006, 1000007, 1000008, 1000009}));
    QCOMPARE(leaping.depth(), 1);
}

void TestRecordingTiming::keyframeTablesAreCompact()
{
    // A minute at 4 Mbit/s, a keyframe every 2 s: 30 entries.
    QList<recording::KeyframeEntry> minute;
    for (int k = 0; k < 30; ++k)
        minute << recording::KeyframeEntry {k * 2000 + (k % 3), 1200 + k * 1000003LL};
    const QByteArray compact = recording::packKeyframes(minute);
    QVERIFY2(compact.size() <= 30 * 5, qPrintable(QString::number(compact.size())));
    QCOMPARE(recording::unpackKeyframes(compact), minute);
    for (const QList<recording::KeyframeEntry>& table :
            {QList<recording::KeyframeEntry> {}, QList<recording::KeyframeEntry> {{0, 0}},
                    QList<recording::KeyframeEntry> {{0, 5}, {-7, 1LL << 40}, {2, 3}}}) {
        const QByteArray blob = recording::packKeyframes(table);
        QVERIFY(blob.size() % 12 != 0);
        QCOMPARE(recording::unpackKeyframes(blob), table);
    }
    // Catalogs before version 4 hold 12-byte entries: still read.
    QByteArray old;
    for (const recording::KeyframeEntry& k : minute.mid(0, 3)) {
        char entry[12];
        qToLittleEndian<qint32>(k.offsetMs, entry);
        qToLittleEndian<qint64>(k.bytePos, entry + 4);
        old.append(entry, 12);
    }
    QCOMPARE(recording::unpackKeyframes(old), minute.mid(0, 3));
    // Damaged: whatever comes out, nothing crashes.
    QVERIFY(recording::unpackKeyframes(QByteArray("\xfe\xff\xff\xff\xff\xff", 6)).size() <= 6);
}

void TestRecordingTiming::tracksInterleaveByExactTime()
{
    using Interleaver = media::TrackInterleaver<QString>;
    const auto video = [](qint64 ts) { return media::TrackTime {ts, 1, 90000}; };
    const auto audio = [](qint64 ts) { return media::TrackTime {ts, 1, 16000}; };
    const auto drain = [](Interleaver& i, bool all) {
        QStringList order;
        while (std::optional<QString> next = i.pop(all))
            order << *next;
        return order;
    };
    // An AAC frame 0.05 ms before a keyframe (both "1000 ms" to the millisecond), which the
    // camera sent after it: it belongs to the file that ends at the keyframe.
    Interleaver close(true);
    close.push(Interleaver::kVideo, video(90027), QStringLiteral("keyframe"));
    close.push(Interleaver::kAudio, audio(16004), QStringLiteral("aac before"));
    close.push(Interleaver::kAudio, audio(16005), QStringLiteral("aac after"));
    QCOMPARE(drain(close, false),
            (QStringList {QStringLiteral("aac before"), QStringLiteral("keyframe")}));
    // The audio after the keyframe waits for the next video frame, or for the end.
    close.push(Interleaver::kVideo, video(96027), QStringLiteral("frame"));
    QCOMPARE(drain(close, false), (QStringList {QStringLiteral("aac after")}));
    QCOMPARE(drain(close, true), (QStringList {QStringLiteral("frame")}));
    QVERIFY(close.empty());

    // At the same time exactly, video first: the audio frame starts the new file at 0.
    Interleaver tie(true);
    tie.push(Interleaver::kAudio, audio(16000), QStringLiteral("aac"));
    tie.push(Interleaver::kVideo, video(90000), QStringLiteral("keyframe"));
    QCOMPARE(drain(tie, true), (QStringList {QStringLiteral("keyframe"), QStringLiteral("aac")}));

    // Audio that stalls holds video back for at most a second; a stream without audio, never.
    Interleaver stalled(true, 1000);
    stalled.push(Interleaver::kVideo, video(0), QStringLiteral("v0"));
    stalled.push(Interleaver::kVideo, video(90000), QStringLiteral("v1"));
    QCOMPARE(drain(stalled, false), QStringList {});
    stalled.push(Interleaver::kVideo, video(90090), QStringLiteral("v2"));
    QCOMPARE(drain(stalled, false), QStringList {QStringLiteral("v0")});
    Interleaver silent(false);
    silent.push(Interleaver::kVideo, video(0), QStringLiteral("v0"));
    QCOMPARE(drain(silent, false), QStringList {QStringLiteral("v0")});
}

void TestRecordingTiming::tracksContinueAcrossRebasedTimestamps()
{
    using T = media::TrackTimelines;
    // Times in ms; the camera sends a video frame every 67 ms and an AAC frame every 64 ms.
    T steady;
    QCOMPARE(steady.correct(T::kVideo, 0, 67, 10000), 0);
    QCOMPARE(steady.correct(T::kAudio, 30, 64, 10040), 0); // 30 ms apart: the camera's timing
    QCOMPARE(steady.correct(T::kVideo, 67, 67, 10070), 0);
    QCOMPARE(steady.correct(T::kAudio, 94, 64, 10100), 0);

    // The audio's first sender report moves it 3 s on while its packets keep coming: it
    // continues where it left off, exactly.
    T audioJumps;
    audioJumps.correct(T::kVideo, 0, 67, 10000);
    audioJumps.correct(T::kAudio, 30, 64, 10040);
    QCOMPARE(audioJumps.correct(T::kAudio, 3094, 64, 10100), -3000);
    QCOMPARE(audioJumps.bridgedMs(), 3000);
    QCOMPARE(audioJumps.correct(T::kAudio, 3158, 64, 10165), -3000);
    QCOMPARE(audioJumps.bridgedMs(), 0);

    // The same while the reader stalled 2.5 s between two audio packets (a loaded machine):
    // the time between their arrivals is not what the camera's time did.
    T stalledReader;
    stalledReader.correct(T::kVideo, 0, 67, 10000);
    stalledReader.correct(T::kAudio, 30, 64, 10040);
    stalledReader.correct(T::kVideo, 67, 67, 10041);
    QCOMPARE(stalledReader.correct(T::kAudio, 3094, 64, 12600), -3000);
    QCOMPARE(stalledReader.bridgedMs(), 3000);
    // Audio that really paused for 4 s (the video went on) resumes with the video.
    T audioPaused;
    audioPaused.correct(T::kVideo, 0, 67, 10000);
    audioPaused.correct(T::kAudio, 30, 64, 10040);
    for (qint64 v = 67; v <= 4020; v += 67)
        audioPaused.correct(T::kVideo, v, 67, 10000 + v);
    QCOMPARE(audioPaused.correct(T::kAudio, 7000, 64, 14030), 4020 - 7000);

    // The video's moves it 3 s back (its report came second): the same for the video.
    T videoJumps;
    videoJumps.correct(T::kVideo, 3000, 67, 10000);
    videoJumps.correct(T::kAudio, 3030, 64, 10040);
    QCOMPARE(videoJumps.correct(T::kVideo, 67, 67, 10070), 3000);
    QCOMPARE(videoJumps.correct(T::kAudio, 3094, 64, 10100), 0);

    // Time that passed is kept: 4 s without packets (a stalled camera) then 4 s later.
    T stalled;
    stalled.correct(T::kVideo, 0, 67, 10000);
    QCOMPARE(stalled.correct(T::kVideo, 4067, 67, 14070), 0);
    QCOMPARE(stalled.bridgedMs(), 0);

    // Audio stamped 3 s after the video that arrives with it from its first packet on: moved to
    // where its arrival puts it; less than the tolerance apart (an encoder that delays audio by
    // 800 ms), trusted.
    T ahead;
    ahead.correct(T::kVideo, 0, 67, 10000);
    QCOMPARE(ahead.correct(T::kAudio, 3030, 64, 10040), -2990);
    QCOMPARE(ahead.correct(T::kAudio, 3094, 64, 10100), -2990);
    T late;
    late.correct(T::kVideo, 1000, 67, 10000);
    QCOMPARE(late.correct(T::kAudio, 200, 64, 10010), 0);
}

QTEST_GUILESS_MAIN(TestRecordingTiming)
#include "tst_recording_timing.moc"
