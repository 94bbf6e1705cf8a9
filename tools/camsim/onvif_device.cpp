#include "onvif_device.h"

#include "core/onvif/http_digest.h"
#include "core/onvif/ws_security.h"
#include "onvif_device_p.h"
#include "rtsp_server.h"
#include "soap.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QRandomGenerator>
#include <QUuid>

namespace vigil::camsim {

namespace {

const QString kNsSoap = QStringLiteral("http://www.w3.org/2003/05/soap-envelope");
const QString kNsWsse = QStringLiteral(
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd");
const QString kPasswordDigestType
        = QStringLiteral("http://docs.oasis-open.org/wss/2004/01/"
                         "oasis-200401-wss-username-token-profile-1.0#PasswordDigest");
const QString kRealm = QStringLiteral("vigil-camsim");
constexpr qint64 kDigestNonceLifetimeMs = 5 * 60'000;

} // namespace

OnvifDevice::OnvifDevice(CameraIdentity identity, const Options& options, const MediaSet& media,
        RtspServers* rtsp, QObject* parent)
    : QObject(parent)
    , m_identity(std::move(identity))
    , m_options(options)
    , m_media(media)
    , m_rtsp(rtsp)
{
    m_clock.start();
    m_http = std::make_unique<HttpServer>(
            [this](const HttpRequest& request, HttpServer::Respond respond) {
                handle(request, std::move(respond));
            });
    initPtz();
    m_eventTimer.setInterval(250);
    connect(&m_eventTimer, &QTimer::timeout, this, &OnvifDevice::tickEvents);
    m_eventTimer.start();
}

OnvifDevice::~OnvifDevice() = default;

bool OnvifDevice::listen(QString* error)
{
    if (!m_http->listen(m_identity.bind, m_identity.httpPort)) {
        if (error)
            *error = QStringLiteral("camera %1: cannot listen for HTTP on %2:%3: %4")
                             .arg(m_identity.index)
                             .arg(m_identity.bind.toString())
                             .arg(m_identity.httpPort)
                             .arg(m_http->errorString());
        return false;
    }
    m_identity.httpPort = m_http->port();

    // Identity from the site and the camera's number: stable across restarts whatever ports
    // were free, like a real camera's, and distinct between sites.
    const QString seed
            = QStringLiteral("vigil-camsim:%1:%2")
                      .arg(m_options.site.isEmpty() ? m_identity.bind.toString() : m_options.site)
                      .arg(m_identity.index);
    const QUuid uuid = QUuid::createUuidV5(
            QUuid(QStringLiteral("{6f2c1d7e-4b8a-5f0e-9c3d-2a1b0e9f8d7c}")), seed);
    m_identity.uuid = QStringLiteral("urn:uuid:") + uuid.toString(QUuid::WithoutBraces);
    const QByteArray bytes = uuid.toRfc4122();
    m_identity.serial
            = QStringLiteral("VCS") + QString::fromLatin1(bytes.toHex().left(10)).toUpper();
    m_identity.hardwareId = m_identity.ptz ? QStringLiteral("CS-PTZ") : QStringLiteral("CS-B");
    QStringList mac {QStringLiteral("02")};
    for (int i = 0; i < 5; ++i)
        mac << QString::fromLatin1(bytes.mid(i, 1).toHex());
    m_identity.mac = mac.join(u':');
    return true;
}

QString OnvifDevice::advertisedHost(quint16 port) const
{
    const QHostAddress host
            = m_options.quirks.wrongXAddr ? Options::unreachableAddress() : m_identity.bind;
    return host.toString() + u':' + QString::number(port);
}

QString OnvifDevice::deviceServiceUrl() const
{
    return QStringLiteral("http://%1/onvif/device_service")
            .arg(advertisedHost(m_identity.httpPort));
}

QString OnvifDevice::streamUri(const QString& profile) const
{
    return QStringLiteral("rtsp://%1/%2").arg(advertisedHost(m_identity.rtspPort), profile);
}

QString OnvifDevice::snapshotUri(const QString& profile) const
{
    return QStringLiteral("http://%1/onvif/snapshot?profile=%2")
            .arg(advertisedHost(m_identity.httpPort), profile);
}

qint64 OnvifDevice::deviceNowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + qint64(m_options.quirks.clockSkewSeconds) * 1000;
}

bool OnvifDevice::motionNow() const
{
    if (m_media.motionPerSecond.isEmpty())
        return false;
    const qint64 second = m_clock.elapsed() / 1000;
    return m_media.motionPerSecond.at(int(second % m_media.motionPerSecond.size()));
}

void OnvifDevice::handle(const HttpRequest& request, HttpServer::Respond respond)
{
    auto go = [this, request, respond]() mutable {
        if (request.method == "GET" && request.path() == "/onvif/snapshot") {
            serveSnapshot(request, respond);
            return;
        }
        Call call;
        call.request = request;
        call.respond = std::move(respond);
        if (request.method != "POST") {
            HttpResponse r {405, {{"Allow", "POST"}}, {}, "text/plain"};
            call.respond(r);
            return;
        }
        if (request.bodyTooLarge) {
            fault(call, 413, QStringLiteral("env:Sender"), QStringLiteral("ter:InvalidArgVal"),
                    QStringLiteral("The message is larger than %1 bytes")
                            .arg(HttpServer::kMaxBodyBytes));
            return;
        }
        // HTTP-level authentication comes before the body is read, as on a real web server:
        // clients like curl --digest send an empty body first to fetch the challenge.
        if (!m_options.user.isEmpty()) {
            const bool hasDigest = request.header("authorization").startsWith("Digest ");
            bool stale = false;
            if (hasDigest && !checkHttpDigest(request, &stale)) {
                call.respond(digestChallenge(stale));
                return;
            }
            if (!hasDigest && request.body.trimmed().isEmpty()) {
                call.respond(digestChallenge(false));
                return;
            }
            call.httpAuthenticated = hasDigest;
        }
        QString parseError;
        const std::optional<onvif::XmlElement> envelope
                = onvif::XmlElement::parse(request.body, &parseError);
        if (!envelope || envelope->localName() != QLatin1String("Envelope")) {
            fault(call, 400, QStringLiteral("env:Sender"), QStringLiteral("ter:WellFormed"),
                    envelope ? QStringLiteral("Not a SOAP envelope")
                             : QStringLiteral("Malformed XML: ") + parseError);
            return;
        }
        if (envelope->namespaceUri() != kNsSoap) {
            fault(call, 400, QStringLiteral("env:VersionMismatch"),
                    QStringLiteral("ter:WellFormed"), QStringLiteral("SOAP 1.2 is required"));
            return;
        }
        dispatch(call, *envelope);
    };
    if (m_options.quirks.slowMs > 0)
        QTimer::singleShot(m_options.quirks.slowMs, this, go);
    else
        go();
}

void OnvifDevice::dispatch(Call& call, const onvif::XmlElement& envelope)
{
    const onvif::XmlElement* body = envelope.child(QStringLiteral("Body"));
    if (!body || body->children().isEmpty()) {
        fault(call, 400, QStringLiteral("env:Sender"), QStringLiteral("ter:InvalidArgs"),
                QStringLiteral("Empty body"));
        return;
    }
    call.body = &body->children().first();
    call.operation = call.body->localName();
    const QString ns = call.body->namespaceUri();

    if (call.operation != QLatin1String("GetSystemDateAndTime") && !authenticate(call, envelope))
        return;

    bool handled = false;
    if (ns == QLatin1String("http://www.onvif.org/ver10/device/wsdl"))
        handled = deviceService(call);
    else if (ns == QLatin1String("http://www.onvif.org/ver10/media/wsdl")
            && !m_options.quirks.media2Only)
        handled = mediaService(call);
    else if (ns == QLatin1String("http://www.onvif.org/ver20/media/wsdl"))
        handled = media2Service(call);
    else if (ns == QLatin1String("http://www.onvif.org/ver20/ptz/wsdl") && m_identity.ptz)
        handled = ptzService(call);
    else if (ns == QLatin1String("http://www.onvif.org/ver10/events/wsdl")
            || ns == QLatin1String("http://docs.oasis-open.org/wsn/b-2"))
        handled = eventService(call);
    if (!handled) {
        fault(call, 400, QStringLiteral("env:Receiver"), QStringLiteral("ter:ActionNotSupported"),
                QStringLiteral("Optional action not implemented: %1").arg(call.operation));
    }
}

void OnvifDevice::answer(Call& call, const QString& bodyXml, const QString& header)
{
    HttpResponse r;
    r.body = soap::envelope(bodyXml, header).toUtf8();
    call.respond(r);
}

void OnvifDevice::fault(
        Call& call, int status, const QString& code, const QString& subcode, const QString& reason)
{
    HttpResponse r;
    r.status = status;
    r.body = soap::fault(code, subcode, reason).toUtf8();
    call.respond(r);
}

bool OnvifDevice::authenticate(Call& call, const onvif::XmlElement& envelope)
{
    if (m_options.user.isEmpty())
        return true;

    if (call.httpAuthenticated)
        return true;
    if (m_options.quirks.httpDigestOnly) {
        // A camera set to "Digest" only: UsernameToken is ignored, the challenge is the answer.
        call.respond(digestChallenge(false));
        return false;
    }

    const onvif::XmlElement* token = nullptr;
    if (const onvif::XmlElement* header = envelope.child(QStringLiteral("Header"))) {
        if (const onvif::XmlElement* security = header->child(QStringLiteral("Security")))
            token = security->child(QStringLiteral("UsernameToken"));
    }
    if (!token) {
        // No credentials at all: offer HTTP Digest (401) and say why in a SOAP fault.
        HttpResponse r = digestChallenge(false);
        r.contentType = "application/soap+xml; charset=utf-8";
        r.body = soap::fault(QStringLiteral("env:Sender"), QStringLiteral("ter:NotAuthorized"),
                QStringLiteral("Sender not authorized"))
                         .toUtf8();
        call.respond(r);
        return false;
    }

    auto refuse = [&](const QString& why) {
        qInfo("camera %d: %s refused: %s", m_identity.index, qPrintable(call.operation),
                qPrintable(why));
        fault(call, 400, QStringLiteral("env:Sender"), QStringLiteral("ter:NotAuthorized"),
                QStringLiteral("Sender not authorized"));
        return false;
    };
    const onvif::XmlElement* password = token->child(QStringLiteral("Password"));
    const QString username = token->textAt({u"Username"});
    const QString nonceText = token->textAt({u"Nonce"});
    const QString created = token->textAt({u"Created"});
    if (!password
            || (!password->attribute(u"Type").isEmpty()
                    && password->attribute(u"Type") != kPasswordDigestType))
        return refuse(QStringLiteral("not a PasswordDigest"));
    if (nonceText.isEmpty() || created.isEmpty())
        return refuse(QStringLiteral("nonce and Created are required"));
    const qint64 createdMs = onvif::parseCreated(created);
    const qint64 now = deviceNowMs();
    if (createdMs < 0 || qAbs(now - createdMs) > kCreatedWindowMs)
        return refuse(QStringLiteral("Created %1 is outside the window of the device clock %2")
                              .arg(created, onvif::formatCreated(now)));
    const QByteArray nonce = QByteArray::fromBase64(nonceText.toLatin1());
    for (auto it = m_seenNonces.begin(); it != m_seenNonces.end();) {
        it = it.value() < now ? m_seenNonces.erase(it) : std::next(it);
    }
    if (m_seenNonces.contains(nonce))
        return refuse(QStringLiteral("nonce replayed"));
    if (username != m_options.user
            || password->text()
                    != onvif::UsernameToken::passwordDigest(nonce, created, m_options.password))
        return refuse(QStringLiteral("wrong user name or password"));
    m_seenNonces.insert(nonce, now + 2 * kCreatedWindowMs);
    return true;
}

bool OnvifDevice::checkHttpDigest(const HttpRequest& request, bool* stale) const
{
    const QMap<QString, QString> p = onvif::parseAuthParams(request.header("authorization").mid(7));
    const QString nonce = p.value(QStringLiteral("nonce"));
    const auto issued = m_digestNonces.constFind(nonce);
    if (issued == m_digestNonces.cend()) {
        *stale = false;
        return false;
    }
    if (issued.value() < QDateTime::currentMSecsSinceEpoch()) {
        *stale = true;
        return false;
    }
    const QString expected
            = onvif::digestResponse(p.value(QStringLiteral("algorithm"), QStringLiteral("MD5")),
                    m_options.user, kRealm, m_options.password, QString::fromLatin1(request.method),
                    p.value(QStringLiteral("uri")), nonce, p.value(QStringLiteral("nc")),
                    p.value(QStringLiteral("cnonce")), p.value(QStringLiteral("qop")));
    return p.value(QStringLiteral("username")) == m_options.user
            && p.value(QStringLiteral("realm")) == kRealm
            && p.value(QStringLiteral("response")) == expected;
}

HttpResponse OnvifDevice::digestChallenge(bool stale)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_digestNonces.begin(); it != m_digestNonces.end();)
        it = it.value() < now ? m_digestNonces.erase(it) : std::next(it);
    onvif::DigestChallenge challenge;
    challenge.realm = kRealm;
    challenge.nonce = QString::number(QRandomGenerator::system()->generate64(), 16)
            + QString::number(QRandomGenerator::system()->generate64(), 16);
    challenge.qop = QStringLiteral("auth");
    challenge.stale = stale;
    m_digestNonces.insert(challenge.nonce, now + kDigestNonceLifetimeMs);
    HttpResponse r;
    r.status = 401;
    challenge.algorithm = QStringLiteral("SHA-256");
    r.headers.append({"WWW-Authenticate", challenge.toHeader()});
    challenge.algorithm = QStringLiteral("MD5");
    r.headers.append({"WWW-Authenticate", challenge.toHeader()});
    r.contentType = "text/plain";
    return r;
}

void OnvifDevice::serveSnapshot(const HttpRequest& request, const HttpServer::Respond& respond)
{
    if (!m_options.user.isEmpty()) {
        bool stale = false;
        if (!request.header("authorization").startsWith("Digest ")
                || !checkHttpDigest(request, &stale)) {
            respond(digestChallenge(stale));
            return;
        }
    }
    if (m_media.snapshots.isEmpty()) {
        respond(HttpResponse {500, {}, {}, "text/plain"});
        return;
    }
    const qint64 second = m_clock.elapsed() / 1000;
    QFile file(m_media.snapshots.at(int(second % m_media.snapshots.size())));
    if (!file.open(QIODevice::ReadOnly)) {
        respond(HttpResponse {500, {}, {}, "text/plain"});
        return;
    }
    HttpResponse r;
    r.contentType = "image/jpeg";
    r.body = file.readAll();
    if (m_identity.ptz)
        r.body = ptzSnapshot(r.body, request.query("profile") == "sub");
    respond(r);
}

} // namespace vigil::camsim
