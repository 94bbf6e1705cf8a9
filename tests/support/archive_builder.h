#pragma once

// Builds footage in Vigil's layout from a video file, quickly: its packets are remuxed (not
// re-encoded) by the recorder's own SegmentWriter into segments cut at keyframes, named and
// indexed in the catalog as the recorder names and indexes them. For playback tests (a clip
// with known frames) and benchmarks (a day of footage in seconds).

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/recording/segment_writer.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <functional>
#include <memory>

namespace vigil::test {

/// Encodes a test clip with the ffmpeg command-line tool: `lavfi` (a filter graph source, e.g.
/// "testsrc2=size=640x360:rate=25") for `seconds`, H.264 with a keyframe every `gop` frames and
/// no B-frames (as cameras send), in an MP4. Returns "" or ffmpeg's complaint.
inline QString encodeClip(const QString& lavfi, double seconds, int gop, const QString& out,
        const QStringList& more = {})
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
            QStringList {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                    QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), lavfi,
                    QStringLiteral("-t"), QString::number(seconds), QStringLiteral("-c:v"),
                    QStringLiteral("libx264"), QStringLiteral("-preset"),
                    QStringLiteral("ultrafast"), QStringLiteral("-bf"), QStringLiteral("0"),
                    QStringLiteral("-g"), QString::number(gop), QStringLiteral("-keyint_min"),
                    QString::number(gop), QStringLiteral("-sc_threshold"), QStringLiteral("0"),
                    QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")}
                    + more + QStringList {out});
    if (!ffmpeg.waitForFinished(600000))
        return QStringLiteral("ffmpeg timed out");
    if (ffmpeg.exitCode() != 0)
        return QString::fromUtf8(ffmpeg.readAllStandardError());
    return {};
}

/// Adds a camera with a main stream to a catalog; its id, or 0.
inline qint64 addArchiveCamera(
        catalog::Catalog& catalog, const QString& name, int retentionDays = 3650)
{
    catalog::CameraRecord r;
    r.uuid = QStringLiteral("rtsp:archive-%1").arg(name);
    r.name = name;
    r.retentionDays = retentionDays;
    catalog::StreamRecord main;
    main.role = QStringLiteral("main");
    main.uri = QStringLiteral("rtsp://127.0.0.1:9/%1").arg(name);
    r.streams << main;
    const auto id = catalog::CameraStore(catalog).add(r);
    return id ? id.value() : 0;
}

struct ArchivePlan
{
    qint64 cameraId = 0;
    QString recordings; ///< the data folder's recordings folder
    qint64 startMs = 0; ///< UTC time of the clip's first frame
    int segmentSeconds = 60;
    /// Called before each segment with its index and planned start; returning a later start
    /// leaves a gap before it (the clip's frames go on where they were).
    std::function<qint64(int, qint64)> startOf;
    /// The clip is written this many times one after the other (a day from a minute).
    int repeat = 1;
};

