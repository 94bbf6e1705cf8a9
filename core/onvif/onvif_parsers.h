#pragma once

#include "core/onvif/xml_tree.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::onvif {

/// A SOAP fault: code (env:Sender/Receiver), subcodes ("ter:NotAuthorized" …, local names) and
/// the reason text. Parsed leniently: misspelled codes and undeclared prefixes occur in the wild.
struct SoapFault
{
    QString code;
    QStringList subcodes; ///< outermost first, prefix stripped ("NotAuthorized")
    QString reason;

    bool has(QStringView subcode) const { return subcodes.contains(subcode.toString()); }
    bool isNotAuthorized() const;
};

/// One media profile, from Media1 or Media2.
struct MediaProfile
{
    QString token;
    QString name;
    QString encoding; ///< "H264", "H265", "JPEG", "MPEG4" … upper-case
    int width = 0;
    int height = 0;
    double fps = 0;
    int bitrateKbps = 0;
    bool hasPtz = false;
    QString streamUri; ///< filled by GetStreamUri
    QString snapshotUri; ///< filled by GetSnapshotUri

    bool isVideoStream() const
    {
        return encoding == QLatin1String("H264") || encoding == QLatin1String("H265");
    }
};

/// Device service answers.
struct DeviceInformation
{
    QString manufacturer;
    QString model;
    QString firmware;
    QString serial;
    QString hardwareId;
};

/// The Body of an envelope, or nullptr.
const XmlElement* soapBody(const XmlElement& envelope);
std::optional<SoapFault> parseFault(const XmlElement& envelope);
/// Device UTC time in ms from GetSystemDateAndTimeResponse (UTCDateTime, else LocalDateTime).
std::optional<qint64> parseSystemDateAndTime(const XmlElement& envelope);
DeviceInformation parseDeviceInformation(const XmlElement& envelope);
/// namespace URI → XAddr, from GetServicesResponse.
QHash<QString, QString> parseServices(const XmlElement& envelope);
/// namespace URI → XAddr, from GetCapabilitiesResponse (Media, PTZ, Events, Device …).
QHash<QString, QString> parseCapabilities(const XmlElement& envelope);
QList<MediaProfile> parseProfiles(const XmlElement& envelope);
/// The Uri of GetStreamUri/GetSnapshotUri (Media1 MediaUri/Uri or Media2 Uri), trimmed.
QString parseMediaUri(const XmlElement& envelope);

namespace ns {
inline constexpr char kDevice[] = "http://www.onvif.org/ver10/device/wsdl";
inline constexpr char kMedia[] = "http://www.onvif.org/ver10/media/wsdl";
inline constexpr char kMedia2[] = "http://www.onvif.org/ver20/media/wsdl";
inline constexpr char kPtz[] = "http://www.onvif.org/ver20/ptz/wsdl";
inline constexpr char kEvents[] = "http://www.onvif.org/ver10/events/wsdl";
} // namespace ns

} // namespace vigil::onvif
