#include "core/catalog/redaction_project_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_p.h"
#include "core/catalog/sql_values.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigil::catalog {

RedactionProjectStore::RedactionProjectStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<qint64> RedactionProjectStore::save(const RedactionProjectRecord& p)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "INSERT INTO redaction_projects (camera_id, start_ms, end_ms, request_id, "
            "original_sha256, log, position, updated_ms, updated_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (camera_id, start_ms, end_ms, original_sha256) DO UPDATE SET "
            "request_id = excluded.request_id, log = excluded.log, position = excluded.position, "
            "updated_ms = excluded.updated_ms, updated_by = excluded.updated_by RETURNING id"));
    if (!bindAll(query,
                {p.cameraId, p.startMs, p.endMs,
                        p.requestId > 0 ? QVariant(p.requestId) : QVariant(),
                        QString::fromLatin1(p.originalSha256), QString::fromUtf8(p.log), p.position,
                        p.updatedMs, p.updatedBy > 0 ? QVariant(p.updatedBy) : QVariant()})
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("saving the redaction"));
    return query.value(0).toLongLong();
}

Result<std::optional<RedactionProjectRecord>> RedactionProjectStore::find(
        qint64 cameraId, qint64 startMs, qint64 endMs, const QByteArray& originalSha256) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "SELECT id, COALESCE(request_id, 0), log, position, updated_ms, "
            "COALESCE(updated_by, 0) FROM redaction_projects WHERE camera_id = ? AND start_ms = ? "
            "AND end_ms = ? AND original_sha256 = ?"));
    if (!bindAll(query, {cameraId, startMs, endMs, QString::fromLatin1(originalSha256)}))
        return m_catalog.sqlError(query.lastError(), tr("reading the redaction"));
    if (!query.next())
        return std::optional<RedactionProjectRecord>();
    RedactionProjectRecord p;
    p.id = query.value(0).toLongLong();
    p.cameraId = cameraId;
    p.startMs = startMs;
    p.endMs = endMs;
    p.requestId = query.value(1).toLongLong();
    p.originalSha256 = originalSha256;
    p.log = query.value(2).toString().toUtf8();
    p.position = query.value(3).toInt();
    p.updatedMs = query.value(4).toLongLong();
    p.updatedBy = query.value(5).toLongLong();
    return std::optional<RedactionProjectRecord>(p);
}

} // namespace vigil::catalog
