#pragma once

// Query helpers for core/catalog's .cpp files only (a private header: it exposes QtSql).

#include <QSqlQuery>
#include <QVariantList>

namespace vigil::catalog {

/// Binds `values` in order and runs the prepared `query`.
inline bool bindAll(QSqlQuery& query, const QVariantList& values)
{
    for (const QVariant& v : values)
        query.addBindValue(v);
    return query.exec();
}

} // namespace vigil::catalog
