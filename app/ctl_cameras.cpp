// vigilctl's camera commands: discover, probe, camera add|list|record|mask|remove.
#include "app/ctl_application.h"
#include "app/ctl_p.h"
#include "app/ctl_privacy.h"
#include "app/ctl_recording.h"
#include "app/ctl_security.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/settings_store.h"
#include "core/onvif/device_probe.h"
#include "core/onvif/ws_discovery.h"
#include "core/runtime/command_line.h"
#include "core/runtime/data_dir.h"
#include "core/security/credential_vault.h"
#include "core/setup/camera_records.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace vigil::app {

int Ctl::discover()
{
    onvif::WsDiscovery::Options options;
    for (const QString& text : m_parser.values(QStringLiteral("interface"))) {
        const QHostAddress address(text);
        if (address.isNull() || address.protocol() != QAbstractSocket::IPv4Protocol)
            return usage(tr("--interface takes a local IPv4 address, not \"%1\".").arg(text));
        options.interfaces << address;
    }
    for (const QString& text : m_parser.values(QStringLiteral("address"))) {
        const QHostAddress address(text);
        if (address.isNull() || address.protocol() != QAbstractSocket::IPv4Protocol)
            return usage(tr("--address takes a camera's IPv4 address, not \"%1\".").arg(text));
        options.unicastTargets << address;
    }
    options.multicast = options.unicastTargets.isEmpty();
    if (m_parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = m_parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 60)
            return usage(tr("--timeout takes a number of seconds from 0 to 60."));
        options.windowMs = int(seconds * 1000);
    }
    onvif::WsDiscovery discovery;
    QEventLoop loop;
    QObject::connect(&discovery, &onvif::WsDiscovery::finished, &loop, &QEventLoop::quit);
    const bool json = m_parser.isSet(QStringLiteral("json"));
    if (!json) {
        QObject::connect(&discovery, &onvif::WsDiscovery::deviceFound, &loop,
                [this](const onvif::DiscoveredDevice& d) {
                    m_out << tr("%1  %2  %3")
                                     .arg(d.preferredXAddr(rewriteAddresses()),
                                             d.name.isEmpty() ? tr("(no name)") : d.name,
                                             d.hardware)
                          << Qt::endl;
                });
    }
    if (!discovery.start(options))
        return failed(Error {Error::Code::Unreachable, discovery.errorString(), {}});
    loop.exec();
    if (json) {
        QJsonArray devices;
        for (const onvif::DiscoveredDevice& d : discovery.devices()) {
            devices.append(QJsonObject {
                    {QStringLiteral("endpoint"), d.endpoint},
                    {QStringLiteral("name"), d.name},
                    {QStringLiteral("hardware"), d.hardware},
                    {QStringLiteral("location"), d.location},
                    {QStringLiteral("device_service"), d.preferredXAddr(rewriteAddresses())},
                    {QStringLiteral("xaddrs"), QJsonArray::fromStringList(d.xaddrs)},
                    {QStringLiteral("scopes"), QJsonArray::fromStringList(d.scopes)},
                    {QStringLiteral("source"), d.source.toString()},
                    {QStringLiteral("interface"), d.interfaceAddress.toString()},
            });
        }
        m_out << QString::fromUtf8(QJsonDocument(devices).toJson(QJsonDocument::Indented));
    } else if (discovery.devices().isEmpty()) {
        m_out << tr("No ONVIF camera answered.") << Qt::endl;
    }
    return ExitOk;
}

namespace {

/// "192.168.1.20", "cam.local:8080" or a full device-service URL → the device service URL.
QUrl deviceServiceUrl(const QString& text)
{
    QUrl url = QUrl::fromUserInput(text);
    if (url.path().isEmpty() || url.path() == QLatin1String("/"))
        url.setPath(QStringLiteral("/onvif/device_service"));
    return url;
}

} // namespace

bool Ctl::rewriteAddresses() const
{
    bool rewrite = !m_parser.isSet(QStringLiteral("no-rewrite"));
    if (m_context)
        rewrite = rewrite
                && m_context->settings()
                           .value(QLatin1String(catalog::settings::kOnvifRewriteAddresses))
                           .toBool();
    return rewrite;
}

