#include "core/recording/rtsp_session.h"

#include "core/onvif/http_digest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QtEndian>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigil::recording {

namespace {

constexpr int kReadBlock = 64 * 1024;
constexpr int kMaxBuffer = 4 * 1024 * 1024;
/// An RTSP response's headers and body (an SDP is a few kilobytes).
constexpr qsizetype kMaxHeaders = 64 * 1024;
constexpr qsizetype kMaxBody = 1024 * 1024;
/// A frame larger than this is dropped (a 4K keyframe at a camera's best quality is ~2 MB).
constexpr qsizetype kMaxAccessUnit = 16 * 1024 * 1024;
/// Larger gaps in RTP sequence numbers are restarts or garbage, not counted as lost packets.
constexpr int kMaxCountedLoss = 1000;
constexpr int kPollSliceMs = 200;
const QByteArray kStartCode("\x00\x00\x00\x01", 4);

struct Response
{
    int code = 0;
    QList<QPair<QByteArray, QByteArray>> headers; ///< names lower-cased
    QByteArray body;

    QByteArray header(const char* name) const
    {
        for (const auto& [key, value] : headers) {
            if (key == name)
                return value;
        }
        return {};
    }
    QList<QByteArray> headerValues(const char* name) const
    {
        QList<QByteArray> values;
        for (const auto& [key, value] : headers) {
            if (key == name)
                values << value;
        }
        return values;
    }
};

} // namespace

struct RtspSession::Private
{
    Options options;
    int fd = -1;
    QByteArray buffer;
    qsizetype pos = 0;
    int cseq = 0;
    QString user;
    QString password;
    QByteArray baseUri; ///< without user information
    QByteArray controlUri;
    QByteArray session;
    int sessionTimeoutS = 60;
    qint64 lastKeepaliveMs = 0;
    std::optional<onvif::DigestChallenge> digest;
    bool basic = false;
    bool usedBasic = false; ///< the camera asked for Basic authentication
    int nonceCount = 0;
    QElapsedTimer clock;

    // Depacketizing.
    QByteArray sps;
    QByteArray pps;
    QByteArray accessUnit;
    bool auKeyframe = false;
    bool auBroken = false;
    bool waitForKeyframe = false;
    quint32 auTimestamp = 0;
    bool inFragment = false;
    bool oversized = false; ///< the frame being received outgrew kMaxAccessUnit
    qint64 oversizedFrames = 0;
    int lastSeq = -1;
    qint64 lost = 0;
    int pendingLoss = 0; ///< a gap, counted when the next packet follows on
    bool haveTime = false;
    quint32 lastTs = 0;
    qint64 lastExt = 0;
    std::optional<qint64> wallOfZeroMs;
    std::deque<Frame> ready;

    Error error(Error::Code code, const QString& message, const QString& detail = {}) const
    {
        return Error {code, message, detail};
    }

    bool stop() const { return options.stopRequested && options.stopRequested(); }

    Result<void> connectTcp()
    {
        const QString displayUrl = options.url.toString(QUrl::RemoveUserInfo);
        addrinfo hints {};
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        const QByteArray host = options.url.host().toUtf8();
        const QByteArray port = QByteArray::number(options.url.port(554));
        if (getaddrinfo(host.constData(), port.constData(), &hints, &found) != 0 || !found)
            return error(Error::Code::Unreachable,
                    tr("The camera %1 cannot be reached.").arg(displayUrl),
                    QStringLiteral("no address for %1").arg(options.url.host()));
        fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        int rc = fd < 0 ? -1 : ::connect(fd, found->ai_addr, found->ai_addrlen);
        freeaddrinfo(found);
        if (rc != 0 && errno == EINPROGRESS) {
            QElapsedTimer waited;
            waited.start();
            for (;;) {
                pollfd p {fd, POLLOUT, 0};
                const int n = ::poll(&p, 1, kPollSliceMs);
                if (n > 0) {
                    int err = 0;
                    socklen_t len = sizeof err;
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
                    rc = err == 0 ? 0 : -1;
                    errno = err;
                    break;
                }
                if (stop() || waited.elapsed() > options.timeoutMs) {
                    errno = ETIMEDOUT;
                    break;
                }
            }
        }
        if (rc != 0) {
            const int err = errno;
            return error(err == ETIMEDOUT ? Error::Code::Timeout : Error::Code::Unreachable,
                    tr("The camera %1 cannot be reached.").arg(displayUrl),
                    QString::fromLocal8Bit(std::strerror(err)));
        }
        return {};
    }

