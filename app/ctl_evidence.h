#pragma once

#include "core/security/access.h"

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace vigil::runtime {
class AppContext;
}

namespace vigil::app {

/// `vigilctl export | verify`: evidence packages without a GUI.
class CtlEvidence
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CtlEvidence)

public:
    static bool handles(const QString& command);
    /// `verify DIR` needs no data folder: anyone holding a package may check it. Exit 0 when
    /// it holds, 1 naming the first file that does not.
    static int verify(const QStringList& args, bool json, QTextStream& out, QTextStream& err);
    /// `redact --replay DIR`: renders the package's redacted videos again and compares hashes
    /// (exit 0 when identical, 1 when not). Needs the data folder only for a package without its
    /// original.
    static int replay(const QStringList& args, const QString& dataDir, bool json, QTextStream& out,
            QTextStream& err);
    /// `export …` as `who`.
    static int exportPackage(QCommandLineParser& parser, runtime::AppContext& context,
            const security::Principal& who, QTextStream& out, QTextStream& err);
};

} // namespace vigil::app
