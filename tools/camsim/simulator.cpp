#include "simulator.h"

#include "discovery_responder.h"
#include "onvif_device.h"
#include "rtsp_server.h"

namespace vigil::camsim {

Simulator::Simulator(Options options, MediaSet media, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_media(std::move(media))
{ }

Simulator::~Simulator()
{
    stop();
}

bool Simulator::start(QString* error)
{
    // Port plan with --base-port P: camera i gets HTTP P+2i and RTSP P+2i+1; else free ports.
    std::vector<RtspServers::Camera> rtspCameras;
    for (int i = 1; i <= m_options.cameras; ++i) {
        RtspServers::Camera c;
        c.index = i;
        c.port = m_options.basePort > 0 ? m_options.basePort + 2 * (i - 1) + 1 : 0;
        c.ptz = m_options.ptzCameras.contains(i);
        c.dropAfterSeconds = m_options.quirks.dropStreamAfterSeconds;
        c.audio = m_options.audio;
        c.mainH265 = m_options.mainH265;
        c.rtcpClockOffsetSeconds = m_options.quirks.rtcpClockOffsetSeconds;
        c.bFrames = m_options.quirks.bFrames;
        c.timestampJitterMs = m_options.quirks.timestampJitterMs;
        c.audioSkewMs = m_options.quirks.audioSkewMs;
        rtspCameras.push_back(c);
    }
    m_rtsp = std::make_unique<RtspServers>(
            m_options.bind, m_options.user, m_options.password, m_media);
    if (!m_rtsp->start(rtspCameras, error))
        return false;

    std::vector<DiscoveryTarget> targets;
    for (const RtspServers::Camera& rc : rtspCameras) {
        CameraIdentity id;
        id.index = rc.index;
        id.ptz = rc.ptz;
        id.bind = m_options.bind;
        id.rtspPort = quint16(rc.port);
        id.httpPort = quint16(m_options.basePort > 0 ? m_options.basePort + 2 * (rc.index - 1) : 0);
        id.name = QStringLiteral("Vigil Sim Camera %1").arg(rc.index);
        id.model
                = rc.ptz ? QStringLiteral("CamSim PTZ-1080") : QStringLiteral("CamSim Bullet-1080");
        auto device = std::make_unique<OnvifDevice>(id, m_options, m_media, m_rtsp.get());
        if (!device->listen(error))
            return false;
        const CameraIdentity& identity = device->identity();
        targets.push_back({identity.uuid, device->scopes(), device->deviceServiceUrl()});
        m_devices.push_back(std::move(device));
    }

    if (m_options.discovery) {
        m_discovery = std::make_unique<DiscoveryResponder>(
                m_options.bind, targets, m_options.quirks.duplicateProbeMatches);
        if (!m_discovery->start(error))
            return false;
    }
    return true;
}

void Simulator::stop()
{
    if (m_discovery)
        m_discovery->sendBye();
    m_discovery.reset();
    m_devices.clear();
    if (m_rtsp)
        m_rtsp->stop();
    m_rtsp.reset();
}

QList<QJsonObject> Simulator::endpoints() const
{
    QList<QJsonObject> list;
    for (const auto& device : m_devices) {
        const CameraIdentity& id = device->identity();
        list << QJsonObject {
                {QStringLiteral("name"), id.name},
                {QStringLiteral("uuid"), id.uuid},
                {QStringLiteral("device_service"), device->deviceServiceUrl()},
                {QStringLiteral("rtsp_main"), device->streamUri(QStringLiteral("main"))},
                {QStringLiteral("rtsp_sub"), device->streamUri(QStringLiteral("sub"))},
                {QStringLiteral("snapshot"), device->snapshotUri(QStringLiteral("main"))},
                {QStringLiteral("ptz"), id.ptz},
        };
    }
    return list;
}

} // namespace vigil::camsim
