// Device, Media (Profile S) and Media2 (Profile T) services of a simulated camera, shaped like
// the real devices' answers in tests/data/onvif-captures.
#include "core/onvif/xml_tree.h"
#include "onvif_device.h"
#include "soap.h"
#include "vigil_version.h"

#include <QDateTime>
#include <QUrl>

#include <string_view>

namespace vigil::camsim {

namespace {

struct StreamSpec
{
    const char* token;
    const char* name;
    const char* path;
    int width;
    int height;
    int kbps;
};

const StreamSpec kStreams[] = {
        {"Profile_1", "mainStream", "main", 1920, 1080, 4096},
        {"Profile_2", "subStream", "sub", 640, 360, 512},
};

const StreamSpec* streamFor(const QString& token)
{
    for (const StreamSpec& s : kStreams) {
        if (token == QLatin1String(s.token))
            return &s;
    }
    return nullptr;
}

QString dateTimeXml(const QDateTime& t)
{
    return QStringLiteral(
            "<tt:Time><tt:Hour>%1</tt:Hour><tt:Minute>%2</tt:Minute><tt:Second>%3</tt:Second></"
            "tt:Time>"
            "<tt:Date><tt:Year>%4</tt:Year><tt:Month>%5</tt:Month><tt:Day>%6</tt:Day></tt:Date>")
            .arg(t.time().hour())
            .arg(t.time().minute())
            .arg(t.time().second())
            .arg(t.date().year())
            .arg(t.date().month())
            .arg(t.date().day());
}

QString videoSourceConfigXml(const char* element)
{
    return QStringLiteral(
            "<%1 "
            "token=\"VideoSourceConfig_1\"><tt:Name>VideoSourceConfig</tt:Name><tt:UseCount>2</"
            "tt:UseCount>"
            "<tt:SourceToken>VideoSource_1</tt:SourceToken>"
            "<tt:Bounds x=\"0\" y=\"0\" width=\"1920\" height=\"1080\"></tt:Bounds></%1>")
            .arg(QLatin1String(element));
}

QString multicastXml()
{
    return QStringLiteral(
            "<tt:Multicast><tt:Address><tt:Type>IPv4</tt:Type><tt:IPv4Address>0.0.0.0</"
            "tt:IPv4Address>"
            "</tt:Address><tt:Port>0</tt:Port><tt:TTL>0</tt:TTL><tt:AutoStart>false</tt:AutoStart>"
            "</tt:Multicast>");
}

} // namespace

QString OnvifDevice::videoEncoderXml(const QString& token, const char* ns) const
{
    const StreamSpec* s = streamFor(token);
    if (QLatin1String(ns) == QLatin1String("tr2")) {
        return QStringLiteral(
                "<tr2:VideoEncoder token=\"VideoEncoder_%1\" GovLength=\"30\" Profile=\"Main\">"
                "<tt:Name>VideoEncoder_%1</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>%7</"
                "tt:Encoding>"
                "<tt:Resolution><tt:Width>%2</tt:Width><tt:Height>%3</tt:Height></tt:Resolution>"
                "<tt:RateControl ConstantBitRate=\"true\"><tt:FrameRateLimit>%4</tt:FrameRateLimit>"
                "<tt:BitrateLimit>%5</tt:BitrateLimit></tt:RateControl>%6<tt:Quality>4</tt:Quality>"
                "</tr2:VideoEncoder>")
                .arg(QLatin1String(s->path))
                .arg(s->width)
                .arg(s->height)
                .arg(m_media.fps)
                .arg(s->kbps)
                .arg(multicastXml(),
                        m_options.mainH265 && !m_identity.ptz
                                        && QLatin1String(s->path) == QLatin1String("main")
                                ? QStringLiteral("H265")
                                : QStringLiteral("H264"));
    }
    return QStringLiteral(
            "<tt:VideoEncoderConfiguration "
            "token=\"VideoEncoder_%1\"><tt:Name>VideoEncoder_%1</tt:Name>"
            "<tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding>"
            "<tt:Resolution><tt:Width>%2</tt:Width><tt:Height>%3</tt:Height></tt:Resolution>"
            "<tt:Quality>4</tt:Quality><tt:RateControl><tt:FrameRateLimit>%4</tt:FrameRateLimit>"
            "<tt:EncodingInterval>1</tt:EncodingInterval><tt:BitrateLimit>%5</tt:BitrateLimit></"
            "tt:RateControl>"
            "<tt:H264><tt:GovLength>30</tt:GovLength><tt:H264Profile>Main</tt:H264Profile></"
            "tt:H264>"
            "%6<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration>")
            .arg(QLatin1String(s->path))
            .arg(s->width)
            .arg(s->height)
            .arg(m_media.fps)
            .arg(s->kbps)
            .arg(multicastXml());
}

QString OnvifDevice::profileXml(const QString& token) const
{
    const StreamSpec* s = streamFor(token);
    return QStringLiteral(
            "<trt:Profiles token=\"%1\" fixed=\"true\"><tt:Name>%2</tt:Name>%3%4%5</trt:Profiles>")
            .arg(QLatin1String(s->token), QLatin1String(s->name),
                    videoSourceConfigXml("tt:VideoSourceConfiguration"),
                    videoEncoderXml(token, "tt"),
                    m_identity.ptz ? ptzConfigurationXml() : QString());
}

QString OnvifDevice::media2ProfileXml(const QString& token) const
{
    const StreamSpec* s = streamFor(token);
    QString ptz;
    if (m_identity.ptz) {
        ptz = QStringLiteral(
                "<tr2:PTZ token=\"PTZConfig_1\"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount>"
                "<tt:NodeToken>PTZNode_1</tt:NodeToken></tr2:PTZ>");
    }
    return QStringLiteral(
            "<tr2:Profiles token=\"%1\" fixed=\"true\"><tr2:Name>%2</tr2:Name><tr2:Configurations>"
            "%3%4%5</tr2:Configurations></tr2:Profiles>")
            .arg(QLatin1String(s->token), QLatin1String(s->name),
                    videoSourceConfigXml("tr2:VideoSource"), videoEncoderXml(token, "tr2"), ptz);
}

bool OnvifDevice::deviceService(Call& call)
{
    const QString& op = call.operation;
    const QString host = advertisedHost(m_identity.httpPort);
    if (op == QLatin1String("GetSystemDateAndTime")) {
        const QDateTime utc = QDateTime::fromMSecsSinceEpoch(deviceNowMs(), Qt::UTC);
        answer(call,
                QStringLiteral(
                        "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
                        "<tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</"
                        "tt:DaylightSavings>"
                        "<tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone>"
                        "<tt:UTCDateTime>%1</tt:UTCDateTime><tt:LocalDateTime>%1</tt:LocalDateTime>"
                        "</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>")
                        .arg(dateTimeXml(utc)));
    } else if (op == QLatin1String("GetDeviceInformation")) {
        answer(call,
                QStringLiteral(
                        "<tds:GetDeviceInformationResponse><tds:Manufacturer>Vigil</"
                        "tds:Manufacturer>"
                        "<tds:Model>%1</tds:Model><tds:FirmwareVersion>%2</tds:FirmwareVersion>"
                        "<tds:SerialNumber>%3</tds:SerialNumber><tds:HardwareId>%4</tds:HardwareId>"
                        "</tds:GetDeviceInformationResponse>")
                        .arg(m_identity.model, QStringLiteral("camsim " VIGIL_VERSION_STRING),
                                m_identity.serial, m_identity.hardwareId));
    } else if (op == QLatin1String("GetCapabilities")) {
        const QString media = m_options.quirks.media2Only
                ? QString()
                : QStringLiteral(
                        "<tt:Media><tt:XAddr>http://%1/onvif/media_service</"
                        "tt:XAddr><tt:StreamingCapabilities>"
                        "<tt:RTPMulticast>false</tt:RTPMulticast><tt:RTP_TCP>true</tt:RTP_TCP>"
                        "<tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP></tt:StreamingCapabilities></"
                        "tt:Media>")
                          .arg(host);
        const QString ptz = m_identity.ptz
                ? QStringLiteral(
                        "<tt:PTZ><tt:XAddr>http://%1/onvif/ptz_service</tt:XAddr></tt:PTZ>")
                          .arg(host)
                : QString();
        answer(call,
                QStringLiteral(
                        "<tds:GetCapabilitiesResponse><tds:Capabilities>"
                        "<tt:Device><tt:XAddr>http://%1/onvif/device_service</tt:XAddr>"
                        "<tt:Network><tt:IPFilter>false</tt:IPFilter><tt:ZeroConfiguration>false</"
                        "tt:ZeroConfiguration>"
                        "<tt:IPVersion6>false</tt:IPVersion6><tt:DynDNS>false</tt:DynDNS></"
                        "tt:Network>"
                        "<tt:System><tt:DiscoveryResolve>false</"
                        "tt:DiscoveryResolve><tt:DiscoveryBye>true</tt:DiscoveryBye>"
                        "<tt:RemoteDiscovery>false</tt:RemoteDiscovery><tt:SystemBackup>false</"
                        "tt:SystemBackup>"
                        "<tt:SystemLogging>false</tt:SystemLogging><tt:FirmwareUpgrade>false</"
                        "tt:FirmwareUpgrade>"
                        "<tt:SupportedVersions><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></"
                        "tt:SupportedVersions>"
                        "</tt:System></tt:Device>"
                        "<tt:Events><tt:XAddr>http://%1/onvif/event_service</tt:XAddr>"
                        "<tt:WSSubscriptionPolicySupport>false</tt:WSSubscriptionPolicySupport>"
                        "<tt:WSPullPointSupport>true</tt:WSPullPointSupport>"
                        "<tt:WSPausableSubscriptionManagerInterfaceSupport>false</"
                        "tt:WSPausableSubscriptionManagerInterfaceSupport>"
                        "</tt:Events>%2%3</tds:Capabilities></tds:GetCapabilitiesResponse>")
                        .arg(host, media, ptz));
    } else if (op == QLatin1String("GetServices")) {
        auto service = [&](const char* ns, const char* path, int major, int minor) {
            return QStringLiteral("<tds:Service><tds:Namespace>%1</tds:Namespace><tds:XAddr>http://"
                                  "%2%3</tds:XAddr>"
                                  "<tds:Version><tt:Major>%4</tt:Major><tt:Minor>%5</tt:Minor></"
                                  "tds:Version></tds:Service>")
                    .arg(QLatin1String(ns), host, QLatin1String(path))
                    .arg(major)
                    .arg(minor);
        };
        QString services
                = service("http://www.onvif.org/ver10/device/wsdl", "/onvif/device_service", 2, 60);
        if (!m_options.quirks.media2Only)
            services += service(
                    "http://www.onvif.org/ver10/media/wsdl", "/onvif/media_service", 2, 60);
        services
                += service("http://www.onvif.org/ver20/media/wsdl", "/onvif/media2_service", 2, 60);
        services
                += service("http://www.onvif.org/ver10/events/wsdl", "/onvif/event_service", 2, 60);
        if (m_identity.ptz)
            services += service("http://www.onvif.org/ver20/ptz/wsdl", "/onvif/ptz_service", 2, 60);
        answer(call,
                QStringLiteral("<tds:GetServicesResponse>%1</tds:GetServicesResponse>")
                        .arg(services));
    } else if (op == QLatin1String("GetScopes")) {
        QString scopes;
        for (const QString& scope : scopeList()) {
            scopes += QStringLiteral("<tds:Scopes><tt:ScopeDef>Fixed</"
                                     "tt:ScopeDef><tt:ScopeItem>%1</tt:ScopeItem></tds:Scopes>")
                              .arg(onvif::xmlEscape(scope));
        }
        answer(call,
                QStringLiteral("<tds:GetScopesResponse>%1</tds:GetScopesResponse>").arg(scopes));
    } else if (op == QLatin1String("GetNetworkInterfaces")) {
        answer(call,
                QStringLiteral(
                        "<tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token=\"eth0\">"
                        "<tt:Enabled>true</tt:Enabled><tt:Info><tt:Name>eth0</tt:Name>"
                        "<tt:HwAddress>%1</tt:HwAddress><tt:MTU>1500</tt:MTU></tt:Info>"
                        "<tt:IPv4><tt:Enabled>true</"
                        "tt:Enabled><tt:Config><tt:Manual><tt:Address>%2</tt:Address>"
                        "<tt:PrefixLength>8</tt:PrefixLength></tt:Manual><tt:DHCP>false</tt:DHCP></"
                        "tt:Config>"
                        "</tt:IPv4></tds:NetworkInterfaces></tds:GetNetworkInterfacesResponse>")
                        .arg(m_identity.mac, m_identity.bind.toString()));
    } else if (op == QLatin1String("GetHostname")) {
        answer(call,
                QStringLiteral("<tds:GetHostnameResponse><tds:HostnameInformation><tt:FromDHCP>"
                               "false</tt:FromDHCP>"
                               "<tt:Name>camsim-%1</tt:Name></tds:HostnameInformation></"
                               "tds:GetHostnameResponse>")
                        .arg(m_identity.index));
    } else {
        return false;
    }
    return true;
}

QStringList OnvifDevice::scopeList() const
{
    return {QStringLiteral("onvif://www.onvif.org/type/video_encoder"),
            QStringLiteral("onvif://www.onvif.org/Profile/Streaming"),
            QStringLiteral("onvif://www.onvif.org/Profile/T"),
            QStringLiteral("onvif://www.onvif.org/hardware/")
                    + QString::fromLatin1(QUrl::toPercentEncoding(m_identity.model)),
            QStringLiteral("onvif://www.onvif.org/name/")
                    + QString::fromLatin1(QUrl::toPercentEncoding(m_identity.name)),
            QStringLiteral("onvif://www.onvif.org/location/city/")
                    + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("Town Hall")))};
}

