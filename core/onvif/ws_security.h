#pragma once

#include <QByteArray>
#include <QString>

namespace vigil::onvif {

/// WS-Security UsernameToken with PasswordDigest (OASIS UsernameToken Profile 1.0), as ONVIF
/// devices require: Digest = Base64(SHA-1(nonce ‖ created ‖ password)), where `created` is the
/// exact string sent and the password is UTF-8.
struct UsernameToken
{
    QString username;
    QByteArray nonce; ///< raw bytes (16 random bytes per request)
    QString created; ///< "YYYY-MM-DDThh:mm:ss.zzzZ", in the *device's* clock
    QString digest; ///< Base64

    static QString passwordDigest(
            const QByteArray& nonce, const QString& created, const QString& password);
    /// A fresh token dated `deviceUtcMs` (local UTC plus the device's clock offset).
    static UsernameToken create(
            const QString& username, const QString& password, qint64 deviceUtcMs);
    /// The <Security> header element, in the namespace form real devices accept.
    QString securityHeaderXml() const;
};

/// The ONVIF `Created` form: UTC with milliseconds and a Z.
QString formatCreated(qint64 utcMs);
/// Parses `Created` (with or without fractional seconds; Z or +00:00); -1 when unreadable.
qint64 parseCreated(const QString& created);

} // namespace vigil::onvif
