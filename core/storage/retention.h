#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace vigil::catalog {
class Catalog;
class SettingsStore;
struct CameraUsage;
} // namespace vigil::catalog

namespace vigil::storage {

/// How much footage to keep. Per camera age limits live on the cameras (retention_days).
struct RetentionPolicy
{
    qint64 quotaBytes = 0; ///< most space recordings may use; 0: no quota
    int minFreePercent = 5;
    qint64 minFreeBytes = qint64(10240) * 1024 * 1024;

    static RetentionPolicy fromSettings(const catalog::SettingsStore& settings);
    /// Free space to keep: the smaller of the percentage and the absolute amount, so a big disk
    /// does not sit 5 % empty and a small one is not asked for 10 GB.
    qint64 freeTarget(qint64 totalBytes) const;
};

struct RetentionReport
{
    int deletedByAge = 0;
    int deletedForSpace = 0;
    qint64 freedBytes = 0;
    /// Still over quota or short of free space with only held (or open) footage left: recording
    /// must stop rather than delete held footage.
    bool onlyHeldLeft = false; ///< nothing left to delete: held, or each stream's newest file
    bool spaceShort = false; ///< below the free-space target or over quota after this run
    qint64 freeBytes = 0;
    qint64 totalBytes = 0;
    qint64 usedBytes = 0;
    QStringList problems; ///< files that could not be deleted, database errors
};

/// Deletes footage the policy no longer keeps: first segments older than their camera's
/// retention age, then the oldest segments of any camera while over quota or short of free
/// space — one whole segment at a time, never an open one, never one covered by a legal hold.
class Retention
{
    Q_DECLARE_TR_FUNCTIONS(vigil::storage::Retention)

public:
    Retention(catalog::Catalog& catalog, QString recordingsRoot);
    RetentionReport run(const RetentionPolicy& policy, qint64 nowMs);

private:
    catalog::Catalog& m_catalog;
    QString m_root;
};

/// What the storage looks like, for the status bar, the Settings page and `vigilctl storage`.
struct StorageReport
{
    QString path;
    qint64 freeBytes = -1;
    qint64 totalBytes = -1;
    qint64 usedBytes = 0; ///< by recordings
    qint64 heldBytes = 0;
    qint64 freeTargetBytes = 0;
    qint64 quotaBytes = 0;
    double writeBytesPerSecond = 0; ///< over the last ten minutes
    struct Camera
    {
        qint64 id = 0;
        QString name;
        int retentionDays = 0;
        qint64 segments = 0;
        qint64 bytes = 0;
        qint64 heldBytes = 0;
        qint64 oldestMs = 0;
        qint64 newestMs = 0;
        double daysRetained = 0; ///< how far back the footage goes, in days
    };
    QList<Camera> cameras;
};

Result<StorageReport> storageReport(catalog::Catalog& catalog,
        const catalog::SettingsStore& settings, const QString& recordingsRoot, qint64 nowMs);

} // namespace vigil::storage
