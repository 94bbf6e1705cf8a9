#include "rtsp_server.h"

#include "ptz_geometry.h"

#include <QDebug>
#include <QMutex>

#include <atomic>
#include <gst/gst.h>
#include <gst/rtp/gstrtcpbuffer.h>
#include <gst/rtsp-server/rtsp-server.h>
#include <thread>

namespace vigil::camsim {

namespace {

constexpr int kSourceWidth = 1920;
constexpr int kSourceHeight = 1080;
constexpr guint kOutagePauseSeconds = 5;

QString quoted(const QString& path)
{
    QString p = path;
    p.replace(u'\\', QLatin1String("\\\\"));
    p.replace(u'"', QLatin1String("\\\""));
    return u'"' + p + u'"';
}

/// One GOP file after the other, back to the first after the last.
QString chunkSource(const QString& pattern, int chunks)
{
    return QStringLiteral("multifilesrc location=%1 index=0 start-index=0 stop-index=%2 loop=true")
            .arg(quoted(pattern))
            .arg(chunks - 1);
}

/// An AAC track (16 kHz mono, a tick each second), payloaded as pay1 beside the video.
QString audioBranch(bool audio)
{
    return audio ? QStringLiteral(" audiotestsrc is-live=true wave=ticks samplesperbuffer=1024 "
                                  "! audio/x-raw,rate=16000,channels=1 "
                                  "! voaacenc bitrate=32000 ! aacparse name=aparse "
                                  "! rtpmp4gpay name=pay1 pt=97")
                 : QString();
}

// The source goes in last: its file pattern ("main_%05d.h264") must not be taken for a
// placeholder by a later arg().
QString passthroughLaunch(const QString& source, int fps, bool h265, bool audio)
{
    const QString codec = h265 ? QStringLiteral("h265") : QStringLiteral("h264");
    return QStringLiteral("( %3 ! %2parse name=parse ! video/x-%2,framerate=%1/1 "
                          "! rtp%2pay name=pay0 pt=96 config-interval=-1%4 )")
            .arg(fps)
            .arg(codec, source, audioBranch(audio));
}

/// Decoded and encoded live: through a moving crop window (PTZ), or with B-frames.
QString liveLaunch(const QString& source, int fps, int width, int height, int kbps, bool audio,
        int bFrames = 0)
{
    return QStringLiteral(
            "( %7 ! h264parse name=parse ! video/x-h264,framerate=%1/1 "
            "! avdec_h264 ! videocrop name=crop ! videoscale ! video/x-raw,width=%2,height=%3 "
            "! x264enc speed-preset=ultrafast bitrate=%4 key-int-max=%5 bframes=%6 b-adapt=false "
            "rc-lookahead=0 sync-lookahead=0 sliced-threads=false threads=2 "
            "! video/x-h264,profile=main ! rtph264pay name=pay0 pt=96 config-interval=-1%8 )")
            .arg(fps)
            .arg(width)
            .arg(height)
            .arg(kbps)
            .arg(MediaSet::kGopFrames)
            .arg(bFrames)
            .arg(source, audioBranch(audio));
}

} // namespace

struct CameraServer
{
    RtspServers::Private* owner = nullptr;
    int index = 0;
    GstRTSPServer* server = nullptr;
    GstRTSPMediaFactory* main = nullptr;
    GstRTSPMediaFactory* sub = nullptr;
    guint sourceId = 0;
    int dropAfterSeconds = 0;
    int rtcpClockOffsetSeconds = 0;
    int timestampJitterMs = 0;
    int audioSkewMs = 0;
    bool mounted = true;
    QMutex cropMutex;
    std::vector<GstElement*> crops; ///< videocrop elements of live PTZ media
    std::vector<GstRTSPMedia*> held; ///< media kept prepared (see holdMedia)
    double pan = 0, tilt = 0, zoom = 0;
};

struct RtspServers::Private
{
    QHostAddress bind;
    QString user;
    QString password;
    MediaSet media;
    GMainContext* context = nullptr;
    GMainLoop* loop = nullptr;
    std::thread thread;
    std::vector<std::unique_ptr<CameraServer>> cameras;