/// Remuxes the clip at `source` into segments per `plan`; the segments indexed (empty on failure,
/// with a warning).
inline QList<catalog::SegmentRecord> buildArchive(
        catalog::Catalog& catalog, const QString& source, const ArchivePlan& plan)
{
    QList<catalog::SegmentRecord> made;
    catalog::SegmentStore store(catalog);
    const Result<qint64> stream0 = store.streamId(plan.cameraId, QStringLiteral("main"));
    const qint64 streamId = stream0 ? stream0.value() : 0;
    AVFormatContext* input = nullptr;
    if (avformat_open_input(&input, QFile::encodeName(source).constData(), nullptr, nullptr) < 0
            || avformat_find_stream_info(input, nullptr) < 0) {
        qWarning("cannot open %s", qPrintable(source));
        return {};
    }
    const std::unique_ptr<AVFormatContext, void (*)(AVFormatContext*)> owner(
            input, [](AVFormatContext* c) { avformat_close_input(&c); });
    const int video = av_find_best_stream(input, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (video < 0 || streamId <= 0)
        return {};
    const AVStream* stream = input->streams[video];
    const AVRational ms {1, 1000};
    recording::TrackSpec spec;
    spec.parameters = stream->codecpar;
    spec.timeBaseNum = stream->time_base.num;
    spec.timeBaseDen = stream->time_base.den;
    spec.video = true;

    std::unique_ptr<recording::SegmentWriter> writer;
    catalog::SegmentRecord current;
    qint64 shiftMs = 0; ///< gaps left so far
    qint64 segmentFirstMs = 0; ///< clip time of the open segment's first frame
    qint64 ptsShift = 0; ///< added to the clip's timestamps in later passes
    qint64 lastPts = 0;
    qint64 frameTicks = 0;
    AVPacket* packet = av_packet_alloc();
    const auto close = [&]() -> bool {
        if (!writer)
            return true;
        const Result<recording::SegmentFacts> facts = writer->finish();
        writer.reset();
        if (!facts)
            return false;
        current.endMs = current.startMs + facts->durationMs;
        current.bytes = facts->bytes;
        current.state = QStringLiteral("closed");
        current.codec = facts->codec;
        current.width = facts->width;
        current.height = facts->height;
        current.keyframes = catalog::packKeyframes(facts->keyframes);
        const Result<qint64> id = store.insert(current);
        if (!id)
            return false;
        current.id = id.value();
        made << current;
        return true;
    };
    bool ok = true;
    for (int pass = 0; ok && pass < plan.repeat; ++pass) {
        av_seek_frame(input, video, 0, AVSEEK_FLAG_BACKWARD);
        while (ok && av_read_frame(input, packet) >= 0) {
            if (packet->stream_index != video) {
                av_packet_unref(packet);
                continue;
            }
            frameTicks = std::max<qint64>(frameTicks, packet->duration);
            packet->pts += ptsShift;
            packet->dts += ptsShift;
            lastPts = std::max<qint64>(lastPts, packet->pts);
            const qint64 clipMs = av_rescale_q(packet->pts, stream->time_base, ms);
            const bool key = packet->flags & AV_PKT_FLAG_KEY;
            if (key && (!writer || clipMs - segmentFirstMs >= plan.segmentSeconds * 1000LL)) {
                ok = close();
                qint64 startMs = plan.startMs + clipMs + shiftMs;
                if (plan.startOf) {
                    const qint64 wanted = plan.startOf(int(made.size()), startMs);
                    shiftMs += std::max<qint64>(0, wanted - startMs);
                    startMs = std::max(wanted, startMs);
                }
                recording::SegmentHeader header;
                header.cameraId = plan.cameraId;
                header.cameraUuid = QStringLiteral("archive");
                header.role = QStringLiteral("main");
                header.startMs = startMs;
                header.clockSource = QStringLiteral("arrival");
                current = catalog::SegmentRecord {};
                current.cameraId = plan.cameraId;
                current.streamId = streamId;
                current.path = catalog::segmentPath(plan.cameraId, header.role, startMs);
                current.startMs = startMs;
                Result<std::unique_ptr<recording::SegmentWriter>> created
                        = recording::SegmentWriter::create(
                                plan.recordings + u'/' + current.path, {spec}, header);
                if (!created) {
                    qWarning("%s", qPrintable(created.error().fullText()));
                    ok = false;
                    break;
                }
                writer = std::move(created).value();
                segmentFirstMs = clipMs;
            }
            if (writer && !writer->write(packet, 0))
                ok = false;
            av_packet_unref(packet);
        }
        ptsShift = lastPts + frameTicks;
    }
    ok = ok && close();
    av_packet_free(&packet);
    if (!ok) {
        qWarning("building the archive failed");
        return {};
    }
    return made;
}

/// An hour of 1080p25 footage for the benchmarks, in `dataDir` (its catalog must be open as
/// `catalog`): a camera "Calle Sucre", one minute of a moving test picture encoded once (GOP 2 s,
/// 2 Mbit/s) and remuxed 60 times over into 60-s segments from `startMs`. Empty, with the
/// reason on stderr, on failure.
inline QList<catalog::SegmentRecord> buildBenchmarkHour(
        catalog::Catalog& catalog, const QString& dataDir, qint64 startMs)
{
    const QString clip = dataDir + QStringLiteral("/minute.mp4");
    if (const QString problem
            = encodeClip(QStringLiteral("testsrc2=size=1920x1080:rate=25"), 60, 50, clip,
                    {QStringLiteral("-b:v"), QStringLiteral("2M"), QStringLiteral("-threads"),
                            QStringLiteral("2")});
            !problem.isEmpty()) {
        qWarning("encoding failed: %s", qPrintable(problem));
        return {};
    }
    ArchivePlan plan;
    plan.cameraId = addArchiveCamera(catalog, QStringLiteral("Calle Sucre"));
    plan.recordings = dataDir + QStringLiteral("/recordings");
    plan.startMs = startMs;
    plan.repeat = 60;
    QList<catalog::SegmentRecord> hour = buildArchive(catalog, clip, plan);
    QFile::remove(clip);
    if (hour.size() < 59) {
        qWarning("remuxing gave %d segments", int(hour.size()));
        return {};
    }
    return hour;
}

} // namespace vigil::test
