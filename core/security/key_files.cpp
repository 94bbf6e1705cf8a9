#include "core/security/key_files.h"

#include <QDir>
#include <QFileInfo>

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

} // namespace vigil::security
