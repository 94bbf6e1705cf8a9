#include "core/media/packet.h"

#include "core/media/av_p.h"
#include "core/media/stream_tracks_p.h"

#include <cstring>

namespace vigil::media {

struct Packet::Data
{
    PacketPtr packet;
    Info info;
};

Packet Packet::fromData(QByteArrayView data, const Info& info)
{
    PacketPtr packet = allocPacket();
    if (!packet || av_new_packet(packet.get(), int(data.size())) < 0)
        return {};
    std::memcpy(packet->data, data.data(), size_t(data.size()));
    packet->pts = info.pts;
    packet->dts = info.dts;
    packet->stream_index = info.track;
    if (info.keyframe)
        packet->flags |= AV_PKT_FLAG_KEY;
    Packet p;
    p.m_d = std::make_shared<const Data>(Data {std::move(packet), info});
    return p;
}

Packet Packet::adopt(QByteArray data, const Info& info)
{
    const qsizetype size = data.size();
    if (!data.isDetached() || data.capacity() - size < padding())
        return fromData(data, info);
    PacketPtr packet = allocPacket();
    if (!packet)
        return {};
    // The padding is part of the array (resized within its capacity: no copy) and zeroed.
    data.resize(size + padding());
    std::memset(data.data() + size, 0, size_t(padding()));
    auto* owner = new QByteArray(std::move(data));
    packet->buf = av_buffer_create(
            reinterpret_cast<uint8_t*>(owner->data()), size_t(owner->size()),
            [](void* opaque, uint8_t*) { delete static_cast<QByteArray*>(opaque); }, owner, 0);
    if (!packet->buf) {
        delete owner;
        return {};
    }
    packet->data = packet->buf->data;
    packet->size = int(size);
    packet->pts = info.pts;
    packet->dts = info.dts;
    packet->stream_index = info.track;
    if (info.keyframe)
        packet->flags |= AV_PKT_FLAG_KEY;
    return packetFromAv(std::move(packet), info);
}

qsizetype Packet::padding()
{
    return AV_INPUT_BUFFER_PADDING_SIZE;
}

Packet packetFromAv(PacketPtr packet, const Packet::Info& info)
{
    if (!packet)
        return {};
    Packet p;
    p.m_d = std::make_shared<const Packet::Data>(Packet::Data {std::move(packet), info});
    return p;
}

const Packet::Info& Packet::info() const
{
    static const Info none;
    return m_d ? m_d->info : none;
}

QByteArrayView Packet::data() const
{
    if (!m_d)
        return {};
    return QByteArrayView(reinterpret_cast<const char*>(m_d->packet->data), m_d->packet->size);
}

const AVPacket* Packet::avPacket() const
{
    return m_d ? m_d->packet.get() : nullptr;
}

} // namespace vigil::media
