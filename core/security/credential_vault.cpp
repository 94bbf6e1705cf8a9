#include "core/security/credential_vault.h"

#include "core/security/key_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

namespace vigil::security {

Result<CredentialVault> CredentialVault::open(const QString& keyFile)
{
    if (sodium_init() < 0)
        return Error {Error::Code::Unknown, tr("The encryption library could not start."), {}};
    QFile file(keyFile);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error {Error::Code::NotWritable,
                    tr("Cannot read the key file \"%1\".").arg(QDir::toNativeSeparators(keyFile)),
                    file.errorString()};
        const QByteArray key = file.readAll();
        if (key.size() != crypto_secretbox_KEYBYTES)
            return Error {Error::Code::Corrupt,
                    tr("The key file \"%1\" is damaged; camera passwords cannot be read. Restore "
                       "it from a backup.")
                            .arg(QDir::toNativeSeparators(keyFile)),
                    {}};
        return CredentialVault(key);
    }
    KeyFiles::makeFolderFor(keyFile);
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    crypto_secretbox_keygen(reinterpret_cast<unsigned char*>(key.data()));
    QSaveFile out(keyFile);
    if (!out.open(QIODevice::WriteOnly) || out.write(key) != key.size()
            || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || !out.commit()) {
        return Error {Error::Code::NotWritable,
                tr("Cannot create the key file \"%1\".").arg(QDir::toNativeSeparators(keyFile)),
                out.errorString()};
    }
    return CredentialVault(key);
}

QByteArray CredentialVault::seal(const QString& secret) const
{
    const QByteArray plain = secret.toUtf8();
    QByteArray sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(),
            Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(sealed.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
            reinterpret_cast<const unsigned char*>(plain.constData()), quint64(plain.size()), nonce,
            reinterpret_cast<const unsigned char*>(m_key.constData()));
    return sealed;
}

Result<QString> CredentialVault::unseal(const QByteArray& sealed) const
{
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() < overhead)
        return Error {Error::Code::Corrupt, tr("A stored camera password is damaged."), {}};
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                nonce + crypto_secretbox_NONCEBYTES,
                quint64(sealed.size() - crypto_secretbox_NONCEBYTES), nonce,
                reinterpret_cast<const unsigned char*>(m_key.constData()))
            != 0) {
        return Error {Error::Code::Corrupt,
                tr("A stored camera password cannot be read with this installation's key (was the "
                   "key file replaced?)."),
                {}};
    }
    return QString::fromUtf8(plain);
}

} // namespace vigil::security
