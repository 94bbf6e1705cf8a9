#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace vigil::catalog {

class Catalog;

/// Something people must know about (a camera offline and why, a wrong password, a full disk,
/// recording stopped, motion events not available), raised by the recorder, kept until a person
/// acknowledges it.
struct AlertRecord
{
    qint64 id = 0;
    qint64 atMs = 0;
    qint64 cameraId = 0; ///< 0: not about one camera
    QString cameraName;
    QString kind; ///< camera_offline, disk_full, storage_held_only, write_error, …
    QString message; ///< translated when it was raised
    qint64 acknowledgedMs = 0; ///< 0: not yet
    QString acknowledgedBy;
};

class AlertStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::AlertStore)

public:
    explicit AlertStore(Catalog& catalog);

    /// Newest first; of one camera when `cameraId` > 0; at most `limit`.
    Result<QList<AlertRecord>> list(qint64 cameraId = 0, int limit = 500) const;
    /// Alerts raised in [fromMs, toMs) (about `cameraIds`, or any when empty; alerts about no
    /// camera are included), oldest first, at most `limit`.
    Result<QList<AlertRecord>> between(
            qint64 fromMs, qint64 toMs, const QList<qint64>& cameraIds, int limit) const;
    Result<int> unacknowledgedCount() const;
    /// Marks an alert as seen by `who`; an alert already acknowledged keeps its first one.
    Result<void> acknowledge(qint64 id, const QString& who);
    /// Every alert not yet acknowledged (of one camera when `cameraId` > 0).
    Result<int> acknowledgeAll(const QString& who, qint64 cameraId = 0);

private:
    Catalog& m_catalog;
};

} // namespace vigil::catalog
