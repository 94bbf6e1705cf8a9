#pragma once

#include "core/catalog/migration.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QSqlError;

namespace vigil::catalog {

/// The catalog database: cameras, streams, the segment index, events, motion grids, bookmarks,
/// users, the audit log and settings, in one SQLite file (`<data-dir>/vigil.sqlite`, WAL mode,
/// foreign keys on).
///
/// open() validates before it writes: a file that is not SQLite, an SQLite file that is not a
/// Vigil catalog, or a catalog from a newer Vigil is refused with a translated message and left
/// byte-for-byte untouched. Pending migrations then run one transaction each.
///
/// Threading: the connection belongs to the thread that called open(); other threads open their
/// own Catalog on the same file (SQLite WAL allows one writer and many readers).
/// Other core classes reach the database by connectionName(); no SQL lives outside core/.
class Catalog
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::Catalog)

public:
    struct Options
    {
        /// How long a write waits for another program's lock before failing as Busy.
        int busyTimeoutMs = 5000;
        /// The schema history to apply; the real one unless a test replaces it.
        std::span<const Migration> migrations;
        MigrationStepCallback onMigrationStep;
        /// Opens an existing catalog for reading only (a folder this user may not write: the
        /// recorder's, seen by a member of its group; a read-only copy): nothing is written,
        /// no migration runs, and an out-of-date catalog is refused.
        bool readOnly = false;
    };

    static Result<std::unique_ptr<Catalog>> open(const QString& path);
    static Result<std::unique_ptr<Catalog>> open(const QString& path, Options options);
    ~Catalog();

    /// Another connection to this catalog, for reading only, for a worker thread: cheap (no
    /// checks and no migration: this one did them; nothing is ever written through it). Call it
    /// on the thread that will use it (a Qt SQL connection belongs to the thread that made it),
    /// while this catalog is open.
    Result<std::unique_ptr<Catalog>> openReader() const;
    /// Another connection to this catalog that may write, for a worker thread (the recorder's
    /// indexing and retention): no checks and no migration (this one did them), the same
    /// per-connection settings (foreign keys, synchronous). Same threading rule as openReader();
    /// not for a read-only catalog.
    Result<std::unique_ptr<Catalog>> openWriter() const;

    Catalog(const Catalog&) = delete;
    Catalog& operator=(const Catalog&) = delete;

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    Dialect dialect() const { return m_dialect; }
    int schemaVersion() const { return m_schemaVersion; }
    static int latestSchemaVersion();

    /// Turns a driver error into a translated Error: busy, corrupt, disk full, or generic.
    Error sqlError(const QSqlError& error, const QString& during) const;

private:
    Catalog(QString path, QString connectionName, int busyTimeoutMs);
    Result<void> initialize(const Options& options);
    /// A connection beside this one, sharing its checks (openReader, openWriter).
    Result<std::unique_ptr<Catalog>> openSibling(
            const QString& databaseName, const QString& connectOptions) const;
    Result<void> migrate(const Options& options, int latest);

    QString m_path;
    QString m_connectionName;
    Dialect m_dialect = Dialect::Sqlite;
    int m_busyTimeoutMs = 5000;
    int m_schemaVersion = 0;
    QString m_readerDatabaseName; ///< what openReader() gives SQLite
    QString m_readerOptions;
};

} // namespace vigil::catalog