QString Ctl::probeTimeoutProblem() const
{
    if (!m_parser.isSet(QStringLiteral("timeout")))
        return {};
    bool ok = false;
    const double seconds = m_parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || seconds < 1 || seconds > 600)
        return tr("--timeout takes a number of seconds from 1 to 600.");
    return {};
}

std::optional<QString> Ctl::cameraPassword(const QString& fallback)
{
    if (m_parser.isSet(QStringLiteral("password")))
        return m_parser.value(QStringLiteral("password"));
    if (m_parser.isSet(QStringLiteral("password-file")))
        return CtlSecurity::readPasswordFile(
                m_parser.value(QStringLiteral("password-file")), m_err);
    if (qEnvironmentVariableIsSet("VIGIL_CAMERA_PASSWORD"))
        return qEnvironmentVariable("VIGIL_CAMERA_PASSWORD");
#ifdef Q_OS_UNIX
    if (!fallback.isEmpty() || !m_parser.isSet(QStringLiteral("user")) || !::isatty(STDIN_FILENO))
        return fallback;
    // Asked on the terminal, without echo.
    return CtlSecurity::readSecret(
            tr("Password for %1: ").arg(m_parser.value(QStringLiteral("user"))), m_err)
            .value_or(QString());
#else
    return fallback;
#endif
}

std::optional<Result<onvif::DeviceDescription>> Ctl::runProbe(
        const QUrl& url, const QString& password)
{
    onvif::DeviceProbe probe(url, m_parser.value(QStringLiteral("user")), password);
    probe.client().setRewriteAddresses(rewriteAddresses());
    if (m_parser.isSet(QStringLiteral("timeout")))
        probe.client().setTimeoutMs(
                int(m_parser.value(QStringLiteral("timeout")).toDouble() * 1000));
    // Whatever the camera answers, the probe ends (see DeviceProbe's deadline).
    std::optional<Result<onvif::DeviceDescription>> result;
    QEventLoop loop;
    QObject::connect(&probe, &onvif::DeviceProbe::finished, &loop,
            [&](const Result<onvif::DeviceDescription>& r) {
                result = r;
                loop.quit();
            });
    probe.start();
    loop.exec();
    return result;
}

