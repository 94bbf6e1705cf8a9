#include "core/playback/playback_session.h"

#include "core/security/access.h"
#include "core/security/audit_actions.h"
#include "core/security/session.h"

#include <QDateTime>
#include <QJsonObject>
#include <QThread>

namespace vigil::playback {

namespace {

/// How often the clock moves the tiles while playing (50 Hz: every frame of a 25 fps camera is
/// asked for on time).
constexpr int kTickMs = 20;
/// How far behind the present the clock stays at the most: the newest fragment of a file being
/// written is complete about a second after its first frame.
constexpr qint64 kLiveEdgeMs = 1500;

} // namespace

struct PlaybackSession::Tile
{
    QThread thread;
    ArchivePlayer* player = nullptr; ///< lives on `thread`; deleted there
    qint64 cameraId = 0;
    /// Where its footage resumes after the gap it is in (-1: not in a gap; 0: none after).
    qint64 gapNextMs = -1;

    ~Tile()
    {
        if (player)
            QMetaObject::invokeMethod(player, &QObject::deleteLater);
        thread.quit();
        thread.wait();
    }
};

PlaybackSession::PlaybackSession(Config config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    m_steady.start();
    m_timer.setInterval(kTickMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackSession::tick);
}

PlaybackSession::~PlaybackSession()
{
    close();
}

bool PlaybackSession::needsReason(qint64 utcMs) const
{
    return m_config.reasonAgeDays > 0
            && utcMs < QDateTime::currentMSecsSinceEpoch()
                    - qint64(m_config.reasonAgeDays) * 24 * 3600 * 1000;
}

Result<void> PlaybackSession::open(
        const QList<qint64>& cameraIds, qint64 utcMs, const QString& reason)
{
    if (needsReason(utcMs) && reason.trimmed().isEmpty())
        return Error {Error::Code::InvalidArgument,
                tr("Footage older than %n day(s) can be played only with a reason, which the "
                   "audit log keeps.",
                        nullptr, m_config.reasonAgeDays),
                {}};
    if (security::Session* s = m_config.session) {
        for (const qint64 camera : cameraIds) {
            if (Result<void> allowed = s->check(security::Permission::ViewPlayback, camera,
                        QLatin1String(security::audit::kPlayback));
                    !allowed)
                return allowed;
        }
        const QString at = QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODate);
        for (const qint64 camera : cameraIds) {
            QJsonObject detail;
            if (!reason.trimmed().isEmpty())
                detail.insert(QStringLiteral("reason"), reason.trimmed());
            if (Result<qint64> written
                    = s->audit(QLatin1String(security::audit::kPlayback), at, detail, camera);
                    !written)
                return written.error();
        }
    }
    close();
    for (int i = 0; i < cameraIds.size(); ++i) {
        auto tile = std::make_unique<Tile>();
        tile->cameraId = cameraIds.at(i);
        ArchivePlayer::Config c;
        c.catalogPath = m_config.catalogPath;
        c.recordingsDir = m_config.recordingsDir;
        c.cameraId = cameraIds.at(i);
        tile->player = new ArchivePlayer(c);
        tile->player->moveToThread(&tile->thread);
        tile->thread.setObjectName(QStringLiteral("playback %1").arg(cameraIds.at(i)));
        tile->thread.start();
        Tile* raw = tile.get();
        connect(tile->player, &ArchivePlayer::frameShown, this,
                [this, i, raw](const QVideoFrame& frame, qint64 t, bool exact) {
                    raw->gapNextMs = -1;
                    Q_EMIT frameShown(i, frame, t, exact);
                });
        connect(tile->player, &ArchivePlayer::noRecording, this,
                [this, i, raw](qint64 t, qint64 next, const QString& why) {
                    raw->gapNextMs = next;
                    Q_EMIT noRecording(i, t, next, why);
                });
        connect(tile->player, &ArchivePlayer::failed, this,
                [this, i](qint64, const QString& message) { Q_EMIT failed(i, message); });
        m_tiles.push_back(std::move(tile));
    }
    setClock(m_clock.seeked(utcMs, steadyMs()).paused(steadyMs()));
    driveTiles(true);
    return {};
}

void PlaybackSession::close()
{
    m_timer.stop();
    m_tiles.clear();
    m_clock.playing = false;
}

