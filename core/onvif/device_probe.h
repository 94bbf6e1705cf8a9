#pragma once

#include "core/onvif/onvif_client.h"
#include "core/onvif/onvif_parsers.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace vigil::onvif {

/// Everything Vigil needs to know to record a camera, as one ONVIF bootstrap found it.
struct DeviceDescription
{
    QString deviceUrl; ///< the device service, as reached
    DeviceInformation info;
    QString name; ///< from the onvif://www.onvif.org/name/ scope, when the camera has one
    QHash<QString, QString> services; ///< namespace → XAddr (rewritten)
    bool usesMedia2 = false;
    bool hasPtz = false;
    bool hasEvents = false;
    AuthMethod auth = AuthMethod::Unknown;
    qint64 clockOffsetMs = 0;
    QList<MediaProfile> profiles; ///< with stream and snapshot URIs (rewritten)
    int mainProfile = -1; ///< index into profiles: highest-resolution H.264/H.265
    int subProfile = -1; ///< lowest usable resolution, or -1 when there is one stream

    /// main = highest resolution, sub = lowest resolution at least 320 pixels wide that differs
    /// from main, both H.264 or H.265.
    static std::pair<int, int> chooseStreams(const QList<MediaProfile>& profiles);
};

/// The bootstrap of ONVIF.md §2.2 for one device: GetSystemDateAndTime (clock offset),
/// GetServices (else GetCapabilities), GetDeviceInformation, GetProfiles (Media2 when advertised,
/// else Media1), then GetStreamUri (RTSP over TCP) and GetSnapshotUri for every profile.
/// Emits finished() once, with the description or the first error that stopped it.
class DeviceProbe : public QObject
{
    Q_OBJECT

public:
    DeviceProbe(const QUrl& deviceUrl, const QString& user, const QString& password,
            QObject* parent = nullptr);

    void start();
    OnvifClient& client() { return m_client; }

Q_SIGNALS:
    void finished(const vigil::Result<vigil::onvif::DeviceDescription>& result);

private:
    void services();
    void capabilities();
    void deviceInformation();
    void scopes();
    void profiles();
    void uris(int index);
    void fail(const Error& error);
    void succeed();
    QString serviceUrl(const char* ns) const;

    /// Profiles read from one camera (real cameras have 2–10; a camera claiming thousands
    /// would take thousands of calls).
    static constexpr int kMaxProfiles = 32;
    /// A probe's deadline: this many calls' timeouts, and at least kMinDeadlineMs.
    static constexpr int kDeadlineCalls = 6;
    static constexpr int kMinDeadlineMs = 30000;

    OnvifClient m_client;
    DeviceDescription m_description;
    QTimer m_deadline;
    bool m_finished = false;
};

} // namespace vigil::onvif
