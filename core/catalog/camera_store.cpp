#include "core/catalog/camera_store.h"

#include "core/catalog/catalog.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigil::catalog {

CameraStore::CameraStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<int> CameraStore::activeCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM cameras WHERE removed_ms IS NULL"))
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("counting the cameras"));
    return query.value(0).toInt();
}

} // namespace vigil::catalog
