#pragma once

#include "core/control/control_protocol.h"
#include "core/media/packet.h"
#include "core/media/privacy_mask.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QString>
#include <QVideoFrame>

#include <atomic>
#include <memory>
#include <vector>

class QLocalSocket;
class QThread;
class QTimer;
class QVideoSink;

namespace vigil::media {
class VideoDecoder;
}

namespace vigil::control {

class LiveFeed;

/// A window's connection to the recorder for live video: its own local socket (status and
/// commands go through RecorderLink, so that video never delays them), the subscriptions of
/// the window's feeds, and the threads their decoders share (as many as the machine has
/// cores). Reconnects when the recorder restarts; its feeds then subscribe again.
class LiveChannel : public QObject
{
    Q_OBJECT

public:
    explicit LiveChannel(QString dataDir, QObject* parent = nullptr);
    ~LiveChannel() override;

    bool isConnected() const { return m_greeted; }
    /// The Vigil user to log in as (see RecorderLink::setCredentials); a change reconnects,
    /// and the feeds subscribe again as the new user.
    void setCredentials(const Credentials& credentials);
    /// Subscriptions open now (for tests: hidden tiles hold none).
    int subscriptionCount() const { return int(m_feeds.size()); }

Q_SIGNALS:
    void connectedChanged(bool connected);

private:
    friend class LiveFeed;

    void open();
    void read();
    void handle(const QJsonObject& message);
    void send(const QJsonObject& message);
    /// A feed wants (or no longer wants) packets.
    void request(LiveFeed* feed);
    void release(LiveFeed* feed);
    QThread* decoderThread();

    QString m_dataDir;
    QLocalSocket* m_socket = nullptr;
    QTimer* m_retry = nullptr;
    bool m_greeted = false;
    QByteArray m_buffer;
    std::unique_ptr<class FrameReader> m_reader;
    qint64 m_nextRequest = 1;
    Credentials m_credentials;
    QHash<qint64, QPointer<LiveFeed>> m_pending; ///< request id → feed
    QHash<quint32, QPointer<LiveFeed>> m_feeds; ///< subscription → feed
    std::vector<QThread*> m_threads;
    size_t m_nextThread = 0;
};

/// What a live tile shows of one camera stream: it subscribes while it is active (someone looks),
/// decodes on one of the channel's decoder threads and hands frames to a QVideoSink; hidden, it
/// holds no subscription and no decoder. Says what state the stream is in, so that a tile never
/// shows a frozen frame that looks live.
class LiveFeed : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Idle, ///< not active
        Connecting, ///< subscribed, no picture yet
        Live,
        Offline, ///< the camera does not answer or ended the stream (reason())
        WrongLogin, ///< the camera refuses the stored user name or password
        Unavailable, ///< the recorder is not running, or refused (reason())
    };
    Q_ENUM(State)

    LiveFeed(LiveChannel& channel, qint64 cameraId, QString role, QObject* parent = nullptr);
    ~LiveFeed() override;

    qint64 cameraId() const { return m_cameraId; }
    QString role() const { return m_role; }
    /// Frames go to `sink` (on the GUI thread; the last frame stays there when the feed stops).
    void setVideoSink(QVideoSink* sink);
    /// The size the pictures are shown at (device pixels): frames reach the sink as RGB
    /// pictures of about that size, converted and scaled on the decoder's thread. Empty: the
    /// decoder's YUV pictures at the camera's size.
    void setDisplaySize(QSize size);
    /// The newest picture decoded, at the camera's full size (null when none is decoding).
    QImage lastPicture() const;
    /// Someone looks: subscribe and decode. Not active: unsubscribe and drop the decoder.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    State state() const { return m_state; }
    /// Why it is offline or unavailable, as the recorder said it (translated).
    QString reason() const { return m_reason; }
    /// The stream's picture size (from its tracks); invalid before.
    QSize frameSize() const { return m_size; }
    /// Frames decoded since the feed was made (over all its decoders).
    qint64 decodedFrames() const { return m_decodedBefore + (m_decoder ? currentDecoded() : 0); }
    /// Wall-clock time of the newest frame shown.
    qint64 lastFrameWallMs() const { return m_lastFrameWallMs; }
    /// Packet arrival → frame at the sink, in ms, for the frames shown so far (benchmarks).
    const std::vector<qint64>& latenciesMs() const { return m_latencies; }

Q_SIGNALS:
    void stateChanged(vigil::control::LiveFeed::State state);
    /// A frame reached the sink (the first one after a switch ends the old picture).
    void frameShown();

private:
    friend class LiveChannel;

    void setState(State state, const QString& reason = {});
    void subscribed(quint32 subscription);
    void refused(const QString& reason);
    void tracks(const QString& codec, QSize size, const QByteArray& extradata);
    /// The camera's privacy masks as the recorder sent them (blacked out of every picture).
    void setPrivacyMask(const QString& json);
    void packet(const media::Packet& packet);
    void liveState(const QString& state, const QString& code, const QString& message);
    void channelLost();
    void dropDecoder();
    qint64 currentDecoded() const;

    LiveChannel& m_channel;
    qint64 m_cameraId = 0;
    QString m_role;
    QPointer<QVideoSink> m_sink;
    bool m_active = false;
    quint32 m_subscription = 0; ///< 0: none
    bool m_requested = false;
    State m_state = State::Idle;
    QString m_reason;
    QSize m_size;
    media::VideoDecoder* m_decoder = nullptr; ///< lives on a decoder thread
    media::PrivacyMask m_mask;
    QSize m_displaySize;
    /// Counts the decoders this feed made: a frame of a dropped decoder, still on its way to
    /// the GUI thread, is not shown (it would say "live" after the camera went offline).
    quint64 m_decoderGeneration = 0;
    qint64 m_decodedBefore = 0;
    qint64 m_lastFrameWallMs = 0;
    std::shared_ptr<std::atomic<int>> m_framesInFlight;
    struct Arrival
    {
        qint64 steadyMs = 0; ///< when it arrived
        qint64 wallMs = 0; ///< when it was captured
    };
    QHash<qint64, Arrival> m_arrivals; ///< by the packet's pts
    std::vector<qint64> m_latencies;
};

} // namespace vigil::control
