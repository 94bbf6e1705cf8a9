#include "core/onvif/onvif_parsers.h"

#include "core/runtime/display_text.h"

#include <QDateTime>
#include <QTimeZone>

namespace vigil::onvif {

namespace {

QString stripPrefix(const QString& qname)
{
    return qname.section(u':', -1).trimmed();
}

int toInt(const QString& text)
{
    return int(text.trimmed().toDouble());
}

} // namespace

bool SoapFault::isNotAuthorized() const
{
    if (has(u"NotAuthorized") || has(u"FailedAuthentication") || has(u"InvalidSecurity"))
        return true;
    const QString r = reason.toLower();
    return r.contains(QLatin1String("not authorized")) || r.contains(QLatin1String("unauthorized"))
            || r.contains(QLatin1String("authority failure"))
            || r.contains(QLatin1String("time check failed"));
}

const XmlElement* soapBody(const XmlElement& envelope)
{
    return envelope.child(u"Body");
}

std::optional<SoapFault> parseFault(const XmlElement& envelope)
{
    const XmlElement* body = soapBody(envelope);
    const XmlElement* fault = body ? body->child(u"Fault") : nullptr;
    if (!fault)
        return std::nullopt;
    SoapFault f;
    if (const XmlElement* code = fault->child(u"Code")) {
        f.code = stripPrefix(code->textAt({u"Value"}));
        const XmlElement* sub = code->child(u"Subcode");
        while (sub) {
            f.subcodes << runtime::displaySafe(stripPrefix(sub->textAt({u"Value"})), 64);
            sub = sub->child(u"Subcode");
        }
    } else {
        f.code = stripPrefix(fault->textAt({u"faultcode"})); // SOAP 1.1
    }
    f.reason = runtime::displaySafe(
            fault->textAt({u"Reason", u"Text"}, fault->textAt({u"faultstring"})));
    return f;
}

std::optional<qint64> parseSystemDateAndTime(const XmlElement& envelope)
{
    const XmlElement* body = soapBody(envelope);
    const XmlElement* sdt = body ? body->find(u"SystemDateAndTime") : nullptr;
    if (!sdt)
        return std::nullopt;
    const XmlElement* t = sdt->child(u"UTCDateTime");
    bool local = false;
    if (!t) {
        t = sdt->child(u"LocalDateTime");
        local = true;
    }
    if (!t)
        return std::nullopt;
    const QDate date(toInt(t->textAt({u"Date", u"Year"})), toInt(t->textAt({u"Date", u"Month"})),
            toInt(t->textAt({u"Date", u"Day"})));
    const QTime time(toInt(t->textAt({u"Time", u"Hour"})), toInt(t->textAt({u"Time", u"Minute"})),
            toInt(t->textAt({u"Time", u"Second"})));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    // Without UTC the local time is all there is; it is read as UTC (TZ strings in the wild are
    // not reliably parseable) and the offset will be off by the camera's zone.
    Q_UNUSED(local);
    return QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
}

DeviceInformation parseDeviceInformation(const XmlElement& envelope)
{
    DeviceInformation info;
    const XmlElement* body = soapBody(envelope);
    const XmlElement* r = body ? body->child(u"GetDeviceInformationResponse") : nullptr;
    if (!r)
        return info;
    // Shown on terminals, in logs and in the window: made safe once, here.
    info.manufacturer = runtime::displaySafe(r->textAt({u"Manufacturer"}), 64);
    info.model = runtime::displaySafe(r->textAt({u"Model"}), 64);
    info.firmware = runtime::displaySafe(r->textAt({u"FirmwareVersion"}), 64);
    info.serial = runtime::displaySafe(r->textAt({u"SerialNumber"}), 64);
    info.hardwareId = runtime::displaySafe(r->textAt({u"HardwareId"}), 64);
    return info;
}

QHash<QString, QString> parseServices(const XmlElement& envelope)
{
    QHash<QString, QString> services;
    const XmlElement* body = soapBody(envelope);
    const XmlElement* r = body ? body->child(u"GetServicesResponse") : nullptr;
    if (!r)
        return services;
    for (const XmlElement* s : r->childrenNamed(u"Service")) {
        const QString ns = s->textAt({u"Namespace"});
        const QString xaddr = s->textAt({u"XAddr"});
        if (!ns.isEmpty() && !xaddr.isEmpty())
            services.insert(ns, xaddr);
    }
    return services;
}

QHash<QString, QString> parseCapabilities(const XmlElement& envelope)
{
    QHash<QString, QString> services;
    const XmlElement* body = soapBody(envelope);
    const XmlElement* caps
            = body ? body->path({u"GetCapabilitiesResponse", u"Capabilities"}) : nullptr;
    if (!caps)
        return services;
    const std::pair<const char16_t*, const char*> map[] = {{u"Device", ns::kDevice},
            {u"Media", ns::kMedia}, {u"PTZ", ns::kPtz}, {u"Events", ns::kEvents}};
    for (const auto& [element, uri] : map) {
        const QString xaddr = caps->textAt({element, u"XAddr"});
        if (!xaddr.isEmpty())
            services.insert(QLatin1String(uri), xaddr);
    }
    return services;
}

QList<MediaProfile> parseProfiles(const XmlElement& envelope)
{
    QList<MediaProfile> profiles;
    const XmlElement* body = soapBody(envelope);
    const XmlElement* r = body ? body->child(u"GetProfilesResponse") : nullptr;
    if (!r)
        return profiles;
    for (const XmlElement* p : r->childrenNamed(u"Profiles")) {
        MediaProfile m;
        m.token = p->attribute(u"token");
        m.name = runtime::displaySafe(p->textAt({u"Name"}), 64);
        // Media1 keeps the encoder in VideoEncoderConfiguration, Media2 in
        // Configurations/VideoEncoder.
        const XmlElement* encoder = p->child(u"VideoEncoderConfiguration");
        const XmlElement* configurations = p->child(u"Configurations");
        if (!encoder && configurations)
            encoder = configurations->child(u"VideoEncoder");
        if (encoder) {
            m.encoding = encoder->textAt({u"Encoding"}).toUpper();
            if (m.encoding == QLatin1String("MPV4-ES"))
                m.encoding = QStringLiteral("MPEG4");
            m.width = toInt(encoder->textAt({u"Resolution", u"Width"}));
            m.height = toInt(encoder->textAt({u"Resolution", u"Height"}));
            m.fps = encoder->textAt({u"RateControl", u"FrameRateLimit"}).toDouble();
            m.bitrateKbps = toInt(encoder->textAt({u"RateControl", u"BitrateLimit"}));
        }
        m.hasPtz = p->child(u"PTZConfiguration")
                || (configurations && configurations->child(u"PTZ"));
        if (!m.token.isEmpty())
            profiles << m;
    }
    return profiles;
}

QString parseMediaUri(const XmlElement& envelope)
{
    const XmlElement* body = soapBody(envelope);
    if (!body || body->children().isEmpty())
        return {};
    const XmlElement& response = body->children().first();
    if (const XmlElement* uri = response.path({u"MediaUri", u"Uri"}))
        return uri->text();
    if (const XmlElement* uri = response.child(u"Uri"))
        return uri->text();
    const XmlElement* any = response.find(u"Uri");
    return any ? any->text() : QString();
}

} // namespace vigil::onvif
