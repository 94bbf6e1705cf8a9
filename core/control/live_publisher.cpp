#include "core/control/live_publisher.h"

#include "core/control/control_protocol.h"
#include "core/logging_categories.h"
#include "core/media/stream_hub.h"
#include "core/media/stream_tracks_p.h"
#include "core/media/subscriber_queue.h"
#include "core/recording/recording_engine.h"
#include "core/security/audit_actions.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLocalSocket>
#include <QPointer>

#include <atomic>
#include <deque>
#include <mutex>

namespace vigil::control {

namespace {

QString codeOf(const Error& error)
{
    switch (error.code) {
    case Error::Code::AuthenticationFailed:
        return QStringLiteral("login");
    case Error::Code::Unreachable:
    case Error::Code::Timeout:
        return QStringLiteral("unreachable");
    default:
        return QStringLiteral("error");
    }
}

/// A subscription's privacy masks (media::PrivacyMask's JSON; "" for none).
QJsonObject masksMessage(quint32 subscription, const QString& masks)
{
    return QJsonObject {{QStringLiteral("type"), QStringLiteral("live_masks")},
            {QStringLiteral("subscription"), qint64(subscription)},
            {QStringLiteral("masks"), masks}};
}

} // namespace

struct LivePublisher::Subscription final : media::StreamSubscriber
{
    quint32 id = 0;
    qint64 cameraId = 0;
    QString who;
    QElapsedTimer since;
    QString role; ///< as asked ("sub" may be served by the main stream)
    QString masks; ///< the camera's privacy masks, as sent to the client
    QLocalSocket* socket = nullptr;
    std::shared_ptr<media::StreamHub> hub;
    QPointer<LivePublisher> publisher;

    media::SubscriberQueue queue {media::SubscriberQueue::Policy::DropToKeyframe, kMaxQueuedBytes};
    std::atomic<bool> scheduled {false};
    bool socketDropping = false; ///< publisher thread: the socket is full, until a keyframe

    // Hub's reader thread.
    void offer(const media::SourceItem& item) override
    {
        if (item.kind == media::SourceItem::Kind::Notice
                || (item.kind == media::SourceItem::Kind::Packet && item.packet.info().track != 0))
            return; // live views show video
        if (!queue.push(item).queued)
            return;
        if (!scheduled.exchange(true)) {
            LivePublisher* p = publisher.data();
            if (p)
                QMetaObject::invokeMethod(
                        p, [p, id = id] { p->flush(id); }, Qt::QueuedConnection);
        }
    }