    Result<void> sendAll(const QByteArray& data)
    {
        qsizetype sent = 0;
        QElapsedTimer waited;
        waited.start();
        while (sent < data.size()) {
            const ssize_t n
                    = ::send(fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
            if (n > 0) {
                sent += n;
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
                pollfd p {fd, POLLOUT, 0};
                ::poll(&p, 1, kPollSliceMs);
                if (stop() || waited.elapsed() > options.timeoutMs)
                    return error(Error::Code::Timeout, tr("The camera stopped answering."));
                continue;
            }
            return error(Error::Code::Unreachable, tr("The camera closed the connection."),
                    QString::fromLocal8Bit(std::strerror(errno)));
        }
        return {};
    }

    /// Reads what the socket has (at least one byte), waiting up to the timeout.
    Result<void> fill()
    {
        if (pos > 0 && (pos > kReadBlock || pos == buffer.size())) {
            buffer.remove(0, pos);
            pos = 0;
        }
        if (buffer.size() > kMaxBuffer)
            return error(Error::Code::Protocol, tr("The camera sent data Vigil cannot read."),
                    QStringLiteral("unframed data"));
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            const qsizetype old = buffer.size();
            buffer.resize(old + kReadBlock);
            const ssize_t n = ::recv(fd, buffer.data() + old, kReadBlock, 0);
            buffer.resize(old + qMax<ssize_t>(n, 0));
            if (n > 0)
                return {};
            if (n == 0)
                return error(Error::Code::Unreachable, tr("The camera ended the stream."),
                        QStringLiteral("connection closed"));
            if (errno != EAGAIN && errno != EINTR)
                return error(Error::Code::Unreachable, tr("The camera closed the connection."),
                        QString::fromLocal8Bit(std::strerror(errno)));
            if (stop())
                return error(Error::Code::Unknown, tr("Recording stopped."));
            if (waited.elapsed() > options.timeoutMs)
                return error(Error::Code::Timeout, tr("The camera stopped sending video."));
            pollfd p {fd, POLLIN, 0};
            ::poll(&p, 1, kPollSliceMs);
        }
    }

    QByteArray authorization(const QByteArray& method, const QByteArray& uri)
    {
        if (digest)
            return onvif::digestAuthorization(*digest, user, password, QString::fromLatin1(method),
                    QString::fromLatin1(uri), ++nonceCount);
        if (basic)
            return "Basic " + (user + u':' + password).toUtf8().toBase64();
        return {};
    }

    Result<void> send(const QByteArray& method, const QByteArray& uri, const QByteArray& extra)
    {
        QByteArray request = method + ' ' + uri + " RTSP/1.0\r\nCSeq: " + QByteArray::number(++cseq)
                + "\r\nUser-Agent: Vigil\r\n";
        const QByteArray auth = authorization(method, uri);
        if (!auth.isEmpty())
            request += "Authorization: " + auth + "\r\n";
        if (!session.isEmpty())
            request += "Session: " + session + "\r\n";
        request += extra + "\r\n";
        return sendAll(request);
    }

