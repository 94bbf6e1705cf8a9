#include "core/onvif/onvif_client.h"

#include "core/logging_categories.h"
#include "core/onvif/onvif_parsers.h"
#include "core/onvif/ws_security.h"

#include <QDateTime>
#include <QHostAddress>
#include <QRegularExpression>

namespace vigil::onvif {

namespace {

constexpr qint64 kClockWarningMs = 60'000;

QByteArray envelope(const QString& header, const QString& body)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">"
                          "<s:Header>%1</s:Header><s:Body>%2</s:Body></s:Envelope>")
            .arg(header, body)
            .toUtf8();
}

int defaultPort(const QUrl& url)
{
    if (url.scheme() == QLatin1String("https"))
        return url.port(443);
    if (url.scheme() == QLatin1String("rtsp"))
        return url.port(554);
    return url.port(80);
}

bool isHttp(const QUrl& url)
{
    return url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
}

} // namespace

struct OnvifClient::Attempt
{
    QString url;
    QString body;
    Reply done;
    bool authenticate = true;
    bool sentDigest = false;
    bool resynced = false;
    int staleRetries = 0;
};

OnvifClient::OnvifClient(QUrl deviceUrl, QString user, QString password, QObject* parent)
    : QObject(parent)
    , m_deviceUrl(std::move(deviceUrl))
    , m_user(std::move(user))
    , m_password(std::move(password))
{
    if (m_user.isEmpty())
        m_auth = AuthMethod::None;
}

OnvifClient::~OnvifClient() = default;

QString OnvifClient::displayAddress() const
{
    return m_deviceUrl.port() > 0
            ? QStringLiteral("%1:%2").arg(m_deviceUrl.host()).arg(m_deviceUrl.port())
            : m_deviceUrl.host();
}

QString OnvifClient::rewriteUrl(
        const QString& advertised, const QUrl& reached, AddressKind kind, int advertisedHttpPort)
{
    QUrl url(advertised.trimmed());
    if (!url.isValid() || url.host().isEmpty())
        return advertised.trimmed();
    url.setHost(reached.host());
    // Only an address on the server that was reached takes its port, and only when both speak the
    // same scheme (an https service reached over http keeps its own port).
    const bool sameServer = kind == AddressKind::Service
            || (isHttp(url) && advertisedHttpPort > 0 && defaultPort(url) == advertisedHttpPort);
    if (sameServer && url.scheme() == reached.scheme())
        url.setPort(reached.port());
    return url.toString();
}

QString OnvifClient::rewrite(const QString& advertised, AddressKind kind)
{
    if (!m_rewrite)
        return advertised.trimmed();
    if (kind == AddressKind::Service && m_advertisedHttpPort < 0) {
        const QUrl url(advertised.trimmed());
        if (isHttp(url) && !url.host().isEmpty())
            m_advertisedHttpPort = defaultPort(url);
    }
    return rewriteUrl(advertised, m_deviceUrl, kind, m_advertisedHttpPort);
}

QString OnvifClient::operationName(const QString& bodyXml) const
{
    static const QRegularExpression first(QStringLiteral("<(?:[\\w-]+:)?([\\w-]+)"));
    return first.match(bodyXml).captured(1);
}

void OnvifClient::syncClock(std::function<void(Result<qint64>)> done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->url = m_deviceUrl.toString();
    attempt->body = QStringLiteral(
            "<GetSystemDateAndTime xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>");
    attempt->authenticate = false;
    attempt->resynced = true; // refused even so: asking the time again would never end
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    attempt->done = [this, done, sentAt](Result<XmlElement> answer) {
        if (!answer) {
            done(answer.error());
            return;
        }
        const std::optional<qint64> deviceTime = parseSystemDateAndTime(answer.value());
        if (!deviceTime) {
            done(Error {Error::Code::Protocol,
                    tr("The camera at %1 did not say what time it is.").arg(displayAddress()), {}});
            return;
        }
        // The device clock has a resolution of one second: compare with the middle of the exchange.
        const qint64 middle = (sentAt + QDateTime::currentMSecsSinceEpoch()) / 2;
        m_clockOffsetMs = *deviceTime - middle;
        m_clockKnown = true;
        qCInfo(lcOnvif) << "clock of" << displayAddress() << "differs by" << m_clockOffsetMs
                        << "ms";
        done(m_clockOffsetMs);
    };
    send(attempt);
}

void OnvifClient::call(const QString& serviceUrl, const QString& bodyXml, Reply done)
{
    auto attempt = std::make_shared<Attempt>();
    attempt->url = serviceUrl;
    attempt->body = bodyXml;
    attempt->done = std::move(done);
    attempt->authenticate = !m_user.isEmpty();
    send(attempt);
}

