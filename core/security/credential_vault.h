#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace vigil::security {

/// Keeps camera passwords out of the catalog in plain text: each is sealed with libsodium's
/// secretbox (XSalsa20-Poly1305, random nonce) under a key kept in `<data-dir>/keys/`, readable by
/// the owner only. Someone who copies the catalog alone learns no password. (A later step moves the
/// key into the operating system's keychain.)
class CredentialVault
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::CredentialVault)

public:
    /// Loads the key from `keyFile`, creating it (mode 0600) on first use.
    static Result<CredentialVault> open(const QString& keyFile);

    QByteArray seal(const QString& secret) const;
    /// The secret, or an error when the data was not sealed with this key or was altered.
    Result<QString> unseal(const QByteArray& sealed) const;

private:
    explicit CredentialVault(QByteArray key)
        : m_key(std::move(key))
    { }
    QByteArray m_key;
};

} // namespace vigil::security
