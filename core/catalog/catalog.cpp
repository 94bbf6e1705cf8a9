#include "core/catalog/catalog.h"

#include "core/logging_categories.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <atomic>
#include <mutex>
#include <optional>

namespace vigil::catalog {

namespace {

// SQLite primary result codes (sqlite3.h); Qt reports them as nativeErrorCode().
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteNotADb = 26;

const QByteArray kSqliteMagic("SQLite format 3\0", 16);

/// A name no other connection of this process has.
QString nextConnectionName()
{
    static std::atomic<int> counter {0};
    return QStringLiteral("vigil-catalog-%1").arg(counter.fetch_add(1));
}

QString nativePath(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

/// The catalog files this process has connections to, and how many: a file that is open here
/// already was checked, and must not be opened and closed by anything but SQLite again (closing
/// any descriptor of a file drops every POSIX lock the process holds on it, SQLite's included:
/// another program would then take the catalog for unused and delete its write-ahead log under
/// the connections here, whose later writes would go to the deleted file).
std::mutex g_openMutex;
QHash<QString, int> g_openFiles;

QString fileKey(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

Catalog::Catalog(QString path, QString connectionName, int busyTimeoutMs)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_busyTimeoutMs(busyTimeoutMs)
{
    const std::lock_guard lock(g_openMutex);
    ++g_openFiles[fileKey(m_path)];
}

Catalog::~Catalog()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    const std::lock_guard lock(g_openMutex);
    const QString key = fileKey(m_path);
    if (--g_openFiles[key] <= 0)
        g_openFiles.remove(key);
}

int Catalog::latestSchemaVersion()
{
    return schemaMigrations().empty() ? 0 : schemaMigrations().back().version;
}

Result<std::unique_ptr<Catalog>> Catalog::open(const QString& path)
{
    return open(path, Options {});
}

Result<std::unique_ptr<Catalog>> Catalog::open(const QString& path, Options options)
{
    if (options.migrations.empty())
        options.migrations = schemaMigrations();

    // Look at the file before SQLite does: never let the driver touch something that is not an
    // SQLite database (it would not overwrite it, but we promise the file is left untouched).
    // The file is closed again before SQLite opens it: closing any descriptor of a file drops
    // every POSIX lock this process holds on it, SQLite's included (other programs would then
    // take the catalog for unused and delete its write-ahead log under the recorder).
    bool openHere = false;
    {
        const std::lock_guard lock(g_openMutex);
        openHere = g_openFiles.contains(fileKey(path));
    }
    if (QFile file(path); !openHere && file.exists() && file.size() > 0) {
        if (!file.open(QIODevice::ReadOnly)) {
            return Error {Error::Code::NotWritable,
                    tr("Cannot read the catalog \"%1\". Check its permissions.")
                            .arg(nativePath(path)),
                    file.errorString()};
        }
        if (file.read(kSqliteMagic.size()) != kSqliteMagic) {
            return Error {Error::Code::Corrupt,
                    tr("\"%1\" is not a Vigil catalog: it is not an SQLite database, or it is "
                       "damaged. Vigil left it untouched. Restore it from a backup, or move it "
                       "away to start a new catalog.")
                            .arg(nativePath(path)),
                    {}};
        }
    }

    std::unique_ptr<Catalog> catalog(
            new Catalog(path, nextConnectionName(), options.busyTimeoutMs));
    const QString name = catalog->m_connectionName;
    {
        if (options.readOnly && !QFileInfo::exists(path))
            return Error {Error::Code::NotFound,
                    tr("There is no catalog in \"%1\" yet, and Vigil may not create one there.")
                            .arg(nativePath(QFileInfo(path).absolutePath())),
                    {}};
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString connectOptions
                = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeoutMs);
        if (!options.readOnly) {
            db.setDatabaseName(path);
        } else if (QFileInfo::exists(path + QStringLiteral("-wal"))
                || QFileInfo(QFileInfo(path).absolutePath()).isWritable()) {
            // A recorder has it open, or may open it while this reads (a player, a timeline):
            // read beside it through the shared WAL index, which SQLite makes when missing.
            db.setDatabaseName(path);
            connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
        } else {
            // Nobody has it open, and SQLite may not create the WAL files in a folder this user
            // cannot write: read the file as it is (a snapshot; changes made later are not
            // seen).
            db.setDatabaseName(QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded)
                    + QStringLiteral("?immutable=1"));
            connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
        }
        db.setConnectOptions(connectOptions);
        catalog->m_readerDatabaseName = db.databaseName();
        catalog->m_readerOptions = options.readOnly
                ? connectOptions
                : connectOptions + QStringLiteral(";QSQLITE_OPEN_READONLY");
        if (!db.open()) {
            return Error {Error::Code::NotWritable,
                    tr("Cannot open the catalog \"%1\".").arg(nativePath(path)),
                    db.lastError().text()};
        }
    }
    if (Result<void> init = catalog->initialize(options); !init)
        return init.error();
    return catalog;
}

Result<std::unique_ptr<Catalog>> Catalog::openSibling(
        const QString& databaseName, const QString& connectOptions) const
{
    std::unique_ptr<Catalog> sibling(new Catalog(m_path, nextConnectionName(), m_busyTimeoutMs));
    sibling->m_dialect = m_dialect;
    sibling->m_schemaVersion = m_schemaVersion;
    sibling->m_readerDatabaseName = m_readerDatabaseName;
    sibling->m_readerOptions = m_readerOptions;
    QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), sibling->m_connectionName);
    db.setDatabaseName(databaseName);
    db.setConnectOptions(connectOptions);
    if (!db.open()) {
        return Error {Error::Code::NotWritable,
                tr("Cannot open the catalog \"%1\".").arg(nativePath(m_path)),
                db.lastError().text()};
    }
    return sibling;
}

