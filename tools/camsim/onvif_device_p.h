#pragma once

// Private state of OnvifDevice shared by its service files.

#include "onvif_device.h"

#include <QMap>
#include <QStringList>
#include <QTimer>

#include <optional>

namespace vigil::camsim {

struct OnvifDevice::PtzState
{
    struct Position
    {
        double pan = 0;
        double tilt = 0;
        double zoom = 0;
    };
    Position at;
    Position velocity;
    std::optional<Position> target;
    qint64 stopAtMs = 0; ///< end of a continuous move with a Timeout; 0: until Stop
    QMap<QString, std::pair<QString, Position>> presets;
    int nextPreset = 1;
    qint64 lastTickMs = 0;

    bool moving() const
    {
        return target || velocity.pan != 0 || velocity.tilt != 0 || velocity.zoom != 0;
    }
};

struct OnvifDevice::Subscription
{
    int id = 0;
    qint64 terminationMs = 0;
    QStringList queue;
    HttpServer::Respond waiting; ///< a PullMessages that waits for messages
    int waitingLimit = 0;
    QTimer waitTimer;
};

} // namespace vigil::camsim
