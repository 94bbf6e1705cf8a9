#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

class QCommandLineParser;

namespace vigil::runtime {

/// Options every Vigil executable takes: --data-dir, --lang and --version.
struct CommonOptions
{
    QString dataDir;
    QString lang;
};

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(vigil::runtime::CommandLine)

public:
    /// Sets the application name and version that QStandardPaths and --version use; every
    /// executable calls it first so they all share one default data folder.
    static void setApplicationIdentity();
    static void addCommonOptions(QCommandLineParser& parser);
    static CommonOptions commonOptions(const QCommandLineParser& parser);
    /// The --lang value found by a quick scan of argv, before the translators (and so the
    /// translated help texts) exist.
    static QString preScanLang(const QStringList& arguments);
};

} // namespace vigil::runtime
