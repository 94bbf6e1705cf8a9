#pragma once

#include "core/result.h"

#include <QCoreApplication>

namespace vigil::catalog {

class Catalog;

/// Cameras known to the catalog. Grows with camera setup (discovery and the wizard); for now it
/// answers what the status bar needs.
class CameraStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::CameraStore)

public:
    explicit CameraStore(Catalog& catalog);

    /// Cameras that were added and not removed.
    Result<int> activeCount() const;

private:
    Catalog& m_catalog;
};

} // namespace vigil::catalog
