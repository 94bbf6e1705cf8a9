#pragma once

#include <QString>

namespace vigil::runtime {

/// A rotating log file (`vigil.log`, `vigil.1.log` … `vigil.N.log`) fed by Qt's message handler.
/// Every line passes maskSecrets() first, so credentials never reach the disk; messages are also
/// forwarded to the previous handler (stderr). Thread-safe: messages may come from any thread.
class LogFile
{
public:
    struct Options
    {
        QString directory;
        QString baseName = QStringLiteral("vigil");
        qint64 maxBytes = 5 * 1024 * 1024;
        int keepFiles = 5; ///< rotated files kept besides the current one
        /// Messages below this level go only to the file, not to stderr (command-line tools
        /// keep their output clean).
        QtMsgType consoleMinLevel = QtDebugMsg;
    };

    /// Installs the handler; returns false (and logs to stderr) when the folder is unusable.
    static bool install(const Options& options);
    /// Restores the previous message handler and closes the file.
    static void uninstall();
    /// Path of the file currently written, empty when not installed.
    static QString currentPath();
};

} // namespace vigil::runtime
