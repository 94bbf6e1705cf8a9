#include "core/control/live_feed.h"

#include "core/control/control_protocol.h"
#include "core/logging_categories.h"
#include "core/media/video_decoder.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLocalSocket>
#include <QThread>
#include <QTimer>
#include <QVideoSink>

namespace vigil::control {

namespace {

/// Decoded frames on their way to the GUI thread beyond this are dropped: a busy window shows
/// the newest picture late rather than a queue of old ones.
constexpr int kMaxFramesInFlight = 2;
constexpr int kRetryMs = 1000;

qint64 steadyNowMs()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.elapsed();
}

} // namespace

// ---- LiveChannel ----

LiveChannel::LiveChannel(QString dataDir, QObject* parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_reader(std::make_unique<FrameReader>(true))
{
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    m_retry->setInterval(kRetryMs);
    connect(m_retry, &QTimer::timeout, this, &LiveChannel::open);
    open();
}

LiveChannel::~LiveChannel()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    for (QThread* t : m_threads) {
        t->quit();
        t->wait();
    }
}

QThread* LiveChannel::decoderThread()
{
    if (m_threads.empty()) {
        const int n = qMax(1, QThread::idealThreadCount());
        for (int i = 0; i < n; ++i) {
            auto* t = new QThread(this);
            t->setObjectName(QStringLiteral("vigil-decode-%1").arg(i + 1));
            t->start();
            m_threads.push_back(t);
        }
    }
    QThread* t = m_threads[m_nextThread % m_threads.size()];
    ++m_nextThread;
    return t;
}

void LiveChannel::setCredentials(const Credentials& credentials)
{
    if (credentials.login == m_credentials.login && credentials.password == m_credentials.password)
        return;
    m_credentials = credentials;
    if (m_socket)
        m_socket->abort(); // reconnects; the feeds then subscribe again as the new user
}

void LiveChannel::open()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_greeted = false;
    *m_reader = FrameReader(true);
    m_socket = new QLocalSocket(this);
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        send(QJsonObject {{QStringLiteral("type"), QStringLiteral("hello")},
                {QStringLiteral("protocol"), kProtocolVersion},
                {QStringLiteral("client"), QStringLiteral("vigil live")}});
        if (!m_credentials.isEmpty()) // answered before any subscription
            send(loginRequest(m_credentials));
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &LiveChannel::read);
    const auto lost = [this] {
        const bool was = m_greeted;
        m_greeted = false;
        const QList<QPointer<LiveFeed>> feeds = m_feeds.values() + m_pending.values();
        m_feeds.clear();
        m_pending.clear();
        for (const QPointer<LiveFeed>& f : feeds) {
            if (f)
                f->channelLost();
        }
        if (was)
            Q_EMIT connectedChanged(false);
        m_retry->start();
    };
    // Unconnected after a failed attempt (no recorder yet) as after a lost connection; the
    // state changes after errorOccurred, and may change inside connectToServer().
    connect(m_socket, &QLocalSocket::stateChanged, this,
            [this, lost](QLocalSocket::LocalSocketState state) {
                if (state == QLocalSocket::UnconnectedState)
                    QMetaObject::invokeMethod(this, lost, Qt::QueuedConnection);
            });
    m_socket->connectToServer(socketPath(m_dataDir));
}

void LiveChannel::send(const QJsonObject& message)
{
    if (m_socket && m_socket->state() == QLocalSocket::ConnectedState)
        m_socket->write(encodeMessage(message));
}

void LiveChannel::read()
{
    const qint64 arrived = steadyNowMs();
    const QList<Frame> frames = m_reader->feedFrames(m_socket->readAll());
    for (const Frame& f : frames) {
        if (f.kind == FrameKind::Packet) {
            const QPointer<LiveFeed> feed = m_feeds.value(f.subscription);
            if (feed) {
                feed->m_arrivals.insert(
                        f.packet.info().pts, LiveFeed::Arrival {arrived, f.packet.info().wallMs});
                feed->packet(f.packet);
            }
            continue;
        }
        handle(f.message);
    }
    if (!m_reader->error().isEmpty()) {
        qCWarning(lcRecording) << "live channel:" << m_reader->error();
        m_socket->abort();
    }
}

