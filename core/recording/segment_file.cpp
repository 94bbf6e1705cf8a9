#include "core/recording/segment_file.h"

#include "core/media/av_log.h"
#include "core/media/av_p.h"
#include "core/media/mp4_layout.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <unistd.h>

namespace vigil::recording {

using media::avErrorText;
using media::readMp4Layout;

QString SegmentHeader::encode() const
{
    const QJsonObject o {{QStringLiteral("vigil_segment"), 1},
            {QStringLiteral("camera_id"), cameraId}, {QStringLiteral("camera_uuid"), cameraUuid},
            {QStringLiteral("role"), role}, {QStringLiteral("start_ms"), startMs},
            {QStringLiteral("clock"), clockSource},
            {QStringLiteral("clock_offset_ms"), clockOffsetMs}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<SegmentHeader> SegmentHeader::decode(const QString& text)
{
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    if (o.value(QLatin1String("vigil_segment")).toInt() != 1)
        return std::nullopt;
    SegmentHeader h;
    h.cameraId = o.value(QLatin1String("camera_id")).toInteger();
    h.cameraUuid = o.value(QLatin1String("camera_uuid")).toString();
    h.role = o.value(QLatin1String("role")).toString();
    h.startMs = o.value(QLatin1String("start_ms")).toInteger();
    h.clockSource = o.value(QLatin1String("clock")).toString();
    h.clockOffsetMs = o.value(QLatin1String("clock_offset_ms")).toInteger();
    if (h.cameraId <= 0 || (h.role != QLatin1String("main") && h.role != QLatin1String("sub"))
            || h.startMs <= 0)
        return std::nullopt;
    if (h.clockSource != QLatin1String("rtcp"))
        h.clockSource = QStringLiteral("arrival");
    return h;
}

Result<qint64> SegmentFile::completeLength(const QString& path)
{
    Result<media::Mp4Layout> walk = readMp4Layout(path);
    if (!walk)
        return walk.error();
    return walk->completeLength;
}

Result<QList<qint64>> SegmentFile::fragmentOffsets(const QString& path)
{
    Result<media::Mp4Layout> walk = readMp4Layout(path);
    if (!walk)
        return walk.error();
    return walk->fragments;
}

Result<qint64> SegmentFile::truncateToCompleteFragments(const QString& path)
{
    const Result<qint64> length = completeLength(path);
    if (!length)
        return length.error();
    QFile file(path);
    if (file.size() == length.value())
        return length.value();
    if (!file.resize(length.value()))
        return Error {Error::Code::Io, tr("Cannot repair the recording \"%1\".").arg(path),
                file.errorString()};
    if (file.open(QIODevice::ReadWrite)) {
        ::fdatasync(file.handle());
        file.close();
    }
    return length.value();
}

Result<SegmentFacts> SegmentFile::scan(const QString& path)
{
    const Result<media::Mp4Layout> walk = readMp4Layout(path);
    if (!walk)
        return walk.error();
    const Error unreadable {Error::Code::Corrupt,
            tr("The recording \"%1\" cannot be read; it is not a Vigil segment or it is damaged.")
                    .arg(path),
            {}};
    if (walk->fragments.isEmpty())
        return unreadable;

    media::limitAvAllocations(); // a damaged index must not take the memory
    AVFormatContext* opened = nullptr;
    const QByteArray nativePath = QFile::encodeName(path);
    if (const int rc = avformat_open_input(&opened, nativePath.constData(), nullptr, nullptr);
            rc < 0)
        return Error {unreadable.code, unreadable.message, avErrorText(rc)};
    const media::InputPtr owner(opened);
    AVFormatContext* input = owner.get();

    SegmentFacts facts;
    const AVDictionaryEntry* comment = av_dict_get(input->metadata, "comment", nullptr, 0);
    const std::optional<SegmentHeader> header
            = comment ? SegmentHeader::decode(QString::fromUtf8(comment->value)) : std::nullopt;
    if (!header)
        return Error {unreadable.code, unreadable.message, QStringLiteral("no Vigil header")};
    facts.header = *header;
    int video = -1;
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        const AVCodecParameters* par = input->streams[i]->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && video < 0) {
            video = int(i);
            facts.codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
            facts.width = par->width;
            facts.height = par->height;
        } else if (par->codec_type == AVMEDIA_TYPE_AUDIO) {
            facts.hasAudio = true;
        } else {
            input->streams[i]->discard = AVDISCARD_ALL;
        }
    }
    if (video < 0)
        return Error {unreadable.code, unreadable.message, QStringLiteral("no video track")};

    const AVRational timeBase = input->streams[video]->time_base;
    const AVRational ms {1, 1000};
    qint64 firstPts = std::numeric_limits<qint64>::max();
    qint64 endPts = std::numeric_limits<qint64>::min();
    struct RawKey
    {
        qint64 pts;
        qint64 pos;
    };
    QList<RawKey> keys;
    const media::PacketPtr owned = media::allocPacket();
    AVPacket* packet = owned.get();
    while (av_read_frame(input, packet) >= 0) {
        if (packet->stream_index == video && packet->pts != AV_NOPTS_VALUE) {
            firstPts = std::min<qint64>(firstPts, packet->pts);
            endPts = std::max<qint64>(endPts, packet->pts + packet->duration);
            if (packet->flags & AV_PKT_FLAG_KEY)
                keys << RawKey {packet->pts, packet->pos};
        }
        av_packet_unref(packet);
    }
    if (endPts < firstPts)
        return Error {unreadable.code, unreadable.message, QStringLiteral("no video frames")};
    facts.durationMs = av_rescale_q(endPts - firstPts, timeBase, ms);
    for (const RawKey& k : keys) {
        // The fragment that holds the keyframe's sample: the last moof before its data.
        const auto it = std::upper_bound(walk->fragments.cbegin(), walk->fragments.cend(), k.pos);
        const qint64 moof = it == walk->fragments.cbegin() ? walk->fragments.first() : *(it - 1);
        facts.keyframes << KeyframeEntry {
                qint32(av_rescale_q(k.pts - firstPts, timeBase, ms)), moof};
    }
    facts.bytes = QFileInfo(path).size();
    return facts;
}

} // namespace vigil::recording
