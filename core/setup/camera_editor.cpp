#include "core/setup/camera_editor.h"

#include "core/media/rtsp_session.h"
#include "core/security/credential_vault.h"
#include "core/setup/camera_records.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace vigil::setup {

CameraEditor::CameraEditor(catalog::CameraStore& store, QString credentialKeyPath, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_credentialKeyPath(std::move(credentialKeyPath))
{ }

CameraEditor::~CameraEditor() = default;

Result<QString> CameraEditor::storedPassword(const catalog::CameraRecord& camera) const
{
    if (camera.sealedSecret.isEmpty())
        return QString();
    const Result<security::CredentialVault> vault
            = security::CredentialVault::open(m_credentialKeyPath);
    if (!vault)
        return vault.error();
    return vault->unseal(camera.sealedSecret);
}

void CameraEditor::check(
        const catalog::CameraRecord& camera, const QString& user, const QString& password)
{
    const quint64 generation = ++m_generation;
    m_checking = true;
    m_probe.reset();
    ConnectionCheck base {camera.id, user, password, std::nullopt, camera.deviceUrl.isEmpty()};
    if (!base.rtspOnly) {
        m_probe = std::make_unique<onvif::DeviceProbe>(QUrl(camera.deviceUrl), user, password);
        m_probe->client().setRewriteAddresses(m_rewriteAddresses);
        connect(m_probe.get(), &onvif::DeviceProbe::finished, this,
                [this, generation, base](const Result<onvif::DeviceDescription>& result) {
                    if (!result) {
                        finish(generation, result.error());
                        return;
                    }
                    ConnectionCheck found = base;
                    found.device = result.value();
                    finish(generation, found);
                });
        m_probe->start();
        return;
    }
    // A plain RTSP camera: its main stream accepting the login is the check. A stream the lean
    // client does not handle (H.265, no TCP) answered after the login, which is what counts.
    const catalog::StreamRecord* main = camera.stream(u"main");
    QUrl url(main ? main->uri : QString());
    url.setUserName(user);
    url.setPassword(password);
    auto* watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this,
            [this, watcher, generation, base] {
                watcher->deleteLater();
                const Result<void> opened = watcher->result();
                if (!opened && opened.error().code != Error::Code::Unsupported)
                    finish(generation, opened.error());
                else
                    finish(generation, base);
            });
    watcher->setFuture(QtConcurrent::run([url]() -> Result<void> {
        media::RtspSession session;
        media::RtspSession::Options options;
        options.url = url;
        const Result<void> opened = session.open(options);
        session.close();
        return opened;
    }));
}

void CameraEditor::finish(quint64 generation, const Result<ConnectionCheck>& result)
{
    if (generation != m_generation)
        return; // a newer check replaced this one
    m_checking = false;
    if (m_probe) {
        m_probe.release()->deleteLater(); // it is emitting: not deleted under its feet
    }
    Q_EMIT checked(result);
}

int CameraEditor::currentProfile(const catalog::CameraRecord& camera,
        const onvif::DeviceDescription& device, QStringView role)
{
    if (const catalog::StreamRecord* stream = camera.stream(role)) {
        for (int i = 0; i < device.profiles.size(); ++i) {
            if (device.profiles.at(i).token == stream->profileToken)
                return i;
        }
    } else if (role == u"sub" && camera.stream(u"main")) {
        return -1; // no sub stream today
    }
    return role == u"main" ? device.mainProfile : device.subProfile;
}

Result<void> CameraEditor::saveConnection(
        const ConnectionCheck& check, int mainProfile, int subProfile, bool recordSub)
{
    const Result<QList<catalog::CameraRecord>> cameras = m_store.list();
    if (!cameras)
        return cameras.error();
    const auto camera = std::find_if(cameras->cbegin(), cameras->cend(),
            [&](const catalog::CameraRecord& c) { return c.id == check.cameraId; });
    if (camera == cameras->cend()) {
        return Error {Error::Code::NotFound,
                tr("Camera %1 is no longer in Vigil.").arg(check.cameraId), {}};
    }
    const Result<security::CredentialVault> vault
            = security::CredentialVault::open(m_credentialKeyPath);
    if (!vault)
        return vault.error();
    catalog::CameraRecord record = *camera;
    record.username = check.user;
    record.sealedSecret = check.password.isEmpty() ? QByteArray() : vault->seal(check.password);
    if (check.device) {
        const onvif::DeviceDescription& device = *check.device;
        if (mainProfile < 0 || mainProfile >= device.profiles.size() || mainProfile == subProfile
                || subProfile >= device.profiles.size()) {
            return Error {Error::Code::InvalidArgument,
                    tr("Choose a main stream, and a different sub stream or none."), {}};
        }
        onvif::DeviceDescription chosen = device;
        chosen.mainProfile = mainProfile;
        chosen.subProfile = subProfile;
        const catalog::CameraRecord probed
                = recordFromProbe(chosen, check.user, record.sealedSecret, record.name);
        record.authMethod = probed.authMethod;
        record.clockOffsetMs = probed.clockOffsetMs;
        record.firmware = probed.firmware;
        record.hasPtz = probed.hasPtz;
        record.hasEvents = probed.hasEvents;
        record.streams = probed.streams;
        for (catalog::StreamRecord& s : record.streams) {
            if (s.role == QLatin1String("sub"))
                s.record = recordSub;
        }
        if (Result<void> uris = checkStreamUris(record); !uris)
            return uris;
    }
    return m_store.setConnection(record);
}

} // namespace vigil::setup