    void applyCrop(CameraServer* camera, GstElement* crop)
    {
        // Margins are in pixels of the stream the crop element sees (1920x1080 for the main
        // stream, 640x360 for the sub stream), recorded on it when its media was configured.
        const int width = GPOINTER_TO_INT(g_object_get_data(G_OBJECT(crop), "vigil-width"));
        const int height = GPOINTER_TO_INT(g_object_get_data(G_OBJECT(crop), "vigil-height"));
        const CropWindow c
                = CropWindow::forPosition(camera->pan, camera->tilt, camera->zoom, width, height);
        g_object_set(
                crop, "left", c.left, "right", c.right, "top", c.top, "bottom", c.bottom, nullptr);
    }
};

namespace {

GstRTSPFilterResult dropClient(GstRTSPServer*, GstRTSPClient*, gpointer)
{
    return GST_RTSP_FILTER_REMOVE;
}

void armOutageTimer(CameraServer* camera, guint seconds);

// The drop-stream-after quirk: streams vanish (clients cut, mounts gone: DESCRIBE gets 404) for a
// pause, then come back, again and again, as a camera that reboots or loses its uplink.
gboolean outageTick(gpointer data)
{
    auto* camera = static_cast<CameraServer*>(data);
    GstRTSPMountPoints* mounts = gst_rtsp_server_get_mount_points(camera->server);
    if (camera->mounted) {
        qInfo("camera %d: stream drops (quirk drop-stream-after)", camera->index);
        gst_rtsp_mount_points_remove_factory(mounts, "/main");
        gst_rtsp_mount_points_remove_factory(mounts, "/sub");
        gst_rtsp_server_client_filter(camera->server, dropClient, nullptr);
        camera->mounted = false;
        armOutageTimer(camera, kOutagePauseSeconds);
    } else {
        qInfo("camera %d: stream back", camera->index);
        gst_rtsp_mount_points_add_factory(
                mounts, "/main", GST_RTSP_MEDIA_FACTORY(g_object_ref(camera->main)));
        gst_rtsp_mount_points_add_factory(
                mounts, "/sub", GST_RTSP_MEDIA_FACTORY(g_object_ref(camera->sub)));
        camera->mounted = true;
    }
    g_object_unref(mounts);
    if (camera->mounted)
        armOutageTimer(camera, guint(camera->dropAfterSeconds));
    return G_SOURCE_REMOVE;
}

void armOutageTimer(CameraServer* camera, guint seconds)
{
    GSource* source = g_timeout_source_new_seconds(seconds);
    g_source_set_callback(source, outageTick, camera, nullptr);
    camera->sourceId = g_source_attach(source, camera->owner->context);
    g_source_unref(source);
}

// h264parse times a raw Annex B stream from its frame rate, as DTS only. Without B-frames
// presentation equals decoding order, so PTS = DTS; payloaders and clients need the PTS.
// multifilesrc starts a BYTES segment, in which buffer times have no running time and the
// payloader would stamp every RTP packet alike: restate it as a TIME segment from zero.
/// Video buffers leave the parser with a presentation time (and, with the timestamp-jitter quirk,
/// one that varies around the frame rate's as a camera's capture times do).
GstPadProbeReturn stampPts(GstPad*, GstPadProbeInfo* info, gpointer data)
{
    if (GST_PAD_PROBE_INFO_TYPE(info) & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM) {
        GstEvent* event = GST_PAD_PROBE_INFO_EVENT(info);
        if (GST_EVENT_TYPE(event) == GST_EVENT_SEGMENT) {
            const GstSegment* segment = nullptr;
            gst_event_parse_segment(event, &segment);
            if (segment->format != GST_FORMAT_TIME) {
                GstSegment time;
                gst_segment_init(&time, GST_FORMAT_TIME);
                GstEvent* replacement = gst_event_new_segment(&time);
                gst_event_set_seqnum(replacement, gst_event_get_seqnum(event));
                gst_event_unref(event);
                GST_PAD_PROBE_INFO_DATA(info) = replacement;
            }
        }
        return GST_PAD_PROBE_OK;
    }
    GstBuffer* buffer = GST_PAD_PROBE_INFO_BUFFER(info);
    if (!GST_BUFFER_PTS_IS_VALID(buffer) && GST_BUFFER_DTS_IS_VALID(buffer)) {
        buffer = gst_buffer_make_writable(buffer);
        GST_BUFFER_PTS(buffer) = GST_BUFFER_DTS(buffer);
        GST_PAD_PROBE_INFO_DATA(info) = buffer;
    }
    const gint64 jitterMs = GPOINTER_TO_INT(data);
    if (jitterMs > 0 && GST_BUFFER_PTS_IS_VALID(buffer)) {
        buffer = gst_buffer_make_writable(buffer);
        const gint64 shift
                = gint64(g_random_int_range(-gint32(jitterMs), gint32(jitterMs) + 1)) * GST_MSECOND;
        const GstClockTime pts = GST_BUFFER_PTS(buffer);
        GST_BUFFER_PTS(buffer) = shift < 0 && pts < GstClockTime(-shift) ? 0 : pts + shift;
        GST_BUFFER_DTS(buffer) = GST_BUFFER_PTS(buffer);
        GST_PAD_PROBE_INFO_DATA(info) = buffer;
    }
    return GST_PAD_PROBE_OK;
}

// A camera's stream is live: it cannot be sought. Said to gst-rtsp-server, which then plays a
// client's "Range: npt=0-" from now instead of seeking the shared pipeline (a seek through a
// live audio branch fails and leaves the media answering 503 to every later client).
GstPadProbeReturn refuseSeeking(GstPad*, GstPadProbeInfo* info, gpointer)
{
    GstQuery* query = GST_PAD_PROBE_INFO_QUERY(info);
    if (GST_QUERY_TYPE(query) != GST_QUERY_SEEKING)
        return GST_PAD_PROBE_OK;
    GstFormat format = GST_FORMAT_TIME;
    gst_query_parse_seeking(query, &format, nullptr, nullptr, nullptr);
    gst_query_set_seeking(query, format, FALSE, 0, -1);
    return GST_PAD_PROBE_HANDLED;
}

// A camera's stream runs whether anyone watches or not. gst-rtsp-server unprepares a shared
// media when its last client leaves, and a client that arrives meanwhile gets 503: hold one
// preparation of our own for as long as the server lives.
gboolean holdMedia(gpointer data)
{
    auto* media = static_cast<GstRTSPMedia*>(data);
    if (gst_rtsp_media_get_status(media) == GST_RTSP_MEDIA_STATUS_PREPARED
            && !g_object_get_data(G_OBJECT(media), "vigil-held")) {
        g_object_set_data(G_OBJECT(media), "vigil-held", GINT_TO_POINTER(1));
        gst_rtsp_media_prepare(media, nullptr);
    }
    return G_SOURCE_REMOVE;
}

/// Moves what the sender reports in `buffer` say: their wall clock by `ntpSeconds`, their RTP
/// time back by `rtpTicks`.
void rewriteSenderReports(GstBuffer* buffer, gint64 ntpSeconds, guint32 rtpTicks)
{
    GstRTCPBuffer rtcp = GST_RTCP_BUFFER_INIT;
    if (!gst_rtcp_buffer_map(buffer, GST_MAP_READWRITE, &rtcp))
        return;
    GstRTCPPacket packet;
    for (gboolean more = gst_rtcp_buffer_get_first_packet(&rtcp, &packet); more;
            more = gst_rtcp_packet_move_to_next(&packet)) {
        if (gst_rtcp_packet_get_type(&packet) != GST_RTCP_TYPE_SR)
            continue;
        guint32 ssrc = 0, rtpTime = 0, packets = 0, octets = 0;
        guint64 ntp = 0;
        gst_rtcp_packet_sr_get_sender_info(&packet, &ssrc, &ntp, &rtpTime, &packets, &octets);
        ntp = guint64(gint64(ntp) + ntpSeconds * (gint64(1) << 32));
        gst_rtcp_packet_sr_set_sender_info(&packet, ssrc, ntp, rtpTime - rtpTicks, packets, octets);
    }
    gst_rtcp_buffer_unmap(&rtcp);
}

// The clock-drift quirk: sender reports tell a wall clock that is off by whole seconds.
gboolean shiftSenderReports(GObject*, GstBuffer* buffer, gboolean, gpointer data)
{
    rewriteSenderReports(buffer, gint64(GPOINTER_TO_INT(data)), 0);
    return TRUE;
}

// The audio-skew quirk: the audio's sender reports map the wall clock to an RTP time `data` ms
// earlier than its packets carry, so that they put the audio later than the video captured at
// the same moment. The PLAY answer's rtptime does not: one of a client's tracks jumps at the
// first report.
gboolean skewAudioReports(GObject*, GstBuffer* buffer, gboolean, gpointer data)
{
    constexpr gint64 kAudioRate = 16000; // audioBranch()'s
    rewriteSenderReports(buffer, 0, guint32(gint64(GPOINTER_TO_INT(data)) * kAudioRate / 1000));
    return TRUE;
}

void onMediaPrepared(GstRTSPMedia* media, gpointer data)
{
    auto* camera = static_cast<CameraServer*>(data);
    // The second stream of a medium is its audio (audioBranch()).
    if (camera->audioSkewMs != 0 && gst_rtsp_media_n_streams(media) > 1
            && !g_object_get_data(G_OBJECT(media), "vigil-skew")) {
        g_object_set_data(G_OBJECT(media), "vigil-skew", GINT_TO_POINTER(1));
        if (GObject* session
                = gst_rtsp_stream_get_rtpsession(gst_rtsp_media_get_stream(media, 1))) {
            g_signal_connect(session, "on-sending-rtcp", G_CALLBACK(skewAudioReports),
                    GINT_TO_POINTER(camera->audioSkewMs));
            g_object_unref(session);
        }
    }
    if (camera->rtcpClockOffsetSeconds != 0 && !g_object_get_data(G_OBJECT(media), "vigil-shift")) {
        g_object_set_data(G_OBJECT(media), "vigil-shift", GINT_TO_POINTER(1));
        for (guint i = 0; i < gst_rtsp_media_n_streams(media); ++i) {
            GstRTSPStream* stream = gst_rtsp_media_get_stream(media, i);
            if (GObject* session = gst_rtsp_stream_get_rtpsession(stream)) {
                g_signal_connect(session, "on-sending-rtcp", G_CALLBACK(shiftSenderReports),
                        GINT_TO_POINTER(camera->rtcpClockOffsetSeconds));
                g_object_unref(session);
            }
        }
    }
    GSource* source = g_idle_source_new();
    g_source_set_callback(source, holdMedia, g_object_ref(media), g_object_unref);
    g_source_attach(source, camera->owner->context);
    g_source_unref(source);
    QMutexLocker locker(&camera->cropMutex);
    if (std::find(camera->held.begin(), camera->held.end(), media) == camera->held.end())
        camera->held.push_back(GST_RTSP_MEDIA(g_object_ref(media)));
}

void onMediaConfigure(GstRTSPMediaFactory* factory, GstRTSPMedia* media, gpointer data)
{
    auto* camera = static_cast<CameraServer*>(data);
    g_signal_connect(media, "prepared", G_CALLBACK(onMediaPrepared), camera);
    GstElement* bin = gst_rtsp_media_get_element(media);
    if (GstElement* parse = gst_bin_get_by_name(GST_BIN(bin), "parse")) {
        GstPad* pad = gst_element_get_static_pad(parse, "src");
        gst_pad_add_probe(pad,
                GstPadProbeType(GST_PAD_PROBE_TYPE_BUFFER | GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM),
                stampPts, GINT_TO_POINTER(camera->timestampJitterMs), nullptr);
        gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_QUERY_UPSTREAM, refuseSeeking, nullptr, nullptr);
        gst_object_unref(pad);
        gst_object_unref(parse);
    }
    if (GstElement* audio = gst_bin_get_by_name(GST_BIN(bin), "aparse")) {
        GstPad* pad = gst_element_get_static_pad(audio, "src");
        gst_pad_add_probe(pad, GST_PAD_PROBE_TYPE_QUERY_UPSTREAM, refuseSeeking, nullptr, nullptr);
        gst_object_unref(pad);
        gst_object_unref(audio);
    }
    GstElement* crop = gst_bin_get_by_name(GST_BIN(bin), "crop");
    gst_object_unref(bin);
    if (!crop)
        return;
    const bool sub = factory == camera->sub;
    g_object_set_data(G_OBJECT(crop), "vigil-width", GINT_TO_POINTER(sub ? 640 : kSourceWidth));
    g_object_set_data(G_OBJECT(crop), "vigil-height", GINT_TO_POINTER(sub ? 360 : kSourceHeight));
    {
        QMutexLocker locker(&camera->cropMutex);
        camera->crops.push_back(crop); // keeps the reference until unprepared
        camera->owner->applyCrop(camera, crop);
    }
    g_object_set_data(G_OBJECT(media), "vigil-crop", crop);
    g_signal_connect(media, "unprepared", G_CALLBACK(+[](GstRTSPMedia* m, gpointer cameraData) {
        auto* cam = static_cast<CameraServer*>(cameraData);
        auto* element = static_cast<GstElement*>(g_object_get_data(G_OBJECT(m), "vigil-crop"));
        QMutexLocker locker(&cam->cropMutex);
        const auto it = std::find(cam->crops.begin(), cam->crops.end(), element);
        if (it != cam->crops.end()) {
            cam->crops.erase(it);
            gst_object_unref(element);
        }
    }),
            camera);
}

} // namespace

