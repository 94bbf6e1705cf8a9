#include "app/ctl_privacy.h"

#include "app/ctl_application.h"
#include "core/catalog/camera_store.h"
#include "core/media/privacy_mask.h"
#include "core/runtime/app_context.h"

#include <QTextStream>

namespace vigil::app {

int CtlPrivacy::mask(
        runtime::AppContext& context, const QStringList& args, QTextStream& out, QTextStream& err)
{
    bool ok = false;
    const qint64 id = args.value(0).toLongLong(&ok);
    const QString action = args.value(1);
    const bool shape = args.size() == 1;
    const bool set = action == QLatin1String("set") && args.size() == 3;
    const bool clear = action == QLatin1String("clear") && args.size() == 2;
    if (!ok || !(shape || set || clear)) {
        err << tr("vigilctl: %1")
                        .arg(tr("use: camera mask ID | camera mask ID set '[[[x,y],[x,y],[x,y]]]' "
                                "| camera mask ID clear (x and y from 0 to 1)."))
            << Qt::endl;
        return ExitUsage;
    }
    catalog::CameraStore& cameras = context.cameras();
    if (shape) {
        const Result<QList<catalog::CameraRecord>> list = cameras.list();
        if (!list) {
            err << tr("vigilctl: %1").arg(list.error().message) << Qt::endl;
            return ExitFailed;
        }
        for (const catalog::CameraRecord& c : list.value()) {
            if (c.id == id) {
                out << (c.privacyMasks.isEmpty() ? QStringLiteral("[]") : c.privacyMasks)
                    << Qt::endl;
                return ExitOk;
            }
        }
        err << tr("vigilctl: %1").arg(tr("There is no camera %1.").arg(id)) << Qt::endl;
        return ExitFailed;
    }
    QString problem;
    const std::optional<media::PrivacyMask> mask
            = media::PrivacyMask::fromJson(set ? args.at(2) : QString(), &problem);
    if (!mask) {
        err << tr("vigilctl: %1").arg(problem) << Qt::endl;
        return ExitUsage;
    }
    if (const Result<void> stored = cameras.setPrivacyMasks(id, mask->toJson()); !stored) {
        err << tr("vigilctl: %1").arg(stored.error().message) << Qt::endl;
        return ExitFailed;
    }
    out << (mask->isEmpty() ? tr("Camera %1 has no privacy mask now.").arg(id)
                            : tr("Camera %1 has %n privacy mask(s) now.", nullptr,
                                    int(mask->polygons().size()))
                                      .arg(id))
        << Qt::endl;
    return ExitOk;
}

} // namespace vigil::app
