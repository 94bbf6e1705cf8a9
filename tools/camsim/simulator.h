#pragma once

#include "camsim_options.h"
#include "media_cache.h"

#include <QJsonObject>
#include <QObject>

#include <memory>
#include <vector>

namespace vigil::camsim {

class DiscoveryResponder;
class OnvifDevice;
class RtspServers;

/// N simulated cameras: footage from the cache, RTSP servers, ONVIF devices, and the discovery
/// responder, started together; endpoints() describes each camera as `--print-endpoints` prints it.
class Simulator : public QObject
{
    Q_OBJECT

public:
    Simulator(Options options, MediaSet media, QObject* parent = nullptr);
    ~Simulator() override;

    bool start(QString* error);
    void stop();
    QList<QJsonObject> endpoints() const;

private:
    Options m_options;
    MediaSet m_media;
    std::unique_ptr<RtspServers> m_rtsp;
    std::vector<std::unique_ptr<OnvifDevice>> m_devices;
    std::unique_ptr<DiscoveryResponder> m_discovery;
};

} // namespace vigil::camsim
