#include "core/catalog/camera_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_values.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace vigil::catalog {

namespace {

const char kCameraColumns[]
        = "id, uuid, name, vendor, model, firmware, serial, device_url, username, secret, "
          "auth_method, "
          "clock_offset_ms, has_ptz, has_events, enabled, record_mode, created_ms, retention_days, "
          "schedule, pre_roll_ms, post_roll_ms, endpoint, privacy_masks";

CameraRecord readCamera(const QSqlQuery& q)
{
    CameraRecord c;
    c.id = q.value(0).toLongLong();
    c.uuid = q.value(1).toString();
    c.name = q.value(2).toString();
    c.vendor = q.value(3).toString();
    c.model = q.value(4).toString();
    c.firmware = q.value(5).toString();
    c.serial = q.value(6).toString();
    c.deviceUrl = q.value(7).toString();
    c.username = q.value(8).toString();
    c.sealedSecret = q.value(9).toByteArray();
    c.authMethod = q.value(10).toString();
    c.clockOffsetMs = q.value(11).toLongLong();
    c.hasPtz = q.value(12).toInt() != 0;
    c.hasEvents = q.value(13).toInt() != 0;
    c.enabled = q.value(14).toInt() != 0;
    c.recordMode = q.value(15).toString();
    c.createdMs = q.value(16).toLongLong();
    c.retentionDays = q.value(17).toInt();
    c.schedule = q.value(18).toString();
    c.preRollMs = q.value(19).toInt();
    c.postRollMs = q.value(20).toInt();
    c.endpoint = q.value(21).toString();
    c.privacyMasks = q.value(22).toString();
    return c;
}

} // namespace

const StreamRecord* CameraRecord::stream(QStringView role) const
{
    for (const StreamRecord& s : streams) {
        if (s.role == role)
            return &s;
    }
    return nullptr;
}

QString CameraRecord::address() const
{
    if (!deviceUrl.isEmpty())
        return deviceUrl;
    const StreamRecord* main = stream(u"main");
    return main ? main->uri : QString();
}

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