Result<std::unique_ptr<Catalog>> Catalog::openReader() const
{
    return openSibling(m_readerDatabaseName, m_readerOptions);
}

Result<std::unique_ptr<Catalog>> Catalog::openWriter() const
{
    Result<std::unique_ptr<Catalog>> writer
            = openSibling(m_path, QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!writer)
        return writer;
    QSqlQuery query(QSqlDatabase::database(writer.value()->m_connectionName, false));
    if (!query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"))
            || !query.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return sqlError(query.lastError(), tr("opening the catalog"));
    return writer;
}

Result<void> Catalog::initialize(const Options& options)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);

    // Read what is there first; every statement up to the migrations only reads.
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'")))
        return sqlError(query.lastError(), tr("reading the catalog"));
    QStringList tables;
    while (query.next())
        tables << query.value(0).toString();
    tables.removeAll(QStringLiteral("sqlite_sequence"));

    if (tables.contains(QStringLiteral("schema_version"))) {
        if (!query.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !query.next())
            return sqlError(query.lastError(), tr("reading the schema version"));
        m_schemaVersion = query.value(0).toInt();
    } else if (!tables.isEmpty()) {
        return Error {Error::Code::NotACatalog,
                tr("\"%1\" is an SQLite database, but not a Vigil catalog. Vigil left it "
                   "untouched; choose another data folder with --data-dir.")
                        .arg(nativePath(m_path)),
                tables.join(QLatin1String(", "))};
    }

    const int latest = options.migrations.empty() ? 0 : options.migrations.back().version;
    if (m_schemaVersion > latest) {
        return Error {Error::Code::NewerSchema,
                tr("The catalog \"%1\" was written by a newer version of Vigil (catalog version "
                   "%2; this Vigil knows up to version %3). Install the newer Vigil again; the "
                   "catalog was not changed.")
                        .arg(nativePath(m_path))
                        .arg(m_schemaVersion)
                        .arg(latest),
                {}};
    }

    if (options.readOnly) {
        if (m_schemaVersion < latest)
            return Error {Error::Code::NotWritable,
                    tr("The catalog \"%1\" is from an older Vigil and must be upgraded, but Vigil "
                       "may only read it here. Start the recorder (or run Vigil as its user) once "
                       "to upgrade it.")
                            .arg(nativePath(m_path)),
                    {}};
        return {};
    }

    // WAL: readers never block the recorder's writes; NORMAL sync is crash-safe in WAL mode.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
        return sqlError(query.lastError(), tr("switching the catalog to WAL mode"));
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcCatalog) << "catalog journal mode is" << query.value(0).toString();
    if (!query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"))
            || !query.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return sqlError(query.lastError(), tr("configuring the catalog"));

    return migrate(options, latest);
}

