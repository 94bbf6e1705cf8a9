#pragma once

#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QUdpSocket>

#include <vector>

namespace vigil::camsim {

/// What the responder announces for one camera.
struct DiscoveryTarget
{
    QString endpoint; ///< "urn:uuid:…"
    QStringList scopes;
    QString xaddr; ///< device service URL
};

/// WS-Discovery (2005/04) target side for the simulated cameras: joins 239.255.255.250:3702 on
/// the bound address only, answers Probes for dn:NetworkVideoTransmitter / tds:Device (or no
/// type) with one ProbeMatches per camera after a random delay up to APP_MAX_DELAY, and sends Hello
/// on start and Bye on stop. Every multicast leaves with IP_MULTICAST_IF = the bound address and
/// TTL 1, so on 127.0.0.1 nothing reaches a real network card.
class DiscoveryResponder : public QObject
{
    Q_OBJECT

public:
    DiscoveryResponder(QHostAddress bind, std::vector<DiscoveryTarget> targets,
            bool duplicateMatches, QObject* parent = nullptr);
    ~DiscoveryResponder() override;

    bool start(QString* error);
    void sendBye();

    static constexpr quint16 kPort = 3702;
    static constexpr int kAppMaxDelayMs = 500;

private:
    void onReadyRead();
    void sendMulticast(const QByteArray& datagram);
    QByteArray message(const QString& action, const QString& relatesTo, const QString& body) const;
    QString matchXml(const DiscoveryTarget& target, const char* element) const;

    QHostAddress m_bind;
    std::vector<DiscoveryTarget> m_targets;
    bool m_duplicateMatches = false;
    QUdpSocket m_socket;
    quint32 m_instanceId = 0;
    quint32 m_messageNumber = 0;
    bool m_started = false;
};

} // namespace vigil::camsim
