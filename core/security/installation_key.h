#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace vigil::security {

/// This installation's signing key: Ed25519 (libsodium), made on first use in the data folder's
/// keys/ and readable by its owner only. It signs evidence packages; its public half goes into
/// each package as `public_key.pem` (SubjectPublicKeyInfo, as OpenSSL reads it), and its
/// fingerprint is shown in Settings ▸ About and in every report, for a court to compare.
class InstallationKey
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::InstallationKey)

public:
    /// The key in `keysDir` (made there when missing and `create`).
    static Result<InstallationKey> open(const QString& keysDir, bool create = true);
    static QString fileName() { return QStringLiteral("installation.key"); }

    QByteArray publicKey() const; ///< 32 bytes
    QByteArray sign(const QByteArray& message) const; ///< a 64-byte detached signature
    QByteArray publicKeyPem() const { return pemOf(publicKey()); }
    QString fingerprint() const { return fingerprintOf(publicKey()); }

    /// PEM of a raw Ed25519 public key, as `openssl pkey -pubout` writes it.
    static QByteArray pemOf(const QByteArray& publicKey);
    /// The raw public key in such a PEM; nullopt when it is not one.
    static std::optional<QByteArray> publicKeyFromPem(const QByteArray& pem);
    /// SHA-256 of the key's DER SubjectPublicKeyInfo, in groups of four hex digits:
    /// `openssl pkey -pubin -in public_key.pem -outform DER | sha256sum` prints the same digits.
    static QString fingerprintOf(const QByteArray& publicKey);
    static bool verify(
            const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature);

private:
    explicit InstallationKey(QByteArray secret)
        : m_secret(std::move(secret))
    { }
    QByteArray m_secret;
};

} // namespace vigil::security