Result<void> Catalog::migrate(const Options& options, int latest)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    for (const Migration& migration : options.migrations) {
        if (migration.version <= m_schemaVersion)
            continue;
        qCInfo(lcCatalog) << "migrating catalog" << m_path << "to version" << migration.version
                          << "of" << latest << ":" << migration.description;
        if (!db.transaction())
            return sqlError(db.lastError(), tr("starting a catalog upgrade"));

        QStringList statements;
        if (m_schemaVersion == 0) {
            statements << QStringLiteral(
                    "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                    "description TEXT NOT NULL, applied_ms BIGINT NOT NULL)");
        }
        statements << migration.statements;
        const int count = int(statements.size() + (migration.code ? 1 : 0) + migration.then.size());
        const auto failed = [&](Error e) {
            db.rollback();
            if (e.code == Error::Code::Database)
                e.code = Error::Code::MigrationFailed;
            return e;
        };

        QSqlQuery query(db);
        const auto run = [&](const QStringList& list, int first) -> std::optional<Error> {
            for (int i = 0; i < list.size(); ++i) {
                if (options.onMigrationStep)
                    options.onMigrationStep(migration.version, first + i, count);
                const QString sql = expandDialect(list.at(i), m_dialect);
                if (!sql.isEmpty() && !query.exec(sql)) {
                    return sqlError(query.lastError(),
                            tr("upgrading the catalog to version %1").arg(migration.version));
                }
            }
            return std::nullopt;
        };
        if (std::optional<Error> error = run(statements, 0))
            return failed(*error);
        if (migration.code) {
            if (options.onMigrationStep)
                options.onMigrationStep(migration.version, int(statements.size()), count);
            if (Result<void> done = migration.code(m_connectionName, m_dialect); !done)
                return failed(done.error());
        }
        if (std::optional<Error> error
                = run(migration.then, int(statements.size() + (migration.code ? 1 : 0))))
            return failed(*error);
        query.prepare(QStringLiteral(
                "INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)"));
        query.addBindValue(migration.version);
        query.addBindValue(QString::fromUtf8(migration.description));
        query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!query.exec() || !db.commit()) {
            const QSqlError error
                    = query.lastError().isValid() ? query.lastError() : db.lastError();
            db.rollback();
            return sqlError(
                    error, tr("upgrading the catalog to version %1").arg(migration.version));
        }
        m_schemaVersion = migration.version;
    }
    return {};
}

Error Catalog::sqlError(const QSqlError& error, const QString& during) const
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    const QString detail = error.text();
    qCWarning(lcCatalog) << "catalog error while" << during << ":" << detail;
    switch (code) {
    case kSqliteBusy:
    case kSqliteLocked:
        return Error {Error::Code::Busy,
                tr("The catalog \"%1\" stayed locked by another program (another Vigil, or a "
                   "database tool) for %2 seconds while %3. Close that program and try again.")
                        .arg(nativePath(m_path))
                        .arg(m_busyTimeoutMs / 1000.0, 0, 'g', 3)
                        .arg(during),
                detail};
    case kSqliteCorrupt:
    case kSqliteNotADb:
        return Error {Error::Code::Corrupt,
                tr("The catalog \"%1\" is damaged (found while %2). Vigil left it untouched. "
                   "Restore it from a backup, or move it away to start a new catalog.")
                        .arg(nativePath(m_path), during),
                detail};
    case kSqliteFull:
        return Error {Error::Code::Io,
                tr("The disk holding the catalog \"%1\" is full (while %2). Free some space.")
                        .arg(nativePath(m_path), during),
                detail};
    case kSqliteReadOnly:
    case kSqliteCantOpen:
    case kSqliteIoErr:
        return Error {Error::Code::NotWritable,
                tr("Vigil cannot write the catalog \"%1\" (while %2). Check the permissions "
                   "and the disk.")
                        .arg(nativePath(m_path), during),
                detail};
    default:
        return Error {Error::Code::Database, tr("A catalog error happened while %1.").arg(during),
                detail};
    }
}

} // namespace vigil::catalog