bool OnvifDevice::mediaService(Call& call)
{
    const QString& op = call.operation;
    const QString token = call.body->textAt({u"ProfileToken"});
    if (op == QLatin1String("GetProfiles")) {
        answer(call,
                QStringLiteral("<trt:GetProfilesResponse>%1%2</trt:GetProfilesResponse>")
                        .arg(profileXml(QStringLiteral("Profile_1")),
                                profileXml(QStringLiteral("Profile_2"))));
    } else if (op == QLatin1String("GetProfile")) {
        if (!streamFor(token))
            return noProfile(call, token), true;
        answer(call,
                QStringLiteral("<trt:GetProfileResponse>%1</trt:GetProfileResponse>")
                        .arg(profileXml(token).replace(
                                QLatin1String("trt:Profiles"), QLatin1String("trt:Profile"))));
    } else if (op == QLatin1String("GetStreamUri") || op == QLatin1String("GetSnapshotUri")) {
        const StreamSpec* s = streamFor(token);
        if (!s)
            return noProfile(call, token), true;
        const bool stream = op == QLatin1String("GetStreamUri");
        const QString uri
                = stream ? streamUri(QLatin1String(s->path)) : snapshotUri(QLatin1String(s->path));
        answer(call,
                QStringLiteral("<trt:%1Response><trt:MediaUri><tt:Uri>%2</tt:Uri>"
                               "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>"
                               "<tt:InvalidAfterReboot>false</"
                               "tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout>"
                               "</trt:MediaUri></trt:%1Response>")
                        .arg(op, onvif::xmlEscape(uri)));
    } else if (op == QLatin1String("GetVideoSources")) {
        answer(call,
                QStringLiteral(
                        "<trt:GetVideoSourcesResponse><trt:VideoSources token=\"VideoSource_1\">"
                        "<tt:Framerate>%1</tt:Framerate><tt:Resolution><tt:Width>1920</tt:Width>"
                        "<tt:Height>1080</tt:Height></tt:Resolution></trt:VideoSources></"
                        "trt:GetVideoSourcesResponse>")
                        .arg(m_media.fps));
    } else if (op == QLatin1String("GetVideoSourceConfigurations")) {
        answer(call, sourceConfigurationsXml("trt"));
    } else if (op == QLatin1String("GetVideoEncoderConfigurations")) {
        answer(call, encoderConfigurationsXml("trt"));
    } else {
        return false;
    }
    return true;
}

