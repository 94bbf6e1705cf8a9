#pragma once

#include "core/catalog/camera_store.h"
#include "core/onvif/device_probe.h"
#include "core/result.h"

#include <QObject>

#include <memory>
#include <optional>

namespace vigil::setup {

/// What a live check of a camera's login found. For an ONVIF camera, its description (the
/// profiles its streams are chosen from), with the profiles the camera records today chosen;
/// for a plain RTSP camera, only that its stream accepted the login.
struct ConnectionCheck
{
    qint64 cameraId = 0;
    QString user;
    QString password;
    std::optional<onvif::DeviceDescription> device;
    bool rtspOnly = false;
};

/// Changes to a camera already in Vigil, as the Cameras page makes them: a new name, enabled or
/// not, removed, and how Vigil reaches it. A new login is checked against the camera itself
/// before it is kept, and the streams to record are chosen among those the check found.
/// The recorder learns of every change when the caller asks it to reload.
class CameraEditor : public QObject
{
    Q_OBJECT

public:
    CameraEditor(catalog::CameraStore& store, QString credentialKeyPath, QObject* parent = nullptr);
    ~CameraEditor() override;

    /// Rewrites the addresses cameras give to the one Vigil reached them at (NAT, wrong
    /// configuration); see onvif::OnvifClient::setRewriteAddresses().
    void setRewriteAddresses(bool rewrite) { m_rewriteAddresses = rewrite; }

    /// The password Vigil keeps for `camera`, unsealed: to check its streams again without
    /// asking for it.
    Result<QString> storedPassword(const catalog::CameraRecord& camera) const;
    /// Logs in to `camera` with `user` and `password`: the ONVIF bootstrap for an ONVIF camera,
    /// else RTSP DESCRIBE/SETUP of its main stream. checked() follows once; a check started
    /// while one runs replaces it.
    void check(const catalog::CameraRecord& camera, const QString& user, const QString& password);
    bool isChecking() const { return m_checking; }

    /// Keeps the login of `check` for its camera, and, for an ONVIF camera, records profile
    /// `mainProfile` of the check's device as the main stream and `subProfile` (-1: none) as the
    /// sub stream, recorded when `recordSub`.
    Result<void> saveConnection(
            const ConnectionCheck& check, int mainProfile, int subProfile, bool recordSub);

    /// Index into `device.profiles` of the profile `camera` uses in `role` today, else the one
    /// Vigil would choose (-1 for "sub" when the camera has a main stream and no sub stream).
    static int currentProfile(const catalog::CameraRecord& camera,
            const onvif::DeviceDescription& device, QStringView role);

Q_SIGNALS:
    void checked(const vigil::Result<vigil::setup::ConnectionCheck>& result);

private:
    void finish(quint64 generation, const Result<ConnectionCheck>& result);

    catalog::CameraStore& m_store;
    QString m_credentialKeyPath;
    bool m_rewriteAddresses = true;
    bool m_checking = false;
    quint64 m_generation = 0; ///< of the check whose answer counts
    std::unique_ptr<onvif::DeviceProbe> m_probe;
};

} // namespace vigil::setup
