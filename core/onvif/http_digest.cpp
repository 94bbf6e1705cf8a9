#include "core/onvif/http_digest.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace vigil::onvif {

namespace {

QString hashHex(const QString& algorithm, const QString& text)
{
    const auto method = algorithm.compare(QLatin1String("SHA-256"), Qt::CaseInsensitive) == 0
            ? QCryptographicHash::Sha256
            : QCryptographicHash::Md5;
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), method).toHex());
}

} // namespace

QMap<QString, QString> parseAuthParams(QByteArrayView value)
{
    QMap<QString, QString> params;
    const QString text = QString::fromLatin1(value);
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && (text.at(i).isSpace() || text.at(i) == u','))
            ++i;
        const qsizetype keyStart = i;
        while (i < n && text.at(i) != u'=' && text.at(i) != u',' && !text.at(i).isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart).toLower();
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n || text.at(i) != u'=') {
            if (!key.isEmpty())
                params.insert(key, QString());
            continue;
        }
        ++i; // '='
        while (i < n && text.at(i).isSpace())
            ++i;
        QString v;
        if (i < n && text.at(i) == u'"') {
            ++i;
            while (i < n && text.at(i) != u'"') {
                if (text.at(i) == u'\\' && i + 1 < n)
                    ++i;
                v += text.at(i++);
            }
            ++i; // closing quote
        } else {
            const qsizetype valueStart = i;
            while (i < n && text.at(i) != u',')
                ++i;
            v = text.mid(valueStart, i - valueStart).trimmed();
        }
        if (!key.isEmpty())
            params.insert(key, v);
    }
    return params;
}

/// A quoted-string's content (RFC 7230 §3.2.6): quotes and backslashes escaped, so that a
/// realm or nonce from the camera cannot end the value and add parameters of its own.
static QString quotedContent(QString text)
{
    text.replace(u'\\', QLatin1String("\\\\"));
    text.replace(u'"', QLatin1String("\\\""));
    text.remove(u'\r');
    text.remove(u'\n');
    return text;
}

QByteArray DigestChallenge::toHeader() const
{
    QString h = QStringLiteral("Digest realm=\"%1\", nonce=\"%2\", algorithm=%3")
                        .arg(quotedContent(realm), quotedContent(nonce), algorithm);
    if (!qop.isEmpty())
        h += QStringLiteral(", qop=\"%1\"").arg(quotedContent(qop));
    if (!opaque.isEmpty())
        h += QStringLiteral(", opaque=\"%1\"").arg(quotedContent(opaque));
    if (stale)
        h += QStringLiteral(", stale=true");
    return h.toLatin1();
}

QList<DigestChallenge> DigestChallenge::parse(const QList<QByteArray>& headerValues)
{
    QList<DigestChallenge> result;
    for (const QByteArray& value : headerValues) {
        // Several challenges may be joined in one value: split before each "Digest " that
        // starts a challenge — not one inside a quoted realm or nonce.
        QList<QByteArrayView> parts;
        qsizetype from = 0;
        bool quoted = false;
        for (qsizetype i = 0; i < value.size(); ++i) {
            const char c = value.at(i);
            if (quoted) {
                if (c == '\\')
                    ++i; // the escaped character, whatever it is
                else if (c == '"')
                    quoted = false;
                continue;
            }
            if (c == '"') {
                quoted = true;
                continue;
            }
            const bool boundary = i > from
                    && (value.at(i - 1) == ' ' || value.at(i - 1) == ','
                            || value.at(i - 1) == '\t');
            if (boundary && QByteArrayView(value).sliced(i).startsWith("Digest ")) {
                parts.append(QByteArrayView(value).sliced(from, i - from));
                from = i;
            }
        }
        parts.append(QByteArrayView(value).sliced(from));
        for (QByteArrayView part : parts) {
            part = part.trimmed();
            if (!part.startsWith("Digest ") && !part.startsWith("digest "))
                continue;
            const QMap<QString, QString> p = parseAuthParams(part.sliced(7));
            DigestChallenge c;
            c.realm = p.value(QStringLiteral("realm"));
            c.nonce = p.value(QStringLiteral("nonce"));
            c.opaque = p.value(QStringLiteral("opaque"));
            c.algorithm = p.value(QStringLiteral("algorithm"), QStringLiteral("MD5"));
            const QStringList qops = p.value(QStringLiteral("qop")).split(u',', Qt::SkipEmptyParts);
            for (const QString& q : qops) {
                if (q.trimmed() == QLatin1String("auth"))
                    c.qop = QStringLiteral("auth");
            }
            c.stale = p.value(QStringLiteral("stale"))
                              .compare(QLatin1String("true"), Qt::CaseInsensitive)
                    == 0;
            // Only what is computed as it says: an unknown algorithm (SHA-512-256, say) was
            // labelled as asked but computed as MD5.
            const bool known = c.algorithm.compare(QLatin1String("MD5"), Qt::CaseInsensitive) == 0
                    || c.algorithm.compare(QLatin1String("SHA-256"), Qt::CaseInsensitive) == 0;
            c.algorithm = c.algorithm.toUpper(); // tokens are case-insensitive; echoed as named
            if (!c.nonce.isEmpty() && known)
                result.append(c);
        }
    }
    return result;
}

QString digestResponse(const QString& algorithm, const QString& username, const QString& realm,
        const QString& password, const QString& method, const QString& uri, const QString& nonce,
        const QString& nc, const QString& cnonce, const QString& qop)
{
    const QString ha1 = hashHex(algorithm, username + u':' + realm + u':' + password);
    const QString ha2 = hashHex(algorithm, method + u':' + uri);
    if (qop.isEmpty())
        return hashHex(algorithm, ha1 + u':' + nonce + u':' + ha2);
    return hashHex(
            algorithm, ha1 + u':' + nonce + u':' + nc + u':' + cnonce + u':' + qop + u':' + ha2);
}

QByteArray digestAuthorization(const DigestChallenge& challenge, const QString& username,
        const QString& password, const QString& method, const QString& uri, int nonceCount)
{
    const QString nc = QStringLiteral("%1").arg(nonceCount, 8, 16, QLatin1Char('0'));
    const QString cnonce = QString::number(QRandomGenerator::system()->generate64(), 16);
    const QString response = digestResponse(challenge.algorithm, username, challenge.realm,
            password, method, uri, challenge.nonce, nc, cnonce, challenge.qop);
    QString h = QStringLiteral("Digest username=\"%1\", realm=\"%2\", nonce=\"%3\", uri=\"%4\", "
                               "algorithm=%5, response=\"%6\"")
                        .arg(quotedContent(username), quotedContent(challenge.realm),
                                quotedContent(challenge.nonce), quotedContent(uri),
                                challenge.algorithm, response);
    if (!challenge.qop.isEmpty())
        h += QStringLiteral(", qop=%1, nc=%2, cnonce=\"%3\"").arg(challenge.qop, nc, cnonce);
    if (!challenge.opaque.isEmpty())
        h += QStringLiteral(", opaque=\"%1\"").arg(quotedContent(challenge.opaque));
    return h.toUtf8();
}

} // namespace vigil::onvif