void OnvifClient::send(const std::shared_ptr<Attempt>& attempt)
{
    http::Request request;
    request.method = "POST";
    request.url = QUrl(attempt->url);
    request.headers.append({QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("application/soap+xml; charset=utf-8")});
    request.maxBodyBytes = kMaxAnswerBytes;
    request.timeoutMs = m_timeoutMs;
    QString header;
    const bool digest = attempt->authenticate && m_auth == AuthMethod::HttpDigest && m_challenge;
    if (digest) {
        const QUrl& url = request.url;
        const QString uri = url.path(QUrl::FullyEncoded)
                + (url.hasQuery() ? u'?' + url.query(QUrl::FullyEncoded) : QString());
        request.headers.append({QByteArrayLiteral("Authorization"),
                digestAuthorization(*m_challenge, m_user, m_password, QStringLiteral("POST"), uri,
                        ++m_nonceCount)});
        attempt->sentDigest = true;
    } else if (attempt->authenticate) {
        // A client should not send HTTP and WS credentials together: WS-Security unless Digest won.
        const UsernameToken token = UsernameToken::create(
                m_user, m_password, QDateTime::currentMSecsSinceEpoch() + m_clockOffsetMs);
        header = token.securityHeaderXml();
        attempt->sentDigest = false;
    }
    request.body = envelope(header, attempt->body);
    http::send(request, this, [this, attempt](const http::Response& response) {
        if (response.failure == http::Failure::TooLarge) {
            attempt->done(Error {Error::Code::Protocol,
                    tr("The camera at %1 sent an answer larger than %2 MB; it was refused.")
                            .arg(displayAddress())
                            .arg(kMaxAnswerBytes / (1024 * 1024)),
                    response.detail});
            return;
        }
        finished(response, attempt);
    });
}

void OnvifClient::finished(const http::Response& response, const std::shared_ptr<Attempt>& attempt)
{
    const int status = response.status;
    const QByteArray& body = response.body;
    const QString operation = operationName(attempt->body);

    // Some cameras want credentials even for GetSystemDateAndTime: ask again with them.
    if (status == 401 && !attempt->authenticate && !m_user.isEmpty()) {
        attempt->authenticate = true;
        send(attempt);
        return;
    }
    if (status == 401 && attempt->authenticate) {
        const QList<DigestChallenge> challenges
                = DigestChallenge::parse(response.values("www-authenticate"));
        const bool stale = !challenges.isEmpty() && challenges.first().stale;
        if (!challenges.isEmpty()
                && (!attempt->sentDigest || (stale && attempt->staleRetries++ < 2))) {
            // Prefer SHA-256 when offered.
            m_challenge = challenges.first();
            for (const DigestChallenge& c : challenges) {
                if (c.algorithm.compare(QLatin1String("SHA-256"), Qt::CaseInsensitive) == 0)
                    m_challenge = c;
            }
            m_nonceCount = 0;
            m_auth = AuthMethod::HttpDigest;
            send(attempt);
            return;
        }
        attempt->done(authenticationError());
        return;
    }
    if (status == 0 || (!response.ok() && body.isEmpty())) {
        attempt->done(networkError(response, QUrl(attempt->url)));
        return;
    }

    QString parseError;
    const std::optional<XmlElement> doc = XmlElement::parse(body, &parseError);
    if (!doc || doc->localName() != QLatin1String("Envelope")) {
        if (status == 401 || status == 403) {
            attempt->done(authenticationError());
            return;
        }
        attempt->done(Error {Error::Code::Protocol,
                tr("%1 answers, but not as an ONVIF camera (HTTP %2). Check the address, or turn "
                   "ONVIF on in the "
                   "camera's own settings.")
                        .arg(displayAddress())
                        .arg(status),
                parseError});
        return;
    }
    if (const std::optional<SoapFault> fault = parseFault(*doc)) {
        if (fault->isNotAuthorized() && !attempt->authenticate && !m_user.isEmpty()) {
            attempt->authenticate = true;
            send(attempt);
            return;
        }
        if (fault->isNotAuthorized() && attempt->authenticate) {
            if (!attempt->resynced && m_auth != AuthMethod::HttpDigest) {
                // The device clock may have jumped (reboot, NTP): date the token anew, once.
                attempt->resynced = true;
                syncClock([this, attempt](Result<qint64>) { send(attempt); });
                return;
            }
            attempt->done(authenticationError());
            return;
        }
        if (fault->isNotAuthorized()) {
            attempt->done(Error {Error::Code::AuthenticationFailed,
                    tr("The camera at %1 needs a user name and password.").arg(displayAddress()),
                    fault->reason});
            return;
        }
        if (fault->has(u"ActionNotSupported") || fault->has(u"ActionNotImplemented")
                || fault->has(u"UnknownAction")) {
            attempt->done(Error {Error::Code::Unsupported,
                    tr("The camera at %1 does not support %2.").arg(displayAddress(), operation),
                    fault->reason});
            return;
        }
        attempt->done(Error {Error::Code::Protocol,
                tr("The camera at %1 refused %2: %3")
                        .arg(displayAddress(), operation,
                                fault->reason.isEmpty() ? fault->subcodes.join(QLatin1String(", "))
                                                        : fault->reason),
                fault->subcodes.join(u'/')});
        return;
    }
    if (status >= 400) {
        attempt->done(Error {Error::Code::Protocol,
                tr("The camera at %1 answered %2 with HTTP error %3.")
                        .arg(displayAddress(), operation)
                        .arg(status),
                {}});
        return;
    }
    if (attempt->authenticate && m_auth == AuthMethod::Unknown)
        m_auth = AuthMethod::WsUsernameToken;
    attempt->done(*doc);
}

