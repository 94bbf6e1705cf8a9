#include "core/media/mp4_layout.h"

#include <QFile>
#include <QtEndian>

namespace vigil::media {

Result<Mp4Layout> readMp4Layout(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io, Mp4Texts::tr("Cannot read the recording \"%1\".").arg(path),
                file.errorString()};
    const qint64 size = file.size();
    Mp4Layout layout;
    qint64 pos = 0;
    qint64 pendingMoof = -1;
    bool sawMoov = false;
    while (pos + 8 <= size) {
        if (!file.seek(pos))
            break;
        uchar header[16];
        if (file.read(reinterpret_cast<char*>(header), 8) != 8)
            break;
        quint64 boxSize = qFromBigEndian<quint32>(header);
        const QByteArray type(reinterpret_cast<const char*>(header + 4), 4);
        if (boxSize == 1) {
            if (file.read(reinterpret_cast<char*>(header + 8), 8) != 8)
                break;
            boxSize = qFromBigEndian<quint64>(header + 8);
        } else if (boxSize == 0) {
            boxSize = quint64(size - pos); // "to the end of the file"
        }
        if (boxSize < 8 || boxSize > quint64(size - pos))
            break; // torn or garbage: the complete part ends here
        if (type == "moov") {
            sawMoov = true;
        } else if (type == "moof") {
            pendingMoof = pos;
        } else if (type == "mdat" && pendingMoof >= 0) {
            if (layout.fragments.isEmpty())
                layout.headerLength = pendingMoof;
            layout.fragments << pendingMoof;
            pendingMoof = -1;
        }
        pos += qint64(boxSize);
        if (sawMoov && pendingMoof < 0)
            layout.completeLength = pos;
    }
    return layout;
}

} // namespace vigil::media
