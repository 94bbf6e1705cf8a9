#pragma once

#include "core/onvif/device_probe.h"
#include "core/onvif/ws_discovery.h"
#include "core/result.h"
#include "core/setup/camera_records.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::setup {

enum class RecordMode { Continuous, Motion, Schedule };
enum class Verification { NotChecked, Checking, Ok, Failed };

/// A camera in the setup wizard, from discovery or typed in by the user.
struct WizardCamera
{
    QString key; ///< discovery endpoint, or the address as typed
    QString endpoint; ///< WS-Discovery EndpointReference, when discovered
    QString name;
    QString model;
    QString address; ///< ONVIF device service URL, or an rtsp:// URL
    bool isRtspUrl = false;
    bool selected = true;
    QString user; ///< used when the wizard does not share one set of credentials
    QString password;
    Verification verification = Verification::NotChecked;
    QString verificationMessage;
    std::optional<onvif::DeviceDescription> device; ///< what verification found
    int mainProfile = -1; ///< index into device->profiles
    int subProfile = -1;
    RecordMode mode = RecordMode::Continuous;
    /// recording::RecordSchedule text, used in Schedule mode; empty: continuous all week.
    QString schedule;
    QByteArray snapshot; ///< JPEG of the recorded stream, fetched after verification
    /// Already in Vigil (id > 0): not selected, and not selectable while it answers where Vigil
    /// knows it; found at a new address, selecting it updates that camera's address.
    KnownCamera known;
    bool knownMoved = false;
};

/// Everything the setup wizard knows, changed only by the pure functions below, so its logic is
/// tested without widgets (STYLE.md §5). The wizard's pages only render it.
struct WizardState
{
    QList<WizardCamera> cameras;
    bool sameCredentials = true;
    QString sharedUser;
    QString sharedPassword;
    QString storageFolder;
    qint64 storageFreeBytes = -1;
    int retentionDays = 30;
    bool rewriteAddresses = true; ///< see onvif::DiscoveredDevice::preferredXAddr()
    QList<KnownCamera> known; ///< the cameras already in Vigil
};

/// Days of footage the storage holds for the selected cameras' streams.
struct StorageEstimate
{
    /// Share of the time a camera on motion is estimated to record (people and cars passing by a
    /// town's street; a quiet corridor records much less).
    static constexpr double kMotionShare = 0.33;

    qint64 bytesPerDay = 0;
    double daysThatFit = 0;
    bool fits = false; ///< the retention period fits in the free space
};

class Wizard
{
    Q_DECLARE_TR_FUNCTIONS(vigil::setup::Wizard)

public:
    /// A discovered camera joins the list once; seen again, its addresses are refreshed.
    static WizardState addDiscovered(WizardState state, const onvif::DiscoveredDevice& device);
    /// A camera typed in: an IP address or host[:port], a device-service URL, or an rtsp:// URL.
    static Result<WizardState> addManual(WizardState state, const QString& text);
    static WizardState setSelected(WizardState state, int index, bool selected);
    static WizardState setSharedCredentials(
            WizardState state, bool same, const QString& user, const QString& password);
    static WizardState setCameraCredentials(
            WizardState state, int index, const QString& user, const QString& password);
    static WizardState verificationStarted(WizardState state, int index);
    static WizardState verificationFinished(
            WizardState state, int index, const Result<onvif::DeviceDescription>& result);
    /// `role` "main" or "sub"; `profile` an index into the camera's profiles (-1: none, sub only).
    static WizardState chooseStream(WizardState state, int index, const QString& role, int profile);
    static WizardState setStorage(WizardState state, const QString& folder, qint64 freeBytes);
    static WizardState setRetentionDays(WizardState state, int days);
    static WizardState setRecordMode(WizardState state, int index, RecordMode mode);
    /// The weekly plan of a camera in Schedule mode (recording::RecordSchedule text); refused
    /// (state unchanged) when unreadable.
    static WizardState setSchedule(WizardState state, int index, const QString& schedule);
    /// Share of the week camera `index` records, from its mode and schedule (motion hours count
    /// StorageEstimate::kMotionShare).
    static double recordingShare(const WizardState& state, int index);
    static WizardState setSnapshot(WizardState state, const QString& key, const QByteArray& jpeg);

    static QList<int> selected(const WizardState& state);
    static std::pair<QString, QString> credentials(const WizardState& state, int index);
    static bool canLeaveDiscovery(const WizardState& state);
    /// Every selected camera verified.
    static bool canLeaveCredentials(const WizardState& state);
    static StorageEstimate estimate(const WizardState& state);
};

} // namespace vigil::setup