    /// Parses one response at `pos`: nullopt while incomplete, an error when it is malformed
    /// (a length that is negative, not a number or too large). Skips interleaved packets before it.
    std::optional<Result<Response>> takeResponse()
    {
        while (pos < buffer.size() && buffer.at(pos) == '$') {
            if (buffer.size() - pos < 4)
                return std::nullopt;
            const int len = qFromBigEndian<quint16>(buffer.constData() + pos + 2);
            if (buffer.size() - pos < 4 + len)
                return std::nullopt;
            handleInterleaved(buffer.at(pos + 1),
                    reinterpret_cast<const uchar*>(buffer.constData() + pos + 4), len);
            pos += 4 + len;
        }
        const qsizetype end = buffer.indexOf("\r\n\r\n", pos);
        if (end < 0 || end - pos > kMaxHeaders) {
            if (buffer.size() - pos > kMaxHeaders)
                return malformed(QStringLiteral("response headers over %1 bytes").arg(kMaxHeaders));
            return std::nullopt;
        }
        const QList<QByteArray> lines = buffer.mid(pos, end - pos).split('\n');
        Response r;
        const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
        r.code = status.value(1).toInt();
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray key = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            r.headers.append({key, value});
            if (key == "content-length") {
                bool ok = !value.isEmpty() && std::all_of(value.begin(), value.end(), [](char c) {
                    return c >= '0' && c <= '9';
                });
                const qint64 length = ok ? value.toLongLong(&ok) : -1;
                if (!ok || length > kMaxBody)
                    return malformed(QStringLiteral("Content-Length: %1")
                                             .arg(QString::fromLatin1(value.left(40))));
                contentLength = qsizetype(length);
            }
        }
        if (buffer.size() - (end + 4) < contentLength)
            return std::nullopt;
        r.body = buffer.mid(end + 4, contentLength);
        pos = end + 4 + contentLength;
        return Result<Response>(std::move(r));
    }

    Error malformed(const QString& detail) const
    {
        return error(
                Error::Code::Protocol, tr("The camera sent an answer Vigil cannot read."), detail);
    }

    Result<Response> request(
            const QByteArray& method, const QByteArray& uri, const QByteArray& extra = {})
    {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (Result<void> sent = send(method, uri, extra); !sent)
                return sent.error();
            std::optional<Result<Response>> taken;
            while (!(taken = takeResponse())) {
                if (Result<void> more = fill(); !more)
                    return more.error();
            }
            if (!*taken)
                return taken->error();
            const Response& response = taken->value();
            if (response.code == 401 && attempt == 0 && !digest && !basic) {
                const QList<QByteArray> offered = response.headerValues("www-authenticate");
                const QList<onvif::DigestChallenge> challenges
                        = onvif::DigestChallenge::parse(offered);
                if (!challenges.isEmpty()) {
                    digest = challenges.first();
                } else if (std::any_of(offered.begin(), offered.end(), [](const QByteArray& v) {
                               return v.trimmed().toLower().startsWith("basic");
                           })) {
                    // Only when the camera asks for it: Basic shows the password to anyone on
                    // the network.
                    basic = true;
                    usedBasic = true;
                } else {
                    return response; // no method offered: the password is not sent at all
                }
                continue;
            }
            return response;
        }
        return error(Error::Code::AuthenticationFailed,
                tr("The camera %1 refused the user name or password.")
                        .arg(options.url.toString(QUrl::RemoveUserInfo)));
    }

    Error failure(const Response& r, const char* what) const
    {
        const QString url = options.url.toString(QUrl::RemoveUserInfo);
        if (r.code == 401 || r.code == 403)
            return error(Error::Code::AuthenticationFailed,
                    tr("The camera %1 refused the user name or password.").arg(url));
        if (r.code == 404)
            return error(Error::Code::NotFound,
                    tr("The camera %1 does not offer this stream now.").arg(url));
        if (r.code == 461)
            return error(Error::Code::Unsupported, tr("The camera cannot send video over TCP."));
        return error(Error::Code::Protocol, tr("The camera %1 refused to stream.").arg(url),
                QStringLiteral("%1: RTSP %2").arg(QLatin1String(what)).arg(r.code));
    }

    // ---- RTP ----

    qint64 extend(quint32 ts)
    {
        if (!haveTime) {
            haveTime = true;
            lastTs = ts;
            lastExt = 0;
            return 0;
        }
        lastExt += qint32(ts - lastTs);
        lastTs = ts;
        return lastExt;
    }

    void finishAccessUnit()
    {
        // After a loss, frames refer to what was lost: skip them until the next keyframe.
        if (auBroken)
            waitForKeyframe = true;
        else if (auKeyframe)
            waitForKeyframe = false;
        if (!accessUnit.isEmpty() && !waitForKeyframe)
            ready.push_back(Frame {accessUnit, extend(auTimestamp), auKeyframe});
        accessUnit.clear();
        auKeyframe = false;
        auBroken = false;
        inFragment = false;
        oversized = false;
    }

    void noteNal(const uchar* nal, int size)
    {
        const int type = nal[0] & 0x1f;
        if (type == 5)
            auKeyframe = true;
        else if (type == 7)
            sps = kStartCode + QByteArray(reinterpret_cast<const char*>(nal), size);
        else if (type == 8)
            pps = kStartCode + QByteArray(reinterpret_cast<const char*>(nal), size);
    }

    void appendNal(const uchar* nal, int size)
    {
        if (size <= 0 || !roomFor(size + kStartCode.size()))
            return;
        noteNal(nal, size);
        accessUnit += kStartCode;
        accessUnit.append(reinterpret_cast<const char*>(nal), size);
    }

    /// Whether the frame being assembled can grow by `bytes`; a frame that would outgrow
    /// kMaxAccessUnit (fragments that never end) is dropped, with everything up to its end.
    bool roomFor(qsizetype bytes)
    {
        if (oversized)
            return false;
        if (accessUnit.size() + bytes <= kMaxAccessUnit)
            return true;
        accessUnit.clear();
        accessUnit.squeeze();
        oversized = true;
        auBroken = true;
        inFragment = false;
        ++oversizedFrames;
        return false;
    }

    void handleRtp(const uchar* p, int len)
    {
        if (len < 12 || (p[0] >> 6) != 2)
            return;
        const bool padding = p[0] & 0x20;
        const bool extension = p[0] & 0x10;
        const int csrc = p[0] & 0x0f;
        const bool marker = p[1] & 0x80;
        const int seq = qFromBigEndian<quint16>(p + 2);
        const quint32 ts = qFromBigEndian<quint32>(p + 4);
        int offset = 12 + 4 * csrc;
        if (extension) {
            if (len < offset + 4)
                return;
            offset += 4 + 4 * qFromBigEndian<quint16>(p + offset + 2);
        }
        int end = len;
        if (padding && len > 0)
            end -= p[len - 1];
        if (end <= offset)
            return;
        if (lastSeq >= 0 && seq != ((lastSeq + 1) & 0xffff)) {
            // A few hundred missing packets is loss; a wild jump is a sequence that restarted
            // (or garbage), which says nothing of how much was lost.
            // Counted once the stream goes on from there: garbage never does.
            const int missing = (seq - lastSeq - 1) & 0xffff;
            pendingLoss = missing < kMaxCountedLoss ? missing : 0;
            auBroken = true; // a frame with a hole decodes wrongly: drop it
        } else if (pendingLoss > 0) {
            lost += pendingLoss;
            pendingLoss = 0;
        }
        lastSeq = seq;
        if (!accessUnit.isEmpty() && ts != auTimestamp)
            finishAccessUnit();
        auTimestamp = ts;
        const uchar* payload = p + offset;
        const int size = end - offset;
        const int type = payload[0] & 0x1f;
        if (type >= 1 && type <= 23) {
            appendNal(payload, size);
        } else if (type == 24) { // STAP-A
            int at = 1;
            while (at + 2 <= size) {
                const int nalSize = qFromBigEndian<quint16>(payload + at);
                at += 2;
                if (at + nalSize > size)
                    break;
                appendNal(payload + at, nalSize);
                at += nalSize;
            }
        } else if (type == 28 && size > 2) { // FU-A
            const bool start = payload[1] & 0x80;
            const bool endOfNal = payload[1] & 0x40;
            if (start) {
                const uchar header = uchar((payload[0] & 0xe0) | (payload[1] & 0x1f));
                accessUnit += kStartCode;
                accessUnit += char(header);
                noteNal(&header, 1);
                inFragment = true;
            } else if (!inFragment) {
                auBroken = true;
            }
            if (inFragment && roomFor(size - 2))
                accessUnit.append(reinterpret_cast<const char*>(payload + 2), size - 2);
            if (endOfNal)
                inFragment = false;
        }
        if (marker)
            finishAccessUnit();
    }

    void handleRtcp(const uchar* p, int len)
    {
        int at = 0;
        while (at + 4 <= len) {
            const int type = p[at + 1];
            const int words = qFromBigEndian<quint16>(p + at + 2);
            const int size = 4 * (words + 1);
            if (at + size > len)
                break;
            if (type == 200 && size >= 28 && haveTime) { // sender report
                const quint32 msw = qFromBigEndian<quint32>(p + at + 8);
                const quint32 lsw = qFromBigEndian<quint32>(p + at + 12);
                const quint32 ts = qFromBigEndian<quint32>(p + at + 16);
                const qint64 ntpMs
                        = (qint64(msw) - 2208988800LL) * 1000 + qint64((quint64(lsw) * 1000) >> 32);
                const qint64 ext = lastExt + qint32(ts - lastTs);
                wallOfZeroMs = ntpMs - ext / 90;
            }
            at += size;
        }
    }

    void handleInterleaved(char channel, const uchar* data, int len)
    {
        if (channel == 0)
            handleRtp(data, len);
        else if (channel == 1)
            handleRtcp(data, len);
    }
};

