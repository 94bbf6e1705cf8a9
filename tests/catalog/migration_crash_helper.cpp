// Test helper: opens a catalog and kills itself (SIGKILL-like: std::_Exit, no clean-up, no
// rollback) just before statement N of migration V runs — a crash in the middle of a migration.
// Usage: migration_crash_helper CATALOG VERSION STATEMENT [real|synthetic]
#include "core/catalog/catalog.h"
#include "synthetic_migrations.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4)
        return 64;
    const int crashVersion = args.at(2).toInt();
    const int crashStatement = args.at(3).toInt();

    vigil::catalog::Catalog::Options options;
    if (args.value(4) == QLatin1String("synthetic"))
        options.migrations = vigil::test::syntheticMigrations();
    options.onMigrationStep = [&](int version, int statement, int) {
        if (version == crashVersion && statement == crashStatement) {
            std::fputs("crashing mid-migration\n", stderr);
            std::_Exit(42);
        }
    };
    const auto catalog = vigil::catalog::Catalog::open(args.at(1), options);
    std::fprintf(stderr, "migration did not reach the crash point\n");
    return catalog ? 0 : 1;
}