    std::deque<media::SourceItem> take()
    {
        scheduled = false;
        return queue.takeAll();
    }
};

LivePublisher::LivePublisher(recording::RecordingEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
{
    connect(&m_engine, &recording::RecordingEngine::camerasReloaded, this, &LivePublisher::recheck);
}

LivePublisher::~LivePublisher()
{
    for (const auto& s : std::as_const(m_subscriptions))
        s->hub->unsubscribe(s.get());
}

Result<quint32> LivePublisher::subscribe(
        QLocalSocket* socket, qint64 cameraId, const QString& role, const QString& who)
{
    QString masks;
    Result<std::shared_ptr<media::StreamHub>> hub = m_engine.watch(cameraId, role, &masks);
    if (!hub)
        return hub.error();
    auto s = std::make_shared<Subscription>();
    s->id = m_nextId++;
    s->cameraId = cameraId;
    s->who = who;
    s->since.start();
    s->role = role;
    s->masks = masks;
    s->socket = socket;
    s->hub = std::move(hub).value();
    s->publisher = this;
    m_subscriptions.insert(s->id, s);
    const media::SourceStatus status = s->hub->status();
    QJsonObject state {{QStringLiteral("type"), QStringLiteral("live_state")},
            {QStringLiteral("subscription"), qint64(s->id)},
            {QStringLiteral("state"), QStringLiteral("connecting")}};
    if (!status.online && !status.lastError.isEmpty()) {
        state.insert(QStringLiteral("state"), QStringLiteral("offline"));
        state.insert(QStringLiteral("message"), status.lastError);
    }
    // The state goes out before the subscription's first items (tracks, current picture).
    s->socket->write(encodeMessage(state));
    s->hub->subscribe(s.get());
    s->hub->start();
    qCInfo(lcRecording, "live: camera %lld %s to a client (subscription %u)", cameraId,
            qUtf8Printable(s->hub->config().role), s->id);
    m_engine.audit(who, QLatin1String(security::audit::kLiveStart),
            QStringLiteral("camera %1").arg(cameraId), {{QStringLiteral("stream"), role}},
            cameraId);
    return s->id;
}

QString LivePublisher::privacyMasks(quint32 subscription) const
{
    const auto it = m_subscriptions.constFind(subscription);
    return it != m_subscriptions.cend() ? (*it)->masks : QString();
}

void LivePublisher::unsubscribe(QLocalSocket* socket, quint32 subscription)
{
    const auto it = m_subscriptions.constFind(subscription);
    if (it != m_subscriptions.cend() && (*it)->socket == socket)
        remove(subscription);
}

void LivePublisher::dropClient(QLocalSocket* socket)
{
    QList<quint32> ids;
    for (const auto& s : std::as_const(m_subscriptions)) {
        if (s->socket == socket)
            ids << s->id;
    }
    for (quint32 id : ids)
        remove(id);
}

void LivePublisher::recheck()
{
    const QList<std::shared_ptr<Subscription>> all = m_subscriptions.values();
    for (const std::shared_ptr<Subscription>& s : all) {
        QString masks;
        Result<std::shared_ptr<media::StreamHub>> hub
                = m_engine.watch(s->hub->config().cameraId, s->role, &masks);
        if (hub && masks != s->masks) { // drawn again in the camera's settings
            s->masks = masks;
            s->socket->write(encodeMessage(masksMessage(s->id, masks)));
        }
        if (hub && hub.value() == s->hub)
            continue;
        s->hub->unsubscribe(s.get());
        s->take();
        if (!hub) {
            s->socket->write(encodeMessage(
                    QJsonObject {{QStringLiteral("type"), QStringLiteral("live_state")},
                            {QStringLiteral("subscription"), qint64(s->id)},
                            {QStringLiteral("state"), QStringLiteral("offline")},
                            {QStringLiteral("code"), QStringLiteral("removed")},
                            {QStringLiteral("message"), hub.error().message}}));
            m_subscriptions.remove(s->id);
            continue;
        }
        s->hub = std::move(hub).value();
        s->hub->subscribe(s.get());
        s->hub->start();
    }
}

void LivePublisher::remove(quint32 id)
{
    const std::shared_ptr<Subscription> s = m_subscriptions.take(id);
    if (!s)
        return;
    s->hub->unsubscribe(s.get()); // no offer() after this returns
    m_engine.audit(s->who, QLatin1String(security::audit::kLiveStop),
            QStringLiteral("camera %1").arg(s->cameraId),
            {{QStringLiteral("stream"), s->role},
                    {QStringLiteral("seconds"), qint64(s->since.elapsed() / 1000)}},
            s->cameraId);
}

void LivePublisher::flush(quint32 id)
{
    // Only the subscription that has something new: 16 cameras' packets would otherwise each
    // walk every subscription.
    const std::shared_ptr<Subscription> s = m_subscriptions.value(id);
    if (s) {
        for (const media::SourceItem& item : s->take()) {
            QJsonObject message;
            switch (item.kind) {
            case media::SourceItem::Kind::Tracks: {
                const media::StreamTracks::Track& video = item.tracks->tracks.front();
                const AVCodecParameters* par = video.parameters.get();
                const QByteArray extradata(
                        reinterpret_cast<const char*>(par->extradata), par->extradata_size);
                message = QJsonObject {{QStringLiteral("type"), QStringLiteral("live_tracks")},
                        {QStringLiteral("subscription"), qint64(s->id)},
                        {QStringLiteral("codec"),
                                par->codec_id == AV_CODEC_ID_HEVC ? QStringLiteral("hevc")
                                                                  : QStringLiteral("h264")},
                        {QStringLiteral("width"), par->width},
                        {QStringLiteral("height"), par->height},
                        {QStringLiteral("extradata"), QString::fromLatin1(extradata.toBase64())}};
                break;
            }
            case media::SourceItem::Kind::Connected:
                message = QJsonObject {{QStringLiteral("type"), QStringLiteral("live_state")},
                        {QStringLiteral("subscription"), qint64(s->id)},
                        {QStringLiteral("state"), QStringLiteral("online")}};
                break;
            case media::SourceItem::Kind::Disconnected:
                if (item.error.message.isEmpty())
                    continue;
                message = QJsonObject {{QStringLiteral("type"), QStringLiteral("live_state")},
                        {QStringLiteral("subscription"), qint64(s->id)},
                        {QStringLiteral("state"), QStringLiteral("offline")},
                        {QStringLiteral("code"), codeOf(item.error)},
                        {QStringLiteral("message"), item.error.message}};
                break;
            case media::SourceItem::Kind::Packet: {
                const bool keyframe = item.packet.info().keyframe;
                if (s->socketDropping && keyframe
                        && s->socket->bytesToWrite() <= kMaxSocketBacklogBytes / 2)
                    s->socketDropping = false;
                if (!s->socketDropping && s->socket->bytesToWrite() > kMaxSocketBacklogBytes)
                    s->socketDropping = true;
                if (!s->socketDropping)
                    s->socket->write(encodePacket(s->id, item.packet));
                continue;
            }
            case media::SourceItem::Kind::Notice:
                continue;
            }
            s->socket->write(encodeMessage(message));
        }
    }
}

} // namespace vigil::control
