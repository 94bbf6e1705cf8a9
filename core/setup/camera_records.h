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

/// What a camera is called when its installer gave it no name: "Vendor Model (host)".
QString defaultName(const QString& vendor, const QString& model, const QString& address);

} // namespace vigil::setup
