#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::recording {

/// A keyframe inside a segment: its time from the segment start and the byte offset of the
/// fragment (moof) that begins with it, so a player can seek without scanning the file.
struct KeyframeEntry
{
    qint32 offsetMs = 0;
    qint64 bytePos = 0;

    bool operator==(const KeyframeEntry&) const = default;
};

/// The catalog's `segments.keyframes` blob: 0xfe, the number of entries, then per entry, as
/// zigzag varints, the change of the offset_ms step and the byte_pos step from the previous
/// entry — about 4 bytes a keyframe instead of 12. A blob of the first format (little-endian int32
/// offset_ms + int64 byte_pos per entry, catalogs before version 4) is still read: its size is a
/// multiple of 12, which a compact blob's never is.
QByteArray packKeyframes(const QList<KeyframeEntry>& keyframes);
QList<KeyframeEntry> unpackKeyframes(const QByteArray& blob);

/// What a segment file says about itself, so the index can be rebuilt from the files alone.
/// Written as JSON in the MP4 `comment` tag of the (empty) moov box at the start of the file.
struct SegmentHeader
{
    qint64 cameraId = 0;
    QString cameraUuid;
    QString role; ///< "main" or "sub"
    qint64 startMs = 0; ///< UTC wall-clock time of the first frame
    QString clockSource; ///< "rtcp" or "arrival"
    qint64 clockOffsetMs = 0; ///< camera clock (RTCP) minus arrival time, when known

    QString encode() const;
    static std::optional<SegmentHeader> decode(const QString& text);
};

/// A segment as read back from its file.
struct SegmentFacts
{
    SegmentHeader header;
    qint64 durationMs = 0;
    qint64 bytes = 0;
    QString codec;
    int width = 0;
    int height = 0;
    bool hasAudio = false;
    QList<KeyframeEntry> keyframes;
};

/// Fragmented-MP4 segment files: `ftyp moov (moof mdat)* [mfra]`.
class SegmentFile
{
    Q_DECLARE_TR_FUNCTIONS(vigil::recording::SegmentFile)

public:
    /// Walks the top-level boxes and returns the length of the longest prefix that ends after a
    /// complete box, where every moof is followed by its complete mdat (a torn last fragment, as
    /// left by a crash or a full disk, is outside the prefix). 0 when not even ftyp+moov is whole.
    static Result<qint64> completeLength(const QString& path);
    /// Offsets of every complete moof box, in file order.
    static Result<QList<qint64>> fragmentOffsets(const QString& path);
    /// Cuts a torn tail off: the file keeps its complete fragments. Returns the new size.
    static Result<qint64> truncateToCompleteFragments(const QString& path);
    /// Reads a (complete) segment with libavformat: header, duration, codec, keyframes.
    static Result<SegmentFacts> scan(const QString& path);
    /// File name for a segment of `role` starting at `startMs`: `main_20261129T071500.123Z.mp4`.
    static QString fileName(const QString& role, qint64 startMs);
};

} // namespace vigil::recording
