#include "core/onvif/http_exchange.h"

#include <QHostAddress>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <cctype>
#include <memory>
#include <utility>

namespace vigil::onvif::http {

namespace {

/// A chunk-size line or one trailer line; a real one is a few bytes.
constexpr qsizetype kMaxLineBytes = 4096;
constexpr int kMaxRedirects = 3;
constexpr qint64 kReadBlock = 64 * 1024;

bool isDigits(QByteArrayView v)
{
    return !v.isEmpty()
            && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int defaultPort(const QUrl& url)
{
    return url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && defaultPort(a) == defaultPort(b);
}

} // namespace

QList<QByteArray> Response::values(QByteArrayView name) const
{
    QList<QByteArray> found;
    for (const auto& [key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            found << value;
    }
    return found;
}

// ---- ResponseReader ----

ResponseReader::ResponseReader(qint64 maxBodyBytes, bool noBody)
    : m_maxBody(maxBodyBytes)
    , m_noBody(noBody)
{ }

ResponseReader::State ResponseReader::fail(Failure failure, const QString& detail)
{
    m_state = State::Failed;
    m_response.failure = failure;
    m_response.detail = detail;
    m_pending.clear();
    return m_state;
}

bool ResponseReader::appendBody(QByteArrayView data)
{
    if (m_response.body.size() + data.size() > m_maxBody) {
        fail(Failure::TooLarge, QStringLiteral("body over %1 bytes").arg(m_maxBody));
        m_response.body.clear();
        return false;
    }
    m_response.body.append(data);
    return true;
}

ResponseReader::State ResponseReader::feed(QByteArrayView bytes)
{
    QByteArray carry; // what follows a header block, read again as the next part
    qsizetype at = 0;
    while (at < bytes.size() && (m_state == State::Headers || m_state == State::Body)) {
        if (m_state == State::Body) {
            if (m_framing == Framing::Chunked)
                takeChunked(bytes, at);
            else
                takeBody(bytes, at);
            continue;
        }
        const qsizetype before = m_pending.size();
        m_pending.append(bytes.sliced(at));
        at = bytes.size();
        qsizetype end = m_pending.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
        qsizetype separator = 4;
        const qsizetype bare = m_pending.indexOf("\n\n", qMax<qsizetype>(0, before - 1));
        if (bare >= 0 && (end < 0 || bare < end)) {
            end = bare;
            separator = 2;
        }
        if (end < 0 || end > kMaxHeaderBytes) {
            if (m_pending.size() > kMaxHeaderBytes)
                return fail(Failure::Malformed,
                        QStringLiteral("headers over %1 bytes").arg(kMaxHeaderBytes));
            return m_state;
        }
        carry = m_pending.mid(end + separator);
        const QByteArray block = m_pending.left(end);
        m_pending.clear();
        if (!parseHeaders(block))
            return m_state;
        bytes = carry;
        at = 0;
    }
    return m_state;
}

bool ResponseReader::parseHeaders(QByteArrayView block)
{
    const QList<QByteArray> lines = block.toByteArray().split('\n');
    const QByteArray status = lines.value(0).trimmed();
    // "HTTP/1.1 200 OK"
    if (!status.startsWith("HTTP/1.") || status.size() < 12 || status.at(8) != ' '
            || !isDigits(status.mid(9, 3)) || (status.size() > 12 && status.at(12) != ' ')) {
        fail(Failure::Malformed,
                QStringLiteral("not an HTTP answer: %1")
                        .arg(QString::fromLatin1(status.left(60).toPercentEncoding(" /:"))));
        return false;
    }
    m_response.status = status.mid(9, 3).toInt();
    if (m_response.status < 100 || m_response.status > 599) {
        fail(Failure::Malformed, QStringLiteral("status %1").arg(m_response.status));
        return false;
    }
    m_response.headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if ((line.at(0) == ' ' || line.at(0) == '\t') && !m_response.headers.isEmpty()) {
            m_response.headers.last().second += ' ' + line.trimmed(); // obsolete line folding
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        m_response.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }

    if (m_response.status >= 100 && m_response.status < 200) {
        m_state = State::Headers; // 100 Continue and friends: the answer follows
        return true;
    }
    const bool chunked = std::any_of(m_response.headers.cbegin(), m_response.headers.cend(),
            [](const QPair<QByteArray, QByteArray>& h) {
                return h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0
                        && h.second.toLower().contains("chunked");
            });
    const QList<QByteArray> lengths = m_response.values("content-length");
    qint64 length = -1;
    for (const QByteArray& value : lengths) {
        bool ok = isDigits(value) && value.size() <= 18;
        const qint64 parsed = ok ? value.toLongLong(&ok) : -1;
        if (!ok || (length >= 0 && parsed != length)) {
            fail(Failure::Malformed,
                    QStringLiteral("Content-Length: %1")
                            .arg(QString::fromLatin1(value.left(40).toPercentEncoding())));
            return false;
        }
        length = parsed;
    }
    if (m_noBody || m_response.status == 204 || m_response.status == 304) {
        m_state = State::Done;
    } else if (chunked) {
        m_framing = Framing::Chunked;
        m_chunkPart = ChunkPart::Size;
        m_state = State::Body;
    } else if (length >= 0) {
        if (length > m_maxBody) {
            fail(Failure::TooLarge, QStringLiteral("Content-Length: %1").arg(length));
            return false;
        }
        m_framing = Framing::Length;
        m_remaining = length;
        m_state = length == 0 ? State::Done : State::Body;
    } else {
        m_framing = Framing::UntilClose;
        m_state = State::Body;
    }
    return true;
}

void ResponseReader::takeBody(QByteArrayView bytes, qsizetype& at)
{
    qsizetype take = bytes.size() - at;
    if (m_framing == Framing::Length)
        take = qsizetype(qMin<qint64>(take, m_remaining));
    const qsizetype from = at;
    at += take;
    if (!appendBody(bytes.sliced(from, take)))
        return;
    if (m_framing == Framing::Length) {
        m_remaining -= take;
        if (m_remaining == 0)
            m_state = State::Done;
    }
}

bool ResponseReader::takeLine(QByteArrayView bytes, qsizetype& at, QByteArray& line)
{
    const qsizetype newline = bytes.indexOf('\n', at);
    const qsizetype end = newline < 0 ? bytes.size() : newline;
    line.append(bytes.sliced(at, qMin(end - at, kMaxLineBytes + 1)));
    at = newline < 0 ? bytes.size() : newline + 1;
    if (newline < 0)
        return false;
    if (line.endsWith('\r'))
        line.chop(1);
    return true;
}

void ResponseReader::takeChunked(QByteArrayView bytes, qsizetype& at)
{
    while (at < bytes.size() && m_state == State::Body) {
        if (m_chunkPart == ChunkPart::Data) {
            const qsizetype take = qsizetype(qMin<qint64>(bytes.size() - at, m_remaining));
            const qsizetype from = at;
            at += take;
            if (!appendBody(bytes.sliced(from, take)))
                return;
            m_remaining -= take;
            if (m_remaining == 0)
                m_chunkPart = ChunkPart::DataEnd;
            continue;
        }
        const bool whole = takeLine(bytes, at, m_pending);
        if (m_pending.size() > kMaxLineBytes) {
            fail(Failure::Malformed, QStringLiteral("chunk line over %1 bytes").arg(kMaxLineBytes));
            return;
        }
        if (!whole)
            return;
        const QByteArray line = std::exchange(m_pending, QByteArray());
        switch (m_chunkPart) {
        case ChunkPart::Size: {
            const qsizetype extension = line.indexOf(';');
            const QByteArray digits = (extension < 0 ? line : line.left(extension)).trimmed();
            bool ok = !digits.isEmpty() && digits.size() <= 15
                    && std::all_of(digits.begin(), digits.end(),
                            [](char c) { return std::isxdigit(uchar(c)) != 0; });
            const qint64 size = ok ? digits.toLongLong(&ok, 16) : -1;
            if (!ok) {
                fail(Failure::Malformed,
                        QStringLiteral("chunk size: %1")
                                .arg(QString::fromLatin1(line.left(40).toPercentEncoding())));
                return;
            }
            if (size > m_maxBody - m_response.body.size()) {
                fail(Failure::TooLarge, QStringLiteral("a chunk of %1 bytes").arg(size));
                m_response.body.clear();
                return;
            }
            m_remaining = size;
            m_chunkPart = size == 0 ? ChunkPart::Trailer : ChunkPart::Data;
            break;
        }
        case ChunkPart::DataEnd:
            if (!line.isEmpty()) {
                fail(Failure::Malformed, QStringLiteral("chunk longer than its size"));
                return;
            }
            m_chunkPart = ChunkPart::Size;
            break;
        case ChunkPart::Trailer:
            m_trailerBytes += line.size() + 2;
            if (m_trailerBytes > kMaxHeaderBytes) {
                fail(Failure::Malformed,
                        QStringLiteral("trailers over %1 bytes").arg(kMaxHeaderBytes));
                return;
            }
            if (line.isEmpty())
                m_state = State::Done;
            break;
        case ChunkPart::Data:
            break;
        }
    }
}

ResponseReader::State ResponseReader::closed()
{
    if (m_state == State::Body && m_framing == Framing::UntilClose)
        m_state = State::Done;
    else if (m_state == State::Headers || m_state == State::Body)
        fail(Failure::Closed, QStringLiteral("the connection closed before the answer was whole"));
    return m_state;
}

// ---- the exchange ----

namespace {

class Exchange : public QObject
{
public:
    Exchange(Request request, QObject* context, std::function<void(Response)> done)
        : QObject(context)
        , m_request(std::move(request))
        , m_context(context)
        , m_done(std::move(done))
    {
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] {
            Response r;
            r.failure = Failure::Timeout;
            r.detail = QStringLiteral("no whole answer within %1 ms").arg(m_request.timeoutMs);
            finish(std::move(r));
        });
        m_deadline.start(m_request.timeoutMs);
        connectTo(m_request.url);
    }

private:
    void connectTo(const QUrl& url)
    {
        m_url = url;
        m_reader = std::make_unique<ResponseReader>(
                m_request.maxBodyBytes, m_request.method == "HEAD");
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
        }
        const bool secure = url.scheme() == QLatin1String("https");
        auto* socket = secure ? new QSslSocket(this) : new QTcpSocket(this);
        m_socket = socket;
        // Qt reads no more from the kernel than this until the bytes are taken.
        socket->setReadBufferSize(kReadBlock);
        connect(socket, &QAbstractSocket::readyRead, this, &Exchange::readAnswer);
        connect(socket, &QAbstractSocket::disconnected, this, &Exchange::connectionEnded);
        connect(socket, &QAbstractSocket::errorOccurred, this, &Exchange::socketError);
        if (secure) {
            auto* ssl = static_cast<QSslSocket*>(socket);
            connect(ssl, &QSslSocket::encrypted, this, &Exchange::writeRequest);
            connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
                Response r;
                r.failure = Failure::Tls;
                r.detail = errors.isEmpty() ? QString() : errors.first().errorString();
                finish(std::move(r));
            });
            ssl->connectToHostEncrypted(url.host(), quint16(defaultPort(url)));
        } else {
            connect(socket, &QAbstractSocket::connected, this, &Exchange::writeRequest);
            socket->connectToHost(url.host(), quint16(defaultPort(url)));
        }
    }

    void writeRequest()
    {
        QByteArray target = m_url.path(QUrl::FullyEncoded).toUtf8();
        if (target.isEmpty())
            target = "/";
        if (m_url.hasQuery())
            target += '?' + m_url.query(QUrl::FullyEncoded).toUtf8();
        QByteArray host = m_url.host(QUrl::FullyEncoded).toUtf8();
        if (QHostAddress(m_url.host()).protocol() == QAbstractSocket::IPv6Protocol)
            host = '[' + host + ']';
        if (m_url.port() > 0)
            host += ':' + QByteArray::number(m_url.port());
        QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\nHost: " + host
                + "\r\nUser-Agent: Vigil\r\nConnection: close\r\n";
        for (const auto& [name, value] : m_request.headers)
            head += name + ": " + value + "\r\n";
        if (!m_request.body.isEmpty() || m_request.method == "POST")
            head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
        m_socket->write(head + "\r\n" + m_request.body);
    }

    void readAnswer()
    {
        while (m_socket && m_socket->bytesAvailable() > 0) {
            const QByteArray bytes = m_socket->read(kReadBlock);
            const ResponseReader::State state = m_reader->feed(bytes);
            if (state == ResponseReader::State::Done || state == ResponseReader::State::Failed) {
                answered();
                return;
            }
        }
    }

    /// The server closed the connection: what was read is the answer, or it is cut short.
    void connectionEnded()
    {
        readAnswer();
        if (!m_socket)
            return;
        m_reader->closed();
        answered();
    }

    void answered()
    {
        Response r = std::move(m_reader->response());
        r.url = m_url;
        const bool redirect = r.ok()
                && (r.status == 301 || r.status == 302 || r.status == 307 || r.status == 308);
        if (redirect && m_redirects < kMaxRedirects) {
            const QByteArray location = r.values("location").value(0);
            const QUrl target = m_url.resolved(QUrl::fromEncoded(location));
            // Only to the same scheme, host and port: never a camera's credentials elsewhere.
            if (!location.isEmpty() && target.isValid() && sameOrigin(target, m_url)) {
                ++m_redirects;
                connectTo(target);
                return;
            }
        }
        finish(std::move(r));
    }

    void socketError(QAbstractSocket::SocketError error)
    {
        if (!m_socket)
            return;
        if (error == QAbstractSocket::RemoteHostClosedError) {
            connectionEnded();
            return;
        }
        Response r;
        r.detail = m_socket->errorString();
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            r.failure = Failure::Refused;
            break;
        case QAbstractSocket::HostNotFoundError:
            r.failure = Failure::HostNotFound;
            break;
        case QAbstractSocket::SocketTimeoutError:
            r.failure = Failure::Timeout;
            break;
        case QAbstractSocket::SslHandshakeFailedError:
        case QAbstractSocket::SslInternalError:
        case QAbstractSocket::SslInvalidUserDataError:
            r.failure = Failure::Tls;
            break;
        default:
            r.failure = Failure::Unreachable;
            break;
        }
        finish(std::move(r));
    }

    void finish(Response response)
    {
        if (!m_socket)
            return;
        m_deadline.stop();
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket = nullptr;
        // Queued to the context: `done` may destroy it (and this exchange with it).
        QMetaObject::invokeMethod(
                m_context.data(),
                [done = std::move(m_done), response = std::move(response)] { done(response); },
                Qt::QueuedConnection);
        deleteLater();
    }

    Request m_request;
    QPointer<QObject> m_context;
    std::function<void(Response)> m_done;
    QTimer m_deadline;
    QUrl m_url;
    QPointer<QTcpSocket> m_socket;
    std::unique_ptr<ResponseReader> m_reader;
    int m_redirects = 0;
};

} // namespace

void send(const Request& request, QObject* context, std::function<void(Response)> done)
{
    new Exchange(request, context, std::move(done));
}

} // namespace vigil::onvif::http
