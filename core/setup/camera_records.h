#pragma once

#include "core/catalog/camera_store.h"
#include "core/onvif/device_probe.h"

#include <QUrl>

namespace vigil::setup {

/// The catalog record for an ONVIF camera that was probed: identity, chosen main and sub
/// streams, capabilities, user name and the sealed password.
catalog::CameraRecord recordFromProbe(const onvif::DeviceDescription& device, const QString& user,
        const QByteArray& sealedSecret, const QString& name = {});

/// The record for a camera known only by its RTSP URL (no ONVIF): one main stream. Credentials
/// in the URL are moved out of it.
catalog::CameraRecord recordFromRtspUrl(
        QUrl url, const QString& user, const QByteArray& sealedSecret, const QString& name = {});

/// Refuses stream addresses that are not rtsp:// or rtsps:// (a camera's answer could name a local
/// file or an FFmpeg pseudo-protocol) and takes credentials out of the others.
Result<void> checkStreamUris(catalog::CameraRecord& record);

/// What saveCamera() did.
struct SavedCamera
{
    qint64 id = 0;
    bool moved = false; ///< the camera was already in Vigil at another address, now updated
    QString name; ///< as Vigil knows it (the existing camera's name when it moved)
    QString previousAddress;
};

/// Adds `record` to the catalog, unless it is a camera Vigil already has (CameraStore::findSame):
/// at the same address it is refused ("already in Vigil"); at another address (DHCP moved it)
/// the existing camera is updated to the new address, so its recordings continue under it.
Result<SavedCamera> saveCamera(catalog::CameraStore& store, const catalog::CameraRecord& record);

/// A camera already in Vigil, as the setup wizard needs to recognise it when discovery finds it
/// again (it marks such cameras instead of adding them twice).
struct KnownCamera
{
    qint64 id = 0;
    QString name;
    QString endpoint;
    QString deviceUrl;
};

/// What a camera is called when its installer gave it no name: "Vendor Model (host)".
QString defaultName(const QString& vendor, const QString& model, const QString& address);

} // namespace vigil::setup
