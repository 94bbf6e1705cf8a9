#pragma once

#include <QCoreApplication>

class QTextStream;

namespace vigil::app {

/// `vigilctl service install|uninstall|status [--json]`: the recorder as a systemd service for
/// Vigil unpacked from a tarball (runtime::ServiceInstaller).
class CtlService
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CtlService)

public:
    static int run(const QStringList& args, const QString& dataDir, bool json, QTextStream& out,
            QTextStream& err);
};

} // namespace vigil::app
