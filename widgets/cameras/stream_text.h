#pragma once

#include "core/catalog/camera_store.h"
#include "core/onvif/onvif_parsers.h"

#include <QCoreApplication>

namespace vigil::widgets {

/// How lists of cameras name a stream: "1920×1080 H264, 25 fps".
class StreamText
{
    Q_DECLARE_TR_FUNCTIONS(vigil::widgets::StreamText)

public:
    static QString of(const onvif::MediaProfile& profile);
    static QString of(const catalog::StreamRecord& stream);
    /// The streams a camera records: its main stream ("1920×1080 H264, 25 fps"), and the sub
    /// stream when that is recorded too.
    static QString recorded(const catalog::CameraRecord& camera);
};

} // namespace vigil::widgets
