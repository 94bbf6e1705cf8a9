#pragma once

// For core/playback's .cpp files: each worker thread's own read-only catalog connection.

#include "core/catalog/catalog.h"

#include <memory>

namespace vigil::playback {

/// Opens `catalog` for reading on the calling thread, unless it is open already.
inline Result<void> openReader(std::unique_ptr<catalog::Catalog>& catalog, const QString& path)
{
    if (catalog)
        return {};
    catalog::Catalog::Options options;
    options.readOnly = true;
    Result<std::unique_ptr<catalog::Catalog>> opened = catalog::Catalog::open(path, options);
    if (!opened)
        return opened.error();
    catalog = std::move(opened).value();
    return {};
}

} // namespace vigil::playback
