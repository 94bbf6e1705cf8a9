#pragma once

// For core's .cpp files that write evidence MP4s (the original remux, the redaction renderer):
// one way to open, start and finish them (private: it exposes libav).

#include "core/media/av_p.h"

#include <QFile>
#include <QString>

namespace vigil::evidence {

/// Opens `path` for `out` (its streams added) and writes the header: bit-exact (no library
/// versions in the file, the same input gives the same bytes) and the index first (faststart:
/// players and browsers start at once). A libav error code, 0 when it worked.
inline int startEvidenceMp4(AVFormatContext* out, media::IoContextPtr& io, const QString& path)
{
    out->flags |= AVFMT_FLAG_BITEXACT;
    AVIOContext* raw = nullptr;
    int rc = avio_open(&raw, QFile::encodeName(path).constData(), AVIO_FLAG_WRITE);
    if (rc < 0)
        return rc;
    io.reset(raw);
    out->pb = raw;
    AVDictionary* options = nullptr;
    av_dict_set(&options, "movflags", "+faststart", 0);
    av_dict_set(&options, "fflags", "+bitexact", 0);
    rc = avformat_write_header(out, &options);
    av_dict_free(&options);
    return rc;
}

/// Writes the trailer and closes the file; a libav error code, 0 when it worked.
inline int finishEvidenceMp4(AVFormatContext* out, media::IoContextPtr& io)
{
    const int rc = av_write_trailer(out);
    AVIOContext* raw = io.release();
    out->pb = nullptr;
    const int closed = avio_closep(&raw);
    return rc < 0 ? rc : closed;
}

} // namespace vigil::evidence