RtspSession::RtspSession()
    : d(new Private)
{ }

RtspSession::~RtspSession()
{
    close();
    delete d;
}

Result<void> RtspSession::open(const Options& options)
{
    d->options = options;
    d->clock.start();
    d->user = options.url.userName();
    d->password = options.url.password();
    d->baseUri = options.url.toString(QUrl::RemoveUserInfo).toUtf8();
    if (Result<void> connected = d->connectTcp(); !connected)
        return connected;

    Result<Response> described = d->request("DESCRIBE", d->baseUri, "Accept: application/sdp\r\n");
    if (!described)
        return described.error();
    if (described->code != 200)
        return d->failure(described.value(), "DESCRIBE");
    QByteArray base = described->header("content-base");
    if (base.isEmpty())
        base = described->header("content-location");
    if (base.isEmpty())
        base = d->baseUri;

    // SDP: exactly one H.264 video stream, nothing else (audio goes through FFmpeg).
    int media = 0;
    bool h264 = false;
    QByteArray control;
    QByteArray sprop;
    for (const QByteArray& raw : described->body.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith("m=")) {
            ++media;
            if (!line.startsWith("m=video"))
                return d->error(Error::Code::Unsupported, tr("The stream has audio or data."));
        } else if (media == 1 && line.startsWith("a=rtpmap:")) {
            h264 = line.contains(" H264/90000");
        } else if (media == 1 && line.startsWith("a=control:")) {
            control = line.mid(10);
        } else if (media == 1 && line.startsWith("a=fmtp:")) {
            for (const QByteArray& param : line.mid(line.indexOf(' ') + 1).split(';')) {
                if (param.trimmed().startsWith("sprop-parameter-sets="))
                    sprop = param.trimmed().mid(21);
            }
        }
    }
    if (media != 1 || !h264)
        return d->error(Error::Code::Unsupported, tr("The stream is not H.264 video alone."));
    for (const QByteArray& set : sprop.split(',')) {
        const QByteArray nal = QByteArray::fromBase64(set.trimmed());
        if (!nal.isEmpty())
            d->noteNal(reinterpret_cast<const uchar*>(nal.constData()), int(nal.size()));
    }
    if (control.isEmpty() || control == "*")
        d->controlUri = base;
    else if (control.startsWith("rtsp://") || control.startsWith("rtsps://"))
        d->controlUri = control;
    else
        d->controlUri = base + (base.endsWith('/') ? "" : "/") + control;

    Result<Response> setUp = d->request(
            "SETUP", d->controlUri, "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n");
    if (!setUp)
        return setUp.error();
    if (setUp->code != 200)
        return d->failure(setUp.value(), "SETUP");
    const QByteArray sessionHeader = setUp->header("session");
    d->session = sessionHeader.split(';').value(0).trimmed();
    for (const QByteArray& part : sessionHeader.split(';')) {
        if (part.trimmed().startsWith("timeout="))
            d->sessionTimeoutS = qMax(10, part.trimmed().mid(8).toInt());
    }
    if (!setUp->header("transport").contains("interleaved"))
        return d->error(Error::Code::Unsupported, tr("The camera cannot send video over TCP."));

    d->baseUri = base;
    Result<Response> played = d->request("PLAY", base, "Range: npt=0.000-\r\n");
    if (!played)
        return played.error();
    if (played->code != 200)
        return d->failure(played.value(), "PLAY");
    d->lastKeepaliveMs = d->clock.elapsed();
    return {};
}

