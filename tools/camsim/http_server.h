#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace vigil::camsim {

struct HttpRequest
{
    QByteArray method;
    QByteArray target; ///< path and query, as sent
    QList<std::pair<QByteArray, QByteArray>> headers; ///< names lower-cased
    QByteArray body;
    bool bodyTooLarge = false; ///< the body exceeded the limit and was discarded
    QHostAddress localAddress;
    quint16 localPort = 0;

    QByteArray header(QByteArrayView name) const;
    QByteArray path() const
    {
        return target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?'));
    }
    QByteArray query(QByteArrayView key) const;
};

struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = "application/soap+xml; charset=utf-8";
};

/// A deliberately small HTTP/1.1 server for the simulated cameras: keep-alive, Content-Length
/// and chunked bodies, a body limit (larger bodies are drained and flagged, never buffered), an
/// idle timeout, and answers that may come later (slow cameras, long-polling PullMessages).
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Respond = std::function<void(const HttpResponse&)>;
    using Handler = std::function<void(const HttpRequest&, Respond)>;

    explicit HttpServer(Handler handler, QObject* parent = nullptr);

    bool listen(const QHostAddress& address, quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;
    static constexpr int kIdleTimeoutMs = 120'000;

private:
    struct Connection;
    void onNewConnection();
    void process(Connection* c);
    void send(QTcpSocket* socket, const HttpResponse& response, bool close);

    QTcpServer m_server;
    Handler m_handler;
};

} // namespace vigil::camsim
