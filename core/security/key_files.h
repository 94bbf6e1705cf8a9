#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace vigil::security {

/// The data folder's keys (camera credentials, the audit log's signing key and checkpoint) are
/// for the owner alone. A copy, a restore or an unpacking by hand can leave them readable by
/// others; every Vigil program puts that right when it opens the folder.
class KeyFiles
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::KeyFiles)

public:
    /// An Ed25519 secret key (libsodium's 64-byte form) kept in `path`, owner-only; made there
    /// on first use when `create`, else an empty array when there is none.
    static Result<QByteArray> signingKey(const QString& path, bool create);
    /// Makes `dir` 0700 and every file in it 0600 where they allowed more; returns what was
    /// changed (for the log).
    static QStringList repairModes(const QString& dir);
    /// Makes the folder of `keyFile` when missing, the owner's alone from the start (0700).
    static bool makeFolderFor(const QString& keyFile);
};

} // namespace vigil::security
