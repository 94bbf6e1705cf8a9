#include "core/setup/camera_records.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace vigil::setup {

namespace {

QString authName(onvif::AuthMethod method)
{
    switch (method) {
    case onvif::AuthMethod::WsUsernameToken:
        return QStringLiteral("ws-usernametoken");
    case onvif::AuthMethod::HttpDigest:
        return QStringLiteral("http-digest");
    case onvif::AuthMethod::None:
        return QStringLiteral("none");
    case onvif::AuthMethod::Unknown:
        break;
    }
    return {};
}

catalog::StreamRecord streamFrom(const onvif::MediaProfile& p, const char* role)
{
    // The sub stream is recorded only when asked for (scrubbing, analytics): it costs disk.
    return catalog::StreamRecord {QLatin1String(role), p.token, p.streamUri, p.encoding, p.width,
            p.height, p.fps, p.bitrateKbps, qstrcmp(role, "main") == 0};
}

} // namespace

Result<void> checkStreamUris(catalog::CameraRecord& record)
{
    // Only RTSP addresses are stored (a camera's answers could name a local file, an FFmpeg
    // pseudo-protocol or a cloud metadata service), and never with credentials in them: those
    // live sealed beside the record.
    for (catalog::StreamRecord& s : record.streams) {
        QUrl url(s.uri.trimmed());
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || url.host().isEmpty()
                || (scheme != QLatin1String("rtsp") && scheme != QLatin1String("rtsps"))) {
            return Error {Error::Code::Unsupported,
                    QCoreApplication::translate("vigil::setup",
                            "The camera gives \"%1\" as the address of its video; Vigil "
                            "records only from rtsp:// addresses.")
                            .arg(url.toString(QUrl::RemoveUserInfo).left(200)),
                    {}};
        }
        url.setUserInfo(QString());
        s.uri = url.toString();
    }
    return {};
}

Result<SavedCamera> saveCamera(catalog::CameraStore& store, const catalog::CameraRecord& given)
{
    catalog::CameraRecord record = given;
    if (Result<void> uris = checkStreamUris(record); !uris)
        return uris.error();
    const Result<std::optional<catalog::CameraRecord>> same = store.findSame(record);
    if (!same)
        return same.error();
    if (const std::optional<catalog::CameraRecord>& existing = same.value()) {
        if (existing->address() == record.address()) {
            return Error {Error::Code::InvalidArgument,
                    QCoreApplication::translate(
                            "vigil::setup", "This camera is already in Vigil (camera %1, \"%2\").")
                            .arg(existing->id)
                            .arg(existing->name),
                    {}};
        }
        if (Result<void> moved = store.moveTo(existing->id, record); !moved)
            return moved.error();
        return SavedCamera {existing->id, true, existing->name, existing->address()};
    }
    const Result<qint64> id = store.add(record);
    if (!id)
        return id.error();
    return SavedCamera {id.value(), false, record.name, {}};
}

QString defaultName(const QString& vendor, const QString& model, const QString& address)
{
    const QString what = QStringList {vendor, model}.join(u' ').trimmed();
    if (what.isEmpty())
        return QCoreApplication::translate("vigil::setup", "Camera at %1").arg(address);
    return QStringLiteral("%1 (%2)").arg(what, address);
}

catalog::CameraRecord recordFromProbe(const onvif::DeviceDescription& device, const QString& user,
        const QByteArray& sealedSecret, const QString& name)
{
    catalog::CameraRecord c;
    const QUrl url(device.deviceUrl);
    // Identity that survives address changes: the serial number when the camera has one.
    c.uuid = device.info.serial.isEmpty()
            ? QStringLiteral("onvif:") + url.host() + u':' + QString::number(url.port(80))
            : QStringLiteral("onvif-serial:%1/%2/%3")
                      .arg(device.info.manufacturer, device.info.model, device.info.serial);
    c.vendor = device.info.manufacturer;
    c.model = device.info.model;
    c.firmware = device.info.firmware;
    c.serial = device.info.serial;
    c.deviceUrl = device.deviceUrl;
    c.username = user;
    c.sealedSecret = sealedSecret;
    c.authMethod = authName(device.auth);
    c.clockOffsetMs = device.clockOffsetMs;
    c.hasPtz = device.hasPtz;
    c.hasEvents = device.hasEvents;
    c.name = !name.isEmpty()         ? name
            : !device.name.isEmpty() ? device.name
                                     : defaultName(c.vendor, c.model, url.host());
    if (device.mainProfile >= 0)
        c.streams << streamFrom(device.profiles.at(device.mainProfile), "main");
    if (device.subProfile >= 0)
        c.streams << streamFrom(device.profiles.at(device.subProfile), "sub");
    return c;
}

catalog::CameraRecord recordFromRtspUrl(
        QUrl url, const QString& user, const QByteArray& sealedSecret, const QString& name)
{
    url.setUserInfo(QString());
    catalog::CameraRecord c;
    c.uuid = QStringLiteral("rtsp:")
            + QString::fromLatin1(
                    QCryptographicHash::hash(url.toString().toUtf8(), QCryptographicHash::Sha1)
                            .toHex()
                            .left(20));
    c.username = user;
    c.sealedSecret = sealedSecret;
    c.name = name.isEmpty()
            ? QCoreApplication::translate("vigil::setup", "Camera at %1").arg(url.host())
            : name;
    c.streams << catalog::StreamRecord {QStringLiteral("main"), {}, url.toString(), {}, 0, 0, 0, 0};
    return c;
}

} // namespace vigil::setup
