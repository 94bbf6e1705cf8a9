#include "core/control/control_protocol.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QtEndian>

#include <cstring>

namespace vigil::control {

QJsonObject loginRequest(const Credentials& credentials)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("login")},
            {QStringLiteral("user"), credentials.login},
            {QStringLiteral("password"), credentials.password}};
}

QByteArray encodeMessage(const QJsonObject& message)
{
    const QByteArray payload = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray frame(5, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size() + 1), frame.data());
    frame[4] = char(FrameKind::Message);
    return frame + payload;
}

QByteArray encodePacket(quint32 subscription, const media::Packet& packet)
{
    const media::Packet::Info& info = packet.info();
    const QByteArrayView data = packet.data();
    constexpr int kHeader = 4 + 1 + 1 + 8 + 8 + 4 + 4 + 8 + 8;
    QByteArray frame(5 + kHeader + data.size(), Qt::Uninitialized);
    char* p = frame.data();
    qToBigEndian<quint32>(quint32(1 + kHeader + data.size()), p);
    p[4] = char(FrameKind::Packet);
    p += 5;
    qToBigEndian<quint32>(subscription, p);
    p[4] = char(info.track);
    p[5] = char((info.keyframe ? 1 : 0) | (info.afterLoss ? 2 : 0));
    qToBigEndian<qint64>(info.pts, p + 6);
    qToBigEndian<qint64>(info.dts, p + 14);
    qToBigEndian<qint32>(info.timeBaseNum, p + 22);
    qToBigEndian<qint32>(info.timeBaseDen, p + 26);
    qToBigEndian<qint64>(info.wallMs, p + 30);
    qToBigEndian<quint64>(info.connectionId, p + 38);
    if (!data.isEmpty())
        std::memcpy(p + kHeader, data.data(), size_t(data.size()));
    return frame;
}

namespace {

std::optional<Frame> decodePacket(QByteArrayView payload)
{
    constexpr int kHeader = 4 + 1 + 1 + 8 + 8 + 4 + 4 + 8 + 8;
    if (payload.size() <= kHeader)
        return std::nullopt;
    const char* p = payload.data();
    Frame f;
    f.kind = FrameKind::Packet;
    f.subscription = qFromBigEndian<quint32>(p);
    media::Packet::Info info;
    info.track = quint8(p[4]);
    info.keyframe = (p[5] & 1) != 0;
    info.afterLoss = (p[5] & 2) != 0;
    info.pts = qFromBigEndian<qint64>(p + 6);
    info.dts = qFromBigEndian<qint64>(p + 14);
    info.timeBaseNum = qFromBigEndian<qint32>(p + 22);
    info.timeBaseDen = qFromBigEndian<qint32>(p + 26);
    info.wallMs = qFromBigEndian<qint64>(p + 30);
    info.connectionId = qFromBigEndian<quint64>(p + 38);
    if (info.timeBaseNum <= 0 || info.timeBaseDen <= 0)
        return std::nullopt;
    f.packet = media::Packet::fromData(payload.sliced(kHeader), info);
    if (f.packet.isNull())
        return std::nullopt;
    return f;
}

} // namespace

QList<QJsonObject> FrameReader::feed(const QByteArray& bytes)
{
    QList<QJsonObject> messages;
    for (Frame& f : feedFrames(bytes)) {
        if (f.kind == FrameKind::Message)
            messages << std::move(f.message);
    }
    return messages;
}

QList<Frame> FrameReader::feedFrames(const QByteArray& bytes)
{
    QList<Frame> frames;
    if (!m_error.isEmpty())
        return frames;
    m_buffer += bytes;
    qsizetype at = 0;
    const quint32 limit = m_acceptPackets ? kMaxPacketFrameBytes : kMaxFrameBytes;
    while (m_buffer.size() - at >= 4) {
        const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + at);
        // The length alone is judged as soon as it arrives; the kind's own limit with the kind.
        const bool kindKnown = m_buffer.size() - at >= 5;
        const quint8 kind = kindKnown ? quint8(m_buffer.at(at + 4)) : 0;
        const quint32 kindLimit
                = !kindKnown || kind == quint8(FrameKind::Packet) ? limit : kMaxFrameBytes;
        if (length == 0 || length > kindLimit) {
            m_error = tr("A message of %1 bytes was refused (the most is %2).")
                              .arg(length)
                              .arg(kindLimit);
            break;
        }
        if (!kindKnown || m_buffer.size() - at - 4 < qsizetype(length))
            break; // the rest has not arrived yet
        const QByteArrayView payload(m_buffer.constData() + at + 5, length - 1);
        at += 4 + length;
        if (kind == quint8(FrameKind::Packet) && m_acceptPackets) {
            std::optional<Frame> packet = decodePacket(payload);
            if (!packet) {
                m_error = tr("A live packet that cannot be read was refused.");
                break;
            }
            frames << std::move(*packet);
            continue;
        }
        if (kind != quint8(FrameKind::Message)) {
            m_error = tr("A frame of unknown kind %1 was refused.").arg(kind);
            break;
        }
        QJsonParseError parse;
        const QJsonDocument document = QJsonDocument::fromJson(payload.toByteArray(), &parse);
        if (parse.error != QJsonParseError::NoError || !document.isObject()
                || !document.object().value(QLatin1String("type")).isString()) {
            m_error = tr("A message that is not a JSON object with a type was refused.");
            break;
        }
        Frame f;
        f.message = document.object();
        frames << std::move(f);
    }
    if (!m_error.isEmpty())
        m_buffer.clear();
    else
        m_buffer.remove(0, at);
    return frames;
}

QString socketPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("recorder.sock"));
}

} // namespace vigil::control
