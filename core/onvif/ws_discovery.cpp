#include "core/onvif/ws_discovery.h"

#include "core/logging_categories.h"
#include "core/onvif/xml_tree.h"
#include "core/runtime/display_text.h"

#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QUdpSocket>
#include <QUrl>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace vigil::onvif {

namespace {

const QHostAddress kGroup(QStringLiteral("239.255.255.250"));
constexpr quint16 kPort = 3702;
const QString kNsDiscovery = QStringLiteral("http://schemas.xmlsoap.org/ws/2005/04/discovery");
// SOAP-over-UDP: each multicast probe is sent this many times, with growing gaps.
constexpr int kRepeats = 3;
const int kRepeatDelaysMs[kRepeats] = {0, 150, 400};

QString normaliseId(QString id)
{
    id = id.trimmed().toLower();
    if (id.startsWith(QLatin1String("urn:")))
        id = id.mid(4);
    if (id.startsWith(QLatin1String("uuid:")))
        id = id.mid(5);
    return id;
}

QStringList words(const QString& text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.split(space, Qt::SkipEmptyParts);
}

bool setMulticastInterface(QUdpSocket& socket, const QHostAddress& address)
{
#ifdef Q_OS_UNIX
    const int fd = int(socket.socketDescriptor());
    in_addr interface { };
    interface.s_addr = htonl(address.toIPv4Address());
    const unsigned char ttl = 1;
    return ::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_IF, &interface, sizeof interface) == 0
            && ::setsockopt(fd, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl) == 0;
#else
    for (const QNetworkInterface& i : QNetworkInterface::allInterfaces()) {
        for (const QNetworkAddressEntry& e : i.addressEntries()) {
            if (e.ip() == address) {
                socket.setMulticastInterface(i);
                socket.setSocketOption(QAbstractSocket::MulticastTtlOption, 1);
                return true;
            }
        }
    }
    return false;
#endif
}

} // namespace

QString DiscoveredDevice::preferredXAddr(bool rewrite) const
{
    QString firstHttp;
    for (const QString& x : xaddrs) {
        const QUrl url(x);
        if (url.scheme() != QLatin1String("http"))
            continue;
        if (QHostAddress(url.host()).isEqual(source, QHostAddress::ConvertV4MappedToIPv4))
            return x;
        if (firstHttp.isEmpty())
            firstHttp = x;
    }
    if (firstHttp.isEmpty())
        firstHttp = xaddrs.value(0);
    // No advertised address is the one that answered (stale, NAT'd or link-local): the camera is
    // reachable where it answered from, with its advertised port and path.
    if (rewrite && !firstHttp.isEmpty() && !source.isNull()) {
        QUrl url(firstHttp);
        QHostAddress host = source;
        bool v4 = false;
        const quint32 ipv4 = source.toIPv4Address(&v4);
        if (v4)
            host = QHostAddress(ipv4);
        url.setHost(host.toString());
        return url.toString();
    }
    return firstHttp;
}

WsDiscovery::WsDiscovery(QObject* parent)
    : QObject(parent)
{
    m_window.setSingleShot(true);
    connect(&m_window, &QTimer::timeout, this, [this] {
        stop();
        Q_EMIT finished();
    });
    m_repeat.setSingleShot(true);
    connect(&m_repeat, &QTimer::timeout, this, &WsDiscovery::sendRound);
}

WsDiscovery::~WsDiscovery() = default;

QList<QHostAddress> WsDiscovery::localIPv4Addresses()
{
    QList<QHostAddress> result;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface& i : interfaces) {
        if (!(i.flags() & QNetworkInterface::IsUp) || !(i.flags() & QNetworkInterface::IsRunning))
            continue;
        for (const QNetworkAddressEntry& e : i.addressEntries()) {
            const QHostAddress ip = e.ip();
            if (ip.protocol() == QAbstractSocket::IPv4Protocol && !ip.isLinkLocal())
                result << ip;
        }
    }
    return result;
}

