// PTZ service of a simulated PTZ camera: continuous moves, stops, absolute moves and presets move
// a crop window over the footage (in the RTSP streams and the snapshot), so movement is visible.
#include "onvif_device.h"
#include "onvif_device_p.h"
#include "ptz_geometry.h"
#include "rtsp_server.h"
#include "soap.h"

#include <QBuffer>
#include <QDateTime>
#include <QImage>
#include <QMap>

namespace vigil::camsim {

namespace {

constexpr double kUnitsPerSecond = 0.5; ///< at velocity 1: the whole pan range (2) in 4 s
constexpr int kTickMs = 50;
const QString kPanTiltSpace
        = QStringLiteral("http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace");
const QString kZoomSpace
        = QStringLiteral("http://www.onvif.org/ver10/tptz/ZoomSpaces/PositionGenericSpace");

double number(const onvif::XmlElement* e, QStringView attribute, double fallback)
{
    if (!e)
        return fallback;
    bool ok = false;
    const double v = e->attribute(attribute).toDouble(&ok); // C locale: E-notation included
    return ok ? v : fallback;
}

} // namespace

void OnvifDevice::initPtz()
{
    if (!m_identity.ptz)
        return;
    m_ptz = std::make_unique<PtzState>();
    m_ptz->presets.insert(QStringLiteral("1"), {QStringLiteral("Entrance"), {-0.6, 0.2, 0.4}});
    m_ptz->presets.insert(QStringLiteral("2"), {QStringLiteral("Street"), {0.5, -0.2, 0.2}});
    m_ptz->nextPreset = 3;
    m_ptzTimer.setInterval(kTickMs);
    connect(&m_ptzTimer, &QTimer::timeout, this, &OnvifDevice::tickPtz);
}

QString OnvifDevice::ptzConfigurationXml() const
{
    return QStringLiteral(
            "<tt:PTZConfiguration "
            "token=\"PTZConfig_1\"><tt:Name>PTZ</tt:Name><tt:UseCount>2</tt:UseCount>"
            "<tt:NodeToken>PTZNode_1</tt:NodeToken>"
            "<tt:DefaultAbsolutePantTiltPositionSpace>%1</tt:DefaultAbsolutePantTiltPositionSpace>"
            "<tt:DefaultAbsoluteZoomPositionSpace>%2</tt:DefaultAbsoluteZoomPositionSpace>"
            "<tt:DefaultContinuousPanTiltVelocitySpace>http://www.onvif.org/ver10/tptz/"
            "PanTiltSpaces/VelocityGenericSpace"
            "</tt:DefaultContinuousPanTiltVelocitySpace>"
            "<tt:DefaultContinuousZoomVelocitySpace>http://www.onvif.org/ver10/tptz/ZoomSpaces/"
            "VelocityGenericSpace"
            "</tt:DefaultContinuousZoomVelocitySpace>"
            "<tt:DefaultPTZSpeed><tt:PanTilt x=\"1\" y=\"1\"/><tt:Zoom "
            "x=\"1\"/></tt:DefaultPTZSpeed>"
            "<tt:DefaultPTZTimeout>PT10S</tt:DefaultPTZTimeout></tt:PTZConfiguration>")
            .arg(kPanTiltSpace, kZoomSpace);
}

void OnvifDevice::tickPtz()
{
    PtzState& p = *m_ptz;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const double dt = qMin<qint64>(now - p.lastTickMs, 500) / 1000.0;
    p.lastTickMs = now;
    if (p.target) {
        auto approach = [dt](double& value, double goal) {
            const double step = kUnitsPerSecond * 2 * dt;
            value = qAbs(goal - value) <= step ? goal : value + (goal > value ? step : -step);
        };
        approach(p.at.pan, p.target->pan);
        approach(p.at.tilt, p.target->tilt);
        approach(p.at.zoom, p.target->zoom);
        if (p.at.pan == p.target->pan && p.at.tilt == p.target->tilt && p.at.zoom == p.target->zoom)
            p.target.reset();
    } else {
        p.at.pan = std::clamp(p.at.pan + p.velocity.pan * kUnitsPerSecond * dt, -1.0, 1.0);
        p.at.tilt = std::clamp(p.at.tilt + p.velocity.tilt * kUnitsPerSecond * dt, -1.0, 1.0);
        p.at.zoom = std::clamp(p.at.zoom + p.velocity.zoom * kUnitsPerSecond * dt, 0.0, 1.0);
        if (p.stopAtMs && now >= p.stopAtMs)
            p.velocity = {};
    }
    if (m_rtsp)
        m_rtsp->setPtzWindow(m_identity.index, p.at.pan, p.at.tilt, p.at.zoom);
    if (!p.moving())
        m_ptzTimer.stop();
}

QByteArray OnvifDevice::ptzSnapshot(const QByteArray& jpeg, bool sub) const
{
    QImage image = QImage::fromData(jpeg, "JPEG");
    if (image.isNull() || !m_ptz)
        return jpeg;
    const CropWindow c = CropWindow::forPosition(
            m_ptz->at.pan, m_ptz->at.tilt, m_ptz->at.zoom, image.width(), image.height());
    const QSize size = sub ? QSize(640, 360) : image.size();
    image = image.copy(c.left, c.top, image.width() - c.left - c.right,
                         image.height() - c.top - c.bottom)
                    .scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return out;
}

bool OnvifDevice::ptzService(Call& call)
{
    PtzState& p = *m_ptz;
    const QString& op = call.operation;
    auto startMoving = [this, &p] {
        if (!m_ptzTimer.isActive()) {
            p.lastTickMs = QDateTime::currentMSecsSinceEpoch();
            m_ptzTimer.start();
        }
    };
    const QString nodeXml = QStringLiteral(
            "<tptz:PTZNode token=\"PTZNode_1\" "
            "FixedHomePosition=\"false\"><tt:Name>PTZ</tt:Name><tt:SupportedPTZSpaces>"
            "<tt:AbsolutePanTiltPositionSpace><tt:URI>%1</tt:URI><tt:XRange><tt:Min>-1</"
            "tt:Min><tt:Max>1</tt:Max></tt:XRange>"
            "<tt:YRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max></tt:YRange></"
            "tt:AbsolutePanTiltPositionSpace>"
            "<tt:AbsoluteZoomPositionSpace><tt:URI>%2</tt:URI><tt:XRange><tt:Min>0</"
            "tt:Min><tt:Max>1</tt:Max></tt:XRange>"
            "</tt:AbsoluteZoomPositionSpace>"
            "<tt:ContinuousPanTiltVelocitySpace><tt:URI>http://www.onvif.org/ver10/tptz/"
            "PanTiltSpaces/VelocityGenericSpace"
            "</tt:URI><tt:XRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max></"
            "tt:XRange><tt:YRange><tt:Min>-1</tt:Min>"
            "<tt:Max>1</tt:Max></tt:YRange></tt:ContinuousPanTiltVelocitySpace>"
            "<tt:ContinuousZoomVelocitySpace><tt:URI>http://www.onvif.org/ver10/tptz/ZoomSpaces/"
            "VelocityGenericSpace</tt:URI>"
            "<tt:XRange><tt:Min>-1</tt:Min><tt:Max>1</tt:Max></tt:XRange></"
            "tt:ContinuousZoomVelocitySpace>"
            "</tt:SupportedPTZSpaces><tt:MaximumNumberOfPresets>32</tt:MaximumNumberOfPresets>"
            "<tt:HomeSupported>false</tt:HomeSupported></tptz:PTZNode>")
                                    .arg(kPanTiltSpace, kZoomSpace);
    const QString profile = call.body->textAt({u"ProfileToken"});
    const bool needsProfile = op != QLatin1String("GetNodes") && op != QLatin1String("GetNode")
            && op != QLatin1String("GetConfigurations") && op != QLatin1String("GetConfiguration");
    if (needsProfile && profile != QLatin1String("Profile_1")
            && profile != QLatin1String("Profile_2")) {
        noProfile(call, profile);
        return true;
    }

    if (op == QLatin1String("GetNodes")) {
        answer(call,
                QStringLiteral("<tptz:GetNodesResponse>%1</tptz:GetNodesResponse>").arg(nodeXml));
    } else if (op == QLatin1String("GetNode")) {
        answer(call,
                QStringLiteral("<tptz:GetNodeResponse>%1</tptz:GetNodeResponse>").arg(nodeXml));
    } else if (op == QLatin1String("GetConfigurations")) {
        answer(call,
                QStringLiteral(
                        "<tptz:GetConfigurationsResponse>%1</tptz:GetConfigurationsResponse>")
                        .arg(ptzConfigurationXml().replace(QLatin1String("tt:PTZConfiguration"),
                                QLatin1String("tptz:PTZConfiguration"))));
    } else if (op == QLatin1String("GetStatus")) {
        if (m_ptzTimer.isActive())
            tickPtz();
        answer(call,
                QStringLiteral(
                        "<tptz:GetStatusResponse><tptz:PTZStatus><tt:Position>"
                        "<tt:PanTilt x=\"%1\" y=\"%2\" space=\"%4\"/><tt:Zoom x=\"%3\" "
                        "space=\"%5\"/></tt:Position>"
                        "<tt:MoveStatus><tt:PanTilt>%6</tt:PanTilt><tt:Zoom>%6</tt:Zoom></"
                        "tt:MoveStatus>"
                        "<tt:UtcTime>%7</tt:UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>")
                        .arg(p.at.pan)
                        .arg(p.at.tilt)
                        .arg(p.at.zoom)
                        .arg(kPanTiltSpace, kZoomSpace,
                                p.moving() ? QStringLiteral("MOVING") : QStringLiteral("IDLE"),
                                QDateTime::fromMSecsSinceEpoch(deviceNowMs(), Qt::UTC)
                                        .toString(Qt::ISODate)));
    } else if (op == QLatin1String("ContinuousMove")) {
        const onvif::XmlElement* velocity = call.body->child(QStringLiteral("Velocity"));
        const onvif::XmlElement* panTilt
                = velocity ? velocity->child(QStringLiteral("PanTilt")) : nullptr;
        const onvif::XmlElement* zoom
                = velocity ? velocity->child(QStringLiteral("Zoom")) : nullptr;
        p.target.reset();
        p.velocity.pan = std::clamp(number(panTilt, u"x", 0), -1.0, 1.0);
        p.velocity.tilt = std::clamp(number(panTilt, u"y", 0), -1.0, 1.0);
        p.velocity.zoom = std::clamp(number(zoom, u"x", 0), -1.0, 1.0);
        const qint64 timeout
                = soap::parseDuration(call.body->textAt({u"Timeout"}, QStringLiteral("PT10S")));
        p.stopAtMs = QDateTime::currentMSecsSinceEpoch() + (timeout > 0 ? timeout : 10'000);
        startMoving();
        answer(call, QStringLiteral("<tptz:ContinuousMoveResponse/>"));
    } else if (op == QLatin1String("AbsoluteMove")) {
        const onvif::XmlElement* position = call.body->child(QStringLiteral("Position"));
        const onvif::XmlElement* panTilt
                = position ? position->child(QStringLiteral("PanTilt")) : nullptr;
        const onvif::XmlElement* zoom
                = position ? position->child(QStringLiteral("Zoom")) : nullptr;
        p.velocity = {};
        p.target = PtzState::Position {std::clamp(number(panTilt, u"x", p.at.pan), -1.0, 1.0),
                std::clamp(number(panTilt, u"y", p.at.tilt), -1.0, 1.0),
                std::clamp(number(zoom, u"x", p.at.zoom), 0.0, 1.0)};
        startMoving();
        answer(call, QStringLiteral("<tptz:AbsoluteMoveResponse/>"));
    } else if (op == QLatin1String("Stop")) {
        if (m_ptzTimer.isActive())
            tickPtz(); // account for the movement since the last tick
        const bool panTilt
                = call.body->textAt({u"PanTilt"}, QStringLiteral("true")) != QLatin1String("false");
        const bool zoom
                = call.body->textAt({u"Zoom"}, QStringLiteral("true")) != QLatin1String("false");
        if (panTilt)
            p.velocity.pan = p.velocity.tilt = 0;
        if (zoom)
            p.velocity.zoom = 0;
        if (panTilt && zoom)
            p.target.reset();
        answer(call, QStringLiteral("<tptz:StopResponse/>"));
    } else if (op == QLatin1String("GetPresets")) {
        QString presets;
        for (auto it = p.presets.cbegin(); it != p.presets.cend(); ++it) {
            presets += QStringLiteral(
                    "<tptz:Preset token=\"%1\"><tt:Name>%2</tt:Name><tt:PTZPosition>"
                    "<tt:PanTilt x=\"%3\" y=\"%4\" space=\"%6\"/><tt:Zoom x=\"%5\" space=\"%7\"/>"
                    "</tt:PTZPosition></tptz:Preset>")
                               .arg(it.key(), onvif::xmlEscape(it.value().first))
                               .arg(it.value().second.pan)
                               .arg(it.value().second.tilt)
                               .arg(it.value().second.zoom)
                               .arg(kPanTiltSpace, kZoomSpace);
        }
        answer(call,
                QStringLiteral("<tptz:GetPresetsResponse>%1</tptz:GetPresetsResponse>")
                        .arg(presets));
    } else if (op == QLatin1String("GotoPreset")) {
        const QString token = call.body->textAt({u"PresetToken"});
        if (!p.presets.contains(token)) {
            fault(call, 400, QStringLiteral("env:Sender"), QStringLiteral("ter:InvalidArgVal"),
                    QStringLiteral("No preset \"%1\"").arg(token));
            return true;
        }
        p.velocity = {};
        p.target = p.presets.value(token).second;
        startMoving();
        answer(call, QStringLiteral("<tptz:GotoPresetResponse/>"));
    } else if (op == QLatin1String("SetPreset")) {
        QString token = call.body->textAt({u"PresetToken"});
        if (token.isEmpty()) {
            if (p.presets.size() >= 32) {
                fault(call, 400, QStringLiteral("env:Receiver"), QStringLiteral("ter:Action"),
                        QStringLiteral("Too many presets"));
                return true;
            }
            token = QString::number(p.nextPreset++);
        }
        const QString name
                = call.body->textAt({u"PresetName"}, QStringLiteral("Preset %1").arg(token));
        p.presets.insert(token, {name, p.at});
        answer(call,
                QStringLiteral("<tptz:SetPresetResponse><tptz:PresetToken>%1</tptz:PresetToken></"
                               "tptz:SetPresetResponse>")
                        .arg(onvif::xmlEscape(token)));
    } else if (op == QLatin1String("RemovePreset")) {
        p.presets.remove(call.body->textAt({u"PresetToken"}));
        answer(call, QStringLiteral("<tptz:RemovePresetResponse/>"));
    } else {
        return false;
    }
    return true;
}

} // namespace vigil::camsim
