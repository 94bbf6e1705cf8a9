#pragma once

// A bare RTSP client for tests that look at the packets themselves (RTCP sender reports …).

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QUrl>

namespace vigil::test {

/// A bare RTSP exchange over one TCP connection (no auth), for looking at the interleaved packets.
class RtspSession
{
public:
    bool open(const QString& url)
    {
        m_url = url;
        const QUrl u(url);
        m_socket.connectToHost(u.host(), quint16(u.port()));
        if (!m_socket.waitForConnected(5000)
                || request("DESCRIBE", url, "Accept: application/sdp\r\n").isEmpty())
            return false;
        const QByteArray setup = request("SETUP", url + QStringLiteral("/stream=0"),
                "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n");
        const qsizetype at = setup.indexOf("Session: ");
        if (at < 0)
            return false;
        const QByteArray session = setup.mid(at + 9).split('\r').value(0).split(';').value(0);
        return !request("PLAY", url, "Session: " + session + "\r\nRange: npt=0-\r\n").isEmpty();
    }

    /// The next interleaved packet on `channel`, or empty after `timeoutMs`.
    QByteArray nextPacket(int channel, int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            while (m_buffer.size() >= 4) {
                if (m_buffer.at(0) != '$') {
                    m_buffer.remove(0, 1);
                    continue;
                }
                const int length = (quint8(m_buffer.at(2)) << 8) | quint8(m_buffer.at(3));
                if (m_buffer.size() < 4 + length)
                    break;
                const int ch = quint8(m_buffer.at(1));
                const QByteArray packet = m_buffer.mid(4, length);
                m_buffer.remove(0, 4 + length);
                if (ch == channel)
                    return packet;
            }
            if (m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                m_buffer += m_socket.readAll();
        }
        return {};
    }

private:
    QByteArray request(const QByteArray& method, const QString& target, const QByteArray& headers)
    {
        m_socket.write(method + ' ' + target.toUtf8()
                + " RTSP/1.0\r\nCSeq: " + QByteArray::number(++m_cseq) + "\r\n" + headers + "\r\n");
        QDeadlineTimer deadline(10000);
        while (!m_buffer.contains("\r\n\r\n") && !deadline.hasExpired()) {
            if (m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                m_buffer += m_socket.readAll();
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return {};
        const QByteArray head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        const qsizetype cl = head.indexOf("Content-Length: ");
        const int length = cl < 0 ? 0 : head.mid(cl + 16).split('\r').value(0).toInt();
        while (m_buffer.size() < length && m_socket.waitForReadyRead(5000))
            m_buffer += m_socket.readAll();
        m_buffer.remove(0, length);
        return head.startsWith("RTSP/1.0 200") ? head : QByteArray();
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QString m_url;
    int m_cseq = 0;
};

} // namespace vigil::test
