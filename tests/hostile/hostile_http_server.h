#pragma once

// A scripted HTTP server on 127.0.0.1 that plays a broken or hostile ONVIF device: every request
// is kept, and answered with what the test says.

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>

namespace vigil::test {

class HostileHttpServer : public QObject
{
public:
    struct Request
    {
        QByteArray head;
        QByteArray body;
    };
    /// The whole HTTP answer to send for a request ("" closes the connection).
    using Answer = std::function<QByteArray(const Request& request)>;

    HostileHttpServer()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    bool listen(const QHostAddress& address = QHostAddress::LocalHost)
    {
        return m_server.listen(address, 0);
    }
    QString url(const QString& path = QStringLiteral("/onvif/device_service")) const
    {
        return QStringLiteral("http://%1:%2%3")
                .arg(m_server.serverAddress().toString())
                .arg(m_server.serverPort())
                .arg(path);
    }

    static QByteArray response(const QByteArray& status, const QByteArray& body,
            const QByteArray& type = "application/soap+xml; charset=utf-8")
    {
        return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }

    /// A SOAP 1.2 fault with an ONVIF subcode (say "ter:NotAuthorized").
    static QByteArray soapFault(const QByteArray& subcode, const QByteArray& reason)
    {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope "
               "xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
               "xmlns:ter=\"http://www.onvif.org/ver10/error\"><s:Body><s:Fault><s:Code><s:Value>"
               "s:Sender</s:Value><s:Subcode><s:Value>"
                + subcode + "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">"
                + reason + "</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>";
    }

    Answer answer;
    /// When set, every request is answered 200 with a body made of what this returns, for as
    /// long as the client reads ("" ends it), after the headers in endlessHeaders.
    std::function<QByteArray()> endlessBody;
    QByteArray endlessHeaders = "Connection: close\r\n";
    QList<Request> requests;
    qint64 streamedBytes = 0;

private:
    void serve(QTcpSocket* socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request request;
            request.head = buffer->left(end);
            qsizetype length = 0;
            for (const QByteArray& line : request.head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer->size() < end + 4 + length)
                return;
            request.body = buffer->mid(end + 4, length);
            buffer->clear();
            requests << request;
            if (endlessBody) {
                stream(socket);
                return;
            }
            const QByteArray bytes = answer ? answer(request) : QByteArray();
            if (!bytes.isEmpty())
                socket->write(bytes);
            socket->disconnectFromHost();
        });
    }

    void stream(QTcpSocket* socket)
    {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml\r\n" + endlessHeaders
                + "\r\n");
        const auto pump = [this, socket] {
            while (socket->state() == QAbstractSocket::ConnectedState
                    && socket->bytesToWrite() < 4 * 1024 * 1024) {
                const QByteArray chunk = endlessBody();
                if (chunk.isEmpty()) {
                    socket->disconnectFromHost();
                    return;
                }
                streamedBytes += chunk.size();
                socket->write(chunk);
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        pump();
    }

    QTcpServer m_server;
};

} // namespace vigil::test
