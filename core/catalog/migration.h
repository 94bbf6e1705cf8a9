#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <span>

namespace vigil::catalog {

/// SQL flavours the catalog is kept portable between. A single PC uses SQLite; towns that outgrow
/// one PC will share a PostgreSQL catalog between several headless recorders.
enum class Dialect { Sqlite, Postgres };

/// One step of the schema's history. Statements are written in the portable subset of SQL with
/// a few placeholders that expand per dialect (see expandDialect()):
///   {{id}}   auto-incrementing 64-bit primary key
///   {{blob}} binary column
///   {{now}}  current UTC time in milliseconds, as an SQL expression
/// A statement that begins with {{sqlite}} or {{postgres}} runs on that dialect only.
struct Migration
{
    /// Work that SQL alone cannot do (values re-encoded by Vigil's own rules), given the
    /// catalog's connection name; runs after `statements` and before `then`, in the same
    /// transaction.
    using Code = std::function<Result<void>(const QString& connectionName, Dialect dialect)>;

    int version = 0;
    const char* description = "";
    QStringList statements;
    Code code = {};
    QStringList then = {};
};

/// Called before each statement of a migration runs (inside its transaction), and before its
/// code (statementIndex = statements.size()): progress reporting, and crash-safety tests that
/// stop the process in the middle of a migration. statementCount counts the code as one.
using MigrationStepCallback
        = std::function<void(int version, int statementIndex, int statementCount)>;

/// `sql` for `dialect`: placeholders expanded; empty when it is for the other dialect only.
QString expandDialect(QString sql, Dialect dialect);

/// The catalog's schema history, oldest first; versions are 1, 2, 3 … without gaps.
std::span<const Migration> schemaMigrations();

} // namespace vigil::catalog
