#pragma once

#include "core/recording/segment_file.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

struct AVCodecParameters;
struct AVPacket;

namespace vigil::recording {

/// A track to record: codec parameters from the camera's stream and the time base of its packets.
struct TrackSpec
{
    const AVCodecParameters* parameters = nullptr;
    int timeBaseNum = 1;
    int timeBaseDen = 90000;
    bool video = false;
};

/// Writes one fragmented-MP4 segment without re-encoding (remuxing, as FFmpeg's
/// doc/examples/remux.c): `ftyp`, an empty `moov` carrying the SegmentHeader, then a `moof`+`mdat`
/// fragment at every keyframe and at least every `fragmentMs`. Each fragment is written through to
/// the file as it completes, so a crash loses at most the fragment being built; finish() syncs
/// the file (fdatasync). A failed write (disk full, I/O error) cuts the file back to its last
/// complete fragment: what was written before is never damaged.
///
/// Not thread-safe: one writer thread uses it.
class SegmentWriter
{
    Q_DECLARE_TR_FUNCTIONS(vigil::recording::SegmentWriter)

public:
    /// Creates the file (never overwrites). The first packet written must be a video keyframe.
    static Result<std::unique_ptr<SegmentWriter>> create(const QString& path,
            const QList<TrackSpec>& tracks, const SegmentHeader& header, int fragmentMs = 1000);
    ~SegmentWriter();

    SegmentWriter(const SegmentWriter&) = delete;
    SegmentWriter& operator=(const SegmentWriter&) = delete;

    /// Writes a packet of `track` (an index into the tracks given to create()), timestamps in that
    /// track's time base. The packet is left to the caller.
    Result<void> write(AVPacket* packet, int track);
    /// Whether `packet` continues this file's timeline: false when the camera's time leapt by
    /// more than kMaxLeapMs, or went back by more than kMaxStepBackMs (the caller starts a new
    /// file). Packets from far before the file's start are dropped by write().
    bool continues(const AVPacket* packet, int track) const;

    /// Whether a track began after the file's first fragment (and is left out of this file): the
    /// caller ends the file at the next keyframe, so that the next one carries the track.
    bool wantsCut() const;
    static constexpr qint64 kMaxLeapMs = 5000;
    static constexpr qint64 kMaxStepBackMs = 1000;
    /// Completes the last fragment and the index, syncs and closes the file.
    Result<SegmentFacts> finish();
    /// After an error, or to drop the open fragment: cuts the file to its last complete fragment
    /// and closes it. What remains (durationMs 0 when nothing does).
    SegmentFacts abandon();

    QString path() const;
    qint64 durationMs() const;
    qint64 bytesWritten() const;

private:
    struct Private;
    explicit SegmentWriter(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace vigil::recording
