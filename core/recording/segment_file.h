#pragma once

#include "core/catalog/keyframes.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::recording {

using catalog::KeyframeEntry;
using catalog::packKeyframes;
using catalog::unpackKeyframes;

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
};

} // namespace vigil::recording
