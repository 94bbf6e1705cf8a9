#include "core/runtime/data_dir.h"

#include "core/logging_categories.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>
#include <QTemporaryFile>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace vigil::runtime {

Result<DataDir> DataDir::open(const QString& path)
{
    if (path.isEmpty())
        return Error {Error::Code::InvalidArgument, tr("No data folder was given."), {}};

    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QFileInfo info(absolute);
    if (info.exists() && !info.isDir()) {
        return Error {Error::Code::NotWritable,
                tr("The data folder \"%1\" is a file, not a folder. Choose another folder with "
                   "--data-dir.")
                        .arg(QDir::toNativeSeparators(absolute)),
                {}};
    }
#ifdef Q_OS_UNIX
    // Footage, catalog and logs are the town's: readable by the service's user and its group
    // (the clerks' window), by nobody else. New files 0640, new folders 0750.
    ::umask(027);
#endif
    if (!QDir().mkpath(absolute)) {
        return Error {Error::Code::NotWritable,
                tr("Cannot create the data folder \"%1\". Check that its parent folder exists "
                   "and that you may write there, or choose another folder with --data-dir.")
                        .arg(QDir::toNativeSeparators(absolute)),
                {}};
    }

    // Folders and catalogs made before (or by an older Vigil) are closed the same way.
    const QFileDevice::Permissions folder = QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::ExeGroup;
    const QFileDevice::Permissions file
            = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;
    QFile::setPermissions(absolute, folder);
    for (const QString& name : {QStringLiteral("vigil.sqlite"), QStringLiteral("vigil.sqlite-wal"),
                 QStringLiteral("vigil.sqlite-shm")}) {
        const QString catalogFile = absolute + u'/' + name;
        const QFileDevice::Permissions open = QFileDevice::ReadOther | QFileDevice::WriteOther
                | QFileDevice::ExeOther | QFileDevice::WriteGroup | QFileDevice::ExeGroup;
        if (QFileInfo::exists(catalogFile) && (QFileInfo(catalogFile).permissions() & open))
            QFile::setPermissions(catalogFile, file);
    }

    // QFileInfo::isWritable() answers from permission bits, which lie for root, ACLs and
    // read-only mounts: only a real write proves the folder usable.
    QTemporaryFile probe(absolute + QStringLiteral("/.write-test-XXXXXX"));
    if (!probe.open() || probe.write("vigil", 5) != 5 || !probe.flush()) {
        return Error {Error::Code::NotWritable,
                tr("Vigil cannot write to the data folder \"%1\". Give your user write access "
                   "to it, or choose another folder with --data-dir.")
                        .arg(QDir::toNativeSeparators(absolute)),
                probe.errorString()};
    }
    return DataDir(absolute);
}

Result<DataDir> DataDir::openForReading(const QString& path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QDir dir(absolute);
    if (!QFileInfo(absolute).isDir() || !dir.isReadable()) {
        return Error {Error::Code::NotFound,
                tr("Vigil cannot read the data folder \"%1\". Check that it exists and that "
                   "your user may read it, or choose another folder with --data-dir.")
                        .arg(QDir::toNativeSeparators(absolute)),
                {}};
    }
    DataDir result(absolute);
    result.m_readOnly = true;
    return result;
}

QString DataDir::defaultPath()
{
#ifdef Q_OS_LINUX
    // The packaged recorder's folder (vigil-recorder.service), for the members of its group.
    if (const QFileInfo service(
                QString::fromLatin1(kServiceDataDir) + QStringLiteral("/vigil.sqlite"));
            service.exists() && service.isReadable())
        return QString::fromLatin1(kServiceDataDir);
#endif
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString DataDir::catalogPath() const
{
    return m_path + QStringLiteral("/vigil.sqlite");
}

QString DataDir::recordingsPath() const
{
    return m_path + QStringLiteral("/recordings");
}

QString DataDir::logsPath() const
{
    return m_path + QStringLiteral("/logs");
}

QString DataDir::credentialKeyPath() const
{
    return keysPath() + QStringLiteral("/credentials.key");
}

QString DataDir::keysPath() const
{
    return m_path + QStringLiteral("/keys");
}

QString DataDir::lockPath() const
{
    return m_path + QStringLiteral("/vigil.lock");
}

InstanceLock::InstanceLock(std::unique_ptr<QLockFile> lock)
    : m_lock(std::move(lock))
{ }

InstanceLock::~InstanceLock() = default;

Result<std::unique_ptr<InstanceLock>> InstanceLock::acquire(const DataDir& dir)
{
    auto lock = std::make_unique<QLockFile>(dir.lockPath());
    // A running Vigil keeps its lock for days: never treat an old lock as stale by age alone.
    // QLockFile still removes a lock whose process no longer exists.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return std::unique_ptr<InstanceLock>(new InstanceLock(std::move(lock)));

    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock->getLockInfo(&pid, &host, &app);
        qCWarning(lcRuntime) << "data folder" << dir.path() << "is locked by pid" << pid << host;
        return Error {Error::Code::Locked,
                tr("Another Vigil (process %1 on %2) is already using the data folder \"%3\". "
                   "Close it first, or choose another folder with --data-dir.")
                        .arg(pid)
                        .arg(host.isEmpty() ? tr("this computer") : host,
                                QDir::toNativeSeparators(dir.path())),
                {}};
    }
    return Error {Error::Code::NotWritable,
            tr("Cannot create the lock file \"%1\" in the data folder.")
                    .arg(QDir::toNativeSeparators(dir.lockPath())),
            {}};
}

} // namespace vigil::runtime
