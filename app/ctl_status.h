#pragma once

#include "core/control/control_protocol.h"

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
    /// `credentials`: the Vigil user's login (once an administrator exists, the recorder
    /// answers nobody else).
    static int run(const QString& dataDir, const control::Credentials& credentials, bool json,
            QTextStream& out, QTextStream& err);
    /// Asks a running recorder of the folder to read cameras and settings again (after camera
    /// add, remove, record); nothing when none runs.
    static void reloadRecorder(const QString& dataDir, const control::Credentials& credentials);
    /// `vigilctl alerts [--camera ID] [--json]` and `vigilctl alerts ack ID|all`.
    static int alerts(runtime::AppContext& context, const QStringList& args, qint64 camera,
            bool json, QTextStream& out, QTextStream& err);
};

} // namespace vigil::app