int Ctl::probe(const QStringList& args)
{
    if (args.size() != 1)
        return usage(tr("Use: probe URL --user U --password PW"));
    const QUrl url = deviceServiceUrl(args.first());
    if (!url.isValid() || url.host().isEmpty())
        return usage(tr("\"%1\" is not a camera address.").arg(args.first()));
    if (const QString problem = probeTimeoutProblem(); !problem.isEmpty())
        return usage(problem);
    const std::optional<QString> password = cameraPassword();
    if (!password)
        return ExitUsage;
    const std::optional<Result<onvif::DeviceDescription>> result = runProbe(url, *password);
    if (!result->ok())
        return failed(result->error());
    const onvif::DeviceDescription& d = result->value();
    const QString authName = d.auth == onvif::AuthMethod::HttpDigest ? QStringLiteral("http-digest")
            : d.auth == onvif::AuthMethod::WsUsernameToken ? QStringLiteral("ws-usernametoken")
                                                           : QStringLiteral("none");
    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray profiles;
        for (const onvif::MediaProfile& p : d.profiles) {
            profiles.append(QJsonObject {{QStringLiteral("token"), p.token},
                    {QStringLiteral("name"), p.name}, {QStringLiteral("encoding"), p.encoding},
                    {QStringLiteral("width"), p.width}, {QStringLiteral("height"), p.height},
                    {QStringLiteral("fps"), p.fps}, {QStringLiteral("bitrate_kbps"), p.bitrateKbps},
                    {QStringLiteral("stream_uri"), p.streamUri},
                    {QStringLiteral("snapshot_uri"), p.snapshotUri},
                    {QStringLiteral("ptz"), p.hasPtz}});
        }
        printJson(QJsonObject {
                {QStringLiteral("device_service"), d.deviceUrl},
                {QStringLiteral("manufacturer"), d.info.manufacturer},
                {QStringLiteral("model"), d.info.model},
                {QStringLiteral("firmware"), d.info.firmware},
                {QStringLiteral("serial"), d.info.serial},
                {QStringLiteral("hardware_id"), d.info.hardwareId},
                {QStringLiteral("auth"), authName},
                {QStringLiteral("clock_offset_ms"), d.clockOffsetMs},
                {QStringLiteral("media2"), d.usesMedia2},
                {QStringLiteral("ptz"), d.hasPtz},
                {QStringLiteral("events"), d.hasEvents},
                {QStringLiteral("profiles"), profiles},
                {QStringLiteral("main_profile"),
                        d.mainProfile >= 0 ? QJsonValue(d.profiles.at(d.mainProfile).token)
                                           : QJsonValue()},
                {QStringLiteral("sub_profile"),
                        d.subProfile >= 0 ? QJsonValue(d.profiles.at(d.subProfile).token)
                                          : QJsonValue()},
        });
        return ExitOk;
    }
    m_out << tr("%1 %2 (firmware %3, serial %4)")
                     .arg(d.info.manufacturer, d.info.model, d.info.firmware, d.info.serial)
          << Qt::endl
          << tr("Clock offset: %1 s; login: %2; PTZ: %3; events: %4")
                     .arg(d.clockOffsetMs / 1000.0, 0, 'f', 1)
                     .arg(authName, d.hasPtz ? tr("yes") : tr("no"),
                             d.hasEvents ? tr("yes") : tr("no"))
          << Qt::endl;
    for (int i = 0; i < d.profiles.size(); ++i) {
        const onvif::MediaProfile& p = d.profiles.at(i);
        const QString role = i == d.mainProfile ? tr("main")
                : i == d.subProfile             ? tr("sub")
                                                : QString();
        m_out << tr("%1 %2 %3x%4 %5 fps %6")
                         .arg(p.token, p.encoding)
                         .arg(p.width)
                         .arg(p.height)
                         .arg(p.fps)
                         .arg(role)
                         .trimmed()
              << Qt::endl
              << QStringLiteral("    ") << p.streamUri << Qt::endl;
    }
    return ExitOk;
}

int Ctl::cameraCommand(const QStringList& args)
{
    catalog::CameraStore& cameras = m_context->cameras();
    const QString sub = args.value(0);
    if (sub == QLatin1String("add") && args.size() == 2)
        return cameraAdd(args.at(1));
    if (sub == QLatin1String("record") && args.size() == 2)
        return CtlRecording(m_parser, *m_context, m_out, m_err).cameraRecord(args.at(1));
    if (sub == QLatin1String("mask"))
        return CtlPrivacy::mask(*m_context, args.mid(1), m_out, m_err);
    if (sub == QLatin1String("list") && args.size() == 1) {
        const Result<QList<catalog::CameraRecord>> list = cameras.list();
        if (!list)
            return failed(list.error());
        if (m_parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const catalog::CameraRecord& c : list.value()) {
                QJsonObject streams;
                for (const catalog::StreamRecord& s : c.streams) {
                    streams.insert(s.role,
                            QJsonObject {{QStringLiteral("uri"), s.uri},
                                    {QStringLiteral("codec"), s.codec},
                                    {QStringLiteral("width"), s.width},
                                    {QStringLiteral("height"), s.height},
                                    {QStringLiteral("fps"), s.fps},
                                    {QStringLiteral("profile"), s.profileToken}});
                }
                array.append(QJsonObject {{QStringLiteral("id"), c.id},
                        {QStringLiteral("name"), c.name}, {QStringLiteral("vendor"), c.vendor},
                        {QStringLiteral("model"), c.model}, {QStringLiteral("serial"), c.serial},
                        {QStringLiteral("device_service"), c.deviceUrl},
                        {QStringLiteral("user"), c.username}, {QStringLiteral("ptz"), c.hasPtz},
                        {QStringLiteral("events"), c.hasEvents},
                        {QStringLiteral("enabled"), c.enabled},
                        {QStringLiteral("record_mode"), c.recordMode},
                        {QStringLiteral("privacy_masks"), c.privacyMasks},
                        {QStringLiteral("streams"), streams}});
            }
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
            return ExitOk;
        }
        if (list.value().isEmpty())
            m_out << tr("No cameras yet. Add one with \"vigilctl camera add ADDRESS --user U "
                        "--password PW\".")
                  << Qt::endl;
        for (const catalog::CameraRecord& c : list.value()) {
            const catalog::StreamRecord* main = c.stream(u"main");
            m_out << tr("%1  %2  %3").arg(c.id).arg(c.name, main ? main->uri : QString())
                  << Qt::endl;
        }
        return ExitOk;
    }
    if (sub == QLatin1String("remove") && args.size() == 2) {
        bool ok = false;
        const qint64 id = args.at(1).toLongLong(&ok);
        if (!ok)
            return usage(tr("\"%1\" is not a camera number; \"vigilctl camera list\" shows them.")
                                 .arg(args.at(1)));
        if (const Result<void> removed = cameras.remove(id); !removed)
            return failed(removed.error());
        m_out << tr("Camera %1 removed. Its recordings stay until retention deletes them.").arg(id)
              << Qt::endl;
        return ExitOk;
    }
    return usage(tr("Use: camera add URL --user U --password PW [--name N] | camera list | camera "
                    "record ID [--mode M] [--schedule S] [--retention-days N] [--pre-roll S] "
                    "[--post-roll S] | camera mask ID [set POLYGONS | clear] | camera "
                    "remove ID"));
}

