#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace vigil::catalog {

class Catalog;

/// A stream of a camera: its main (recorded, full resolution) or sub (low resolution) stream.
struct StreamRecord
{
    QString role; ///< "main" or "sub"
    QString profileToken;
    QString uri; ///< without credentials
    QString codec;
    int width = 0;
    int height = 0;
    double fps = 0;
    int bitrateKbps = 0;
    bool record = true; ///< the sub stream is recorded only when this is set
    qint64 id = 0; ///< set by CameraStore::list()
};

/// A camera as the catalog keeps it. The password is never here: `sealedSecret` holds it sealed
/// by security::CredentialVault.
struct CameraRecord
{
    qint64 id = 0;
    QString uuid; ///< ONVIF EndpointReference or serial-based identity; "rtsp:…" for plain RTSP
    QString name;
    QString vendor;
    QString model;
    QString firmware;
    QString serial;
    QString deviceUrl; ///< ONVIF device service; empty for plain RTSP cameras
    QString endpoint; ///< WS-Discovery EndpointReference (urn:uuid:…) when it was discovered
    QString username;
    QByteArray sealedSecret;
    QString authMethod; ///< "ws-usernametoken", "http-digest", "none", "" when unknown
    qint64 clockOffsetMs = 0;
    bool hasPtz = false;
    bool hasEvents = false;
    bool enabled = true;
    QString recordMode = QStringLiteral("continuous"); ///< off, continuous, motion, schedule
    QString schedule; ///< recording::RecordSchedule text; used when recordMode is "schedule"
    int preRollMs = 5000;
    int postRollMs = 10000;
    int retentionDays = 30; ///< 0: no age limit
    qint64 createdMs = 0;
    /// Privacy masks (media::PrivacyMask's JSON: polygons in picture coordinates 0…1); "" none.
    QString privacyMasks;
    QList<StreamRecord> streams;

    const StreamRecord* stream(QStringView role) const;
    /// Where the camera is reached: its device service, or for a plain RTSP camera the URI of
    /// its main stream.
    QString address() const;
};

/// Cameras known to the catalog: added, listed, removed. Removal keeps the row (footage and
/// the audit log still refer to it) and marks it removed; adding the same camera again revives it.
class CameraStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::CameraStore)

public:
    explicit CameraStore(Catalog& catalog);

    /// Cameras that were added and not removed.
    Result<int> activeCount() const;
    /// Stores a new camera (or revives a removed one with the same uuid); its id.
    Result<qint64> add(const CameraRecord& camera);
    Result<QList<CameraRecord>> list() const;
    /// The camera in Vigil that `camera` is, whatever its address: same uuid, same discovery
    /// endpoint, or same vendor, model and serial number. nullopt when there is none.
    Result<std::optional<CameraRecord>> findSame(const CameraRecord& camera) const;
    /// Camera `id` answers somewhere else now (DHCP gave it another address): its device
    /// address, stream URIs, login method, clock offset, firmware and endpoint become those of
    /// `found`; its name, recording settings and footage stay.
    Result<void> moveTo(qint64 id, const CameraRecord& found);
    Result<void> remove(qint64 id);
    /// Changes how a camera records (mode, schedule, pre/post-roll, retention).
    Result<void> setRecording(const CameraRecord& camera);
    /// Gives camera `id` a new name (trimmed; refused when empty or longer than kMaxNameLength).
    Result<void> rename(qint64 id, const QString& name);
    /// A disabled camera stays in Vigil with its footage and settings, and is not recorded.
    Result<void> setEnabled(qint64 id, bool enabled);
    /// The privacy masks of camera `id` (media::PrivacyMask::toJson(); "" for none).
    Result<void> setPrivacyMasks(qint64 id, const QString& masks);
    /// The privacy masks of camera `id` as stored ("" for none or no such camera).
    Result<QString> privacyMasks(qint64 id) const;
    /// How Vigil reaches camera `camera.id`, after it was checked live: user name, sealed
    /// password, login method, clock offset, firmware, capabilities and streams. A stream that
    /// has footage keeps its row (its footage refers to it); a role that is no longer chosen
    /// stops being recorded.
    Result<void> setConnection(const CameraRecord& camera);

    static constexpr int kMaxNameLength = 100;

private:
    /// `UPDATE cameras SET <assignments> WHERE id = <id>` of a camera not removed.
    Result<void> updateCamera(
            qint64 id, const char* assignments, QVariantList values, const QString& doing);
    Result<void> writeStreams(qint64 cameraId, const QList<StreamRecord>& streams);

    Catalog& m_catalog;
};

} // namespace vigil::catalog