void LiveChannel::handle(const QJsonObject& message)
{
    const QString type = message.value(QLatin1String("type")).toString();
    if (type == QLatin1String("hello")) {
        m_greeted = true;
        Q_EMIT connectedChanged(true);
        return;
    }
    const qint64 id = message.value(QLatin1String("id")).toInteger();
    if (type == QLatin1String("live_subscribed")) {
        const QPointer<LiveFeed> feed = m_pending.take(id);
        const auto subscription = quint32(message.value(QLatin1String("subscription")).toInteger());
        if (feed && feed->m_requested) {
            m_feeds.insert(subscription, feed);
            feed->setPrivacyMask(message.value(QLatin1String("masks")).toString());
            feed->subscribed(subscription);
        } else {
            send(QJsonObject {{QStringLiteral("type"), QStringLiteral("live_unsubscribe")},
                    {QStringLiteral("subscription"), qint64(subscription)}});
        }
        return;
    }
    if (type == QLatin1String("error") && m_pending.contains(id)) {
        const QPointer<LiveFeed> feed = m_pending.take(id);
        if (feed)
            feed->refused(message.value(QLatin1String("message")).toString());
        return;
    }
    const auto subscription = quint32(message.value(QLatin1String("subscription")).toInteger());
    const QPointer<LiveFeed> feed = m_feeds.value(subscription);
    if (!feed)
        return;
    if (type == QLatin1String("live_tracks")) {
        feed->tracks(message.value(QLatin1String("codec")).toString(),
                QSize(message.value(QLatin1String("width")).toInt(),
                        message.value(QLatin1String("height")).toInt()),
                QByteArray::fromBase64(
                        message.value(QLatin1String("extradata")).toString().toLatin1()));
    } else if (type == QLatin1String("live_masks")) {
        feed->setPrivacyMask(message.value(QLatin1String("masks")).toString());
    } else if (type == QLatin1String("live_state")) {
        feed->liveState(message.value(QLatin1String("state")).toString(),
                message.value(QLatin1String("code")).toString(),
                message.value(QLatin1String("message")).toString());
    }
}

void LiveChannel::request(LiveFeed* feed)
{
    if (!m_greeted) {
        feed->setState(LiveFeed::State::Unavailable,
                tr("The recorder is not running: live video starts with it."));
        return; // the feed asks again when the channel is back (channelLost → connectedChanged)
    }
    const qint64 id = m_nextRequest++;
    m_pending.insert(id, feed);
    send(QJsonObject {{QStringLiteral("type"), QStringLiteral("live_subscribe")},
            {QStringLiteral("id"), id}, {QStringLiteral("camera"), feed->cameraId()},
            {QStringLiteral("role"), feed->role()}});
}

void LiveChannel::release(LiveFeed* feed)
{
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it.value() == feed)
            it = m_pending.erase(it);
        else
            ++it;
    }
    if (feed->m_subscription != 0) {
        m_feeds.remove(feed->m_subscription);
        send(QJsonObject {{QStringLiteral("type"), QStringLiteral("live_unsubscribe")},
                {QStringLiteral("subscription"), qint64(feed->m_subscription)}});
    }
}

// ---- LiveFeed ----

LiveFeed::LiveFeed(LiveChannel& channel, qint64 cameraId, QString role, QObject* parent)
    : QObject(parent)
    , m_channel(channel)
    , m_cameraId(cameraId)
    , m_role(std::move(role))
    , m_framesInFlight(std::make_shared<std::atomic<int>>(0))
{
    connect(&m_channel, &LiveChannel::connectedChanged, this, [this](bool connected) {
        if (connected && m_active && !m_requested) {
            m_requested = true;
            setState(State::Connecting);
            m_channel.request(this);
        }
    });
}

LiveFeed::~LiveFeed()
{
    setActive(false);
}

void LiveFeed::setVideoSink(QVideoSink* sink)
{
    m_sink = sink;
}

void LiveFeed::setDisplaySize(QSize size)
{
    m_displaySize = size;
    if (m_decoder)
        m_decoder->setOutputSize(size);
}

QImage LiveFeed::lastPicture() const
{
    return m_decoder ? m_decoder->lastPicture() : QImage();
}

void LiveFeed::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (active) {
        m_requested = m_channel.isConnected();
        setState(State::Connecting);
        m_channel.request(this);
        return;
    }
    m_channel.release(this);
    m_requested = false;
    m_subscription = 0;
    dropDecoder();
    setState(State::Idle);
}

