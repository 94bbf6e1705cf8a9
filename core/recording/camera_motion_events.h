#pragma once

#include "core/onvif/event_subscription.h"
#include "core/onvif/onvif_client.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace vigil::recording {

/// A camera's own ONVIF motion events, for recording on motion: finds the camera's event service
/// (GetServices, else GetCapabilities, after reading its clock), keeps a PullPoint subscription
/// (onvif::EventSubscription, which renews and backs off by itself) and reports motion on and
/// off. Says whether events work, so that a camera whose events fail is never left recording
/// nothing. Lives on the thread of its creator (an event loop is needed).
class CameraMotionEvents : public QObject
{
    Q_OBJECT

public:
    CameraMotionEvents(const QUrl& deviceUrl, const QString& user, const QString& password,
            bool rewriteAddresses, QObject* parent = nullptr);
    ~CameraMotionEvents() override;

    void start();
    bool isWorking() const { return m_working; }

Q_SIGNALS:
    void motionChanged(bool motion);
    /// Events started or stopped working; `problem` (translated) says why they do not.
    void workingChanged(bool working, const QString& problem);

private:
    void findEventService();
    void subscribe(const QString& eventsUrl);
    void setWorking(bool working, const QString& problem = {});
    void retryLater(const QString& problem);

    onvif::OnvifClient m_client;
    std::unique_ptr<onvif::EventSubscription> m_subscription;
    QTimer m_retry;
    int m_backoffMs = 1000;
    bool m_working = false;
    bool m_reported = false;
};

} // namespace vigil::recording
