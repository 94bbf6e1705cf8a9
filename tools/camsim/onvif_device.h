#pragma once

#include "camsim_options.h"
#include "core/onvif/xml_tree.h"
#include "http_server.h"
#include "media_cache.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace vigil::camsim {

class RtspServers;

/// What one simulated camera is: identity, addresses, capabilities.
struct CameraIdentity
{
    int index = 0;
    QString name;
    QString uuid; ///< "urn:uuid:…", the WS-Discovery EndpointReference
    QString model;
    QString serial;
    QString hardwareId;
    QString mac;
    bool ptz = false;
    QHostAddress bind;
    quint16 httpPort = 0;
    quint16 rtspPort = 0;
};

/// One camera's ONVIF side: Device, Media, Media2, PTZ and Events services and the JPEG snapshot,
/// over SOAP 1.2 on its own HTTP port. Authentication is checked as a camera does: WS-Security
/// UsernameToken PasswordDigest (fresh nonce, Created within kCreatedWindowMs of the device
/// clock) or HTTP Digest; GetSystemDateAndTime needs none.
class OnvifDevice : public QObject
{
    Q_OBJECT

public:
    OnvifDevice(CameraIdentity identity, const Options& options, const MediaSet& media,
            RtspServers* rtsp, QObject* parent = nullptr);
    ~OnvifDevice() override;

    bool listen(QString* error);
    /// WS-Discovery scopes: type, profiles, hardware, name and location, percent-encoded.
    QStringList scopes() const { return scopeList(); }
    const CameraIdentity& identity() const { return m_identity; }

    /// Host (and port) this camera puts into XAddrs and URIs: its own, or an unreachable one
    /// with the wrong-xaddr quirk.
    QString advertisedHost(quint16 port) const;
    QString deviceServiceUrl() const;
    QString streamUri(const QString& profile) const;
    QString snapshotUri(const QString& profile) const;

    /// Device clock: UTC now plus the clock-skew quirk.
    qint64 deviceNowMs() const;
    /// Motion in the footage right now (the loop position of the simulator's clock).
    bool motionNow() const;

    static constexpr qint64 kCreatedWindowMs = 60'000;

private:
    struct Call
    {
        HttpRequest request;
        HttpServer::Respond respond;
        const onvif::XmlElement* body = nullptr; ///< the operation element
        QString operation;
        bool httpAuthenticated = false; ///< a valid HTTP Digest Authorization came with it
    };
    struct Subscription;
    struct PtzState;

    void handle(const HttpRequest& request, HttpServer::Respond respond);
    void dispatch(Call& call, const onvif::XmlElement& envelope);
    void answer(Call& call, const QString& bodyXml, const QString& header = {});
    void fault(Call& call, int status, const QString& code, const QString& subcode,
            const QString& reason);
    /// nullopt: authenticated; else the reason it failed (already answered).
    bool authenticate(Call& call, const onvif::XmlElement& envelope);
    bool checkHttpDigest(const HttpRequest& request, bool* stale) const;
    HttpResponse digestChallenge(bool stale);
    void serveSnapshot(const HttpRequest& request, const HttpServer::Respond& respond);

    // Services (onvif_device_services.cpp, onvif_ptz.cpp, onvif_events.cpp)
    bool deviceService(Call& call);
    bool mediaService(Call& call);
    bool media2Service(Call& call);
    bool ptzService(Call& call);
    bool eventService(Call& call);
    QString profileXml(const QString& token) const;
    QString media2ProfileXml(const QString& token) const;
    QString videoEncoderXml(const QString& token, const char* ns) const;
    QString ptzConfigurationXml() const;
    QString sourceConfigurationsXml(const char* ns) const;
    QString encoderConfigurationsXml(const char* ns) const;
    QStringList scopeList() const;
    void noProfile(Call& call, const QString& token);

    void initPtz();
    void tickPtz();
    QByteArray ptzSnapshot(const QByteArray& jpeg, bool sub) const;
    void tickEvents();
    void deliverEvents();
    void expireSubscriptions();

    CameraIdentity m_identity;
    Options m_options;
    MediaSet m_media;
    RtspServers* m_rtsp = nullptr;
    std::unique_ptr<HttpServer> m_http;
    QElapsedTimer m_clock; ///< the footage loop position
    QHash<QByteArray, qint64> m_seenNonces; ///< WS-Security replay protection: nonce → expiry
    QHash<QString, qint64> m_digestNonces; ///< HTTP Digest nonces issued → expiry

    std::unique_ptr<PtzState> m_ptz;
    QTimer m_ptzTimer;

    QHash<int, std::shared_ptr<Subscription>> m_subscriptions;
    int m_nextSubscription = 1;
    QTimer m_eventTimer;
    std::optional<bool> m_lastMotion;
};

} // namespace vigil::camsim
