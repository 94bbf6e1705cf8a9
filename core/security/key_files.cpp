#include "core/security/key_files.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <sodium.h>

namespace vigil::security {

namespace {

constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;

} // namespace

QStringList KeyFiles::repairModes(const QString& dir)
{
    QStringList changed;
    const QFileInfo folder(dir);
    if (!folder.isDir())
        return changed;
    if (folder.permissions() & kOthers) {
        if (QFile::setPermissions(dir,
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                            | QFileDevice::ReadUser | QFileDevice::WriteUser
                            | QFileDevice::ExeUser))
            changed << dir;
    }
    const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo& f : files) {
        if (!(f.permissions() & kOthers))
            continue;
        if (QFile::setPermissions(f.absoluteFilePath(),
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                            | QFileDevice::WriteUser))
            changed << f.absoluteFilePath();
    }
    return changed;
}

bool KeyFiles::makeFolderFor(const QString& keyFile)
{
    const QString dir = QFileInfo(keyFile).absolutePath();
    if (QFileInfo(dir).isDir())
        return true;
    return QDir().mkpath(dir)
            && QFile::setPermissions(dir,
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                            | QFileDevice::ReadUser | QFileDevice::WriteUser
                            | QFileDevice::ExeUser);
}

Result<QByteArray> KeyFiles::signingKey(const QString& path, bool create)
{
    if (sodium_init() < 0)
        return Error {Error::Code::Unknown, tr("The encryption library could not start."), {}};
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return Error {Error::Code::NotWritable,
                    tr("Cannot read the key \"%1\".").arg(QDir::toNativeSeparators(path)),
                    file.errorString()};
        const QByteArray key = file.readAll();
        if (key.size() != crypto_sign_SECRETKEYBYTES)
            return Error {Error::Code::Corrupt,
                    tr("The key \"%1\" is damaged.").arg(QDir::toNativeSeparators(path)), {}};
        return key;
    }
    if (!create)
        return QByteArray();
    makeFolderFor(path);
    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    QByteArray key(crypto_sign_SECRETKEYBYTES, Qt::Uninitialized);
    crypto_sign_keypair(reinterpret_cast<unsigned char*>(publicKey.data()),
            reinterpret_cast<unsigned char*>(key.data()));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(key) != key.size()
            || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || !out.commit())
        return Error {Error::Code::NotWritable,
                tr("Cannot create the key \"%1\".").arg(QDir::toNativeSeparators(path)),
                out.errorString()};
    return key;
}

} // namespace vigil::security
