#include "core/onvif/device_probe.h"

#include "core/logging_categories.h"

#include <QUrl>

namespace vigil::onvif {

std::pair<int, int> DeviceDescription::chooseStreams(const QList<MediaProfile>& profiles)
{
    int main = -1;
    int sub = -1;
    for (int i = 0; i < profiles.size(); ++i) {
        const MediaProfile& p = profiles.at(i);
        if (!p.isVideoStream())
            continue;
        if (main < 0 || p.width * p.height > profiles.at(main).width * profiles.at(main).height)
            main = i;
    }
    for (int i = 0; i < profiles.size(); ++i) {
        const MediaProfile& p = profiles.at(i);
        if (i == main || !p.isVideoStream() || p.width < 320)
            continue;
        if (main >= 0 && p.width * p.height >= profiles.at(main).width * profiles.at(main).height)
            continue;
        if (sub < 0 || p.width * p.height < profiles.at(sub).width * profiles.at(sub).height)
            sub = i;
    }
    return {main, sub};
}

DeviceProbe::DeviceProbe(
        const QUrl& deviceUrl, const QString& user, const QString& password, QObject* parent)
    : QObject(parent)
    , m_client(deviceUrl, user, password, this)
{
    m_description.deviceUrl = deviceUrl.toString();
}

void DeviceProbe::fail(const Error& error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    qCInfo(lcOnvif) << "probe of" << m_client.displayAddress() << "failed:" << error.fullText();
    Q_EMIT finished(error);
}

void DeviceProbe::succeed()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_description.auth = m_client.authMethod();
    m_description.clockOffsetMs = m_client.clockOffsetMs();
    Q_EMIT finished(m_description);
}

QString DeviceProbe::serviceUrl(const char* ns) const
{
    return m_description.services.value(QLatin1String(ns), m_description.deviceUrl);
}

void DeviceProbe::start()
{
    // However the camera answers (slowly, or with thousands of profiles), a probe ends.
    const int deadlineMs = qMax(kMinDeadlineMs, kDeadlineCalls * m_client.timeoutMs());
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this, deadlineMs] {
        fail(Error {Error::Code::Timeout,
                tr("The camera at %1 did not finish describing itself within %2 seconds.")
                        .arg(m_client.displayAddress())
                        .arg(deadlineMs / 1000),
                {}});
    });
    m_deadline.start(deadlineMs);
    m_client.syncClock([this](Result<qint64> offset) {
        if (m_finished)
            return;
        // A camera that hides its clock can still be used, with tokens dated in our time.
        if (!offset && offset.error().code != Error::Code::Protocol
                && offset.error().code != Error::Code::AuthenticationFailed) {
            fail(offset.error());
            return;
        }
        services();
    });
}

void DeviceProbe::services()
{
    if (m_finished)
        return;
    m_client.call(m_description.deviceUrl,
            QStringLiteral("<GetServices xmlns=\"http://www.onvif.org/ver10/device/wsdl\">"
                           "<IncludeCapability>false</IncludeCapability></GetServices>"),
            [this](Result<XmlElement> answer) {
                if (!answer) {
                    if (answer.error().code == Error::Code::AuthenticationFailed
                            || answer.error().code == Error::Code::Unreachable
                            || answer.error().code == Error::Code::Timeout) {
                        fail(answer.error());
                        return;
                    }
                    capabilities(); // older devices: GetCapabilities only
                    return;
                }
                const QHash<QString, QString> found = parseServices(answer.value());
                for (auto it = found.cbegin(); it != found.cend(); ++it)
                    m_description.services.insert(it.key(), m_client.rewrite(it.value()));
                if (!m_description.services.contains(QLatin1String(ns::kMedia))
                        && !m_description.services.contains(QLatin1String(ns::kMedia2))) {
                    capabilities();
                    return;
                }
                deviceInformation();
            });
}

void DeviceProbe::capabilities()
{
    if (m_finished)
        return;
    m_client.call(m_description.deviceUrl,
            QStringLiteral(
                    "<GetCapabilities "
                    "xmlns=\"http://www.onvif.org/ver10/device/wsdl\"><Category>All</Category>"
                    "</GetCapabilities>"),
            [this](Result<XmlElement> answer) {
                if (!answer) {
                    fail(answer.error());
                    return;
                }
                const QHash<QString, QString> found = parseCapabilities(answer.value());
                for (auto it = found.cbegin(); it != found.cend(); ++it)
                    m_description.services.insert(it.key(), m_client.rewrite(it.value()));
                deviceInformation();
            });
}

void DeviceProbe::deviceInformation()
{
    if (m_finished)
        return;
    m_description.usesMedia2 = m_description.services.contains(QLatin1String(ns::kMedia2));
    m_description.hasPtz = m_description.services.contains(QLatin1String(ns::kPtz));
    m_description.hasEvents = m_description.services.contains(QLatin1String(ns::kEvents));
    m_client.call(m_description.deviceUrl,
            QStringLiteral(
                    "<GetDeviceInformation xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"),
            [this](Result<XmlElement> answer) {
                // Some firmwares send broken XML here: the camera is still usable without it.
                if (answer)
                    m_description.info = parseDeviceInformation(answer.value());
                else if (answer.error().code == Error::Code::AuthenticationFailed)
                    return fail(answer.error());
                scopes();
            });
}

