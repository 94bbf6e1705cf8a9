// vigil-camsim: simulated ONVIF + RTSP cameras on one address (README: "Camera simulator").
#include "camsim_options.h"
#include "core/runtime/termination_watcher.h"
#include "media_cache.h"
#include "simulator.h"
#include "vigil_version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QTextStream>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

using namespace vigil::camsim;

namespace {

int fail(const QString& message)
{
    QTextStream(stderr) << "vigil-camsim: " << message << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    // QGuiApplication for QImage JPEG (PTZ snapshots) without a display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vigil-camsim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Simulated ONVIF cameras with RTSP streams of "
                                                    "real footage, for Vigil's tests and demo."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cameras(QStringLiteral("cameras"),
            QStringLiteral("Number of cameras (default 1)."), QStringLiteral("N"),
            QStringLiteral("1"));
    const QCommandLineOption bind(QStringLiteral("bind"),
            QStringLiteral("Address to serve on (default 127.0.0.1)."), QStringLiteral("address"),
            QStringLiteral("127.0.0.1"));
    const QCommandLineOption basePort(QStringLiteral("base-port"),
            QStringLiteral(
                    "First port: camera i uses P+2i (HTTP) and P+2i+1 (RTSP); 0 picks free ports."),
            QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption site(QStringLiteral("site"),
            QStringLiteral("Name of this simulated site: camera identities (UUID, serial, MAC) "
                           "derive from it and the camera number (default: the bind address)."),
            QStringLiteral("name"));
    const QCommandLineOption user(QStringLiteral("user"),
            QStringLiteral("User name cameras require (none: open cameras)."),
            QStringLiteral("user"));
    const QCommandLineOption password(QStringLiteral("password"),
            QStringLiteral("Password for --user."), QStringLiteral("password"));
    const QCommandLineOption quirks(QStringLiteral("quirks"),
            QStringLiteral(
                    "Comma-separated real-camera quirks: clock-skew=S, wrong-xaddr, media2-only, "
                    "http-digest-only, slow=MS, duplicate-probe-matches, drop-stream-after=S, "
                    "clock-drift=S, b-frames, timestamp-jitter=MS, audio-skew=MS."),
            QStringLiteral("list"));
    const QCommandLineOption video(QStringLiteral("video"),
            QStringLiteral("Footage to serve (default: OpenCV's vtest.avi)."),
            QStringLiteral("file"));
    const QCommandLineOption cacheDir(QStringLiteral("cache-dir"),
            QStringLiteral("Where encoded footage is kept (default: %1).")
                    .arg(MediaCache::defaultCacheDir()),
            QStringLiteral("dir"));
    const QCommandLineOption ptz(QStringLiteral("ptz"),
            QStringLiteral("Comma-separated camera numbers (1-based) that have PTZ."),
            QStringLiteral("list"));
    const QCommandLineOption printEndpoints(QStringLiteral("print-endpoints"),
            QStringLiteral("Print one JSON object per camera once all are listening."));
    const QCommandLineOption prepare(QStringLiteral("prepare"),
            QStringLiteral("Only encode the footage into the cache, then exit."));
    const QCommandLineOption exitWithParent(QStringLiteral("exit-with-parent"),
            QStringLiteral(
                    "Stop when the process that started the simulator ends (the demo's Vigil)."));
    const QCommandLineOption audio(QStringLiteral("audio"),
            QStringLiteral("Send an AAC audio track (16 kHz mono, a tick each second) with every "
                           "stream."));
    const QCommandLineOption mainCodec(QStringLiteral("main-codec"),
            QStringLiteral("Codec of the main streams: h264 (default) or h265 (PTZ cameras stay "
                           "H.264)."),
            QStringLiteral("codec"), QStringLiteral("h264"));
    const QCommandLineOption noDiscovery(
            QStringLiteral("no-discovery"), QStringLiteral("Do not answer WS-Discovery."));
    parser.addOptions({cameras, bind, basePort, site, user, password, quirks, video, cacheDir, ptz,
            printEndpoints, prepare, exitWithParent, noDiscovery, audio, mainCodec});
    parser.process(app);
#ifdef Q_OS_LINUX
    if (parser.isSet(exitWithParent)) {
        const pid_t parent = getppid();
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) // the parent ended before prctl took effect
            return 0;
    }
#endif

    Options options;
    bool ok = false;
    options.cameras = parser.value(cameras).toInt(&ok);
    if (!ok || options.cameras < 1 || options.cameras > 256)
        return fail(QStringLiteral("--cameras takes a number from 1 to 256"));
    if (!options.bind.setAddress(parser.value(bind))
            || options.bind.protocol() != QAbstractSocket::IPv4Protocol)
        return fail(QStringLiteral("--bind takes an IPv4 address"));
    options.basePort = parser.value(basePort).toInt(&ok);
    if (!ok || options.basePort < 0 || options.basePort + 2 * options.cameras > 65535)
        return fail(QStringLiteral("--base-port is out of range"));
    options.site = parser.value(site);
    options.user = parser.value(user);
    options.password = parser.value(password);
    if (options.user.isEmpty() != options.password.isEmpty())
        return fail(QStringLiteral("--user and --password go together"));
    QString error;
    const std::optional<Quirks> parsedQuirks = Quirks::parse(parser.value(quirks), &error);
    if (!parsedQuirks)
        return fail(error);
    options.quirks = *parsedQuirks;
    const QStringList ptzList = parser.value(ptz).split(u',', Qt::SkipEmptyParts);
    for (const QString& n : ptzList) {
        const int index = n.toInt(&ok);
        if (!ok || index < 1 || index > options.cameras)
            return fail(
                    QStringLiteral("--ptz lists camera numbers from 1 to %1").arg(options.cameras));
        options.ptzCameras.insert(index);
    }
    options.video = parser.isSet(video) ? parser.value(video) : defaultVideoPath();
    options.cacheDir
            = parser.isSet(cacheDir) ? parser.value(cacheDir) : MediaCache::defaultCacheDir();
    options.printEndpoints = parser.isSet(printEndpoints);
    options.prepareOnly = parser.isSet(prepare);
    options.discovery = !parser.isSet(noDiscovery);
    options.audio = parser.isSet(audio);
    if (parser.value(mainCodec) != QLatin1String("h264")
            && parser.value(mainCodec) != QLatin1String("h265"))
        return fail(QStringLiteral("--main-codec takes h264 or h265"));
    options.mainH265 = parser.value(mainCodec) == QLatin1String("h265");

    // With --print-endpoints, the first start's encoding is reported as JSON lines of their own
    // ({"preparing": …}), so that whoever waits (the demo) can show how long it takes.
    QElapsedTimer preparing;
    preparing.start();
    MediaCache::Progress progress;
    if (options.printEndpoints) {
        progress = [&preparing](const QString& stage, double done) {
            const double elapsed = preparing.elapsed() / 1000.0;
            const QJsonObject state {{QStringLiteral("stage"), stage},
                    {QStringLiteral("done"), done},
                    {QStringLiteral("remaining_s"),
                            done > 0.02 ? qRound(elapsed / done * (1 - done)) : -1}};
            QTextStream out(stdout);
            out << QJsonDocument(QJsonObject {{QStringLiteral("preparing"), state}})
                            .toJson(QJsonDocument::Compact)
                << '\n';
            out.flush();
        };
    }
    vigil::Result<MediaSet> media = MediaCache::prepare(options.video, options.cacheDir, progress);
    if (media && options.mainH265) {
        if (vigil::Result<void> h265 = MediaCache::prepareH265(media.value()); !h265)
            return fail(h265.error().fullText());
    }
    if (!media)
        return fail(media.error().fullText());
    if (options.prepareOnly)
        return 0;

    // Before anything listens: a SIGTERM right after the endpoints are printed must still end in
    // a clean stop (Bye sent), not in the default action.
    vigil::runtime::TerminationWatcher termination;
    Simulator simulator(options, media.value());
    if (!simulator.start(&error))
        return fail(error);
    if (options.printEndpoints) {
        QTextStream out(stdout);
        for (const QJsonObject& endpoint : simulator.endpoints())
            out << QJsonDocument(endpoint).toJson(QJsonDocument::Compact) << '\n';
        out.flush();
    }
    const int code = app.exec();
    simulator.stop();
    return code;
}
