#pragma once

#include <QByteArray>
#include <QList>

namespace vigil::catalog {

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
/// multiple of 12, which a compact blob's never is (catalog version 5 rewrote them all).
QByteArray packKeyframes(const QList<KeyframeEntry>& keyframes);
QList<KeyframeEntry> unpackKeyframes(const QByteArray& blob);
/// A blob of the first format in the compact one; any other blob as it is.
QByteArray compactKeyframes(const QByteArray& blob);

} // namespace vigil::catalog
