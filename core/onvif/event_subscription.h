#pragma once

#include "core/onvif/onvif_client.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace vigil::onvif {

/// One ONVIF event notification.
struct OnvifEvent
{
    QString topic; ///< "tns1:RuleEngine/CellMotionDetector/Motion", trailing '/' removed
    QString operation; ///< "Initialized", "Changed", "Deleted"
    qint64 utcMs = 0;
    QHash<QString, QString> source;
    QHash<QString, QString> data;
};

/// A PullPoint subscription kept alive for as long as it runs: CreatePullPointSubscription, then
/// PullMessages in a loop (a pending pull is itself a keep-alive), Renew before the termination
/// time comes (with an absolute time in the device's clock, which old firmwares require), and on
/// any failure a new subscription after an exponential backoff (1 s doubling to 60 s) so a
/// broken camera is never hammered. Unsubscribes on stop().
class EventSubscription : public QObject
{
    Q_OBJECT

public:
    EventSubscription(OnvifClient* client, QString eventsUrl, QObject* parent = nullptr);
    ~EventSubscription() override;

    void setPullTimeoutSeconds(int seconds) { m_pullSeconds = seconds; }
    void setTerminationSeconds(int seconds) { m_terminationSeconds = seconds; }

    void start();
    void stop();
    bool isSubscribed() const { return !m_address.isEmpty(); }
    int renewals() const { return m_renewals; }
    /// The delay before the new subscription that follows the last failure.
    int retryDelayMs() const { return m_retryDelayMs; }

    /// Parses the notifications of a PullMessagesResponse.
    static QList<OnvifEvent> parseNotifications(const XmlElement& envelope);
    /// true/false when `event` is a motion state (CellMotionDetector, MotionAlarm, …), else
    /// nullopt.
    static std::optional<bool> motionState(const OnvifEvent& event);

Q_SIGNALS:
    void subscribed();
    void eventReceived(const vigil::onvif::OnvifEvent& event);
    void motionChanged(bool motion);
    /// A failure; a new subscription follows after retryDelayMs().
    void failed(const vigil::Error& error);

private:
    void create();
    void pull();
    void renew();
    void retryLater(const Error& error);

    QPointer<OnvifClient> m_client;
    QString m_eventsUrl;
    QString m_address;
    qint64 m_terminationMs = 0; ///< our clock
    int m_pullSeconds = 30;
    int m_terminationSeconds = 120;
    int m_backoffMs = 1000;
    int m_renewals = 0;
    int m_retryDelayMs = 0;
    bool m_running = false;
    std::optional<bool> m_motion;
    QTimer m_retry;
};

} // namespace vigil::onvif
