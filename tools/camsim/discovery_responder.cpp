#include "discovery_responder.h"

#include "core/onvif/xml_tree.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace vigil::camsim {

namespace {

const QHostAddress kGroup(QStringLiteral("239.255.255.250"));
const QString kNsDiscovery = QStringLiteral("http://schemas.xmlsoap.org/ws/2005/04/discovery");

bool typesMatch(const QString& types)
{
    const QStringList wanted
            = types.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (wanted.isEmpty())
        return true;
    // Strict WS-Discovery matching: every requested type must be ours (compared by local name,
    // as lenient real devices do; prefixes vary).
    for (const QString& type : wanted) {
        const QString local = type.section(u':', -1);
        if (local != QLatin1String("NetworkVideoTransmitter") && local != QLatin1String("Device"))
            return false;
    }
    return true;
}

bool scopesMatch(const QString& requested, const QStringList& ours)
{
    const QStringList wanted
            = requested.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString& w : wanted) {
        // RFC 3986 rule: a scope matches when it equals one of ours or is a path-segment prefix.
        const bool found = std::any_of(ours.begin(), ours.end(), [&](const QString& scope) {
            return scope == w || scope.startsWith(w.endsWith(u'/') ? w : w + u'/');
        });
        if (!found)
            return false;
    }
    return true;
}

} // namespace

DiscoveryResponder::DiscoveryResponder(QHostAddress bind, std::vector<DiscoveryTarget> targets,
        bool duplicateMatches, QObject* parent)
    : QObject(parent)
    , m_bind(std::move(bind))
    , m_targets(std::move(targets))
    , m_duplicateMatches(duplicateMatches)
    , m_instanceId(quint32(QDateTime::currentSecsSinceEpoch()))
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &DiscoveryResponder::onReadyRead);
}

DiscoveryResponder::~DiscoveryResponder()
{
    sendBye();
}

bool DiscoveryResponder::start(QString* error)
{
    // Bound to the wildcard so multicast to the group arrives; shared so several simulators
    // (parallel tests) each get every Probe.
    if (!m_socket.bind(QHostAddress::AnyIPv4, kPort,
                QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        if (error)
            *error = QStringLiteral("WS-Discovery: cannot bind UDP port %1: %2")
                             .arg(kPort)
                             .arg(m_socket.errorString());
        return false;
    }
#ifdef Q_OS_UNIX
    const int fd = int(m_socket.socketDescriptor());
    ip_mreq membership {};
    membership.imr_multiaddr.s_addr = htonl(kGroup.toIPv4Address());
    membership.imr_interface.s_addr = htonl(m_bind.toIPv4Address());
    in_addr interface { };
    interface.s_addr = htonl(m_bind.toIPv4Address());
    const unsigned char ttl = 1;
    const unsigned char loop = 1;
    if (::setsockopt(fd, IPPROTO_IP, IP_ADD_MEMBERSHIP, &membership, sizeof membership) != 0
            || ::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &interface, sizeof interface) != 0
            || ::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl) != 0
            || ::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_LOOP, &loop, sizeof loop) != 0) {
        if (error)
            *error = QStringLiteral("WS-Discovery: cannot join %1 on %2")
                             .arg(kGroup.toString(), m_bind.toString());
        return false;
    }
#else
    if (error)
        *error = QStringLiteral("WS-Discovery responder needs a Unix socket API");
    return false;
#endif
    m_started = true;
    for (const DiscoveryTarget& t : m_targets) {
        sendMulticast(
                message(QStringLiteral("http://schemas.xmlsoap.org/ws/2005/04/discovery/Hello"), {},
                        QStringLiteral("<d:Hello>%1</d:Hello>").arg(matchXml(t, nullptr))));
    }
    return true;
}

void DiscoveryResponder::sendBye()
{
    if (!m_started)
        return;
    m_started = false;
    for (const DiscoveryTarget& t : m_targets) {
        sendMulticast(
                message(QStringLiteral("http://schemas.xmlsoap.org/ws/2005/04/discovery/Bye"), {},
                        QStringLiteral("<d:Bye><wsa:EndpointReference><wsa:Address>%1</"
                                       "wsa:Address></wsa:EndpointReference>"
                                       "</d:Bye>")
                                .arg(t.endpoint)));
    }
    m_socket.flush();
}