RtspServers::RtspServers(QHostAddress bind, QString user, QString password, MediaSet media)
    : d(std::make_unique<Private>())
{
    d->bind = std::move(bind);
    d->user = std::move(user);
    d->password = std::move(password);
    d->media = std::move(media);
    gst_init(nullptr, nullptr);
}

RtspServers::~RtspServers()
{
    stop();
}

bool RtspServers::start(std::vector<Camera>& cameras, QString* error)
{
    d->context = g_main_context_new();
    d->loop = g_main_loop_new(d->context, FALSE);

    for (Camera& config : cameras) {
        auto camera = std::make_unique<CameraServer>();
        camera->owner = d.get();
        camera->index = config.index;
        camera->dropAfterSeconds = config.dropAfterSeconds;
        camera->rtcpClockOffsetSeconds = config.rtcpClockOffsetSeconds;
        camera->timestampJitterMs = config.timestampJitterMs;
        camera->audioSkewMs = config.audioSkewMs;
        camera->server = gst_rtsp_server_new();
        gst_rtsp_server_set_address(camera->server, d->bind.toString().toUtf8().constData());
        gst_rtsp_server_set_service(camera->server, QByteArray::number(config.port).constData());

        auto makeFactory = [&](const QString& launch) {
            GstRTSPMediaFactory* factory = gst_rtsp_media_factory_new();
            gst_rtsp_media_factory_set_launch(factory, launch.toUtf8().constData());
            gst_rtsp_media_factory_set_shared(factory, TRUE);
            gst_rtsp_media_factory_set_protocols(factory,
                    GstRTSPLowerTrans(GST_RTSP_LOWER_TRANS_TCP | GST_RTSP_LOWER_TRANS_UDP));
            if (!d->user.isEmpty()) {
                gst_rtsp_media_factory_add_role(factory, "viewer",
                        GST_RTSP_PERM_MEDIA_FACTORY_ACCESS, G_TYPE_BOOLEAN, TRUE,
                        GST_RTSP_PERM_MEDIA_FACTORY_CONSTRUCT, G_TYPE_BOOLEAN, TRUE, nullptr);
            }
            g_signal_connect(
                    factory, "media-configure", G_CALLBACK(onMediaConfigure), camera.get());
            return factory;
        };
        const MediaSet& m = d->media;
        const bool h265 = config.mainH265 && !config.ptz && m.h265ChunkCount > 0;
        const QString mainSource = h265 ? chunkSource(m.mainH265Chunks, m.h265ChunkCount)
                                        : chunkSource(m.mainChunks, m.chunkCount);
        const QString subSource = chunkSource(m.subChunks, m.chunkCount);
        // B-frames: encoded live from the sub stream's footage, small enough to cost a test
        // machine little (the ONVIF answers still describe the usual main stream).
        camera->main = makeFactory(config.ptz
                        ? liveLaunch(mainSource, m.fps, 1920, 1080, 4000, config.audio)
                        : config.bFrames && !h265
                        ? liveLaunch(subSource, m.fps, 640, 360, 1000, config.audio, 2)
                        : passthroughLaunch(mainSource, m.fps, h265, config.audio));
        camera->sub = makeFactory(config.ptz
                        ? liveLaunch(subSource, m.fps, 640, 360, 500, config.audio)
                        : passthroughLaunch(subSource, m.fps, false, config.audio));
        GstRTSPMountPoints* mounts = gst_rtsp_server_get_mount_points(camera->server);
        gst_rtsp_mount_points_add_factory(
                mounts, "/main", GST_RTSP_MEDIA_FACTORY(g_object_ref(camera->main)));
        gst_rtsp_mount_points_add_factory(
                mounts, "/sub", GST_RTSP_MEDIA_FACTORY(g_object_ref(camera->sub)));
        g_object_unref(mounts);

        if (!d->user.isEmpty()) {
            GstRTSPAuth* auth = gst_rtsp_auth_new();
            gst_rtsp_auth_set_supported_methods(auth, GST_RTSP_AUTH_DIGEST);
            GstRTSPToken* token = gst_rtsp_token_new(
                    GST_RTSP_TOKEN_MEDIA_FACTORY_ROLE, G_TYPE_STRING, "viewer", nullptr);
            gst_rtsp_auth_add_digest(
                    auth, d->user.toUtf8().constData(), d->password.toUtf8().constData(), token);
            gst_rtsp_token_unref(token);
            gst_rtsp_server_set_auth(camera->server, auth);
            g_object_unref(auth);
        }

        if (gst_rtsp_server_attach(camera->server, d->context) == 0) {
            if (error)
                *error = QStringLiteral("camera %1: cannot listen for RTSP on %2:%3")
                                 .arg(config.index)
                                 .arg(d->bind.toString())
                                 .arg(config.port);
            d->cameras.push_back(std::move(camera));
            stop();
            return false;
        }
        config.port = gst_rtsp_server_get_bound_port(camera->server);
        if (config.dropAfterSeconds > 0)
            armOutageTimer(camera.get(), guint(config.dropAfterSeconds));
        d->cameras.push_back(std::move(camera));
    }

    d->thread = std::thread([this] {
        g_main_context_push_thread_default(d->context);
        g_main_loop_run(d->loop);
        g_main_context_pop_thread_default(d->context);
    });
    return true;
}

