#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace vigil::onvif {

/// HTTP Digest authentication (RFC 2617, RFC 7616 SHA-256) as ONVIF devices and RTSP servers use
/// it: challenges from `WWW-Authenticate`, credentials in `Authorization`.
struct DigestChallenge
{
    QString realm;
    QString nonce;
    QString opaque;
    QString algorithm = QStringLiteral("MD5"); ///< "MD5" or "SHA-256"
    QString qop; ///< "auth" or empty
    bool stale = false;

    /// The `WWW-Authenticate` header value ("Digest realm=…").
    QByteArray toHeader() const;
    /// Every Digest challenge in a response's `WWW-Authenticate` values; other schemes are skipped.
    static QList<DigestChallenge> parse(const QList<QByteArray>& headerValues);
};

/// key="value" pairs after the scheme of an Authorization or WWW-Authenticate value; keys are
/// lower-cased. Quoted values may contain commas.
QMap<QString, QString> parseAuthParams(QByteArrayView value);

/// The `response` value: H(H(user:realm:pw):nonce[:nc:cnonce:qop]:H(method:uri)).
QString digestResponse(const QString& algorithm, const QString& username, const QString& realm,
        const QString& password, const QString& method, const QString& uri, const QString& nonce,
        const QString& nc, const QString& cnonce, const QString& qop);

/// The `Authorization` header value answering `challenge`.
QByteArray digestAuthorization(const DigestChallenge& challenge, const QString& username,
        const QString& password, const QString& method, const QString& uri, int nonceCount);

} // namespace vigil::onvif
