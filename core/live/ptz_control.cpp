#include "core/live/ptz_control.h"

#include "core/onvif/onvif_parsers.h"
#include "core/onvif/xml_tree.h"

namespace vigil::live {

namespace {

QString number(double v)
{
    return QString::number(qBound(-1.0, v, 1.0), 'f', 3);
}

} // namespace

PtzControl::PtzControl(const QUrl& deviceUrl, const QString& user, const QString& password,
        QString profileToken, QObject* parent)
    : QObject(parent)
    , m_client(deviceUrl, user, password)
    , m_profileToken(std::move(profileToken))
{
    m_client.setTimeoutMs(5000);
}

PtzControl::~PtzControl() = default;

void PtzControl::withService(std::function<void(const QString& url)> then)
{
    if (!m_service.isEmpty()) {
        then(m_service);
        return;
    }
    m_client.call(m_client.deviceUrl().toString(),
            QStringLiteral("<GetCapabilities xmlns=\"http://www.onvif.org/ver10/device/wsdl\">"
                           "<Category>PTZ</Category></GetCapabilities>"),
            [this, then = std::move(then)](Result<onvif::XmlElement> answer) {
                if (!answer) {
                    Q_EMIT failed(answer.error().message);
                    return;
                }
                const QString url = onvif::parseCapabilities(answer.value())
                                            .value(QLatin1String(onvif::ns::kPtz));
                if (url.isEmpty()) {
                    Q_EMIT failed(tr("This camera cannot pan, tilt or zoom."));
                    return;
                }
                m_service = m_client.rewrite(url);
                then(m_service);
            });
}

void PtzControl::send(const QString& body, std::function<void(const onvif::XmlElement&)> then)
{
    withService([this, body, then = std::move(then)](const QString& url) {
        m_client.call(url, body, [this, then](Result<onvif::XmlElement> answer) {
            if (!answer) {
                Q_EMIT failed(answer.error().message);
                return;
            }
            if (then)
                then(answer.value());
            Q_EMIT done();
        });
    });
}

void PtzControl::move(double pan, double tilt, double zoom)
{
    if (pan == 0 && tilt == 0 && zoom == 0) {
        stop();
        return;
    }
    send(QStringLiteral("<ContinuousMove xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\" "
                        "xmlns:tt=\"http://www.onvif.org/ver10/schema\">"
                        "<ProfileToken>%1</ProfileToken><Velocity>"
                        "<tt:PanTilt x=\"%2\" y=\"%3\"/><tt:Zoom x=\"%4\"/></Velocity>"
                        "<Timeout>PT10S</Timeout></ContinuousMove>")
                    .arg(onvif::xmlEscape(m_profileToken), number(pan), number(tilt),
                            number(zoom)));
}

void PtzControl::stop()
{
    send(QStringLiteral("<Stop xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\">"
                        "<ProfileToken>%1</ProfileToken><PanTilt>true</PanTilt>"
                        "<Zoom>true</Zoom></Stop>")
                    .arg(onvif::xmlEscape(m_profileToken)));
}

void PtzControl::refreshPresets()
{
    send(QStringLiteral("<GetPresets xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\">"
                        "<ProfileToken>%1</ProfileToken></GetPresets>")
                    .arg(onvif::xmlEscape(m_profileToken)),
            [this](const onvif::XmlElement& envelope) {
                m_presets.clear();
                const onvif::XmlElement* response = envelope.path({u"Body", u"GetPresetsResponse"});
                if (response) {
                    for (const onvif::XmlElement* p : response->childrenNamed(u"Preset")) {
                        Preset preset;
                        preset.token = p->attribute(u"token");
                        preset.name = p->textAt({u"Name"});
                        if (preset.name.isEmpty())
                            preset.name = preset.token;
                        if (!preset.token.isEmpty())
                            m_presets << preset;
                    }
                }
                Q_EMIT presetsChanged();
            });
}

void PtzControl::gotoPreset(const QString& token)
{
    send(QStringLiteral("<GotoPreset xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\">"
                        "<ProfileToken>%1</ProfileToken><PresetToken>%2</PresetToken>"
                        "</GotoPreset>")
                    .arg(onvif::xmlEscape(m_profileToken), onvif::xmlEscape(token)));
}

} // namespace vigil::live