Result<qint64> CameraStore::add(const CameraRecord& camera)
{
    QSqlDatabase db = QSqlDatabase::database(m_catalog.connectionName(), false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, removed_ms FROM cameras WHERE uuid = ?"));
    query.addBindValue(camera.uuid);
    if (!query.exec())
        return m_catalog.sqlError(
                query.lastError(), tr("adding the camera \"%1\"").arg(camera.name));
    qint64 existing = 0;
    if (query.next()) {
        if (query.value(1).isNull()) {
            return Error {Error::Code::InvalidArgument,
                    tr("This camera is already in Vigil (camera %1).")
                            .arg(query.value(0).toLongLong()),
                    {}};
        }
        existing = query.value(0).toLongLong();
    }

    if (!db.transaction())
        return m_catalog.sqlError(db.lastError(), tr("adding the camera \"%1\"").arg(camera.name));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (existing) {
        query.prepare(QStringLiteral(
                "UPDATE cameras SET name = ?, vendor = ?, model = ?, firmware = ?, "
                "serial = ?, device_url = ?, username = ?, "
                "secret = ?, auth_method = ?, clock_offset_ms = ?, has_ptz = ?, "
                "has_events = ?, enabled = ?, "
                "record_mode = ?, retention_days = ?, schedule = ?, pre_roll_ms = ?, "
                "post_roll_ms = ?, endpoint = ?, removed_ms = NULL WHERE id = ? RETURNING id"));
    } else {
        query.prepare(QStringLiteral(
                "INSERT INTO cameras (name, vendor, model, firmware, serial, device_url, username, "
                "secret, auth_method, "
                "clock_offset_ms, has_ptz, has_events, enabled, record_mode, retention_days, "
                "schedule, pre_roll_ms, post_roll_ms, endpoint, uuid, created_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                "id"));
    }
    for (const QVariant& v : {textValue(camera.name), textValue(camera.vendor),
                 textValue(camera.model), textValue(camera.firmware), textValue(camera.serial),
                 textValue(camera.deviceUrl), textValue(camera.username),
                 QVariant(camera.sealedSecret), textValue(camera.authMethod),
                 QVariant(camera.clockOffsetMs), QVariant(camera.hasPtz ? 1 : 0),
                 QVariant(camera.hasEvents ? 1 : 0), QVariant(camera.enabled ? 1 : 0),
                 textValue(camera.recordMode), QVariant(camera.retentionDays),
                 textValue(camera.schedule), QVariant(camera.preRollMs),
                 QVariant(camera.postRollMs), textValue(camera.endpoint)}) {
        query.addBindValue(v);
    }
    if (existing) {
        query.addBindValue(existing);
    } else {
        query.addBindValue(camera.uuid);
        query.addBindValue(now);
    }
    if (!query.exec() || !query.next()) {
        const QSqlError error = query.lastError();
        db.rollback();
        return m_catalog.sqlError(error, tr("adding the camera \"%1\"").arg(camera.name));
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    if (Result<void> streams = writeStreams(id, camera.streams); !streams) {
        db.rollback();
        return streams.error();
    }
    if (!db.commit())
        return m_catalog.sqlError(db.lastError(), tr("adding the camera \"%1\"").arg(camera.name));
    return id;
}

Result<void> CameraStore::writeStreams(qint64 cameraId, const QList<StreamRecord>& streams)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "DELETE FROM streams WHERE camera_id = ? AND role NOT IN "
            "(SELECT DISTINCT s.role FROM streams s JOIN segments g ON g.stream_id = s.id "
            "WHERE s.camera_id = ?)"));
    query.addBindValue(cameraId);
    query.addBindValue(cameraId);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("saving the camera's streams"));
    for (const StreamRecord& s : streams) {
        // Streams with recorded segments keep their row (segments point at it): update in place.
        query.prepare(QStringLiteral(
                "INSERT INTO streams (camera_id, role, profile_token, uri, codec, width, height, "
                "fps, bitrate_kbps, record) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (camera_id, role) DO UPDATE SET "
                "record = excluded.record, "
                "profile_token = excluded.profile_token, uri = excluded.uri, codec = "
                "excluded.codec, "
                "width = excluded.width, height = excluded.height, fps = excluded.fps, "
                "bitrate_kbps = excluded.bitrate_kbps"));
        for (const QVariant& v : {QVariant(cameraId), textValue(s.role), textValue(s.profileToken),
                     textValue(s.uri), textValue(s.codec), QVariant(s.width), QVariant(s.height),
                     QVariant(s.fps), QVariant(s.bitrateKbps), QVariant(s.record ? 1 : 0)}) {
            query.addBindValue(v);
        }
        if (!query.exec())
            return m_catalog.sqlError(query.lastError(), tr("saving the camera's streams"));
    }
    return {};
}

Result<QList<CameraRecord>> CameraStore::list() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT %1 FROM cameras WHERE removed_ms IS NULL ORDER BY id")
                            .arg(QLatin1String(kCameraColumns))))
        return m_catalog.sqlError(query.lastError(), tr("listing the cameras"));
    QList<CameraRecord> cameras;
    while (query.next())
        cameras << readCamera(query);
    QSqlQuery streams(QSqlDatabase::database(m_catalog.connectionName(), false));
    for (CameraRecord& c : cameras) {
        streams.prepare(QStringLiteral("SELECT role, profile_token, uri, codec, width, height, "
                                       "fps, bitrate_kbps, record, id FROM streams "
                                       "WHERE camera_id = ? ORDER BY role"));
        streams.addBindValue(c.id);
        if (!streams.exec())
            return m_catalog.sqlError(streams.lastError(), tr("listing the cameras"));
        while (streams.next()) {
            c.streams << StreamRecord {streams.value(0).toString(), streams.value(1).toString(),
                    streams.value(2).toString(), streams.value(3).toString(),
                    streams.value(4).toInt(), streams.value(5).toInt(), streams.value(6).toDouble(),
                    streams.value(7).toInt(), streams.value(8).toInt() != 0,
                    streams.value(9).toLongLong()};
        }
    }
    return cameras;
}

