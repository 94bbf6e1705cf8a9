// libFuzzer harness: a file in the recordings folder, through the fragmented-MP4 box walker, the
// repair cut and the scanner that rebuilds the index (libavformat reads it; Vigil reads its header
// and keyframes), with the promises repair relies on.
#include "core/recording/segment_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" {
#include <libavutil/log.h>
}

using namespace vigil::recording;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    av_log_set_level(AV_LOG_QUIET);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/vigil-fuzz-segment-XXXXXX"));
    const QString path = dir.path() + QStringLiteral("/main_20261129T120000.000Z.mp4");
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            std::abort();
        file.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    const qint64 fileSize = qint64(size);
    const auto complete = SegmentFile::completeLength(path);
    const auto fragments = SegmentFile::fragmentOffsets(path);
    if (!complete || !fragments)
        std::abort(); // the file exists and is readable
    if (complete.value() < 0 || complete.value() > fileSize)
        std::abort();
    // Fragments lie inside the complete prefix, unless the header itself is damaged (no
    // complete prefix at all: repair then keeps the file in quarantine, it never cuts it).
    for (const qint64 offset : fragments.value()) {
        if (offset < 0 || (complete.value() > 0 && offset >= complete.value()))
            std::abort();
    }
    (void)SegmentFile::scan(path);
    // Repair only ever cuts the file back to its complete prefix, which then reads whole.
    const auto cut = SegmentFile::truncateToCompleteFragments(path);
    if (!cut || cut.value() != complete.value() || QFileInfo(path).size() != complete.value())
        std::abort();
    const auto again = SegmentFile::completeLength(path);
    if (!again || again.value() != complete.value())
        std::abort();
    (void)SegmentFile::scan(path);
    const QByteArray raw
            = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)SegmentHeader::decode(QString::fromUtf8(raw));
    (void)unpackKeyframes(raw);
    return 0;
}
