#pragma once

#include "core/onvif/onvif_client.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace vigil::live {

/// Pan, tilt, zoom and presets of one ONVIF camera, as a live tile drives them: a continuous
/// move while a key or button is held (ContinuousMove, with a 10 s timeout so that a lost
/// "stop" never leaves the camera turning), Stop when it is released, and the camera's presets
/// (GetPresets, GotoPreset). The PTZ service's address is asked once (GetCapabilities).
/// Lives on the GUI thread; every call is asynchronous and failures come as failed().
class PtzControl : public QObject
{
    Q_OBJECT

public:
    struct Preset
    {
        QString token;
        QString name;
    };

    /// `profileToken`: the media profile the PTZ configuration belongs to (the main stream's).
    PtzControl(const QUrl& deviceUrl, const QString& user, const QString& password,
            QString profileToken, QObject* parent = nullptr);
    ~PtzControl() override;

    /// Velocities from -1 to 1 (pan right, tilt up, zoom in are positive); all 0 stops.
    void move(double pan, double tilt, double zoom);
    void stop();
    void refreshPresets();
    void gotoPreset(const QString& token);
    QList<Preset> presets() const { return m_presets; }

Q_SIGNALS:
    void presetsChanged();
    /// A command failed: what the clerk sees (translated).
    void failed(const QString& message);
    /// A command was accepted by the camera.
    void done();

private:
    void withService(std::function<void(const QString& url)> then);
    void send(const QString& body, std::function<void(const onvif::XmlElement&)> then = {});

    onvif::OnvifClient m_client;
    QString m_profileToken;
    QString m_service; ///< the PTZ service's address, once known
    QList<Preset> m_presets;
};

} // namespace vigil::live
