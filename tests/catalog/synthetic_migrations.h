#pragma once

// A small made-up schema history (three versions) for testing the migration machinery itself:
// upgrades across several steps, rollbacks and newer-schema refusal.

#include "core/catalog/migration.h"

#include <array>

namespace vigil::test {

inline std::span<const catalog::Migration> syntheticMigrations(int upTo = 3)
{
    static const std::array<catalog::Migration, 3> kAll = {{
            {1, "notes",
                    {QStringLiteral("CREATE TABLE notes (id {{id}}, text TEXT NOT NULL)"),
                            QStringLiteral("CREATE INDEX notes_text ON notes (text)")}},
            {2, "note authors",
                    {QStringLiteral("CREATE TABLE authors (id {{id}}, name TEXT NOT NULL)"),
                            QStringLiteral("ALTER TABLE notes ADD COLUMN author_id BIGINT "
                                           "REFERENCES authors(id)"),
                            QStringLiteral("INSERT INTO authors (name) VALUES ('unknown')")}},
            {3, "note time",
                    {QStringLiteral(
                             "ALTER TABLE notes ADD COLUMN created_ms BIGINT NOT NULL DEFAULT 0"),
                            QStringLiteral("CREATE INDEX notes_created ON notes (created_ms)")}},
    }};
    return std::span<const catalog::Migration>(kAll).first(std::size_t(upTo));
}

/// Version 2 of the synthetic history, broken in its second statement.
inline std::span<const catalog::Migration> brokenSyntheticMigrations()
{
    static const std::array<catalog::Migration, 2> kBroken = {{
            syntheticMigrations()[0],
            {2, "broken",
                    {QStringLiteral("CREATE TABLE authors (id {{id}}, name TEXT NOT NULL)"),
                            QStringLiteral("ALTER TABLE no_such_table ADD COLUMN x INTEGER"),
                            QStringLiteral("CREATE TABLE never_created (id INTEGER)")}},
    }};
    return kBroken;
}

} // namespace vigil::test
