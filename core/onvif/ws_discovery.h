#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

class QUdpSocket;

namespace vigil::onvif {

/// A device that answered WS-Discovery, merged over all its answers (duplicates, interfaces,
/// both probe types).
struct DiscoveredDevice
{
    QString endpoint; ///< EndpointReference address ("urn:uuid:…"): the device's identity
    QStringList xaddrs; ///< device service URLs, as advertised
    QStringList scopes; ///< verbatim
    QStringList types;
    QString name; ///< from onvif://www.onvif.org/name/…, percent-decoded
    QString hardware; ///< from …/hardware/…
    QString location; ///< from …/location/…
    QHostAddress source; ///< where the answer came from
    QHostAddress interfaceAddress; ///< our address it was found through

    /// The device service to use: an http XAddr on the host that answered; else, with `rewrite`,
    /// the first http XAddr moved to the host that answered (advertised port and path kept), as a
    /// camera with a stale, NAT'd or link-local address is reachable only there; else the first
    /// http XAddr as advertised.
    QString preferredXAddr(bool rewrite = true) const;
};

/// WS-Discovery (2005/04) client: multicast Probes for dn:NetworkVideoTransmitter and
/// tds:Device from one socket per chosen IPv4 interface (IP_MULTICAST_IF set, TTL 1), repeated
/// per SOAP-over-UDP, plus unicast Probes to given addresses; answers are collected for a
/// window, deduplicated by EndpointReference and merged. Garbage, duplicates and answers
/// without RelatesTo are tolerated. Runs on the thread it lives on.
class WsDiscovery : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        /// Our addresses to probe from; empty: every IPv4 address of every interface that is up.
        QList<QHostAddress> interfaces;
        /// Hosts to probe by unicast (cameras on other subnets, networks that drop multicast).
        QList<QHostAddress> unicastTargets;
        int windowMs = 3000;
        /// Pause between unicast probes, so a range scan does not flood the network.
        int unicastIntervalMs = 20;
        /// false: unicast probes only (networks that drop multicast, or one camera by address).
        bool multicast = true;
    };

    explicit WsDiscovery(QObject* parent = nullptr);
    ~WsDiscovery() override;

    /// Starts a scan; false when no interface could be used (see errorString()).
    bool start(const Options& options);
    void stop();
    bool isRunning() const { return m_window.isActive(); }
    QString errorString() const { return m_error; }
    QList<DiscoveredDevice> devices() const { return m_devices; }

    /// Listens on 239.255.255.250:3702 (shared with other programs) for cameras announcing
    /// themselves (Hello → deviceFound) and leaving (Bye → deviceLeft), on `interfaces` (empty:
    /// every IPv4 interface). Independent of scans; false when the port cannot be used.
    bool listen(const QList<QHostAddress>& interfaces = {});

    /// Every up, non-link-local IPv4 address of this machine, loopback included (it has no
    /// MULTICAST flag, yet multicast works on it with IP_MULTICAST_IF set).
    static QList<QHostAddress> localIPv4Addresses();
    /// Parses one datagram; empty when it is not a ProbeMatches/Hello answer.
    static QList<DiscoveredDevice> parseAnswer(
            const QByteArray& datagram, QString* relatesTo = nullptr);

    /// Bounds on what answers may fill: devices in one discovery (a town has at most a few
    /// hundred cameras), addresses and scopes per device.
    static constexpr int kMaxDevices = 256;
    static constexpr int kMaxXAddrs = 8;
    static constexpr int kMaxScopes = 32;

Q_SIGNALS:
    /// A device seen for the first time, or with new addresses or scopes.
    void deviceFound(const vigil::onvif::DiscoveredDevice& device);
    /// A device said Bye (it may come back: keep it, mark it offline).
    void deviceLeft(const QString& endpoint);
    void finished();

private:
    struct Probe;
    void sendRound();
    void readAnswers(QUdpSocket* socket, const QHostAddress& interfaceAddress);
    void merge(DiscoveredDevice device);
    QByteArray probeMessage(const QString& messageId, const QString& types) const;

    void readAnnouncements();

    std::vector<std::unique_ptr<QUdpSocket>> m_sockets;
    std::unique_ptr<QUdpSocket> m_listener;
    std::unique_ptr<QUdpSocket>
            m_unicast; ///< unbound: the routing table picks the way to each target
    QList<QHostAddress> m_socketAddresses;
    QList<QHostAddress> m_unicastTargets;
    QStringList m_messageIds; ///< one per probe type; repeats reuse them
    QList<DiscoveredDevice> m_devices;
    QHash<QString, int> m_deviceIndex; ///< normalised endpoint → index in m_devices
    bool m_tooMany = false;
    QTimer m_window;
    QDeadlineTimer m_windowEnds;
    QTimer m_repeat;
    int m_round = 0;
    int m_unicastNext = 0;
    int m_unicastIntervalMs = 20;
    bool m_multicast = true;
    QString m_error;
};

} // namespace vigil::onvif

Q_DECLARE_METATYPE(vigil::onvif::DiscoveredDevice)