void LiveFeed::setState(State state, const QString& reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    Q_EMIT stateChanged(state);
}

void LiveFeed::subscribed(quint32 subscription)
{
    m_subscription = subscription;
}

void LiveFeed::refused(const QString& reason)
{
    m_requested = false;
    setState(State::Unavailable, reason);
}

void LiveFeed::channelLost()
{
    m_subscription = 0;
    m_requested = false;
    dropDecoder();
    if (m_active)
        setState(State::Unavailable, tr("The recorder is not running: live video starts with it."));
}

qint64 LiveFeed::currentDecoded() const
{
    return m_decoder ? m_decoder->decodedFrames() : 0;
}

void LiveFeed::dropDecoder()
{
    if (!m_decoder)
        return;
    m_decodedBefore += m_decoder->decodedFrames();
    ++m_decoderGeneration;
    m_decoder->disconnect(this);
    m_decoder->deleteLater(); // on its thread, after the packets queued to it
    m_decoder = nullptr;
    m_arrivals.clear();
}

void LiveFeed::setPrivacyMask(const QString& json)
{
    QString problem;
    // Masks that cannot be read hide the whole picture rather than nothing.
    m_mask = media::PrivacyMask::forCatalog(json, &problem);
    if (!problem.isEmpty())
        qCWarning(lcRecording) << "camera" << m_cameraId << "privacy masks:" << problem;
    if (m_decoder)
        m_decoder->setPrivacyMask(m_mask);
}

void LiveFeed::tracks(const QString& codec, QSize size, const QByteArray& extradata)
{
    dropDecoder();
    m_size = size;
    m_decoder = new media::VideoDecoder(codec == QLatin1String("hevc")
                    ? media::VideoDecoder::Codec::H265
                    : media::VideoDecoder::Codec::H264,
            extradata, size);
    m_decoder->setOutputSize(m_displaySize);
    m_decoder->setPrivacyMask(m_mask);
    m_decoder->moveToThread(m_channel.decoderThread());
    // From the decoder's thread: at most a couple of frames on their way to the GUI thread.
    const std::shared_ptr<std::atomic<int>> inFlight = m_framesInFlight;
    const QPointer<LiveFeed> self(this);
    const quint64 generation = m_decoderGeneration;
    connect(
            m_decoder, &media::VideoDecoder::frameDecoded, m_decoder,
            [inFlight, self, generation](const QVideoFrame& frame) {
                if (inFlight->load() >= kMaxFramesInFlight)
                    return;
                ++*inFlight;
                QMetaObject::invokeMethod(
                        self.data(),
                        [inFlight, self, generation, frame] {
                            --*inFlight;
                            if (!self || !self->m_active || self->m_decoderGeneration != generation)
                                return;
                            const Arrival arrived = self->m_arrivals.take(frame.startTime());
                            if (arrived.steadyMs > 0) {
                                self->m_latencies.push_back(steadyNowMs() - arrived.steadyMs);
                                self->m_lastFrameWallMs = arrived.wallMs;
                            }
                            if (self->m_sink)
                                self->m_sink->setVideoFrame(frame);
                            if (self->m_state != State::Live)
                                self->setState(State::Live);
                            Q_EMIT self->frameShown();
                        },
                        Qt::QueuedConnection);
            },
            Qt::DirectConnection);
}

void LiveFeed::packet(const media::Packet& packet)
{
    if (!m_decoder)
        return;
    // Arrival times of packets that never became a frame (dropped, still in the decoder's
    // reorder buffer) are forgotten after a while.
    if (m_arrivals.size() > 256)
        m_arrivals.clear();
    media::VideoDecoder* decoder = m_decoder;
    QMetaObject::invokeMethod(
            decoder, [decoder, packet] { decoder->decode(packet); }, Qt::QueuedConnection);
}

void LiveFeed::liveState(const QString& state, const QString& code, const QString& message)
{
    if (state == QLatin1String("online")) {
        if (m_state != State::Live)
            setState(State::Connecting);
    } else if (state == QLatin1String("offline")) {
        dropDecoder();
        if (code == QLatin1String("login"))
            setState(State::WrongLogin,
                    tr("The camera refuses the user name or password Vigil has for it."));
        else
            setState(State::Offline, message);
    } else {
        setState(State::Connecting);
    }
}

} // namespace vigil::control
