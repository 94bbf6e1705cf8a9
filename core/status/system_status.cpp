#include "core/status/system_status.h"

#include "core/catalog/camera_store.h"
#include "core/logging_categories.h"

#include <QStorageInfo>

namespace vigil::status {

SystemStatus::SystemStatus(QString storagePath, catalog::CameraStore* cameras, QObject* parent)
    : QObject(parent)
    , m_storagePath(std::move(storagePath))
    , m_cameras(cameras)
{
    m_timer.setInterval(10'000);
    connect(&m_timer, &QTimer::timeout, this, &SystemStatus::refresh);
    m_timer.start();
    refresh();
}

void SystemStatus::refresh()
{
    Snapshot next;
    const QStorageInfo storage(m_storagePath);
    if (storage.isValid() && storage.isReady()) {
        next.storageFreeBytes = storage.bytesAvailable();
        next.storageTotalBytes = storage.bytesTotal();
    }
    if (m_cameras) {
        const Result<int> count = m_cameras->activeCount();
        if (count)
            next.cameras = count.value();
        else
            qCWarning(lcStatus) << count.error().fullText();
    }
    // Online and recording counts come from the recording engine once it runs; until then no
    // camera is online or recording, and the status says so.
    if (next == m_snapshot)
        return;
    m_snapshot = next;
    Q_EMIT changed();
}

} // namespace vigil::status
