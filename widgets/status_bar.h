#pragma once

#include "core/status/system_status.h"

#include <QObject>

class QLabel;
class QProgressBar;
class QToolButton;
class QStatusBar;
class QTimer;

namespace vigil::widgets {

/// Fills the main window's status bar from SystemStatus: free storage and camera counts, the
/// newest alert (in red, naming the camera), and passing notices. Notices and progress have a
/// place of their own: they never cover an alert.
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
    QString alertText() const;
    QString noticeText() const;
    /// "3 alerts" while some are not acknowledged; empty (and hidden) otherwise.
    QString alertsButtonText() const;

Q_SIGNALS:
    /// The alerts button was clicked: show the alert list.
    void alertsRequested();

public:
    /// A passing message (demo found its cameras, recordings recovered), gone after
    /// `timeoutMs` (0: until the next notice).
    void showNotice(const QString& text, int timeoutMs = 10000);
    /// A lasting problem that is not a recording alert (recording could not start, the demo
    /// cameras stopped), shown like an alert until cleared with an empty text.
    void setProblem(const QString& text);
    /// Progress of a long preparation: `fraction` 0…1, or below 0 to hide the bar.
    void showProgress(const QString& text, double fraction);

private:
    void update();

    status::SystemStatus* m_status = nullptr;
    QLabel* m_storage = nullptr;
    QLabel* m_alert = nullptr;
    QLabel* m_cameras = nullptr;
    QLabel* m_notice = nullptr;
    QToolButton* m_alerts = nullptr;
    QProgressBar* m_progress = nullptr;
    QTimer* m_noticeTimer = nullptr;
    QString m_problem;
};

} // namespace vigil::widgets