void OnvifClient::fetchSnapshot(const QString& url, std::function<void(Result<QByteArray>)> done)
{
    auto get = std::make_shared<std::function<void(std::optional<DigestChallenge>, int)>>();
    // The password goes only to the camera the user added, not to a server its answers name.
    const bool trusted = QUrl(url).host() == m_deviceUrl.host();
    *get = [this, url, done, get, trusted](std::optional<DigestChallenge> challenge, int nc) {
        http::Request request;
        request.url = QUrl(url);
        request.maxBodyBytes = kMaxSnapshotBytes;
        request.timeoutMs = m_timeoutMs;
        if (challenge && trusted) {
            const QUrl& u = request.url;
            const QString uri = u.path(QUrl::FullyEncoded)
                    + (u.hasQuery() ? u'?' + u.query(QUrl::FullyEncoded) : QString());
            request.headers.append({QByteArrayLiteral("Authorization"),
                    digestAuthorization(
                            *challenge, m_user, m_password, QStringLiteral("GET"), uri, nc)});
        }
        http::send(request, this,
                [this, done, get, challenge, url, trusted](const http::Response& response) {
                    if (response.failure == http::Failure::TooLarge) {
                        done(Error {Error::Code::Protocol,
                                tr("The camera at %1 sent a picture larger than %2 MB; it was "
                                   "refused.")
                                        .arg(displayAddress())
                                        .arg(kMaxSnapshotBytes / (1024 * 1024)),
                                response.detail});
                        return;
                    }
                    const int status = response.status;
                    if (status == 401 && !challenge && trusted) {
                        const QList<DigestChallenge> challenges
                                = DigestChallenge::parse(response.values("www-authenticate"));
                        if (!challenges.isEmpty()) {
                            (*get)(challenges.last(), 1);
                            return;
                        }
                    }
                    if (status == 401 || status == 403) {
                        done(authenticationError());
                        return;
                    }
                    const QByteArray& body = response.body;
                    if (status != 200 || body.isEmpty() || !response.ok()) {
                        done(status == 0 || !response.ok()
                                        ? networkError(response, QUrl(url))
                                        : Error {Error::Code::Protocol,
                                                tr("The camera at %1 sent no picture (HTTP %2).")
                                                        .arg(displayAddress())
                                                        .arg(status),
                                                {}});
                        return;
                    }
                    done(body);
                });
    };
    (*get)(std::nullopt, 0);
}

Error OnvifClient::authenticationError() const
{
    QString message
            = tr("The camera at %1 refused the user name or password.").arg(displayAddress());
    if (m_clockKnown && qAbs(m_clockOffsetMs) > kClockWarningMs) {
        const qint64 minutes = (qAbs(m_clockOffsetMs) + 30'000) / 60'000;
        const QString advice
                = tr("Some cameras refuse logins for that. Set the camera's time (or turn on "
                     "NTP in its settings), then try again.");
        message += u' '
                + (minutes <= 1 ? tr("Its clock is off by about a minute.")
                                : tr("Its clock is off by %1 minutes.").arg(minutes))
                + u' ' + advice;
    }
    return Error {Error::Code::AuthenticationFailed, message, {}};
}

Error OnvifClient::networkError(const http::Response& response, const QUrl& url) const
{
    // Name the address that failed: a service the camera advertised may live elsewhere.
    const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(defaultPort(url));
    const QString& detail = response.detail;
    switch (response.failure) {
    case http::Failure::Timeout:
        return Error {Error::Code::Timeout,
                tr("The camera at %1 did not answer within %2 seconds.")
                        .arg(where)
                        .arg(m_timeoutMs / 1000.0, 0, 'g', 3),
                detail};
    case http::Failure::Tls:
        return Error {Error::Code::Protocol,
                tr("The secure connection to the camera at %1 failed.").arg(where), detail};
    case http::Failure::Malformed:
        return Error {Error::Code::Protocol,
                tr("%1 answers, but not as an ONVIF camera. Check the address, or turn ONVIF on "
                   "in the camera's own settings.")
                        .arg(where),
                detail};
    case http::Failure::Refused:
    case http::Failure::HostNotFound:
    case http::Failure::Closed:
        return Error {Error::Code::Unreachable,
                tr("Nothing answers at %1. Check the address and that the camera is switched on "
                   "and connected.")
                        .arg(where),
                detail};
    default:
        return Error {Error::Code::Unreachable,
                tr("The camera at %1 could not be reached.").arg(where), detail};
    }
}

} // namespace vigil::onvif