QString OnvifDevice::sourceConfigurationsXml(const char* ns) const
{
    return QStringLiteral(
            "<%1:GetVideoSourceConfigurationsResponse>%2</%1:GetVideoSourceConfigurationsResponse>")
            .arg(QLatin1String(ns),
                    videoSourceConfigXml(ns == std::string_view("tr2") ? "tr2:Configurations"
                                                                       : "trt:Configurations"));
}

QString OnvifDevice::encoderConfigurationsXml(const char* ns) const
{
    // The profile's encoder element, renamed to the list element of the Get…Configurations answer.
    const bool media2 = ns == std::string_view("tr2");
    const QString element = media2 ? QStringLiteral("tr2:VideoEncoder")
                                   : QStringLiteral("tt:VideoEncoderConfiguration");
    const QString listed = QLatin1String(ns) + QStringLiteral(":Configurations");
    QString configs;
    for (const StreamSpec& spec : kStreams) {
        configs += videoEncoderXml(QLatin1String(spec.token), media2 ? "tr2" : "tt")
                           .replace(u'<' + element + u' ', u'<' + listed + u' ')
                           .replace(QStringLiteral("</") + element + u'>',
                                   QStringLiteral("</") + listed + u'>');
    }
    return QStringLiteral("<%1:GetVideoEncoderConfigurationsResponse>%2</"
                          "%1:GetVideoEncoderConfigurationsResponse>")
            .arg(QLatin1String(ns), configs);
}

