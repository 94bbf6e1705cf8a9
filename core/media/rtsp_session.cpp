#include "core/media/rtsp_session.h"

#include "core/media/camera_connection.h"
#include "core/media/rtsp_stream_parser.h"
#include "core/onvif/http_digest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace vigil::media {

namespace {

constexpr int kPollSliceMs = 200;
using Response = RtspStreamParser::Response;

} // namespace

struct RtspSession::Private
{
    Options options;
    int fd = -1;
    RtspStreamParser parser;
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

    Error error(Error::Code code, const QString& message, const QString& detail = {}) const
    {
        return Error {code, message, detail};
    }

    bool stop() const { return options.stopRequested && options.stopRequested(); }

    Result<void> connectTcp()
    {
        const Result<int> connected
                = media::connectTcp(options.url, options.timeoutMs, [this] { return stop(); });
        if (!connected)
            return connected.error();
        fd = connected.value();
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
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            Result<char*> room = parser.reserve(RtspStreamParser::kReadBlock);
            if (!room)
                return room.error();
            const ssize_t n = ::recv(fd, room.value(), RtspStreamParser::kReadBlock, 0);
            parser.received(n);
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

    Result<Response> request(
            const QByteArray& method, const QByteArray& uri, const QByteArray& extra = {})
    {
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (Result<void> sent = send(method, uri, extra); !sent)
                return sent.error();
            std::optional<Result<Response>> taken;
            while (!(taken = parser.takeResponse())) {
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
        return media::CameraErrors::refusedLogin(options.url);
    }

    Error failure(const Response& r, const char* what) const
    {
        const QString url = options.url.toString(QUrl::RemoveUserInfo);
        if (r.code == 401 || r.code == 403)
            return media::CameraErrors::refusedLogin(options.url);
        if (r.code == 404)
            return media::CameraErrors::streamNotOffered(options.url);
        if (r.code == 461)
            return error(Error::Code::Unsupported, tr("The camera cannot send video over TCP."));
        return error(Error::Code::Protocol, tr("The camera %1 refused to stream.").arg(url),
                QStringLiteral("%1: RTSP %2").arg(QLatin1String(what)).arg(r.code));
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

    Result<RtspStreamParser::VideoDescription> video
            = RtspStreamParser::describeVideo(described->body);
    if (!video)
        return video.error();
    for (const QByteArray& nal : video->parameterSets)
        d->parser.noteParameterSet(nal);
    const QByteArray& control = video->control;
    if (control.isEmpty() || control == "*")
        d->controlUri = base;
    else if (control.startsWith("rtsp://") || control.startsWith("rtsps://")) {
        // Credentials go only to the host the user added.
        if (QUrl(QString::fromUtf8(control)).host() != options.url.host())
            return d->error(Error::Code::Protocol,
                    tr("The camera %1 sent a stream address on another host; Vigil does not "
                       "follow it.")
                            .arg(options.url.toString(QUrl::RemoveUserInfo)),
                    QString::fromUtf8(control.left(200)));
        d->controlUri = control;
    } else
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
        if (d->parser.oversizedFrames() > 0)
            return d->error(Error::Code::Protocol,
                    tr("The camera sent a frame larger than 16 MB; the stream was dropped."));
        if (std::optional<Frame> frame = d->parser.takeFrame())
            return std::move(*frame);
        // Keep the session alive (cameras drop sessions after their timeout without requests).
        if (d->clock.elapsed() - d->lastKeepaliveMs > d->sessionTimeoutS * 1000 / 2) {
            d->lastKeepaliveMs = d->clock.elapsed();
            if (Result<void> sent = d->send("GET_PARAMETER", d->baseUri, {}); !sent)
                return sent.error();
        }
        // Everything complete in the buffer, then read more.
        Result<bool> progressed = d->parser.process();
        if (!progressed)
            return progressed.error();
        if (progressed.value())
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
    return d->parser.parameterSets();
}

std::optional<qint64> RtspSession::wallClockOfRtpZeroMs() const
{
    return d->parser.wallClockOfRtpZeroMs();
}

qint64 RtspSession::lostPackets() const
{
    return d->parser.lostPackets();
}

qint64 RtspSession::oversizedFrames() const
{
    return d->parser.oversizedFrames();
}

bool RtspSession::usesBasicAuthentication() const
{
    return d->usedBasic;
}

} // namespace vigil::media
