#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QMetaType>
#include <QtGlobal>

#include <memory>

struct AVPacket;

namespace vigil::media {

struct PacketFree;

/// One compressed frame of a camera's track, shared by every consumer that gets it (recorder,
/// live views, analytics) without copying, and never changed once made: a consumer that needs
/// other timestamps makes its own AVPacket from it. Cheap to copy (a reference).
class Packet
{
public:
    struct Info
    {
        int track = 0; ///< 0: video, 1: audio
        bool keyframe = false;
        qint64 pts = 0; ///< in the track's time base
        qint64 dts = 0;
        int timeBaseNum = 1;
        int timeBaseDen = 90000;
        qint64 wallMs = 0; ///< when it was captured, by the camera's clock or by arrival
        quint64 connectionId = 0; ///< the camera connection it came from
        /// Packets were lost just before this one (RTP sequence gap, a queue that dropped):
        /// a decoder waits for the next keyframe rather than decode from broken references.
        bool afterLoss = false;
    };

    Packet() = default;
    /// A packet holding a copy of `data` (an H.264/H.265 access unit in Annex B form, or an
    /// audio frame); null when memory runs out.
    static Packet fromData(QByteArrayView data, const Info& info);
    /// A packet that takes over `data` without copying it (a frame assembled by a reader);
    /// copies only when `data` is shared or has no room for libav's zeroed padding.
    static Packet adopt(QByteArray data, const Info& info);
    /// The zeroed bytes libav's parsers and decoders may read past a packet's end: room a
    /// reader keeps free in a frame it will `adopt`.
    static qsizetype padding();

    bool isNull() const { return !m_d; }
    const Info& info() const;
    QByteArrayView data() const;
    /// The libav packet, for core's readers, decoders and writers (read-only).
    const AVPacket* avPacket() const;

private:
    friend Packet packetFromAv(std::unique_ptr<AVPacket, PacketFree> packet, const Info& info);
    struct Data;
    std::shared_ptr<const Data> m_d;
};

} // namespace vigil::media

Q_DECLARE_METATYPE(vigil::media::Packet)
