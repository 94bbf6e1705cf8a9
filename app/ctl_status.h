#pragma once

#include <QCoreApplication>

class QTextStream;

namespace vigil::app {

/// `vigilctl status [--json]`: asks the recorder of a data folder (vigil-recorder, or a
/// `vigilctl record`) for its state: per camera online, recording and the last error; alerts.
class CtlStatus
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CtlStatus)

public:
    static int run(const QString& dataDir, bool json, QTextStream& out, QTextStream& err);
};

} // namespace vigil::app
