// libFuzzer harness: a SOAP answer from a camera, through the XML reader and every parser Vigil
// applies to camera answers (faults, time, device information, services, capabilities, profiles,
// stream URIs, event notifications).
#include "core/onvif/event_subscription.h"
#include "core/onvif/onvif_parsers.h"
#include "core/onvif/xml_tree.h"

#include <cstddef>
#include <cstdint>

using namespace vigil::onvif;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray xml
            = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const std::optional<XmlElement> envelope = XmlElement::parse(xml, &error);
    if (!envelope)
        return 0;
    (void)soapBody(*envelope);
    (void)parseFault(*envelope);
    (void)parseSystemDateAndTime(*envelope);
    (void)parseDeviceInformation(*envelope);
    (void)parseServices(*envelope);
    (void)parseCapabilities(*envelope);
    (void)parseProfiles(*envelope);
    (void)parseMediaUri(*envelope);
    for (const OnvifEvent& event : EventSubscription::parseNotifications(*envelope))
        (void)EventSubscription::motionState(event);
    return 0;
}
