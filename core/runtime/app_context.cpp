#include "core/runtime/app_context.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/settings_store.h"
#include "core/logging_categories.h"
#include "core/runtime/library_versions.h"
#include "core/runtime/log_file.h"
#include "core/security/key_files.h"

namespace vigil::runtime {

AppContext::AppContext(DataDir dir)
    : m_dataDir(std::move(dir))
{ }

AppContext::~AppContext()
{
    m_cameras.reset();
    m_settings.reset();
    m_catalog.reset();
    if (m_ownsLog)
        LogFile::uninstall();
}

Result<std::unique_ptr<AppContext>> AppContext::open(const Options& options)
{
    const QString path = options.dataDir.isEmpty() ? DataDir::defaultPath() : options.dataDir;
    Result<DataDir> dir = DataDir::open(path);
    if (!dir && dir.error().code == Error::Code::NotWritable && options.readOnlyFallback
            && options.ownership == Ownership::Shared) {
        if (Result<DataDir> readable = DataDir::openForReading(path))
            dir = std::move(readable);
    }
    if (!dir)
        return dir.error();
    const bool readOnly = dir->isReadOnly();
    std::unique_ptr<AppContext> context(new AppContext(std::move(dir).value()));

    if (options.ownership == Ownership::Exclusive) {
        Result<std::unique_ptr<InstanceLock>> lock = InstanceLock::acquire(context->m_dataDir);
        if (!lock)
            return lock.error();
        context->m_lock = std::move(lock).value();
    }

    if (!options.logBaseName.isEmpty() && !readOnly) {
        LogFile::Options log;
        log.directory = context->m_dataDir.logsPath();
        log.baseName = options.logBaseName;
        log.consoleMinLevel = options.consoleMinLevel;
        context->m_ownsLog = LogFile::install(log);
        if (!context->m_ownsLog)
            qCWarning(lcRuntime) << "cannot write the log file in" << log.directory;
    }
    qCInfo(lcRuntime).noquote() << versionLine() << "starting with data folder"
                                << context->m_dataDir.path();

    if (!readOnly) {
        for (const QString& path : security::KeyFiles::repairModes(context->m_dataDir.keysPath()))
            qCWarning(lcRuntime).noquote()
                    << "key file" << path
                    << "could be read by other users of this computer; it is the owner's alone now";
    }

    catalog::Catalog::Options catalogOptions;
    catalogOptions.busyTimeoutMs = options.busyTimeoutMs;
    catalogOptions.readOnly = readOnly;
    Result<std::unique_ptr<catalog::Catalog>> catalog
            = catalog::Catalog::open(context->m_dataDir.catalogPath(), catalogOptions);
    if (!catalog)
        return catalog.error();
    context->m_catalog = std::move(catalog).value();
    context->m_settings = std::make_unique<catalog::SettingsStore>(*context->m_catalog);
    context->m_cameras = std::make_unique<catalog::CameraStore>(*context->m_catalog);
    return context;
}

} // namespace vigil::runtime