bool WsDiscovery::start(const Options& options)
{
    stop();
    m_devices.clear();
    m_deviceIndex.clear();
    m_tooMany = false;
    m_error.clear();
    m_messageIds = {
            QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces),
            QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces)};
    const QList<QHostAddress> addresses = !options.multicast
            ? QList<QHostAddress>() // unicast-only: no socket per interface
            : options.interfaces.isEmpty() ? localIPv4Addresses()
                                           : options.interfaces;
    for (const QHostAddress& address : addresses) {
        auto socket = std::make_unique<QUdpSocket>();
        if (!socket->bind(address, 0) || !setMulticastInterface(*socket, address)) {
            qCWarning(lcOnvif) << "discovery: cannot probe from" << address.toString()
                               << socket->errorString();
            continue;
        }
        QUdpSocket* raw = socket.get();
        connect(raw, &QUdpSocket::readyRead, this,
                [this, raw, address] { readAnswers(raw, address); });
        m_sockets.push_back(std::move(socket));
        m_socketAddresses << address;
    }
    if (!options.unicastTargets.isEmpty()) {
        m_unicast = std::make_unique<QUdpSocket>();
        if (m_unicast->bind(QHostAddress::AnyIPv4, 0)) {
            connect(m_unicast.get(), &QUdpSocket::readyRead, this,
                    [this] { readAnswers(m_unicast.get(), QHostAddress()); });
        } else {
            m_unicast.reset();
        }
    }
    if (m_sockets.empty() && !m_unicast) {
        m_error = tr("No network interface could send a discovery probe.");
        return false;
    }
    m_unicastTargets = options.unicastTargets;
    m_multicast = options.multicast;
    m_unicastIntervalMs = qMax(1, options.unicastIntervalMs);
    m_unicastNext = 0;
    m_round = 0;
    sendRound();
    m_window.start(qMax(options.windowMs, 100));
    m_windowEnds.setRemainingTime(qMax(options.windowMs, 100));
    return true;
}