void DiscoveryResponder::sendMulticast(const QByteArray& datagram)
{
    m_socket.writeDatagram(datagram, kGroup, kPort);
}

QString DiscoveryResponder::matchXml(const DiscoveryTarget& t, const char* element) const
{
    const QString inner = QStringLiteral(
            "<wsa:EndpointReference><wsa:Address>%1</wsa:Address></wsa:EndpointReference>"
            "<d:Types>dn:NetworkVideoTransmitter tds:Device</d:Types>"
            "<d:Scopes>%2</d:Scopes><d:XAddrs>%3</d:XAddrs>"
            "<d:MetadataVersion>1</d:MetadataVersion>")
                                  .arg(t.endpoint, onvif::xmlEscape(t.scopes.join(u' ')),
                                          onvif::xmlEscape(t.xaddr));
    return element ? QStringLiteral("<%1>%2</%1>").arg(QLatin1String(element), inner) : inner;
}

QByteArray DiscoveryResponder::message(
        const QString& action, const QString& relatesTo, const QString& body) const
{
    const QString to = relatesTo.isEmpty()
            ? QStringLiteral("urn:schemas-xmlsoap-org:ws:2005:04:discovery")
            : QStringLiteral("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous");
    const QString relates = relatesTo.isEmpty()
            ? QString()
            : QStringLiteral("<wsa:RelatesTo>%1</wsa:RelatesTo>").arg(onvif::xmlEscape(relatesTo));
    auto* self = const_cast<DiscoveryResponder*>(this);
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
                          "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
                          "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
                          "xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" "
                          "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
                          "<env:Header><wsa:MessageID>urn:uuid:%1</wsa:MessageID>%2<wsa:To "
                          "env:mustUnderstand=\"true\">%3</wsa:To>"
                          "<wsa:Action env:mustUnderstand=\"true\">%4</wsa:Action>"
                          "<d:AppSequence env:mustUnderstand=\"true\" MessageNumber=\"%5\" "
                          "InstanceId=\"%6\"/></env:Header>"
                          "<env:Body>%7</env:Body></env:Envelope>")
            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces), relates, to, action)
            .arg(++self->m_messageNumber)
            .arg(m_instanceId)
            .arg(body)
            .toUtf8();
}

void DiscoveryResponder::onReadyRead()
{
    while (m_socket.hasPendingDatagrams()) {
        QHostAddress sender;
        quint16 senderPort = 0;
        QByteArray datagram(
                int(qMax<qint64>(0, m_socket.pendingDatagramSize())), Qt::Uninitialized);
        const qint64 size
                = m_socket.readDatagram(datagram.data(), datagram.size(), &sender, &senderPort);
        if (size <= 0)
            continue;
        datagram.resize(size);
        // Garbage, our own Hello/Bye/ProbeMatches looping back, other hosts' traffic: ignore.
        const std::optional<onvif::XmlElement> envelope = onvif::XmlElement::parse(datagram);
        if (!envelope)
            continue;
        const onvif::XmlElement* probe = envelope->path({u"Body", u"Probe"});
        if (!probe || probe->namespaceUri() != kNsDiscovery)
            continue;
        if (!typesMatch(probe->textAt({u"Types"})))
            continue;
        const QString messageId = envelope->textAt({u"Header", u"MessageID"});
        for (const DiscoveryTarget& t : m_targets) {
            if (!scopesMatch(probe->textAt({u"Scopes"}), t.scopes))
                continue;
            const QByteArray reply = message(
                    QStringLiteral("http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches"),
                    messageId,
                    QStringLiteral("<d:ProbeMatches>%1</d:ProbeMatches>")
                            .arg(matchXml(t, "d:ProbeMatch")));
            const int delay = QRandomGenerator::global()->bounded(kAppMaxDelayMs);
            const int copies = m_duplicateMatches ? 2 : 1;
            for (int i = 0; i < copies; ++i) {
                QTimer::singleShot(delay + i * 20, this, [this, reply, sender, senderPort] {
                    m_socket.writeDatagram(reply, sender, senderPort);
                });
            }
        }
    }
}

} // namespace vigil::camsim
