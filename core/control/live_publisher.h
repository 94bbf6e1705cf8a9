#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>

#include <memory>

class QLocalSocket;

namespace vigil::recording {
class RecordingEngine;
}

namespace vigil::control {

/// The recorder's live subscriptions: a client asks for a camera's stream and gets its packets
/// (not decoded frames: each window decodes what it shows) from the stream's hub, the same camera
/// connection the recorder writes from. Each subscription has its own bounded queue: a client
/// that falls behind (a busy window, a full socket) skips to the next keyframe and never slows
/// the camera, the recorder or another client.
///
/// Messages to the client: "live_state" {subscription, state: connecting|online|offline, code,
/// message}, "live_tracks" {subscription, codec, width, height, extradata (base64)}, then packet
/// frames (control_protocol.h). Lives on the recorder's main thread; the hubs' reader threads
/// only queue.
class LivePublisher : public QObject
{
    Q_OBJECT

public:
    /// A client's queue of one stream beyond this: it skips to the next keyframe.
    static constexpr qint64 kMaxQueuedBytes = 4 * 1024 * 1024;
    /// Bytes waiting in a client's socket beyond this: packets are dropped to the next keyframe.
    static constexpr qint64 kMaxSocketBacklogBytes = 2 * 1024 * 1024;

    explicit LivePublisher(recording::RecordingEngine& engine, QObject* parent = nullptr);
    ~LivePublisher() override;

    /// Starts sending the camera's stream ("main" or "sub") to `socket`: the subscription's
    /// number, or why not. `who` (the computer's user that connected) is written to the audit
    /// log with the start and the end of the view.
    Result<quint32> subscribe(
            QLocalSocket* socket, qint64 cameraId, const QString& role, const QString& who);
    /// The privacy masks of a subscription's camera (sent with the subscription's answer, so
    /// that the client's decoder blacks them out of its very first picture; changes follow as
    /// "live_masks").
    QString privacyMasks(quint32 subscription) const;
    void unsubscribe(QLocalSocket* socket, quint32 subscription);
    /// Every subscription of a client that went away.
    void dropClient(QLocalSocket* socket);
    int subscriptionCount() const { return int(m_subscriptions.size()); }

private:
    struct Subscription;
    void flush(quint32 subscription);
    /// After the cameras changed: a subscription to a removed or disabled camera ends with a
    /// word to its client; one whose stream moved follows it to its new hub.
    void recheck();
    void remove(quint32 id);

    recording::RecordingEngine& m_engine;
    QHash<quint32, std::shared_ptr<Subscription>> m_subscriptions;
    quint32 m_nextId = 1;
};

} // namespace vigil::control
