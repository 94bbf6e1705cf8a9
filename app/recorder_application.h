#pragma once

#include <QCoreApplication>

namespace vigil::app {

/// The body of `vigil-recorder`'s main(): the recording service of one data folder, headless.
/// Exit codes as vigilctl's (ExitOk, ExitUsage, ExitCannotOpen, ExitFailed).
int runRecorder(QCoreApplication& application);

} // namespace vigil::app