Result<std::optional<CameraRecord>> CameraStore::findSame(const CameraRecord& camera) const
{
    const Result<QList<CameraRecord>> cameras = list();
    if (!cameras)
        return cameras.error();
    for (const CameraRecord& c : cameras.value()) {
        const bool sameEndpoint = !camera.endpoint.isEmpty()
                && c.endpoint.compare(camera.endpoint, Qt::CaseInsensitive) == 0;
        const bool sameSerial = !camera.serial.isEmpty() && c.serial == camera.serial
                && c.vendor == camera.vendor && c.model == camera.model;
        if (c.uuid == camera.uuid || sameEndpoint || sameSerial)
            return std::optional<CameraRecord>(c);
    }
    return std::optional<CameraRecord>();
}

Result<void> CameraStore::moveTo(qint64 id, const CameraRecord& found)
{
    QSqlDatabase db = QSqlDatabase::database(m_catalog.connectionName(), false);
    if (!db.transaction())
        return m_catalog.sqlError(db.lastError(), tr("updating camera %1").arg(id));
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "UPDATE cameras SET device_url = ?, auth_method = ?, clock_offset_ms = ?, "
            "firmware = ?, endpoint = CASE WHEN ? = '' THEN endpoint ELSE ? END "
            "WHERE id = ? AND removed_ms IS NULL"));
    for (const QVariant& v : {textValue(found.deviceUrl), textValue(found.authMethod),
                 QVariant(found.clockOffsetMs), textValue(found.firmware),
                 textValue(found.endpoint), textValue(found.endpoint), QVariant(id)}) {
        query.addBindValue(v);
    }
    if (!query.exec() || query.numRowsAffected() == 0) {
        const QSqlError error = query.lastError();
        const bool missing = query.isActive() && query.numRowsAffected() == 0;
        db.rollback();
        if (missing)
            return Error {Error::Code::NotFound, tr("There is no camera %1.").arg(id), {}};
        return m_catalog.sqlError(error, tr("updating camera %1").arg(id));
    }
    // Only the addresses of the streams change: which streams are recorded stays as chosen.
    // The stream of the same profile, else of the same role, takes the new URI.
    for (const StreamRecord& s : found.streams) {
        for (const char* column : {"profile_token", "role"}) {
            query.prepare(
                    QStringLiteral("UPDATE streams SET uri = ? WHERE camera_id = ? AND %1 = ?")
                            .arg(QLatin1String(column)));
            for (const QVariant& v : {textValue(s.uri), QVariant(id),
                         textValue(qstrcmp(column, "role") == 0 ? s.role : s.profileToken)})
                query.addBindValue(v);
            if (!query.exec()) {
                const QSqlError error = query.lastError();
                db.rollback();
                return m_catalog.sqlError(error, tr("updating camera %1").arg(id));
            }
            if (query.numRowsAffected() > 0)
                break;
        }
    }
    if (!db.commit())
        return m_catalog.sqlError(db.lastError(), tr("updating camera %1").arg(id));
    return {};
}

Result<void> CameraStore::setRecording(const CameraRecord& camera)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "UPDATE cameras SET record_mode = ?, schedule = ?, pre_roll_ms = ?, post_roll_ms = ?, "
            "retention_days = ? WHERE id = ? AND removed_ms IS NULL"));
    for (const QVariant& v : {textValue(camera.recordMode), textValue(camera.schedule),
                 QVariant(camera.preRollMs), QVariant(camera.postRollMs),
                 QVariant(camera.retentionDays), QVariant(camera.id)}) {
        query.addBindValue(v);
    }
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("changing camera %1").arg(camera.id));
    if (query.numRowsAffected() == 0)
        return Error {Error::Code::NotFound, tr("There is no camera %1.").arg(camera.id), {}};
    return {};
}

