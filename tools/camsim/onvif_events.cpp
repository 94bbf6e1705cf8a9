// Events service of a simulated camera: PullPoint subscriptions carrying motion events computed
// from the footage (the same loop the streams show), with Renew, Unsubscribe and expiry.
#include "onvif_device.h"
#include "onvif_device_p.h"
#include "soap.h"

#include <QDateTime>

namespace vigil::camsim {

namespace {

constexpr int kMaxPullPoints = 10;
constexpr qint64 kDefaultTerminationMs = 60'000;
constexpr qint64 kMaxPullTimeoutMs = 60'000;

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

/// "PT60S" relative to now, or an absolute xs:dateTime; `fallback` when absent or unreadable.
qint64 terminationFrom(const QString& text, qint64 nowMs, qint64 fallbackMs)
{
    if (text.isEmpty())
        return nowMs + fallbackMs;
    const qint64 relative = soap::parseDuration(text);
    if (relative >= 0)
        return nowMs + relative;
    const QDateTime absolute = QDateTime::fromString(text, Qt::ISODateWithMs);
    return absolute.isValid() ? absolute.toMSecsSinceEpoch() : -1;
}

QString motionMessages(bool motion, qint64 deviceMs, const char* operation)
{
    const QString time = isoTime(deviceMs);
    const QString value = motion ? QStringLiteral("true") : QStringLiteral("false");
    const QString topic = QStringLiteral(
            "<wsnt:NotificationMessage><wsnt:Topic "
            "Dialect=\"http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet\">"
            "%1</wsnt:Topic><wsnt:Message><tt:Message UtcTime=\"%2\" "
            "PropertyOperation=\"%3\"><tt:Source>%4</tt:Source>"
            "<tt:Data><tt:SimpleItem Name=\"%5\" "
            "Value=\"%6\"/></tt:Data></tt:Message></wsnt:Message></wsnt:NotificationMessage>");
    return topic.arg(QStringLiteral("tns1:RuleEngine/CellMotionDetector/Motion"), time,
                   QLatin1String(operation),
                   QStringLiteral("<tt:SimpleItem Name=\"VideoSourceConfigurationToken\" "
                                  "Value=\"VideoSourceConfig_1\"/>"
                                  "<tt:SimpleItem Name=\"VideoAnalyticsConfigurationToken\" "
                                  "Value=\"VideoAnalyticsConfig_1\"/>"
                                  "<tt:SimpleItem Name=\"Rule\" Value=\"MotionDetectorRule\"/>"),
                   QStringLiteral("IsMotion"), value)
            + topic.arg(QStringLiteral("tns1:VideoSource/MotionAlarm"), time,
                    QLatin1String(operation),
                    QStringLiteral("<tt:SimpleItem Name=\"Source\" Value=\"VideoSource_1\"/>"),
                    QStringLiteral("State"), value);
}

} // namespace

void OnvifDevice::tickEvents()
{
    const bool motion = motionNow();
    if (m_lastMotion != motion) {
        const QString messages = motionMessages(motion, deviceNowMs(), "Changed");
        for (auto& s : m_subscriptions)
            s->queue << messages;
        m_lastMotion = motion;
        deliverEvents();
    }
    expireSubscriptions();
}

void OnvifDevice::deliverEvents()
{
    for (auto& s : m_subscriptions) {
        if (!s->waiting || s->queue.isEmpty())
            continue;
        const QStringList batch = s->queue.mid(0, s->waitingLimit);
        s->queue.remove(0, batch.size());
        HttpResponse r;
        const qint64 now = deviceNowMs();
        r.body = soap::envelope(
                QStringLiteral("<tev:PullMessagesResponse><tev:CurrentTime>%1</tev:CurrentTime>"
                               "<tev:TerminationTime>%2</tev:TerminationTime>%3</"
                               "tev:PullMessagesResponse>")
                        .arg(isoTime(now),
                                isoTime(s->terminationMs
                                        + (now - QDateTime::currentMSecsSinceEpoch())),
                                batch.join(QString())))
                         .toUtf8();
        s->waitTimer.stop();
        HttpServer::Respond respond = std::move(s->waiting);
        s->waiting = nullptr;
        respond(r);
    }
}

void OnvifDevice::expireSubscriptions()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_subscriptions.begin(); it != m_subscriptions.end();) {
        if (it.value()->terminationMs < now && !it.value()->waiting)
            it = m_subscriptions.erase(it);
        else
            ++it;
    }
}

