#include "widgets/status_bar.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace vigil::widgets {

StatusBarController::StatusBarController(status::SystemStatus* status, QStatusBar* bar)
    : QObject(bar)
    , m_status(status)
{
    m_cameras = new QLabel(bar);
    m_cameras->setObjectName(QStringLiteral("statusCameras"));
    m_storage = new QLabel(bar);
    m_storage->setObjectName(QStringLiteral("statusStorage"));
    for (QLabel* label : {m_cameras, m_storage}) {
        label->setContentsMargins(8, 0, 8, 0);
        bar->addPermanentWidget(label);
    }
    if (m_status)
        connect(m_status, &status::SystemStatus::changed, this, &StatusBarController::update);
    update();
}

QString StatusBarController::storageText(const status::SystemStatus::Snapshot& s)
{
    if (s.storageFreeBytes < 0)
        return tr("unknown");
    const QLocale locale;
    return tr("%1 free of %2")
            .arg(locale.formattedDataSize(s.storageFreeBytes),
                    locale.formattedDataSize(s.storageTotalBytes));
}

QString StatusBarController::camerasText(const status::SystemStatus::Snapshot& s)
{
    if (s.cameras == 0)
        return tr("No cameras");
    return tr("Cameras: %1 (%2 online, %3 recording)")
            .arg(s.cameras)
            .arg(s.camerasOnline)
            .arg(s.camerasRecording);
}

QString StatusBarController::storageLabelText() const
{
    return m_storage->text();
}

QString StatusBarController::camerasLabelText() const
{
    return m_cameras->text();
}

void StatusBarController::update()
{
    const status::SystemStatus::Snapshot s
            = m_status ? m_status->snapshot() : status::SystemStatus::Snapshot {};
    m_storage->setText(tr("Storage: %1").arg(storageText(s)));
    m_cameras->setText(camerasText(s));
}

} // namespace vigil::widgets
