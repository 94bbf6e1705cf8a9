#pragma once

// A scripted RTSP server on 127.0.0.1 that plays a broken or hostile camera: it answers each
// request with what the test says, keeps every request it received, and after PLAY can push
// whatever bytes the test makes (RTP interleaved on the connection, or anything else).

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <functional>
#include <memory>

namespace vigil::test {

class HostileRtspServer : public QObject
{
public:
    /// The bytes to answer a request with ("" closes the connection).
    using Answer = std::function<QByteArray(const QByteArray& method, const QByteArray& cseq)>;
    /// After PLAY, called whenever the connection has room: bytes to send, "" to pause a little.
    using Stream = std::function<QByteArray()>;

    HostileRtspServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url(const QString& path = QStringLiteral("/stream")) const
    {
        return QStringLiteral("rtsp://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }

    Answer answer = [](const QByteArray& method, const QByteArray& cseq) {
        return honestAnswer(method, cseq);
    };
    Stream stream;

    /// Every request's head, in arrival order.
    QList<QByteArray> requests;
    int count(const QByteArray& method) const
    {
        int n = 0;
        for (const QByteArray& r : requests)
            n += r.startsWith(QByteArray(method + ' ')) ? 1 : 0;
        return n;
    }
    qint64 streamedBytes = 0;
    /// Of everything written (answers and stream), what has left for the kernel's socket.
    qint64 deliveredBytes = 0;
    qint64 writtenBytes = 0;

    static QByteArray reply(const QByteArray& cseq, const QByteArray& headers = {},
            const QByteArray& body = {}, const QByteArray& status = "200 OK")
    {
        return "RTSP/1.0 " + status + "\r\nCSeq: " + cseq + "\r\n" + headers
                + (body.isEmpty() ? QByteArray()
                                  : "Content-Length: " + QByteArray::number(body.size()) + "\r\n")
                + "\r\n" + body;
    }

    /// What a plain H.264 camera answers.
    static QByteArray honestAnswer(const QByteArray& method, const QByteArray& cseq)
    {
        if (method == "DESCRIBE")
            return reply(cseq, "Content-Type: application/sdp\r\n",
                    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=hostile\r\nt=0 0\r\n"
                    "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:track1\r\n");
        if (method == "SETUP")
            return reply(cseq,
                    "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\nSession: "
                    "4242;timeout=60\r\n");
        return reply(cseq, method == "PLAY" ? "Session: 4242\r\n" : QByteArray());
    }

    /// One RTP packet (H.264, payload type 96) interleaved on channel 0.
    static QByteArray rtp(quint16 seq, quint32 timestamp, bool marker, const QByteArray& payload)
    {
        QByteArray packet(12, '\0');
        packet[0] = char(0x80);
        packet[1] = char((marker ? 0x80 : 0) | 96);
        qToBigEndian<quint16>(seq, packet.data() + 2);
        qToBigEndian<quint32>(timestamp, packet.data() + 4);
        qToBigEndian<quint32>(0x1234abcd, packet.data() + 8);
        packet += payload;
        QByteArray frame(4, '\0');
        frame[0] = '$';
        frame[1] = 0;
        qToBigEndian<quint16>(quint16(packet.size()), frame.data() + 2);
        return frame + packet;
    }

    /// Makes the RTP packets of access unit `index` (the running sequence number goes on).
    using FramePackets = std::function<QByteArray(
            qsizetype index, const QList<QByteArray>& unit, quint16& seq)>;

    /// After PLAY, streams `units` in real time at `fps`, each made into packets by `packets`;
    /// framesSent counts them.
    void playAtFps(const QList<QList<QByteArray>>& units, int fps, FramePackets packets)
    {
        auto seq = std::make_shared<quint16>(0);
        auto clock = std::make_shared<QElapsedTimer>();
        stream = [this, units, fps, packets, seq, clock]() -> QByteArray {
            if (!clock->isValid())
                clock->start();
            if (framesSent >= units.size() || clock->elapsed() < framesSent * 1000 / fps)
                return {};
            const qsizetype index = framesSent++;
            return packets(index, units.at(index), *seq);
        };
    }
    qsizetype framesSent = 0;

    /// An Annex B H.264 stream cut into access units, each a list of NAL units (parameter sets
    /// and SEI stay with the slice that follows them; one slice per picture, as the simulator's
    /// footage has).
    static QList<QList<QByteArray>> accessUnits(const QByteArray& annexB)
    {
        QList<qsizetype> starts;
        for (qsizetype i = 0; i + 3 < annexB.size(); ++i) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1)
                starts << i + 3;
        }
        QList<QList<QByteArray>> units;
        QList<QByteArray> unit;
        for (qsizetype n = 0; n < starts.size(); ++n) {
            qsizetype end = n + 1 < starts.size() ? starts[n + 1] - 3 : annexB.size();
            if (n + 1 < starts.size() && end > starts[n] && annexB[end - 1] == 0)
                --end; // a four-byte start code
            const QByteArray nal = annexB.mid(starts[n], end - starts[n]);
            if (nal.isEmpty())
                continue;
            unit << nal;
            const int type = nal[0] & 0x1f;
            if (type == 1 || type == 5) {
                units << unit;
                unit.clear();
            }
        }
        return units;
    }

