#pragma once

#include <QString>

namespace vigil::runtime {

/// Versions shown in the About dialog and `vigilctl info`: the libraries Vigil runs on, as the
/// running process actually loaded them (not the headers it was built against).
struct LibraryVersions
{
    QString vigil;
    QString qt;
    QString ffmpeg;
    QString opencv;
    QString sqlite;
    QString sodium;
};

LibraryVersions libraryVersions();

/// "vigil 0.1.0": what `--version` prints.
QString versionLine();

} // namespace vigil::runtime
