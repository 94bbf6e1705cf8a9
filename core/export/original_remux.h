#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace vigil::evidence {

/// One recorded file of a camera's stream, with its UTC span (catalog::SegmentRecord's).
struct SourceSegment
{
    QString path; ///< absolute
    qint64 startMs = 0;
    qint64 endMs = 0;
};

/// What a remux wrote.
struct RemuxResult
{
    qint64 firstFrameMs = 0; ///< UTC time of the first frame (the keyframe at or before `from`)
    qint64 lastFrameMs = 0; ///< UTC time of the last frame
    qint64 videoPackets = 0;
    qint64 audioPackets = 0;
    int width = 0;
    int height = 0;
    QString codec;
};

/// A camera's recorded packets over a time range, joined into one MP4 without re-encoding: the
/// video is bit for bit what the camera sent. It starts at the keyframe at or before `fromMs` (a
/// file that starts on a frame that cannot be decoded helps no one) and ends with the last frame
/// before `toMs`. Times follow the recording: a gap in it stays a gap (the last frame holds), and
/// the first frame's UTC time is the file's creation_time.
///
/// The same segments and range give the same bytes (the muxer runs bit-exact): an original can be
/// made again from the archive and compared with a package's hash.
class OriginalRemux
{
    Q_DECLARE_TR_FUNCTIONS(vigil::evidence::OriginalRemux)

public:
    /// Called with the share done (0…1); returning false cancels (the output is removed).
    using Progress = std::function<bool(double)>;

    static Result<RemuxResult> run(const QList<SourceSegment>& segments, qint64 fromMs, qint64 toMs,
            const QString& outPath, const Progress& progress = {});
};

} // namespace vigil::evidence
