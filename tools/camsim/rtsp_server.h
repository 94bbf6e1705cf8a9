#pragma once

#include "media_cache.h"

#include <QHostAddress>
#include <QString>

#include <memory>
#include <vector>

namespace vigil::camsim {

/// The cameras' RTSP side, on GStreamer's RTSP server: per camera one server (its own port, as
/// each real camera is its own host) with `/main` (1920x1080) and `/sub` (640x360) H.264 streams.
/// Pre-encoded footage loops forever with continuous timestamps; PTZ cameras re-encode through a
/// moving crop window instead. RTSP Digest when a user is set; TCP-interleaved and UDP transports.
/// All servers run on one GLib main loop on a thread of their own.
class RtspServers
{
public:
    struct Camera
    {
        int index = 0;
        int port = 0; ///< 0: a free port; the bound one is stored back by start()
        bool ptz = false;
        int dropAfterSeconds = 0;
        bool audio = false; ///< an AAC track beside the video of both streams
        bool mainH265 = false; ///< the main stream in H.265 (ignored with PTZ)
        int rtcpClockOffsetSeconds = 0; ///< added to the NTP time of RTCP sender reports
        bool bFrames = false; ///< the main stream re-encoded live with B-frames (not with H.265)
        int timestampJitterMs = 0; ///< video timestamps vary by up to ± this much
        int audioSkewMs = 0; ///< audio RTP timestamps this much after the video's
    };

    RtspServers(QHostAddress bind, QString user, QString password, MediaSet media);
    ~RtspServers();

    /// Binds every camera's server; false with a message when one cannot listen.
    bool start(std::vector<Camera>& cameras, QString* error);
    void stop();

    /// Moves camera `index`'s PTZ crop window: pan/tilt in [-1, 1], zoom in [0, 1]. Any thread.
    void setPtzWindow(int index, double pan, double tilt, double zoom);

    struct Private; ///< public so the GLib callbacks in rtsp_server.cpp can reach it

private:
    std::unique_ptr<Private> d;
};

} // namespace vigil::camsim
