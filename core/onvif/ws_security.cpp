#include "core/onvif/ws_security.h"

#include "core/onvif/xml_tree.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

namespace vigil::onvif {

QString UsernameToken::passwordDigest(
        const QByteArray& nonce, const QString& created, const QString& password)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(nonce);
    sha1.addData(created.toUtf8());
    sha1.addData(password.toUtf8());
    return QString::fromLatin1(sha1.result().toBase64());
}

UsernameToken UsernameToken::create(
        const QString& username, const QString& password, qint64 deviceUtcMs)
{
    UsernameToken token;
    token.username = username;
    token.nonce.resize(16);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(token.nonce.data()), 4);
    token.created = formatCreated(deviceUtcMs);
    token.digest = passwordDigest(token.nonce, token.created, password);
    return token;
}

QString UsernameToken::securityHeaderXml() const
{
    return QStringLiteral(
            "<Security s:mustUnderstand=\"1\" "
            "xmlns=\"http://docs.oasis-open.org/wss/2004/01/"
            "oasis-200401-wss-wssecurity-secext-1.0.xsd\">"
            "<UsernameToken><Username>%1</Username>"
            "<Password Type=\"http://docs.oasis-open.org/wss/2004/01/"
            "oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">%2</Password>"
            "<Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/"
            "oasis-200401-wss-soap-message-security-1.0#Base64Binary\">%3</Nonce>"
            "<Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/"
            "oasis-200401-wss-wssecurity-utility-1.0.xsd\">%4</Created>"
            "</UsernameToken></Security>")
            .arg(xmlEscape(username), digest, QString::fromLatin1(nonce.toBase64()), created);
}

QString formatCreated(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

qint64 parseCreated(const QString& created)
{
    QDateTime t = QDateTime::fromString(created.trimmed(), Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(created.trimmed(), Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : -1;
}

} // namespace vigil::onvif
