#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace vigil::runtime {
class AppContext;
}

namespace vigil::app {

/// `vigilctl camera mask ID [set POLYGONS | clear]`: a camera's privacy masks, blacked out of
/// every picture Vigil shows, stores or analyses. POLYGONS is media::PrivacyMask's JSON:
/// `[[[x,y],[x,y],[x,y]], …]` in picture coordinates 0…1 (the window draws them on a snapshot).
class CtlPrivacy
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CtlPrivacy)

public:
    /// `args`: what follows "mask".
    static int mask(runtime::AppContext& context, const QStringList& args, QTextStream& out,
            QTextStream& err);
};

} // namespace vigil::app