void DeviceProbe::scopes()
{
    if (m_finished)
        return;
    m_client.call(m_description.deviceUrl,
            QStringLiteral("<GetScopes xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"),
            [this](Result<XmlElement> answer) {
                // Optional: the camera's own name, as its installer set it.
                if (answer) {
                    const XmlElement* response
                            = soapBody(answer.value())->child(u"GetScopesResponse");
                    for (const XmlElement* scope : response ? response->childrenNamed(u"Scopes")
                                                            : QList<const XmlElement*>()) {
                        const QString item = scope->textAt({u"ScopeItem"});
                        const QString prefix = QStringLiteral("onvif://www.onvif.org/name/");
                        if (item.startsWith(prefix, Qt::CaseInsensitive)
                                && m_description.name.isEmpty())
                            m_description.name
                                    = QUrl::fromPercentEncoding(item.mid(prefix.size()).toUtf8());
                    }
                }
                profiles();
            });
}

void DeviceProbe::profiles()
{
    if (m_finished)
        return;
    const bool media2 = m_description.usesMedia2;
    const QString body = media2
            ? QStringLiteral("<GetProfiles "
                             "xmlns=\"http://www.onvif.org/ver20/media/wsdl\"><Type>All</Type></"
                             "GetProfiles>")
            : QStringLiteral("<GetProfiles xmlns=\"http://www.onvif.org/ver10/media/wsdl\"/>");
    m_client.call(
            serviceUrl(media2 ? ns::kMedia2 : ns::kMedia), body, [this](Result<XmlElement> answer) {
                if (!answer) {
                    fail(answer.error());
                    return;
                }
                m_description.profiles = parseProfiles(answer.value());
                if (m_description.profiles.size() > kMaxProfiles) {
                    qCInfo(lcOnvif)
                            << m_client.displayAddress() << "lists" << m_description.profiles.size()
                            << "profiles; the first" << kMaxProfiles << "are read";
                    m_description.profiles.resize(kMaxProfiles);
                }
                if (m_description.profiles.isEmpty()) {
                    fail(Error {Error::Code::Protocol,
                            tr("The camera at %1 offers no video profile.")
                                    .arg(m_client.displayAddress()),
                            {}});
                    return;
                }
                const auto [main, sub] = DeviceDescription::chooseStreams(m_description.profiles);
                m_description.mainProfile = main;
                m_description.subProfile = sub;
                uris(0);
            });
}

void DeviceProbe::uris(int index)
{
    if (m_finished)
        return;
    if (index >= m_description.profiles.size()) {
        succeed();
        return;
    }
    const bool media2 = m_description.usesMedia2;
    const QString token = xmlEscape(m_description.profiles.at(index).token);
    const QString streamBody = media2
            ? QStringLiteral(
                    "<GetStreamUri "
                    "xmlns=\"http://www.onvif.org/ver20/media/wsdl\"><Protocol>RTSP</Protocol>"
                    "<ProfileToken>%1</ProfileToken></GetStreamUri>")
                      .arg(token)
            : QStringLiteral(
                    "<GetStreamUri xmlns=\"http://www.onvif.org/ver10/media/wsdl\"><StreamSetup>"
                    "<Stream xmlns=\"http://www.onvif.org/ver10/schema\">RTP-Unicast</Stream>"
                    "<Transport "
                    "xmlns=\"http://www.onvif.org/ver10/schema\"><Protocol>RTSP</Protocol></"
                    "Transport>"
                    "</StreamSetup><ProfileToken>%1</ProfileToken></GetStreamUri>")
                      .arg(token);
    const QString snapshotBody
            = QStringLiteral(
                    "<GetSnapshotUri xmlns=\"%1\"><ProfileToken>%2</ProfileToken></GetSnapshotUri>")
                      .arg(QLatin1String(media2 ? ns::kMedia2 : ns::kMedia), token);
    const QString url = serviceUrl(media2 ? ns::kMedia2 : ns::kMedia);
    m_client.call(url, streamBody, [this, index, url, snapshotBody](Result<XmlElement> stream) {
        if (stream)
            m_description.profiles[index].streamUri = m_client.rewrite(
                    parseMediaUri(stream.value()), OnvifClient::AddressKind::Media);
        else if (m_description.profiles.at(index).isVideoStream())
            return fail(stream.error());
        m_client.call(url, snapshotBody, [this, index](Result<XmlElement> snapshot) {
            // Snapshots are optional: many cameras fail here, and a frame can come from the stream.
            if (snapshot)
                m_description.profiles[index].snapshotUri = m_client.rewrite(
                        parseMediaUri(snapshot.value()), OnvifClient::AddressKind::Media);
            uris(index + 1);
        });
    });
}

} // namespace vigil::onvif
