#pragma once

#include "core/result.h"
#include "core/runtime/data_dir.h"

#include <QCoreApplication>

#include <memory>

namespace vigil::catalog {
class Catalog;
class CameraStore;
class SettingsStore;
} // namespace vigil::catalog

namespace vigil::runtime {

/// Everything an executable opens before it does its job, in order: the data folder, the instance
/// lock (for owners), the log file and the catalog with its stores. Shared by `vigil` and
/// `vigilctl`, so both refuse bad data folders with the same translated messages.
class AppContext
{
public:
    enum class Ownership {
        Exclusive, ///< the GUI and the headless recorder: one per data folder
        Shared, ///< short command-line tasks that may run beside a running Vigil
    };

    struct Options
    {
        QString dataDir; ///< empty: DataDir::defaultPath()
        Ownership ownership = Ownership::Exclusive;
        int busyTimeoutMs = 5000;
        QString logBaseName = QStringLiteral("vigil"); ///< empty: no log file
        QtMsgType consoleMinLevel = QtDebugMsg; ///< see LogFile::Options
        /// A folder this user cannot write is opened for reading (read-only commands): no lock,
        /// no log file, the catalog read-only. Otherwise such a folder is an error.
        bool readOnlyFallback = false;
    };

    static Result<std::unique_ptr<AppContext>> open(const Options& options);
    ~AppContext();

    const DataDir& dataDir() const { return m_dataDir; }
    catalog::Catalog& catalog() { return *m_catalog; }
    catalog::SettingsStore& settings() { return *m_settings; }
    catalog::CameraStore& cameras() { return *m_cameras; }

private:
    explicit AppContext(DataDir dir);

    DataDir m_dataDir;
    std::unique_ptr<InstanceLock> m_lock;
    std::unique_ptr<catalog::Catalog> m_catalog;
    std::unique_ptr<catalog::SettingsStore> m_settings;
    std::unique_ptr<catalog::CameraStore> m_cameras;
    bool m_ownsLog = false;
};

} // namespace vigil::runtime
