#include "http_server.h"

#include <QTcpSocket>
#include <QTimer>

namespace vigil::camsim {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

QByteArray HttpRequest::query(QByteArrayView key) const
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return {};
    const QList<QByteArray> pairs = target.mid(q + 1).split('&');
    for (const QByteArray& pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        if (pair.left(eq < 0 ? pair.size() : eq) == key)
            return eq < 0 ? QByteArray() : QByteArray::fromPercentEncoding(pair.mid(eq + 1));
    }
    return {};
}

struct HttpServer::Connection : QObject
{
    QTcpSocket* socket = nullptr;
    QByteArray buffer;
    HttpRequest request;
    bool inHeaders = true;
    bool chunked = false;
    bool busy = false; ///< a response is pending: later requests wait in the buffer
    qint64 remaining = 0;
    QTimer idle;
};

namespace {

const char* reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    default:
        return "Status";
    }
}

} // namespace

HttpServer::HttpServer(Handler handler, QObject* parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

bool HttpServer::listen(const QHostAddress& address, quint16 port)
{
    return m_server.listen(address, port);
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        auto* c = new Connection;
        c->setParent(socket);
        c->socket = socket;
        c->idle.setSingleShot(true);
        c->idle.setInterval(kIdleTimeoutMs);
        connect(&c->idle, &QTimer::timeout, socket, &QTcpSocket::disconnectFromHost);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, c, [this, c] {
            c->idle.start();
            c->buffer += c->socket->readAll();
            process(c);
        });
        c->idle.start();
    }
}

void HttpServer::process(Connection* c)
{
    while (!c->busy) {
        if (c->inHeaders) {
            const qsizetype end = c->buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (c->buffer.size() > kMaxHeaderBytes) {
                    send(c->socket, HttpResponse {431, {}, {}, "text/plain"}, true);
                    c->buffer.clear();
                }
                return;
            }
            const QList<QByteArray> lines = c->buffer.left(end).split('\n');
            c->buffer.remove(0, end + 4);
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            if (requestLine.size() != 3) {
                send(c->socket, HttpResponse {400, {}, {}, "text/plain"}, true);
                return;
            }
            c->request = HttpRequest {};
            c->request.method = requestLine.at(0);
            c->request.target = requestLine.at(1);
            c->request.localAddress = c->socket->localAddress();
            c->request.localPort = c->socket->localPort();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    c->request.headers.append({lines.at(i).left(colon).trimmed().toLower(),
                            lines.at(i).mid(colon + 1).trimmed()});
            }
            c->chunked = c->request.header("transfer-encoding").toLower().contains("chunked");
            c->remaining = c->chunked ? 0 : c->request.header("content-length").toLongLong();
            c->inHeaders = false;
        }

        // Body: plain Content-Length, or chunked. Beyond the limit, bytes are counted and dropped.
        auto take = [c](qsizetype n) {
            if (c->request.body.size() + n > kMaxBodyBytes) {
                c->request.bodyTooLarge = true;
                c->request.body.clear();
            } else if (!c->request.bodyTooLarge) {
                c->request.body += c->buffer.left(n);
            }
            c->buffer.remove(0, n);
        };
        if (!c->chunked) {
            const qsizetype n = qsizetype(qMin<qint64>(c->remaining, c->buffer.size()));
            take(n);
            c->remaining -= n;
            if (c->remaining > 0)
                return;
        } else {
            bool finished = false;
            while (!finished) {
                if (c->remaining > 0) {
                    const qsizetype n = qsizetype(qMin<qint64>(c->remaining, c->buffer.size()));
                    take(n);
                    c->remaining -= n;
                    if (c->remaining > 0)
                        return;
                    if (c->buffer.size() < 2)
                        return;
                    c->buffer.remove(0, 2); // CRLF after the chunk
                }
                const qsizetype eol = c->buffer.indexOf("\r\n");
                if (eol < 0)
                    return;
                bool ok = false;
                const qint64 size
                        = c->buffer.left(eol).split(';').value(0).trimmed().toLongLong(&ok, 16);
                if (!ok || size < 0) {
                    send(c->socket, HttpResponse {400, {}, {}, "text/plain"}, true);
                    return;
                }
                c->buffer.remove(0, eol + 2);
                if (size == 0) {
                    const qsizetype trailerEnd = c->buffer.indexOf("\r\n");
                    if (trailerEnd < 0)
                        return;
                    c->buffer.remove(0, trailerEnd + 2);
                    finished = true;
                } else {
                    c->remaining = size;
                }
            }
        }

        c->inHeaders = true;
        c->busy = true;
        const bool close = c->request.header("connection").toLower() == "close";
        QPointer<QTcpSocket> socket = c->socket;
        QPointer<Connection> connection = c;
        m_handler(c->request, [this, socket, connection, close](const HttpResponse& response) {
            if (!socket || !connection)
                return;
            send(socket, response, close);
            connection->busy = false;
            if (!close)
                QTimer::singleShot(0, connection, [this, connection] {
                    if (connection)
                        process(connection);
                });
        });
    }
}

void HttpServer::send(QTcpSocket* socket, const HttpResponse& response, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + reasonPhrase(response.status) + "\r\n";
    out += "Server: vigil-camsim\r\n";
    if (!response.body.isEmpty() || response.status == 200)
        out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto& [name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

} // namespace vigil::camsim
