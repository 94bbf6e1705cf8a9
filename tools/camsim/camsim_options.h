#pragma once

#include <QHostAddress>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace vigil::camsim {

/// Behaviours of real cameras the simulator can reproduce (ONVIF.md §4), from `--quirks`.
struct Quirks
{
    int clockSkewSeconds = 0; ///< clock-skew=S: the device clock is S seconds off
    bool wrongXAddr = false; ///< wrong-xaddr: advertise addresses on an unreachable host
    bool media2Only = false; ///< media2-only: no Media1 service
    bool httpDigestOnly = false; ///< http-digest-only: WS-UsernameToken refused, HTTP Digest only
    int slowMs = 0; ///< slow=MS: every SOAP answer is delayed
    bool duplicateProbeMatches = false; ///< duplicate-probe-matches: each ProbeMatch sent twice
    int dropStreamAfterSeconds
            = 0; ///< drop-stream-after=S: RTSP dies after S seconds, then returns
    /// clock-drift=S: the wall clock in the RTCP sender reports is S seconds off (a camera whose
    /// clock drifted and never synced)
    int rtcpClockOffsetSeconds = 0;
    /// b-frames: main streams are H.264 (640x360) with two B-frames between reference frames,
    /// encoded live (frames arrive in decoding order, RTP timestamps in presentation order)
    bool bFrames = false;
    /// timestamp-jitter=MS: video timestamps are taken when each frame is captured and vary by up
    /// to ±MS ms (at most 30) around the frame rate's, as real cameras' do
    int timestampJitterMs = 0;
    /// audio-skew=MS: with --audio, the audio's RTCP sender reports put it MS ms (±10 s at most)
    /// after the video captured at the same moment, while the PLAY answer's rtptime does not (a
    /// client's audio jumps by MS at its first report)
    int audioSkewMs = 0;

    /// Parses "clock-skew=300,slow=200,…"; nullopt and a message on unknown or malformed items.
    static std::optional<Quirks> parse(const QString& list, QString* error);
};

struct Options
{
    int cameras = 1;
    QHostAddress bind = QHostAddress(QHostAddress::LocalHost);
    int basePort = 0; ///< 0: free ports
    /// Names this simulated site: each camera's identity (UUID, serial, MAC) derives from it and
    /// the camera's number, so it is the same across restarts whatever ports are free. Empty: the
    /// bind address (simulators in different namespaces differ). Side by side on one address,
    /// simulators need different sites.
    QString site;
    QString user;
    QString password;
    Quirks quirks;
    QString video; ///< source footage; default: OpenCV's vtest.avi
    QString cacheDir; ///< pre-encoded streams; default: the user's cache folder
    QSet<int> ptzCameras; ///< 1-based camera numbers with PTZ
    bool audio = false; ///< --audio: an AAC track (16 kHz mono, a tick a second) in every stream
    bool mainH265 = false; ///< --main-codec h265: main streams in H.265 (not on PTZ cameras)
    bool printEndpoints = false;
    bool prepareOnly = false;
    bool discovery = true;

    /// The loopback address quirky cameras advertise instead of their own (never a LAN address).
    static QHostAddress unreachableAddress() { return QHostAddress(QStringLiteral("127.0.0.2")); }
};

/// The default footage: OpenCV's pedestrian clip from Debian's opencv-doc.
QString defaultVideoPath();

} // namespace vigil::camsim
