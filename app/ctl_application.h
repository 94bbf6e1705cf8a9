#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace vigil::app {

/// Exit codes of `vigilctl`, documented in README.md.
enum CtlExitCode {
    ExitOk = 0,
    ExitUsage = 1, ///< unknown command or bad arguments
    ExitCannotOpen = 2, ///< data folder or catalog unusable (message on stderr)
    ExitFailed = 3, ///< the command itself failed (message on stderr)
};

/// The body of `vigilctl`'s main(): core only, no widgets. Returns the process exit code.
int runCtl(QCoreApplication& application);

} // namespace vigil::app