int Ctl::cameraAdd(const QString& address)
{
    const Result<security::CredentialVault> vault
            = security::CredentialVault::open(m_context->dataDir().credentialKeyPath());
    if (!vault)
        return failed(vault.error());
    const QString name = m_parser.value(QStringLiteral("name"));
    catalog::CameraRecord record;
    const QUrl given(address);
    if (given.scheme() == QLatin1String("rtsp") || given.scheme() == QLatin1String("rtsps")) {
        // Credentials may come in the URL; they are moved out of it and sealed.
        const QString user = m_parser.isSet(QStringLiteral("user"))
                ? m_parser.value(QStringLiteral("user"))
                : given.userName();
        const std::optional<QString> password = cameraPassword(given.password());
        if (!password)
            return ExitUsage;
        record = setup::recordFromRtspUrl(given, user, vault->seal(*password), name);
    } else {
        const QUrl url = deviceServiceUrl(address);
        if (!url.isValid() || url.host().isEmpty())
            return usage(tr("\"%1\" is not a camera address.").arg(address));
        if (const QString problem = probeTimeoutProblem(); !problem.isEmpty())
            return usage(problem);
        const std::optional<QString> password = cameraPassword();
        if (!password)
            return ExitUsage;
        const std::optional<Result<onvif::DeviceDescription>> probed = runProbe(url, *password);
        if (!probed->ok())
            return failed(probed->error());
        if (probed->value().mainProfile < 0)
            return failed(Error {Error::Code::Unsupported,
                    tr("The camera offers no H.264 or H.265 stream to record."), {}});
        record = setup::recordFromProbe(probed->value(), m_parser.value(QStringLiteral("user")),
                vault->seal(*password), name);
    }
    const Result<setup::SavedCamera> saved = setup::saveCamera(m_context->cameras(), record);
    if (!saved)
        return failed(saved.error());
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject {{QStringLiteral("id"), saved->id},
                {QStringLiteral("name"), saved->name}, {QStringLiteral("moved"), saved->moved},
                {QStringLiteral("previous_address"), saved->previousAddress}});
        return ExitOk;
    }
    if (saved->moved)
        m_out << tr("Camera %1 (%2) now answers at %3: its address was updated (it was %4); its "
                    "recordings continue under camera %1.")
                         .arg(saved->id)
                         .arg(saved->name, record.deviceUrl.isEmpty() ? address : record.deviceUrl,
                                 saved->previousAddress)
              << Qt::endl;
    else
        m_out << tr("Added camera %1: %2").arg(saved->id).arg(record.name) << Qt::endl;
    for (const catalog::StreamRecord& s : record.streams)
        m_out << QStringLiteral("    %1 %2 %3x%4  %5")
                         .arg(s.role, s.codec)
                         .arg(s.width)
                         .arg(s.height)
                         .arg(s.uri)
              << Qt::endl;
    return ExitOk;
}

} // namespace vigil::app
