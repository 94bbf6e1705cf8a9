#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace vigil::media {

/// The top-level boxes of a fragmented MP4 file (`ftyp moov (moof mdat)* [mfra]`), as far as
/// they are complete: what a file being written, or torn by a crash, holds so far.
struct Mp4Layout
{
    /// The longest prefix that ends after a complete box, where every moof is followed by its
    /// complete mdat; 0 when not even ftyp+moov is whole.
    qint64 completeLength = 0;
    /// Offsets of every complete fragment's moof, in file order.
    QList<qint64> fragments;
    /// Where the header (ftyp, moov) ends: the first fragment's offset (0 when there is none).
    qint64 headerLength = 0;
};

struct Mp4Texts
{
    Q_DECLARE_TR_FUNCTIONS(vigil::media::Mp4Texts)
};

/// Walks the box headers of `path` (reads a few bytes per box, never the media).
Result<Mp4Layout> readMp4Layout(const QString& path);

} // namespace vigil::media
