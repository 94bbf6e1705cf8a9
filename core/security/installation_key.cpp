#include "core/security/installation_key.h"

#include "core/security/key_files.h"

#include <QCryptographicHash>
#include <QDir>

#include <sodium.h>

namespace vigil::security {

namespace {

/// DER of SubjectPublicKeyInfo { AlgorithmIdentifier { id-Ed25519 }, BIT STRING } before the
/// 32 key bytes (RFC 8410).
const QByteArray kSpkiPrefix = QByteArray::fromHex("302a300506032b6570032100");
constexpr char kPemBegin[] = "-----BEGIN PUBLIC KEY-----";
constexpr char kPemEnd[] = "-----END PUBLIC KEY-----";

const unsigned char* bytes(const QByteArray& a)
{
    return reinterpret_cast<const unsigned char*>(a.constData());
}

} // namespace

Result<InstallationKey> InstallationKey::open(const QString& keysDir, bool create)
{
    const Result<QByteArray> key = KeyFiles::signingKey(QDir(keysDir).filePath(fileName()), create);
    if (!key)
        return key.error();
    if (key->isEmpty())
        return Error {Error::Code::NotFound,
                tr("This installation has no signing key yet (\"%1\").")
                        .arg(QDir::toNativeSeparators(QDir(keysDir).filePath(fileName()))),
                {}};
    return InstallationKey(key.value());
}

QByteArray InstallationKey::publicKey() const
{
    QByteArray pk(crypto_sign_PUBLICKEYBYTES, '\0');
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(pk.data()), bytes(m_secret));
    return pk;
}

QByteArray InstallationKey::sign(const QByteArray& message) const
{
    QByteArray signature(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
            bytes(message), quint64(message.size()), bytes(m_secret));
    return signature;
}

QByteArray InstallationKey::pemOf(const QByteArray& publicKey)
{
    return QByteArray(kPemBegin) + '\n' + QByteArray(kSpkiPrefix + publicKey).toBase64() + '\n'
            + kPemEnd + '\n';
}

std::optional<QByteArray> InstallationKey::publicKeyFromPem(const QByteArray& pem)
{
    const qsizetype begin = pem.indexOf(kPemBegin);
    const qsizetype end = pem.indexOf(kPemEnd);
    if (begin < 0 || end < begin)
        return std::nullopt;
    const qsizetype from = begin + qsizetype(sizeof kPemBegin) - 1;
    const QByteArray der = QByteArray::fromBase64(
            pem.mid(from, end - from).simplified(), QByteArray::AbortOnBase64DecodingErrors);
    if (der.size() != kSpkiPrefix.size() + crypto_sign_PUBLICKEYBYTES
            || !der.startsWith(kSpkiPrefix))
        return std::nullopt;
    return der.mid(kSpkiPrefix.size());
}

QString InstallationKey::fingerprintOf(const QByteArray& publicKey)
{
    const QByteArray hex = QCryptographicHash::hash(
            QByteArray(kSpkiPrefix + publicKey), QCryptographicHash::Sha256)
                                   .toHex();
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += 4)
        groups << QString::fromLatin1(hex.mid(i, 4));
    return groups.join(u' ');
}

bool InstallationKey::verify(
        const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature)
{
    if (sodium_init() < 0 || publicKey.size() != crypto_sign_PUBLICKEYBYTES
            || signature.size() != crypto_sign_BYTES)
        return false;
    return crypto_sign_verify_detached(
                   bytes(signature), bytes(message), quint64(message.size()), bytes(publicKey))
            == 0;
}

} // namespace vigil::security