QList<qint64> PlaybackSession::cameras() const
{
    QList<qint64> ids;
    for (const auto& t : m_tiles)
        ids << t->cameraId;
    return ids;
}

void PlaybackSession::setOutputSize(int index, QSize size)
{
    if (index >= 0 && index < int(m_tiles.size()))
        m_tiles[std::size_t(index)]->player->setOutputSize(size);
}

qint64 PlaybackSession::position() const
{
    return m_clock.positionAt(steadyMs());
}

void PlaybackSession::setClock(const PlaybackClock& wanted)
{
    // Never past what can have been recorded: playing on at the live edge stays just behind it.
    PlaybackClock clock = wanted;
    const qint64 edge = QDateTime::currentMSecsSinceEpoch() - kLiveEdgeMs;
    if (clock.positionAt(steadyMs()) > edge)
        clock = clock.seeked(edge, steadyMs());
    const bool changed = !(clock == m_clock);
    m_clock = clock;
    if (m_clock.playing && !m_tiles.empty())
        m_timer.start();
    else
        m_timer.stop();
    if (changed)
        Q_EMIT clockChanged();
    Q_EMIT positionChanged(position());
}

void PlaybackSession::seek(qint64 utcMs)
{
    setClock(m_clock.seeked(utcMs, steadyMs()));
    driveTiles(true);
}

void PlaybackSession::play()
{
    setClock(m_clock.played(steadyMs()));
}

void PlaybackSession::pause()
{
    setClock(m_clock.paused(steadyMs()));
    driveTiles(true); // the exact frame of where it stopped
}

void PlaybackSession::togglePlay()
{
    if (m_clock.playing)
        pause();
    else
        play();
}

void PlaybackSession::setSpeed(int speed)
{
    setClock(m_clock.withSpeed(speed, steadyMs()));
}

void PlaybackSession::shuttle(PlaybackClock::Shuttle key)
{
    setClock(m_clock.shuttled(key, steadyMs()));
    if (!m_clock.playing)
        driveTiles(true);
}

void PlaybackSession::step(int direction)
{
    if (m_clock.playing)
        setClock(m_clock.paused(steadyMs()));
    for (const auto& t : m_tiles)
        t->player->step(direction);
    // The clock follows the tiles: a frame is 40 ms at 25 fps; the exact time comes with the
    // first tile's frame.
    if (!m_tiles.empty()) {
        auto* first = m_tiles.front()->player;
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = connect(first, &ArchivePlayer::frameShown, this,
                [this, connection](const QVideoFrame&, qint64 t, bool exact) {
                    if (!exact)
                        return;
                    disconnect(*connection);
                    setClock(m_clock.seeked(t, steadyMs()));
                });
    }
}

void PlaybackSession::tick()
{
    if (m_clock.speed > 1 && position() > QDateTime::currentMSecsSinceEpoch() - kLiveEdgeMs) {
        setClock(m_clock.withSpeed(1, steadyMs())); // caught up with the present: real time
    } else if (position() > QDateTime::currentMSecsSinceEpoch() - kLiveEdgeMs) {
        setClock(m_clock);
    }
    const qint64 now = position();
    // Every tile in a gap while playing forward: on to where the first resumes.
    if (m_clock.speed > 0 && !m_tiles.empty()) {
        qint64 resume = 0;
        bool allInGap = true;
        for (const auto& t : m_tiles) {
            if (t->gapNextMs < 0) {
                allInGap = false;
                break;
            }
            if (t->gapNextMs > 0 && (resume == 0 || t->gapNextMs < resume))
                resume = t->gapNextMs;
        }
        if (allInGap && resume > now) {
            setClock(m_clock.seeked(resume, steadyMs()));
            driveTiles(false);
            return;
        }
        if (allInGap && resume == 0) {
            pause(); // the end of the footage
            return;
        }
    }
    Q_EMIT positionChanged(now);
    driveTiles(false);
}

void PlaybackSession::driveTiles(bool seekExact)
{
    const qint64 t = position();
    for (const auto& tile : m_tiles) {
        if (seekExact)
            tile->player->seek(t);
        else if (m_clock.keyframesOnly())
            tile->player->seek(t, ArchivePlayer::SeekMode::Keyframe);
        else
            tile->player->advance(t);
    }
}

} // namespace vigil::playback
