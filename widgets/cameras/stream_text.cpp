#include "widgets/cameras/stream_text.h"

namespace vigil::widgets {

namespace {

QString format(int width, int height, const QString& codec, double fps)
{
    if (width <= 0 || height <= 0)
        return codec.isEmpty() ? StreamText::tr("unknown format") : codec;
    if (fps <= 0)
        return StreamText::tr("%1×%2 %3").arg(width).arg(height).arg(codec);
    return StreamText::tr("%1×%2 %3, %4 fps").arg(width).arg(height).arg(codec).arg(fps);
}

} // namespace

QString StreamText::of(const onvif::MediaProfile& p)
{
    return format(p.width, p.height, p.encoding, p.fps);
}

QString StreamText::of(const catalog::StreamRecord& s)
{
    return format(s.width, s.height, s.codec, s.fps);
}

QString StreamText::recorded(const catalog::CameraRecord& camera)
{
    const catalog::StreamRecord* main = camera.stream(u"main");
    const catalog::StreamRecord* sub = camera.stream(u"sub");
    const bool subRecorded = sub && sub->record;
    if (!main || !main->record)
        return subRecorded ? tr("sub stream only: %1").arg(of(*sub)) : tr("none");
    return subRecorded ? tr("%1, and the sub stream %2").arg(of(*main), of(*sub)) : of(*main);
}

} // namespace vigil::widgets
