#include "widgets/status_bar.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace vigil::widgets {

StatusBarController::StatusBarController(status::SystemStatus* status, QStatusBar* bar)
    : QObject(bar)
    , m_status(status)
{
    m_cameras = new QLabel(bar);
    m_cameras->setObjectName(QStringLiteral("statusCameras"));
    m_storage = new QLabel(bar);
    m_storage->setObjectName(QStringLiteral("statusStorage"));
    m_alert = new QLabel(bar);
    m_alert->setObjectName(QStringLiteral("statusAlert"));
    m_alert->setTextFormat(Qt::PlainText);
    m_notice = new QLabel(bar);
    m_notice->setObjectName(QStringLiteral("statusNotice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(QStringLiteral("statusProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(200);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_alerts = new QToolButton(bar);
    m_alerts->setObjectName(QStringLiteral("statusAlerts"));
    m_alerts->setAutoRaise(true);
    m_alerts->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_alerts->hide();
    connect(m_alerts, &QToolButton::clicked, this, &StatusBarController::alertsRequested);
    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    connect(m_noticeTimer, &QTimer::timeout, m_notice, &QLabel::clear);
    // QStatusBar::showMessage() would hide these: Vigil never calls it.
    bar->addWidget(m_alerts);
    bar->addWidget(m_alert, 1);
    bar->addWidget(m_notice, 1);
    bar->addWidget(m_progress);
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
    QString text = tr("Cameras: %1 (%2 online, %3 recording)")
                           .arg(s.cameras)
                           .arg(s.camerasOnline)
                           .arg(s.camerasRecording);
    if (s.recordingErrors > 0)
        text += u' ' + tr("— problems: %1").arg(s.recordingErrors);
    return text;
}

QString StatusBarController::storageLabelText() const
{
    return m_storage->text();
}

QString StatusBarController::camerasLabelText() const
{
    return m_cameras->text();
}

QString StatusBarController::alertText() const
{
    return m_alert->text();
}

QString StatusBarController::alertsButtonText() const
{
    return m_alerts->isHidden() ? QString() : m_alerts->text();
}

QString StatusBarController::noticeText() const
{
    return m_notice->text();
}

void StatusBarController::showNotice(const QString& text, int timeoutMs)
{
    m_notice->setText(text);
    m_notice->setToolTip(text);
    if (timeoutMs > 0)
        m_noticeTimer->start(timeoutMs);
    else
        m_noticeTimer->stop();
}

void StatusBarController::setProblem(const QString& text)
{
    m_problem = text;
    update();
}

void StatusBarController::showProgress(const QString& text, double fraction)
{
    m_progress->setVisible(fraction >= 0);
    m_progress->setValue(int(qBound(0.0, fraction, 1.0) * 1000));
    showNotice(text, fraction >= 0 ? 0 : 10000);
}

void StatusBarController::update()
{
    const status::SystemStatus::Snapshot s
            = m_status ? m_status->snapshot() : status::SystemStatus::Snapshot {};
    m_storage->setText(tr("Storage: %1").arg(storageText(s)));
    m_cameras->setText(camerasText(s));
    // A stopped recording is shouted; other alerts are shown until the next one.
    if (s.recordingStopped) {
        m_alert->setText(tr("RECORDING STOPPED: the disk is full of footage under legal hold."));
        m_alert->setStyleSheet(QStringLiteral("color: white; background: #b00020; padding: 0 6px;"
                                              "font-weight: bold;"));
    } else if (s.cameras > 0 && !s.recorderRunning) {
        m_alert->setText(tr("RECORDING STOPPED: Vigil's recorder is not running."));
        m_alert->setStyleSheet(QStringLiteral("color: white; background: #b00020; padding: 0 6px;"
                                              "font-weight: bold;"));
    } else {
        const QString alert = m_problem.isEmpty() ? s.lastAlert : m_problem;
        m_alert->setText(alert);
        m_alert->setStyleSheet(alert.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    }
    m_alert->setToolTip(m_alert->text());
    // Unacknowledged alerts stay counted until a person has seen them: a passing notice, or a
    // newer alert, never hides them.
    m_alerts->setVisible(s.unacknowledgedAlerts > 0);
    m_alerts->setText(s.unacknowledgedAlerts == 1 ? tr("1 alert")
                                                  : tr("%1 alerts").arg(s.unacknowledgedAlerts));
    m_alerts->setToolTip(tr("Alerts no one has acknowledged yet: click to see them."));
}

} // namespace vigil::widgets
