#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

class QObject;

namespace vigil::onvif {

/// One HTTP/1.1 request to a camera and its answer, read with bounds while it arrives: headers
/// up to 64 KB, a body up to `maxBodyBytes` whether it comes with a Content-Length, in chunks or
/// until the connection closes, and one deadline for the whole exchange. Redirects are followed
/// only to the same scheme, host and port (a camera's credentials never go elsewhere).
///
/// Vigil does not use Qt's HTTP stack for cameras: with a chunked answer it reads whatever the
/// server sends into memory before the application sees any of it (2.5 GB in 10 s, measured with
/// Qt 6.4 against an endless chunked body).
namespace http {

using Headers = QList<QPair<QByteArray, QByteArray>>;

struct Request
{
    QByteArray method = "GET";
    QUrl url;
    Headers headers; ///< besides Host, Connection, Content-Length, User-Agent
    QByteArray body;
    qint64 maxBodyBytes = 4 * 1024 * 1024;
    int timeoutMs = 10000;
};

enum class Failure {
    None,
    Timeout,
    Refused, ///< nothing listens there
    HostNotFound,
    Closed, ///< the connection ended before the answer was whole
    TooLarge, ///< the body outgrew maxBodyBytes: reading stopped there
    Malformed, ///< not HTTP, or a length or chunk that cannot be right
    Tls, ///< the secure connection could not be made
    Unreachable, ///< any other network error
};

struct Response
{
    int status = 0;
    Headers headers; ///< names as sent
    QByteArray body;
    Failure failure = Failure::None;
    QString detail; ///< technical, English: for logs
    QUrl url; ///< where the answer came from (after same-origin redirects)

    bool ok() const { return failure == Failure::None; }
    /// Every value of a header (case-insensitive name).
    QList<QByteArray> values(QByteArrayView name) const;
};

/// Takes an HTTP/1.1 response apart as its bytes arrive, with the bounds above. Pure: the
/// exchange feeds it from the socket, the fuzzer feeds it anything.
class ResponseReader
{
public:
    enum class State { Headers, Body, Done, Failed };

    /// `maxBodyBytes`: the largest body accepted; `noBody`: a HEAD request.
    explicit ResponseReader(qint64 maxBodyBytes, bool noBody = false);
    /// Consumes received bytes; returns the state after them.
    State feed(QByteArrayView bytes);
    /// The connection closed: a body "until close" is then whole; anything else unfinished is
    /// Failure::Closed.
    State closed();

    State state() const { return m_state; }
    /// The response so far (complete when Done; failure set when Failed).
    Response& response() { return m_response; }

private:
    enum class Framing { Length, Chunked, UntilClose };
    enum class ChunkPart { Size, Data, DataEnd, Trailer };

    bool parseHeaders(QByteArrayView block);
    void takeBody(QByteArrayView bytes, qsizetype& at);
    void takeChunked(QByteArrayView bytes, qsizetype& at);
    /// Moves `bytes` into a line (up to CRLF); true when the line is complete.
    bool takeLine(QByteArrayView bytes, qsizetype& at, QByteArray& line);
    State fail(Failure failure, const QString& detail);
    bool appendBody(QByteArrayView data);

    qint64 m_maxBody = 0;
    bool m_noBody = false;
    State m_state = State::Headers;
    Response m_response;
    QByteArray m_pending; ///< header block or chunk line being read
    Framing m_framing = Framing::UntilClose;
    qint64 m_remaining = 0; ///< of the body (Length) or of the chunk (Chunked)
    ChunkPart m_chunkPart = ChunkPart::Size;
    qsizetype m_trailerBytes = 0;
};

/// Sends `request`; `done` runs once on `context`'s thread, never after `context` is destroyed.
void send(const Request& request, QObject* context, std::function<void(Response)> done);

/// The largest header block, chunk-size line or trailer read.
inline constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

} // namespace http

} // namespace vigil::onvif