void RtspServers::stop()
{
    if (!d->loop)
        return;
    if (d->thread.joinable()) {
        g_main_loop_quit(d->loop);
        d->thread.join();
    }
    for (auto& camera : d->cameras) {
        if (camera->server) {
            gst_rtsp_server_client_filter(camera->server, dropClient, nullptr);
            g_object_unref(camera->server);
        }
        if (camera->main)
            g_object_unref(camera->main);
        if (camera->sub)
            g_object_unref(camera->sub);
        // Taken out under the lock, released without it: unpreparing runs the "unprepared"
        // callback, which takes the same lock.
        std::vector<GstElement*> crops;
        std::vector<GstRTSPMedia*> held;
        {
            QMutexLocker locker(&camera->cropMutex);
            crops.swap(camera->crops);
            held.swap(camera->held);
        }
        for (GstElement* crop : crops)
            gst_object_unref(crop);
        for (GstRTSPMedia* media : held) {
            if (g_object_get_data(G_OBJECT(media), "vigil-held"))
                gst_rtsp_media_unprepare(media);
            g_object_unref(media);
        }
    }
    d->cameras.clear();
    g_main_loop_unref(d->loop);
    g_main_context_unref(d->context);
    d->loop = nullptr;
    d->context = nullptr;
}

void RtspServers::setPtzWindow(int index, double pan, double tilt, double zoom)
{
    for (auto& camera : d->cameras) {
        if (camera->index != index)
            continue;
        QMutexLocker locker(&camera->cropMutex);
        camera->pan = pan;
        camera->tilt = tilt;
        camera->zoom = zoom;
        for (GstElement* crop : camera->crops)
            d->applyCrop(camera.get(), crop);
    }
}

} // namespace vigil::camsim
