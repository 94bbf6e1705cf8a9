#include "core/runtime/command_line.h"

#include "core/runtime/data_dir.h"
#include "vigil_version.h"

#include <QCommandLineParser>
#include <QDir>

namespace vigil::runtime {

void CommandLine::setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION_STRING));
    QCoreApplication::setOrganizationName(QString());
}

void CommandLine::addCommonOptions(QCommandLineParser& parser)
{
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(QStringLiteral("data-dir"),
            tr("Folder for the catalog, recordings and logs (default: %1).")
                    .arg(QDir::toNativeSeparators(DataDir::defaultPath())),
            tr("folder")));
    parser.addOption(QCommandLineOption(QStringLiteral("lang"),
            tr("Language of the interface, e.g. en or es (default: the system's)."), tr("code")));
}

CommonOptions CommandLine::commonOptions(const QCommandLineParser& parser)
{
    return CommonOptions {
            parser.value(QStringLiteral("data-dir")), parser.value(QStringLiteral("lang"))};
}

QString CommandLine::preScanLang(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if ((arg == QLatin1String("--lang") || arg == QLatin1String("-lang"))
                && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arg.startsWith(QLatin1String("--lang=")))
            return arg.mid(7);
    }
    return {};
}

} // namespace vigil::runtime
