#pragma once

#include <QCoreApplication>

class QTextStream;

namespace vigil::runtime {
class AppContext;
}

namespace vigil::app {

/// `vigilctl status [--json]`: asks the recorder of a data folder (vigil-recorder, or a
/// `vigilctl record`) for its state: per camera online, recording and the last error; alerts.
class CtlStatus
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CtlStatus)

public:
    static int run(const QString& dataDir, bool json, QTextStream& out, QTextStream& err);
    /// Asks a running recorder of the folder to read cameras and settings again (after camera
    /// add, remove, record); nothing when none runs.
    static void reloadRecorder(const QString& dataDir);
    /// `vigilctl alerts [--camera ID] [--json]` and `vigilctl alerts ack ID|all`.
    static int alerts(runtime::AppContext& context, const QStringList& args, qint64 camera,
            bool json, QTextStream& out, QTextStream& err);
};

} // namespace vigil::app
