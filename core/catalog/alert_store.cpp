#include "core/catalog/alert_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_values.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigil::catalog {

AlertStore::AlertStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

namespace {

QList<AlertRecord> readAlerts(QSqlQuery& query)
{
    QList<AlertRecord> alerts;
    while (query.next()) {
        alerts << AlertRecord {query.value(0).toLongLong(), query.value(1).toLongLong(),
                query.value(2).toLongLong(), query.value(3).toString(), query.value(4).toString(),
                query.value(5).toString(), query.value(6).toLongLong(), query.value(7).toString()};
    }
    return alerts;
}

} // namespace

Result<QList<AlertRecord>> AlertStore::list(qint64 cameraId, int limit) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
            "SELECT a.id, a.at_ms, COALESCE(a.camera_id, 0), COALESCE(c.name, ''), a.kind, "
            "a.message, COALESCE(a.acknowledged_ms, 0), a.acknowledged_by FROM alerts a "
            "LEFT JOIN cameras c ON c.id = a.camera_id WHERE (? = 0 OR a.camera_id = ?) "
            "ORDER BY a.id DESC LIMIT ?"));
    query.addBindValue(cameraId);
    query.addBindValue(cameraId);
    query.addBindValue(limit);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("reading the alerts"));
    return readAlerts(query);
}

Result<QList<AlertRecord>> AlertStore::between(
        qint64 fromMs, qint64 toMs, const QList<qint64>& cameraIds, int limit) const
{
    QString cameras;
    for (const qint64 id : cameraIds)
        cameras += (cameras.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(id);
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
            "SELECT a.id, a.at_ms, COALESCE(a.camera_id, 0), COALESCE(c.name, ''), a.kind, "
            "a.message, COALESCE(a.acknowledged_ms, 0), a.acknowledged_by FROM alerts a "
            "LEFT JOIN cameras c ON c.id = a.camera_id WHERE a.at_ms >= ? AND a.at_ms < ? %1 "
            "ORDER BY a.at_ms LIMIT ?")
                          .arg(cameras.isEmpty() ? QString()
                                                 : QStringLiteral("AND (a.camera_id IS NULL OR "
                                                                  "a.camera_id IN (%1))")
                                                           .arg(cameras)));
    query.addBindValue(fromMs);
    query.addBindValue(toMs);
    query.addBindValue(limit);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("reading the alerts"));
    return readAlerts(query);
}

Result<int> AlertStore::unacknowledgedCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM alerts WHERE acknowledged_ms IS NULL"))
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("reading the alerts"));
    return query.value(0).toInt();
}

Result<void> AlertStore::acknowledge(qint64 id, const QString& who)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE alerts SET acknowledged_ms = ?, acknowledged_by = ? "
                                 "WHERE id = ? AND acknowledged_ms IS NULL"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(textValue(who));
    query.addBindValue(id);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("acknowledging the alert"));
    if (query.numRowsAffected() == 0) {
        QSqlQuery exists(QSqlDatabase::database(m_catalog.connectionName(), false));
        exists.prepare(QStringLiteral("SELECT 1 FROM alerts WHERE id = ?"));
        exists.addBindValue(id);
        if (exists.exec() && !exists.next())
            return Error {Error::Code::NotFound, tr("There is no alert %1.").arg(id), {}};
    }
    return {};
}

Result<int> AlertStore::acknowledgeAll(const QString& who, qint64 cameraId)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE alerts SET acknowledged_ms = ?, acknowledged_by = ? "
                                 "WHERE acknowledged_ms IS NULL AND (? = 0 OR camera_id = ?)"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(textValue(who));
    query.addBindValue(cameraId);
    query.addBindValue(cameraId);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("acknowledging the alerts"));
    return query.numRowsAffected();
}

} // namespace vigil::catalog