bool OnvifDevice::eventService(Call& call)
{
    const QString& op = call.operation;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 skew = deviceNowMs() - now;
    if (op == QLatin1String("GetEventProperties")) {
        answer(call,
                QStringLiteral(
                        "<tev:GetEventPropertiesResponse>"
                        "<tev:TopicNamespaceLocation>http://www.onvif.org/onvif/ver10/topics/"
                        "topicns.xml</tev:TopicNamespaceLocation>"
                        "<wsnt:FixedTopicSet>true</wsnt:FixedTopicSet><wstop:TopicSet>"
                        "<tns1:RuleEngine><CellMotionDetector><Motion "
                        "wstop:topic=\"true\"><tt:MessageDescription IsProperty=\"true\">"
                        "<tt:Source><tt:SimpleItemDescription "
                        "Name=\"VideoSourceConfigurationToken\" Type=\"tt:ReferenceToken\"/>"
                        "<tt:SimpleItemDescription Name=\"VideoAnalyticsConfigurationToken\" "
                        "Type=\"tt:ReferenceToken\"/>"
                        "<tt:SimpleItemDescription Name=\"Rule\" Type=\"xs:string\"/></tt:Source>"
                        "<tt:Data><tt:SimpleItemDescription Name=\"IsMotion\" "
                        "Type=\"xs:boolean\"/></tt:Data>"
                        "</tt:MessageDescription></Motion></CellMotionDetector></tns1:RuleEngine>"
                        "<tns1:VideoSource><MotionAlarm "
                        "wstop:topic=\"true\"><tt:MessageDescription IsProperty=\"true\">"
                        "<tt:Source><tt:SimpleItemDescription Name=\"Source\" "
                        "Type=\"tt:ReferenceToken\"/></tt:Source>"
                        "<tt:Data><tt:SimpleItemDescription Name=\"State\" "
                        "Type=\"xs:boolean\"/></tt:Data>"
                        "</tt:MessageDescription></MotionAlarm></tns1:VideoSource></wstop:TopicSet>"
                        "<wsnt:TopicExpressionDialect>http://www.onvif.org/ver10/tev/"
                        "topicExpression/ConcreteSet</wsnt:TopicExpressionDialect>"
                        "<wsnt:TopicExpressionDialect>http://docs.oasis-open.org/wsn/t-1/"
                        "TopicExpression/Concrete</wsnt:TopicExpressionDialect>"
                        "<tev:MessageContentFilterDialect>http://www.onvif.org/ver10/tev/"
                        "messageContentFilter/ItemFilter</tev:MessageContentFilterDialect>"
                        "<tev:MessageContentSchemaLocation>http://www.onvif.org/onvif/ver10/schema/"
                        "onvif.xsd</tev:MessageContentSchemaLocation>"
                        "</tev:GetEventPropertiesResponse>"));
        return true;
    }
    if (op == QLatin1String("CreatePullPointSubscription")) {
        expireSubscriptions();
        if (m_subscriptions.size() >= kMaxPullPoints) {
            fault(call, 400, QStringLiteral("env:Receiver"),
                    QStringLiteral("ter:CapabilityViolated"),
                    QStringLiteral("Maximum number of pull points reached"));
            return true;
        }
        const qint64 termination = terminationFrom(
                call.body->textAt({u"InitialTerminationTime"}), now, kDefaultTerminationMs);
        if (termination < 0) {
            fault(call, 400, QStringLiteral("env:Sender"), QStringLiteral("ter:InvalidArgVal"),
                    QStringLiteral("Unreadable InitialTerminationTime"));
            return true;
        }
        auto s = std::make_shared<Subscription>();
        s->id = m_nextSubscription++;
        s->terminationMs = termination;
        s->waitTimer.setSingleShot(true);
        // A new pull point first reports the current state, as real cameras do.
        s->queue << motionMessages(motionNow(), deviceNowMs(), "Initialized");
        m_subscriptions.insert(s->id, s);
        const QString address = QStringLiteral("http://%1/onvif/subscription?id=%2")
                                        .arg(advertisedHost(m_identity.httpPort))
                                        .arg(s->id);
        answer(call,
                QStringLiteral(
                        "<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference>"
                        "<wsa:Address>%1</wsa:Address></tev:SubscriptionReference>"
                        "<wsnt:CurrentTime>%2</wsnt:CurrentTime><wsnt:TerminationTime>%3</"
                        "wsnt:TerminationTime>"
                        "</tev:CreatePullPointSubscriptionResponse>")
                        .arg(address, isoTime(now + skew), isoTime(termination + skew)));
        return true;
    }

    // The rest act on one subscription, named by the address the client was given.
    const bool subscriptionOp = op == QLatin1String("PullMessages") || op == QLatin1String("Renew")
            || op == QLatin1String("Unsubscribe") || op == QLatin1String("SetSynchronizationPoint");
    if (!subscriptionOp)
        return false;
    const std::shared_ptr<Subscription> s = m_subscriptions.value(call.request.query("id").toInt());
    if (!s || s->terminationMs < now) {
        fault(call, 400, QStringLiteral("env:Sender"), QStringLiteral("ter:InvalidArgVal"),
                QStringLiteral("ResourceUnknown: no such subscription"));
        return true;
    }
    if (op == QLatin1String("PullMessages")) {
        if (s->waiting) {
            fault(call, 400, QStringLiteral("env:Receiver"), QStringLiteral("ter:Action"),
                    QStringLiteral("A PullMessages is already waiting on this subscription"));
            return true;
        }
        const qint64 timeout = qBound<qint64>(0,
                soap::parseDuration(call.body->textAt({u"Timeout"}, QStringLiteral("PT5S"))),
                kMaxPullTimeoutMs);
        s->waitingLimit
                = qMax(1, call.body->textAt({u"MessageLimit"}, QStringLiteral("100")).toInt());
        s->waiting = call.respond;
        // A pending pull keeps the subscription alive.
        s->terminationMs = qMax(s->terminationMs, now + timeout + kDefaultTerminationMs);
        std::weak_ptr<Subscription> weak = s;
        s->waitTimer.disconnect();
        connect(&s->waitTimer, &QTimer::timeout, this, [this, weak] {
            if (auto sub = weak.lock()) {
                if (!sub->waiting)
                    return;
                HttpResponse r;
                const qint64 t = deviceNowMs();
                r.body = soap::envelope(
                        QStringLiteral(
                                "<tev:PullMessagesResponse><tev:CurrentTime>%1</tev:CurrentTime>"
                                "<tev:TerminationTime>%2</tev:TerminationTime></"
                                "tev:PullMessagesResponse>")
                                .arg(isoTime(t),
                                        isoTime(sub->terminationMs
                                                + (t - QDateTime::currentMSecsSinceEpoch()))))
                                 .toUtf8();
                HttpServer::Respond respond = std::move(sub->waiting);
                sub->waiting = nullptr;
                respond(r);
            }
        });
        s->waitTimer.start(int(timeout));
        deliverEvents();
    } else if (op == QLatin1String("Renew")) {
        const qint64 termination = terminationFrom(
                call.body->textAt({u"TerminationTime"}), now, kDefaultTerminationMs);
        if (termination < 0) {
            fault(call, 400, QStringLiteral("env:Sender"), QStringLiteral("ter:InvalidArgVal"),
                    QStringLiteral("Unreadable TerminationTime"));
            return true;
        }
        s->terminationMs = termination;
        answer(call,
                QStringLiteral("<wsnt:RenewResponse><wsnt:TerminationTime>%1</wsnt:TerminationTime>"
                               "<wsnt:CurrentTime>%2</wsnt:CurrentTime></wsnt:RenewResponse>")
                        .arg(isoTime(termination + skew), isoTime(now + skew)));
    } else if (op == QLatin1String("SetSynchronizationPoint")) {
        s->queue << motionMessages(motionNow(), deviceNowMs(), "Initialized");
        answer(call, QStringLiteral("<tev:SetSynchronizationPointResponse/>"));
        deliverEvents();
    } else {
        m_subscriptions.remove(s->id);
        answer(call, QStringLiteral("<wsnt:UnsubscribeResponse/>"));
    }
    return true;
}

} // namespace vigil::camsim
