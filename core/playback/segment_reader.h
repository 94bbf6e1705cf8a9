#pragma once

#include "core/catalog/keyframes.h"
#include "core/media/packet.h"
#include "core/media/video_decoder.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>

namespace vigil::playback {

/// A segment's video track, as its file describes it.
struct VideoTrack
{
    media::VideoDecoder::Codec codec = media::VideoDecoder::Codec::H264;
    QByteArray extradata; ///< the avcC/hvcC record: packets are length-prefixed, as stored
    QSize size;
    int timeBaseNum = 1;
    int timeBaseDen = 90000;

    bool operator==(const VideoTrack&) const = default;
};

/// A video packet read from a segment, with its time.
struct ArchivePacket
{
    media::Packet packet; ///< pts/dts in the track's time base
    qint64 offsetMs = 0; ///< presentation time after the segment's first frame
    qint64 fragment = 0; ///< the moof of the fragment that holds it
};

/// Reads the video of one recorded segment (fragmented MP4, as SegmentWriter writes it) from any
/// fragment on, through libavformat's MP4 demuxer, without reading what comes before.
///
/// The demuxer is given the file's header (ftyp, moov) followed directly by the fragment asked
/// for (a custom I/O context joins the two byte ranges): fragments carry their decode time
/// (tfdt) and data offsets relative to their moof, so it reads them as if they came first. A
/// seek costs one open of a few kilobytes of header, then only the fragments it plays; the
/// keyframe index in the catalog says where each keyframe's fragment starts.
///
/// A file being written is read as far as its fragments are complete; next() says "nothing
/// more yet" at the end of them, and reading on later finds what was added since.
class SegmentReader
{
    Q_DECLARE_TR_FUNCTIONS(vigil::playback::SegmentReader)

public:
    /// Opens `path` at the fragment that starts at byte `fragment` (0: the first). `firstPts`:
    /// the pts of the segment's first frame, when the caller knows it (else it is read from the
    /// first fragment).
    static Result<std::unique_ptr<SegmentReader>> open(
            const QString& path, qint64 fragment = 0, std::optional<qint64> firstPts = {});
    ~SegmentReader();

    SegmentReader(const SegmentReader&) = delete;
    SegmentReader& operator=(const SegmentReader&) = delete;

    const VideoTrack& video() const;
    qint64 firstPts() const;
    /// Milliseconds after the segment's first frame of a pts of the video track.
    qint64 offsetMsOf(qint64 pts) const;
    /// Packets carry this reader's session as their connection id; a reader opened again to
    /// read on where another stopped (a file that grew) takes over its session, so a decoder
    /// goes on without waiting for a keyframe.
    quint64 session() const;
    void continueSession(quint64 session);
    /// The next video packet in decode order; std::nullopt at the end of the complete fragments.
    Result<std::optional<ArchivePacket>> next();

    /// The keyframes of a segment whose index is not in the catalog yet (a file being written):
    /// read from its fragments, from the keyframe `after` on (its entry first; 0 from the start).
    static Result<QList<catalog::KeyframeEntry>> scanKeyframes(
            const QString& path, const catalog::KeyframeEntry& after = {});

private:
    struct Private;
    explicit SegmentReader(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace vigil::playback
