#include "core/onvif/event_subscription.h"

#include "core/logging_categories.h"
#include "core/onvif/onvif_parsers.h"
#include "core/onvif/ws_security.h"

#include <QDateTime>

namespace vigil::onvif {

namespace {

constexpr int kMaxBackoffMs = 60'000;
const QString kEventsNs = QStringLiteral("http://www.onvif.org/ver10/events/wsdl");

QHash<QString, QString> simpleItems(const XmlElement* parent)
{
    QHash<QString, QString> items;
    if (!parent)
        return items;
    for (const XmlElement* item : parent->childrenNamed(u"SimpleItem"))
        items.insert(item->attribute(u"Name"), item->attribute(u"Value"));
    return items;
}

} // namespace

EventSubscription::EventSubscription(OnvifClient* client, QString eventsUrl, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_eventsUrl(std::move(eventsUrl))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventSubscription::create);
}

EventSubscription::~EventSubscription()
{
    m_running = false;
}

QList<OnvifEvent> EventSubscription::parseNotifications(const XmlElement& envelope)
{
    QList<OnvifEvent> events;
    const XmlElement* body = soapBody(envelope);
    const XmlElement* response = body ? body->child(u"PullMessagesResponse") : nullptr;
    if (!response)
        return events;
    for (const XmlElement* n : response->childrenNamed(u"NotificationMessage")) {
        OnvifEvent e;
        e.topic = n->textAt({u"Topic"});
        while (e.topic.endsWith(u'/') || e.topic.endsWith(QLatin1String("/.")))
            e.topic.chop(e.topic.endsWith(u'/') ? 1 : 2);
        const XmlElement* message = n->path({u"Message", u"Message"});
        if (message) {
            e.operation = message->attribute(u"PropertyOperation");
            e.utcMs = parseCreated(message->attribute(u"UtcTime"));
            e.source = simpleItems(message->child(u"Source"));
            e.data = simpleItems(message->child(u"Data"));
        }
        events << e;
    }
    return events;
}

std::optional<bool> EventSubscription::motionState(const OnvifEvent& event)
{
    if (!event.topic.contains(QLatin1String("Motion"), Qt::CaseInsensitive))
        return std::nullopt;
    for (const char* key : {"IsMotion", "State", "Motion"}) {
        const QString value = event.data.value(QLatin1String(key)).trimmed().toLower();
        if (!value.isEmpty())
            return value == QLatin1String("true") || value == QLatin1String("1");
    }
    return std::nullopt;
}

void EventSubscription::start()
{
    m_running = true;
    m_backoffMs = 1000;
    create();
}

void EventSubscription::stop()
{
    m_running = false;
    m_retry.stop();
    if (m_client && !m_address.isEmpty()) {
        m_client->call(m_address,
                QStringLiteral("<Unsubscribe xmlns=\"http://docs.oasis-open.org/wsn/b-2\"/>"),
                [](Result<XmlElement>) {});
    }
    m_address.clear();
}

void EventSubscription::create()
{
    if (!m_running || !m_client)
        return;
    m_address.clear();
    m_client->call(m_eventsUrl,
            QStringLiteral("<CreatePullPointSubscription "
                           "xmlns=\"%1\"><InitialTerminationTime>PT%2S</InitialTerminationTime>"
                           "</CreatePullPointSubscription>")
                    .arg(kEventsNs)
                    .arg(m_terminationSeconds),
            [this, guard = QPointer<EventSubscription>(this)](Result<XmlElement> answer) {
                if (!guard || !m_running)
                    return;
                if (!answer)
                    return retryLater(answer.error());
                const XmlElement* address = answer.value().find(u"Address");
                if (!address || address->text().isEmpty()) {
                    return retryLater(Error {Error::Code::Protocol,
                            tr("The camera at %1 did not say where to fetch its events.")
                                    .arg(m_client->displayAddress()),
                            {}});
                }
                // Relative addresses and the camera's own idea of its host are both seen in the
                // wild.
                m_address = m_client->rewrite(
                        QUrl(m_eventsUrl).resolved(QUrl(address->text())).toString());
                m_terminationMs
                        = QDateTime::currentMSecsSinceEpoch() + m_terminationSeconds * 1000LL;
                m_backoffMs = 1000;
                Q_EMIT subscribed();
                pull();
            });
}

void EventSubscription::pull()
{
    if (!m_running || !m_client)
        return;
    // Renew when less than a third of the subscription's life is left.
    if (m_terminationMs - QDateTime::currentMSecsSinceEpoch() < m_terminationSeconds * 1000LL / 3)
        return renew();
    m_client->call(m_address,
            QStringLiteral("<PullMessages "
                           "xmlns=\"%1\"><Timeout>PT%2S</Timeout><MessageLimit>100</MessageLimit></"
                           "PullMessages>")
                    .arg(kEventsNs)
                    .arg(m_pullSeconds),
            [this, guard = QPointer<EventSubscription>(this)](Result<XmlElement> answer) {
                if (!guard || !m_running)
                    return;
                if (!answer)
                    return retryLater(answer.error());
                for (const OnvifEvent& e : parseNotifications(answer.value())) {
                    Q_EMIT eventReceived(e);
                    const std::optional<bool> motion = motionState(e);
                    if (motion && motion != m_motion) {
                        m_motion = motion;
                        Q_EMIT motionChanged(*motion);
                    }
                }
                pull();
            });
}

void EventSubscription::renew()
{
    const QString termination = formatCreated(QDateTime::currentMSecsSinceEpoch()
            + m_client->clockOffsetMs() + m_terminationSeconds * 1000LL);
    m_client->call(m_address,
            QStringLiteral("<Renew "
                           "xmlns=\"http://docs.oasis-open.org/wsn/b-2\"><TerminationTime>%1</"
                           "TerminationTime></Renew>")
                    .arg(termination),
            [this, guard = QPointer<EventSubscription>(this)](Result<XmlElement> answer) {
                if (!guard || !m_running)
                    return;
                if (!answer)
                    return retryLater(answer.error());
                ++m_renewals;
                m_terminationMs
                        = QDateTime::currentMSecsSinceEpoch() + m_terminationSeconds * 1000LL;
                pull();
            });
}

void EventSubscription::retryLater(const Error& error)
{
    qCInfo(lcOnvif) << "events of" << (m_client ? m_client->displayAddress() : QString())
                    << "failed:" << error.fullText() << "- again in" << m_backoffMs << "ms";
    m_address.clear();
    m_retryDelayMs = m_backoffMs;
    m_backoffMs = qMin(m_backoffMs * 2, kMaxBackoffMs);
    m_retry.start(m_retryDelayMs);
    Q_EMIT failed(error);
}

} // namespace vigil::onvif