Result<RtspSession::Frame> RtspSession::next()
{
    for (;;) {
        if (d->oversizedFrames > 0)
            return d->error(Error::Code::Protocol,
                    tr("The camera sent a frame larger than 16 MB; the stream was dropped."));
        if (!d->ready.empty()) {
            Frame f = std::move(d->ready.front());
            d->ready.pop_front();
            return f;
        }
        // Keep the session alive (cameras drop sessions after their timeout without requests).
        if (d->clock.elapsed() - d->lastKeepaliveMs > d->sessionTimeoutS * 1000 / 2) {
            d->lastKeepaliveMs = d->clock.elapsed();
            if (Result<void> sent = d->send("GET_PARAMETER", d->baseUri, {}); !sent)
                return sent.error();
        }
        // Everything complete in the buffer, then read more.
        bool progressed = false;
        while (d->pos < d->buffer.size()) {
            const char first = d->buffer.at(d->pos);
            if (first == '$') {
                if (d->buffer.size() - d->pos < 4)
                    break;
                const int len = qFromBigEndian<quint16>(d->buffer.constData() + d->pos + 2);
                if (d->buffer.size() - d->pos < 4 + len)
                    break;
                d->handleInterleaved(d->buffer.at(d->pos + 1),
                        reinterpret_cast<const uchar*>(d->buffer.constData() + d->pos + 4), len);
                d->pos += 4 + len;
                progressed = true;
            } else if (first == 'R') { // a response (keep-alive answers)
                const std::optional<Result<Response>> taken = d->takeResponse();
                if (!taken)
                    break;
                if (!*taken)
                    return taken->error();
                progressed = true;
            } else { // out of step: find the next packet
                const qsizetype next = d->buffer.indexOf('$', d->pos + 1);
                d->pos = next < 0 ? d->buffer.size() : next;
            }
            if (!d->ready.empty())
                break;
        }
        if (!d->ready.empty() || progressed)
            continue;
        if (Result<void> more = d->fill(); !more)
            return more.error();
    }
}

void RtspSession::close()
{
    if (d->fd < 0)
        return;
    if (!d->session.isEmpty())
        (void)d->send("TEARDOWN", d->baseUri, {});
    ::close(d->fd);
    d->fd = -1;
}

QByteArray RtspSession::parameterSets() const
{
    return d->sps + d->pps;
}

std::optional<qint64> RtspSession::wallClockOfRtpZeroMs() const
{
    return d->wallOfZeroMs;
}

qint64 RtspSession::lostPackets() const
{
    return d->lost;
}

qint64 RtspSession::oversizedFrames() const
{
    return d->oversizedFrames;
}

bool RtspSession::usesBasicAuthentication() const
{
    return d->usedBasic;
}

} // namespace vigil::recording
