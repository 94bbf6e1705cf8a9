#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QLockFile;

namespace vigil::runtime {

/// The folder that holds everything Vigil writes: the catalog (`vigil.sqlite`), recordings and
/// logs. Every executable takes `--data-dir`; the default is QStandardPaths::AppDataLocation.
class DataDir
{
    Q_DECLARE_TR_FUNCTIONS(vigil::runtime::DataDir)

public:
    /// Creates the folder when missing and proves it is writable by writing a probe file.
    static Result<DataDir> open(const QString& path);
    /// An existing folder this user may read but not write (the recorder's folder seen by a
    /// member of its group, a read-only mount or copy): nothing is created or changed in it.
    static Result<DataDir> openForReading(const QString& path);
    /// The service's folder (kServiceDataDir) when this user may read its catalog, else the
    /// user's own (QStandardPaths::AppDataLocation).
    static QString defaultPath();
    static constexpr char kServiceDataDir[] = "/var/lib/vigil";

    QString path() const { return m_path; }
    QString catalogPath() const;
    QString recordingsPath() const;
    QString logsPath() const;
    QString lockPath() const;
    /// The key that seals camera passwords (security::CredentialVault).
    QString credentialKeyPath() const;
    /// Keys and the audit log's signed checkpoint (security::AuditLog), owner-only.
    QString keysPath() const;
    /// Opened with openForReading().
    bool isReadOnly() const { return m_readOnly; }

private:
    explicit DataDir(QString path)
        : m_path(std::move(path))
    { }
    QString m_path;
    bool m_readOnly = false;
};

/// Exclusive ownership of a data folder by one running Vigil (GUI or headless recorder), held as
/// a QLockFile for the lifetime of the object. A lock left by a crashed process is taken over.
class InstanceLock
{
    Q_DECLARE_TR_FUNCTIONS(vigil::runtime::InstanceLock)

public:
    static Result<std::unique_ptr<InstanceLock>> acquire(const DataDir& dir);
    ~InstanceLock();

    InstanceLock(const InstanceLock&) = delete;
    InstanceLock& operator=(const InstanceLock&) = delete;

private:
    explicit InstanceLock(std::unique_ptr<QLockFile> lock);
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace vigil::runtime
