#pragma once

#include "core/status/system_status.h"

#include <QObject>

class QLabel;
class QStatusBar;

namespace vigil::widgets {

/// Fills the main window's status bar from SystemStatus: free storage and camera counts.
class StatusBarController : public QObject
{
    Q_OBJECT

public:
    StatusBarController(status::SystemStatus* status, QStatusBar* bar);

    /// "80.1 GB free of 252 GB", or "unknown".
    static QString storageText(const status::SystemStatus::Snapshot& snapshot);
    static QString camerasText(const status::SystemStatus::Snapshot& snapshot);

    QString storageLabelText() const;
    QString camerasLabelText() const;

private:
    void update();

    status::SystemStatus* m_status = nullptr;
    QLabel* m_storage = nullptr;
    QLabel* m_alert = nullptr;
    QLabel* m_cameras = nullptr;
};

} // namespace vigil::widgets