bool OnvifDevice::media2Service(Call& call)
{
    const QString& op = call.operation;
    const QString token = call.body->textAt({u"ProfileToken"});
    if (op == QLatin1String("GetProfiles")) {
        const QString only = call.body->textAt({u"Token"});
        QString profiles;
        for (const StreamSpec& s : kStreams) {
            if (only.isEmpty() || only == QLatin1String(s.token))
                profiles += media2ProfileXml(QLatin1String(s.token));
        }
        answer(call,
                QStringLiteral("<tr2:GetProfilesResponse>%1</tr2:GetProfilesResponse>")
                        .arg(profiles));
    } else if (op == QLatin1String("GetVideoSourceConfigurations")) {
        answer(call, sourceConfigurationsXml("tr2"));
    } else if (op == QLatin1String("GetVideoEncoderConfigurations")) {
        answer(call, encoderConfigurationsXml("tr2"));
    } else if (op == QLatin1String("GetStreamUri") || op == QLatin1String("GetSnapshotUri")) {
        const StreamSpec* s = streamFor(token);
        if (!s)
            return noProfile(call, token), true;
        const QString uri = op == QLatin1String("GetStreamUri")
                ? streamUri(QLatin1String(s->path))
                : snapshotUri(QLatin1String(s->path));
        answer(call,
                QStringLiteral("<tr2:%1Response><tr2:Uri>%2</tr2:Uri></tr2:%1Response>")
                        .arg(op, onvif::xmlEscape(uri)));
    } else {
        return false;
    }
    return true;
}

void OnvifDevice::noProfile(Call& call, const QString& token)
{
    fault(call, 400, QStringLiteral("env:Sender"), QStringLiteral("ter:InvalidArgVal"),
            QStringLiteral("The profile \"%1\" does not exist").arg(token));
}

} // namespace vigil::camsim