Result<void> CameraStore::rename(qint64 id, const QString& given)
{
    const QString name = given.simplified();
    if (name.isEmpty())
        return Error {Error::Code::InvalidArgument, tr("A camera needs a name."), {}};
    if (name.size() > kMaxNameLength) {
        return Error {Error::Code::InvalidArgument,
                tr("A camera's name has at most %1 characters.").arg(kMaxNameLength), {}};
    }
    return updateCamera(id, "name = ?", {textValue(name)}, tr("renaming camera %1").arg(id));
}

Result<void> CameraStore::setEnabled(qint64 id, bool enabled)
{
    return updateCamera(id, "enabled = ?", {QVariant(enabled ? 1 : 0)},
            enabled ? tr("enabling camera %1").arg(id) : tr("disabling camera %1").arg(id));
}

Result<void> CameraStore::setPrivacyMasks(qint64 id, const QString& masks)
{
    // Never NULL: "" is no mask.
    return updateCamera(id, "privacy_masks = ?",
            {QVariant(masks.isNull() ? QStringLiteral("") : masks)},
            tr("changing the privacy masks of camera %1").arg(id));
}

Result<QString> CameraStore::privacyMasks(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT privacy_masks FROM cameras WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("reading camera %1").arg(id));
    return query.next() ? query.value(0).toString() : QString();
}

Result<void> CameraStore::updateCamera(
        qint64 id, const char* assignments, QVariantList values, const QString& doing)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE cameras SET %1 WHERE id = ? AND removed_ms IS NULL")
                          .arg(QLatin1String(assignments)));
    values << QVariant(id);
    for (const QVariant& v : std::as_const(values))
        query.addBindValue(v);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), doing);
    if (query.numRowsAffected() == 0)
        return Error {Error::Code::NotFound, tr("There is no camera %1.").arg(id), {}};
    return {};
}

Result<void> CameraStore::setConnection(const CameraRecord& camera)
{
    QSqlDatabase db = QSqlDatabase::database(m_catalog.connectionName(), false);
    const QString doing = tr("changing how Vigil reaches camera %1").arg(camera.id);
    if (!db.transaction())
        return m_catalog.sqlError(db.lastError(), doing);
    Result<void> done = updateCamera(camera.id,
            "username = ?, secret = ?, auth_method = ?, clock_offset_ms = ?, firmware = ?, "
            "has_ptz = ?, has_events = ?",
            {textValue(camera.username), QVariant(camera.sealedSecret),
                    textValue(camera.authMethod), QVariant(camera.clockOffsetMs),
                    textValue(camera.firmware), QVariant(camera.hasPtz ? 1 : 0),
                    QVariant(camera.hasEvents ? 1 : 0)},
            doing);
    if (done)
        done = writeStreams(camera.id, camera.streams);
    if (done) {
        // Roles kept only for their footage stop recording.
        QStringList marks;
        for (qsizetype i = 0; i < camera.streams.size(); ++i)
            marks << QStringLiteral("?");
        QSqlQuery query(db);
        query.prepare(QStringLiteral("UPDATE streams SET record = 0 WHERE camera_id = ?%1")
                              .arg(marks.isEmpty() ? QString()
                                                   : QStringLiteral(" AND role NOT IN (%1)")
                                                             .arg(marks.join(u','))));
        query.addBindValue(camera.id);
        for (const StreamRecord& s : camera.streams)
            query.addBindValue(textValue(s.role));
        if (!query.exec())
            done = m_catalog.sqlError(query.lastError(), doing);
    }
    if (!done) {
        db.rollback();
        return done;
    }
    if (!db.commit())
        return m_catalog.sqlError(db.lastError(), doing);
    return {};
}

Result<void> CameraStore::remove(qint64 id)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "UPDATE cameras SET removed_ms = ?, enabled = 0 WHERE id = ? AND removed_ms IS NULL"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(id);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("removing camera %1").arg(id));
    if (query.numRowsAffected() == 0)
        return Error {Error::Code::NotFound, tr("There is no camera %1.").arg(id), {}};
    return {};
}

} // namespace vigil::catalog
