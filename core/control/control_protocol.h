#pragma once

#include "core/media/packet.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::control {

/// The recorder's local control protocol. A stream of frames, each:
///   uint32 big-endian length of what follows (kind + payload), at most kMaxFrameBytes
///   uint8  kind: 1 = a message (a UTF-8 JSON object), 2 = a live packet (recorder to client)
///   payload
/// A live packet's payload: uint32 subscription, uint8 track, uint8 flags (1 keyframe, 2 after a
/// loss), int64 pts, int64 dts, int32 time base numerator and denominator, int64 wall-clock ms,
/// uint64 connection id (all big-endian), then the compressed frame.
/// Every message has "type"; a request may carry "id", which its reply repeats. The first
/// message each way is "hello" with "protocol": the version both speak (kProtocolVersion).
/// Nothing in it assumes a local peer (paths the client must open are an optimisation only),
/// so the same protocol can later run over TCP with TLS.
constexpr int kProtocolVersion = 1;
constexpr quint32 kMaxFrameBytes = 1024 * 1024;
/// A live packet may be larger: a 4K keyframe (the recorder drops frames over 16 MiB).
constexpr quint32 kMaxPacketFrameBytes = 17 * 1024 * 1024;

enum class FrameKind : quint8 { Message = 1, Packet = 2 };

/// A Vigil user's login for the recorder's control channel. Kept in memory only, to log in again
/// when the recorder restarts; empty in the setup mode (no administrator yet: no login).
struct Credentials
{
    QString login;
    QString password;

    bool isEmpty() const { return login.isEmpty(); }
};

/// The "login" request of `credentials`.
QJsonObject loginRequest(const Credentials& credentials);

/// One frame ready to be written: a message.
QByteArray encodeMessage(const QJsonObject& message);
/// One frame ready to be written: a packet of a live subscription.
QByteArray encodePacket(quint32 subscription, const media::Packet& packet);

/// A frame as read.
struct Frame
{
    FrameKind kind = FrameKind::Message;
    QJsonObject message; ///< kind Message
    quint32 subscription = 0; ///< kind Packet
    media::Packet packet; ///< kind Packet
};

/// Splits a byte stream into messages. A frame longer than kMaxFrameBytes, of an unknown kind,
/// or a payload that is not a JSON object is an error: the stream cannot be trusted after it.
class FrameReader
{
    Q_DECLARE_TR_FUNCTIONS(vigil::control::FrameReader)

public:
    FrameReader() = default;
    /// `acceptPackets`: live packets are expected (a client's reader); a recorder refuses them.
    explicit FrameReader(bool acceptPackets)
        : m_acceptPackets(acceptPackets)
    { }
    /// Appends what arrived; returns the complete messages (none while a frame is incomplete).
    /// Packets, if any, are dropped: read with feedFrames().
    QList<QJsonObject> feed(const QByteArray& bytes);
    /// Appends what arrived; returns the complete frames, in order.
    QList<Frame> feedFrames(const QByteArray& bytes);
    /// Why the stream was refused; empty while it is sound.
    QString error() const { return m_error; }

private:
    QByteArray m_buffer;
    QString m_error;
    bool m_acceptPackets = false;
};

/// The socket name of the recorder of a data folder (a file in it, mode 0770 on Unix).
QString socketPath(const QString& dataDir);

} // namespace vigil::control
