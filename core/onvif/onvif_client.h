#pragma once

#include "core/onvif/http_digest.h"
#include "core/onvif/http_exchange.h"
#include "core/onvif/xml_tree.h"
#include "core/result.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace vigil::onvif {

enum class AuthMethod { Unknown, None, WsUsernameToken, HttpDigest };

/// SOAP 1.2 over HTTP to one ONVIF device, with the authentication real cameras need:
/// WS-UsernameToken PasswordDigest dated in the *device's* clock (offset from an unauthenticated
/// GetSystemDateAndTime, re-synced once when a token is refused), HTTP Digest when the device
/// answers 401 with a challenge, and the method that worked remembered for later calls. Every
/// failure becomes an Error with a specific, translated message. Lives on one thread; callbacks
/// run on it and never after the client is destroyed.
class OnvifClient : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(Result<XmlElement>)>;

    OnvifClient(QUrl deviceUrl, QString user, QString password, QObject* parent = nullptr);
    ~OnvifClient() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    /// Rewrite advertised addresses to the host the device was reached on (default on).
    void setRewriteAddresses(bool on) { m_rewrite = on; }

    QUrl deviceUrl() const { return m_deviceUrl; }
    AuthMethod authMethod() const { return m_auth; }
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    bool clockKnown() const { return m_clockKnown; }

    /// GetSystemDateAndTime without credentials; stores and answers the device's clock offset.
    void syncClock(std::function<void(Result<qint64>)> done);
    /// One operation; `bodyXml` is the Body's content with its own namespace declarations.
    void call(const QString& serviceUrl, const QString& bodyXml, Reply done);

    /// GETs a snapshot URL (a JPEG), answering HTTP Digest challenges with this camera's
    /// credentials (snapshots use HTTP authentication, not WS-Security).
    void fetchSnapshot(const QString& url, std::function<void(Result<QByteArray>)> done);

    /// What an advertised address points at, for rewrite().
    enum class AddressKind {
        /// An ONVIF service or PullPoint: it lives on the HTTP server that was reached, so host
        /// and port come from the device address (behind port forwarding, or with a changed HTTP
        /// port, the advertised port is wrong).
        Service,
        /// A stream or snapshot URI: the reached host with its own port, except an HTTP URI on
        /// the device's own server (same port as its advertised services), which takes the
        /// reached port too.
        Media,
    };

    /// `advertised` moved to where this device was reached, when rewriting is on (0.0.0.0,
    /// link-local, a NAT'd or stale address, a forwarded port); path and query are kept.
    /// Decided without contacting the advertised address.
    QString rewrite(const QString& advertised, AddressKind kind = AddressKind::Service);
    /// `advertisedHttpPort`: the port the device's services were advertised on (-1: unknown).
    static QString rewriteUrl(const QString& advertised, const QUrl& reached, AddressKind kind,
            int advertisedHttpPort = -1);

    /// "camera name (host)" for messages.
    QString displayAddress() const;

private:
    struct Attempt;
    void send(const std::shared_ptr<Attempt>& attempt);
    void finished(const http::Response& response, const std::shared_ptr<Attempt>& attempt);

    /// The largest SOAP answer read (real cameras' biggest are ~100 KB) and snapshot.
    static constexpr qint64 kMaxAnswerBytes = 4 * 1024 * 1024;
    static constexpr qint64 kMaxSnapshotBytes = 16 * 1024 * 1024;
    Error networkError(const http::Response& response, const QUrl& url) const;
    Error authenticationError() const;
    QString operationName(const QString& bodyXml) const;

    QUrl m_deviceUrl;
    QString m_user;
    QString m_password;
    int m_timeoutMs = 10000;
    bool m_rewrite = true;
    int m_advertisedHttpPort = -1; ///< of the first service address rewritten
    AuthMethod m_auth = AuthMethod::Unknown;
    std::optional<DigestChallenge> m_challenge;
    int m_nonceCount = 0;
    qint64 m_clockOffsetMs = 0;
    bool m_clockKnown = false;
};

} // namespace vigil::onvif
