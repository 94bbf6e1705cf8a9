#pragma once

#include "core/media/rtsp_stream_parser.h"
#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QUrl>

#include <functional>
#include <optional>

namespace vigil::media {

/// A lean RTSP client for the common case of a recorder: one H.264 video stream, RTP interleaved
/// over the RTSP TCP connection (RFC 2326 §10.12, RFC 6184). Reads the socket in large blocks
/// (FFmpeg's RTSP demuxer issues a poll and a recv for every few bytes, which makes the kernel
/// the main cost of recording many cameras), reassembles access units from single-NAL, STAP-A and
/// FU-A packets, and maps RTP time to wall-clock time from RTCP sender reports.
///
/// Streams it does not handle (audio, H.265, no TCP interleaving) are refused with
/// Error::Code::Unsupported, and the caller falls back to FFmpeg's demuxer.
///
/// Blocking; used from one thread. `stopRequested` is polled while waiting.
class RtspSession
{
    Q_DECLARE_TR_FUNCTIONS(vigil::media::RtspSession)

public:
    struct Options
    {
        QUrl url; ///< with user name and password
        int timeoutMs = 10000;
        std::function<bool()> stopRequested;
    };

    /// An H.264 access unit in Annex B form (start codes before each NAL unit).
    using Frame = RtspStreamParser::Frame;

    RtspSession();
    ~RtspSession();
    RtspSession(const RtspSession&) = delete;
    RtspSession& operator=(const RtspSession&) = delete;

    /// DESCRIBE (with Digest, or Basic when the camera asks for it), SETUP, PLAY.
    Result<void> open(const Options& options);
    /// The next complete access unit; an error when the connection ends or times out.
    Result<Frame> next();
    /// Ends the session (TEARDOWN, best effort) and closes the connection.
    void close();

    /// SPS and PPS from the SDP (sprop-parameter-sets) or the stream, in Annex B form.
    QByteArray parameterSets() const;
    /// Wall-clock milliseconds of RTP time 0 (Frame::rtpTime scale), from the latest RTCP sender
    /// report, when one arrived.
    std::optional<qint64> wallClockOfRtpZeroMs() const;
    qint64 lostPackets() const;
    /// Frames dropped because they outgrew 16 MB (fragments that never end); next() then ends
    /// the session with an error.
    qint64 oversizedFrames() const;
    /// The camera asked for HTTP Basic authentication: its password crosses the network readable.
    bool usesBasicAuthentication() const;

private:
    struct Private;
    Private* d;
};

} // namespace vigil::media