    /// RTP packets (single NAL units, or FU-A fragments of 1400 bytes) for one access unit.
    static QByteArray packetize(const QList<QByteArray>& nals, quint16& seq, quint32 timestamp)
    {
        QByteArray out;
        for (qsizetype n = 0; n < nals.size(); ++n) {
            const QByteArray& nal = nals[n];
            const bool last = n + 1 == nals.size();
            if (nal.size() <= 1400) {
                out += rtp(seq++, timestamp, last, nal);
                continue;
            }
            for (qsizetype at = 1; at < nal.size(); at += 1400) {
                const bool first = at == 1;
                const bool end = at + 1400 >= nal.size();
                QByteArray payload(2, '\0');
                payload[0] = char((nal[0] & 0xe0) | 28);
                payload[1] = char((first ? 0x80 : 0) | (end ? 0x40 : 0) | (nal[0] & 0x1f));
                payload += nal.mid(at, 1400);
                out += rtp(seq++, timestamp, last && end, payload);
            }
        }
        return out;
    }

private:
    void serve(QTcpSocket* socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        auto streaming = std::make_shared<bool>(false);
        const auto pump = [this, socket, streaming] {
            while (*streaming && stream && socket->state() == QAbstractSocket::ConnectedState
                    && socket->bytesToWrite() < 4 * 1024 * 1024) {
                const QByteArray bytes = stream();
                if (bytes.isEmpty())
                    break;
                streamedBytes += bytes.size();
                writtenBytes += bytes.size();
                socket->write(bytes);
            }
        };
        auto* timer = new QTimer(socket);
        timer->setInterval(5);
        connect(timer, &QTimer::timeout, socket, pump);
        connect(socket, &QTcpSocket::bytesWritten, socket, [this, pump](qint64 bytes) {
            deliveredBytes += bytes;
            pump();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, streaming, timer] {
            *buffer += socket->readAll();
            for (qsizetype end; (end = buffer->indexOf("\r\n\r\n")) >= 0;) {
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                requests << head;
                const QByteArray method = head.left(head.indexOf(' '));
                QByteArray cseq;
                for (const QByteArray& line : head.split('\n')) {
                    if (line.toLower().startsWith("cseq:"))
                        cseq = line.mid(5).trimmed();
                }
                const QByteArray bytes = answer(method, cseq);
                if (bytes.isEmpty()) {
                    socket->disconnectFromHost();
                    return;
                }
                writtenBytes += bytes.size();
                socket->write(bytes);
                if (method == "PLAY" && bytes.startsWith("RTSP/1.0 200") && stream) {
                    *streaming = true;
                    timer->start();
                }
            }
        });
    }

    QTcpServer m_server;
};

} // namespace vigil::test
