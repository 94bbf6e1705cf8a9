#include "core/storage/retention.h"

#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/catalog/settings_store.h"
#include "core/logging_categories.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

namespace vigil::storage {

namespace {

constexpr qint64 kMB = 1024 * 1024;
constexpr int kBatch = 64;

} // namespace

RetentionPolicy RetentionPolicy::fromSettings(const catalog::SettingsStore& settings)
{
    RetentionPolicy p;
    p.quotaBytes
            = settings.value(QLatin1String(catalog::settings::kStorageQuotaMB)).toLongLong() * kMB;
    p.minFreeBytes
            = settings.value(QLatin1String(catalog::settings::kStorageMinFreeMB)).toLongLong()
            * kMB;
    p.minFreePercent
            = settings.value(QLatin1String(catalog::settings::kStorageMinFreePercent)).toInt();
    return p;
}

qint64 RetentionPolicy::freeTarget(qint64 totalBytes) const
{
    if (totalBytes <= 0)
        return 0;
    return qMin(totalBytes / 100 * minFreePercent, minFreeBytes);
}

Retention::Retention(catalog::Catalog& catalog, QString recordingsRoot)
    : m_catalog(catalog)
    , m_root(std::move(recordingsRoot))
{ }

RetentionReport Retention::run(const RetentionPolicy& policy, qint64 nowMs)
{
    catalog::SegmentStore segments(m_catalog);
    RetentionReport report;
    QStorageInfo disk(m_root);

    const auto remove = [&](const catalog::SegmentRecord& s) {
        const QString path = m_root + u'/' + s.path;
        QFile file(path);
        if (file.exists() && !file.remove()) {
            report.problems << tr("Cannot delete %1: %2").arg(path, file.errorString());
            return false;
        }
        if (Result<void> removed = segments.removeById(s.id); !removed) {
            report.problems << removed.error().fullText();
            return false;
        }
        QDir().rmdir(QFileInfo(path).absolutePath()); // only when the day is now empty
        report.freedBytes += s.bytes;
        qCInfo(lcStorage, "retention deleted %s (%lld bytes)", qUtf8Printable(s.path), s.bytes);
        return true;
    };

    // 1. Age, per camera.
    for (;;) {
        const Result<QList<catalog::SegmentRecord>> expired = segments.expired(nowMs, kBatch);
        if (!expired) {
            report.problems << expired.error().fullText();
            break;
        }
        int deleted = 0;
        for (const catalog::SegmentRecord& s : expired.value())
            deleted += remove(s) ? 1 : 0;
        report.deletedByAge += deleted;
        if (deleted == 0 || expired->size() < kBatch)
            break;
    }

    // 2. Quota and free space, oldest first over every camera.
    const Result<qint64> total = segments.totalBytes();
    qint64 used = total ? total.value() : 0;
    disk.refresh();
    const auto short_ = [&] {
        const qint64 target = policy.freeTarget(disk.bytesTotal());
        return (policy.quotaBytes > 0 && used > policy.quotaBytes)
                || (disk.isValid() && disk.bytesAvailable() < target);
    };
    while (short_()) {
        const Result<QList<catalog::SegmentRecord>> oldest = segments.oldestDeletable(kBatch);
        if (!oldest) {
            report.problems << oldest.error().fullText();
            break;
        }
        if (oldest->isEmpty()) {
            report.onlyHeldLeft = true;
            break;
        }
        int deleted = 0;
        for (const catalog::SegmentRecord& s : oldest.value()) {
            if (!remove(s))
                continue;
            ++deleted;
            used -= s.bytes;
            disk.refresh();
            if (!short_())
                break;
        }
        report.deletedForSpace += deleted;
        if (deleted == 0)
            break;
    }
    disk.refresh();
    report.spaceShort = short_();
    report.freeBytes = disk.bytesAvailable();
    report.totalBytes = disk.bytesTotal();
    report.usedBytes = used;
    return report;
}

Result<StorageReport> storageReport(catalog::Catalog& catalog,
        const catalog::SettingsStore& settings, const QString& recordingsRoot, qint64 nowMs)
{
    catalog::SegmentStore segments(catalog);
    const RetentionPolicy policy = RetentionPolicy::fromSettings(settings);
    StorageReport r;
    r.path = recordingsRoot;
    const QStorageInfo disk(QFileInfo::exists(recordingsRoot)
                    ? recordingsRoot
                    : QFileInfo(recordingsRoot).absolutePath());
    if (disk.isValid()) {
        r.freeBytes = disk.bytesAvailable();
        r.totalBytes = disk.bytesTotal();
    }
    r.freeTargetBytes = policy.freeTarget(r.totalBytes);
    r.quotaBytes = policy.quotaBytes;
    const Result<QList<catalog::CameraUsage>> usage = segments.usage();
    if (!usage)
        return usage.error();
    for (const catalog::CameraUsage& u : usage.value()) {
        StorageReport::Camera c;
        c.id = u.cameraId;
        c.name = u.name;
        c.retentionDays = u.retentionDays;
        c.segments = u.segments;
        c.bytes = u.bytes;
        c.heldBytes = u.heldBytes;
        c.oldestMs = u.oldestMs;
        c.newestMs = u.newestMs;
        c.daysRetained = u.segments > 0 ? double(nowMs - u.oldestMs) / 86400000.0 : 0;
        r.usedBytes += u.bytes;
        r.heldBytes += u.heldBytes;
        r.cameras << c;
    }
    constexpr qint64 kWindowMs = 10 * 60 * 1000;
    const Result<qint64> recent = segments.bytesEndedBetween(nowMs - kWindowMs, nowMs + 1);
    if (!recent)
        return recent.error();
    r.writeBytesPerSecond = double(recent.value()) / (kWindowMs / 1000.0);
    return r;
}

} // namespace vigil::storage