bool WsDiscovery::listen(const QList<QHostAddress>& interfaces)
{
    m_listener = std::make_unique<QUdpSocket>();
    if (!m_listener->bind(QHostAddress::AnyIPv4, kPort,
                QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        m_error = tr("Cannot listen for cameras announcing themselves (UDP port 3702 is taken).");
        m_listener.reset();
        return false;
    }
    const QList<QHostAddress> addresses = interfaces.isEmpty() ? localIPv4Addresses() : interfaces;
    int joined = 0;
    for (const QHostAddress& address : addresses) {
#ifdef Q_OS_UNIX
        ip_mreq membership {};
        membership.imr_multiaddr.s_addr = htonl(kGroup.toIPv4Address());
        membership.imr_interface.s_addr = htonl(address.toIPv4Address());
        if (::setsockopt(int(m_listener->socketDescriptor()), IPPROTO_IP, IP_ADD_MEMBERSHIP,
                    &membership, sizeof membership)
                == 0)
            ++joined;
#else
        for (const QNetworkInterface& i : QNetworkInterface::allInterfaces()) {
            for (const QNetworkAddressEntry& e : i.addressEntries()) {
                if (e.ip() == address && m_listener->joinMulticastGroup(kGroup, i))
                    ++joined;
            }
        }
#endif
    }
    if (joined == 0) {
        m_error = tr("Cannot listen for cameras announcing themselves on any network interface.");
        m_listener.reset();
        return false;
    }
    connect(m_listener.get(), &QUdpSocket::readyRead, this, &WsDiscovery::readAnnouncements);
    return true;
}

void WsDiscovery::readAnnouncements()
{
    while (m_listener && m_listener->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_listener->receiveDatagram(64 * 1024);
        const std::optional<XmlElement> envelope = XmlElement::parse(datagram.data());
        const XmlElement* body = envelope ? envelope->child(u"Body") : nullptr;
        if (!body)
            continue;
        if (const XmlElement* bye = body->child(kNsDiscovery, u"Bye")) {
            const QString endpoint = bye->textAt({u"EndpointReference", u"Address"});
            if (!endpoint.isEmpty())
                Q_EMIT deviceLeft(endpoint);
            continue;
        }
        if (!body->child(kNsDiscovery, u"Hello"))
            continue; // probes and answers to others
        for (DiscoveredDevice& d : parseAnswer(datagram.data())) {
            d.source = datagram.senderAddress();
            d.interfaceAddress = datagram.destinationAddress();
            merge(std::move(d));
        }
    }
}

void WsDiscovery::stop()
{
    m_window.stop();
    m_repeat.stop();
    m_sockets.clear();
    m_socketAddresses.clear();
    m_unicast.reset();
}

QByteArray WsDiscovery::probeMessage(const QString& messageId, const QString& types) const
{
    return QStringLiteral(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
            "xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
            "xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\" "
            "xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" "
            "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\"><s:Header>"
            "<a:Action "
            "s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</"
            "a:Action>"
            "<a:MessageID>%1</a:MessageID><a:ReplyTo><a:Address>"
            "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></"
            "a:ReplyTo>"
            "<a:To "
            "s:mustUnderstand=\"1\">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To></s:Header>"
            "<s:Body><d:Probe><d:Types>%2</d:Types></d:Probe></s:Body></s:Envelope>")
            .arg(messageId, types)
            .toUtf8();
}

void WsDiscovery::sendRound()
{
    const QByteArray nvt
            = probeMessage(m_messageIds.at(0), QStringLiteral("dn:NetworkVideoTransmitter"));
    const QByteArray device = probeMessage(m_messageIds.at(1), QStringLiteral("tds:Device"));
    if (m_round < kRepeats && m_multicast) {
        for (auto& socket : m_sockets) {
            socket->writeDatagram(nvt, kGroup, kPort);
            socket->writeDatagram(device, kGroup, kPort);
        }
    }
    // Unicast probes go one host at a time, rate-limited.
    if (m_unicastNext < m_unicastTargets.size() && m_unicast) {
        const QHostAddress target = m_unicastTargets.at(m_unicastNext++);
        m_unicast->writeDatagram(nvt, target, kPort);
        m_unicast->writeDatagram(device, target, kPort);
    }
    ++m_round;
    int next = -1;
    if (m_round < kRepeats)
        next = kRepeatDelaysMs[m_round] - kRepeatDelaysMs[m_round - 1];
    if (m_unicastNext < m_unicastTargets.size())
        next = next < 0 ? m_unicastIntervalMs : qMin(next, m_unicastIntervalMs);
    if (next >= 0)
        m_repeat.start(next);
}

QList<DiscoveredDevice> WsDiscovery::parseAnswer(const QByteArray& datagram, QString* relatesTo)
{
    QList<DiscoveredDevice> result;
    const std::optional<XmlElement> envelope = XmlElement::parse(datagram);
    if (!envelope)
        return result;
    const XmlElement* body = envelope->child(u"Body");
    if (!body)
        return result;
    if (relatesTo)
        *relatesTo = envelope->textAt({u"Header", u"RelatesTo"});
    QList<const XmlElement*> matches;
    if (const XmlElement* probeMatches = body->child(kNsDiscovery, u"ProbeMatches"))
        matches = probeMatches->childrenNamed(u"ProbeMatch");
    else if (const XmlElement* hello = body->child(kNsDiscovery, u"Hello"))
        matches << hello;
    for (const XmlElement* match : matches) {
        DiscoveredDevice d;
        d.endpoint = runtime::displaySafe(match->textAt({u"EndpointReference", u"Address"}), 128);
        // Only addresses Vigil could use (HTTP with a host), a few per device: a flood of
        // answers cannot fill the memory or the screen.
        for (const QString& x : words(match->textAt({u"XAddrs"}))) {
            const QUrl url(x);
            const bool http = url.scheme() == QLatin1String("http")
                    || url.scheme() == QLatin1String("https");
            if (http && !url.host().isEmpty() && d.xaddrs.size() < kMaxXAddrs)
                d.xaddrs << runtime::displaySafe(x, 512);
        }
        for (const QString& scope : words(match->textAt({u"Scopes"})).mid(0, kMaxScopes))
            d.scopes << runtime::displaySafe(scope, 512);
        d.types = words(match->textAt({u"Types"}));
        for (const QString& scope : std::as_const(d.scopes)) {
            const QString prefix = QStringLiteral("onvif://www.onvif.org/");
            if (!scope.startsWith(prefix, Qt::CaseInsensitive))
                continue;
            const QString path = scope.mid(prefix.size());
            const QString category = path.section(u'/', 0, 0).toLower();
            const QString value = QUrl::fromPercentEncoding(path.section(u'/', 1).toUtf8());
            // Percent-decoding can make anything of a scope: made safe to show.
            if (category == QLatin1String("name") && d.name.isEmpty())
                d.name = runtime::displaySafe(value, 64);
            else if (category == QLatin1String("hardware") && d.hardware.isEmpty())
                d.hardware = runtime::displaySafe(value, 64);
            else if (category == QLatin1String("location") && d.location.isEmpty())
                d.location = runtime::displaySafe(value, 128);
        }
        // A camera says who it is and where it answers; anything else is not listed.
        if (d.endpoint.isEmpty() || d.xaddrs.isEmpty())
            continue;
        result << d;
    }
    return result;
}

void WsDiscovery::readAnswers(QUdpSocket* socket, const QHostAddress& interfaceAddress)
{
    // Under a flood the socket never runs dry: the window is a deadline all the same.
    while (socket->hasPendingDatagrams() && m_window.isActive()) {
        if (m_windowEnds.hasExpired()) {
            stop();
            Q_EMIT finished();
            return;
        }
        const QNetworkDatagram datagram = socket->receiveDatagram(64 * 1024);
        QString relatesTo;
        QList<DiscoveredDevice> devices = parseAnswer(datagram.data(), &relatesTo);
        // An answer to somebody else's probe is not ours; a missing RelatesTo is tolerated.
        if (!relatesTo.isEmpty()) {
            const QString id = normaliseId(relatesTo);
            if (normaliseId(m_messageIds.value(0)) != id
                    && normaliseId(m_messageIds.value(1)) != id)
                continue;
        }
        for (DiscoveredDevice& d : devices) {
            d.source = datagram.senderAddress();
            d.interfaceAddress = interfaceAddress;
            merge(std::move(d));
        }
    }
}

void WsDiscovery::merge(DiscoveredDevice device)
{
    const QString key = normaliseId(device.endpoint);
    if (const auto found = m_deviceIndex.constFind(key); found != m_deviceIndex.cend()) {
        DiscoveredDevice& known = m_devices[found.value()];
        bool changed = false;
        for (const QString& x : std::as_const(device.xaddrs)) {
            if (!known.xaddrs.contains(x) && known.xaddrs.size() < kMaxXAddrs) {
                known.xaddrs << x;
                changed = true;
            }
        }
        for (const QString& s : std::as_const(device.scopes)) {
            if (!known.scopes.contains(s) && known.scopes.size() < kMaxScopes) {
                known.scopes << s;
                changed = true;
            }
        }
        if (changed)
            Q_EMIT deviceFound(known);
        return;
    }
    if (m_devices.size() >= kMaxDevices) {
        if (m_devices.size() == kMaxDevices && !m_tooMany) {
            m_tooMany = true;
            qCWarning(lcOnvif) << "discovery: more than" << kMaxDevices
                               << "devices answered; the others are ignored";
        }
        return;
    }
    qCInfo(lcOnvif) << "discovered" << device.endpoint << device.xaddrs << "via"
                    << device.interfaceAddress.toString();
    m_deviceIndex.insert(key, int(m_devices.size()));
    m_devices << device;
    Q_EMIT deviceFound(device);
}

} // namespace vigil::onvif
