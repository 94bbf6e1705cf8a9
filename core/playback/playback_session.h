#pragma once

#include "core/playback/archive_player.h"
#include "core/playback/playback_clock.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace vigil::security {
class Session;
}

namespace vigil::playback {

/// Playback of a layout of cameras on one clock: one ArchivePlayer per tile, each on a thread of
/// its own, driven by a PlaybackClock. At 1× and 2× forward every tile decodes every frame and
/// shows the frame of the clock's time; reverse and fast speeds show keyframes. When every tile
/// is in a gap while playing forward, the clock jumps to where the first of them resumes.
///
/// Opening footage is checked and audited through the window's security::Session: ViewPlayback
/// on each camera, and a reason for footage older than the configured age.
class PlaybackSession : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QString catalogPath;
        QString recordingsDir;
        security::Session* session = nullptr; ///< null: no checks (tests of core alone)
        /// Footage older than this needs a reason, written to the audit log (0: never).
        int reasonAgeDays = 7;
    };

    explicit PlaybackSession(Config config, QObject* parent = nullptr);
    ~PlaybackSession() override;

    /// Whether opening `utcMs` needs a reason (footage older than the configured age).
    bool needsReason(qint64 utcMs) const;
    /// Checks the user may play back each camera, audits the playback (with `reason` when one is
    /// needed), and shows the cameras' frames at `utcMs`. Refused: nothing changes.
    Result<void> open(const QList<qint64>& cameraIds, qint64 utcMs, const QString& reason = {});
    void close();
    QList<qint64> cameras() const;

    /// The picture size tile `index` draws at (frames come scaled to it).
    void setOutputSize(int index, QSize size);

    qint64 position() const;
    const PlaybackClock& clock() const { return m_clock; }
    void seek(qint64 utcMs);
    void play();
    void pause();
    void togglePlay();
    void setSpeed(int speed);
    void shuttle(PlaybackClock::Shuttle key);
    void step(int direction);

Q_SIGNALS:
    void frameShown(int index, const QVideoFrame& frame, qint64 utcMs, bool exact);
    void noRecording(int index, qint64 utcMs, qint64 nextMs, const QString& reason);
    void failed(int index, const QString& message);
    void positionChanged(qint64 utcMs);
    void clockChanged();

private:
    void tick();
    void driveTiles(bool seekExact);
    qint64 steadyMs() const { return m_steady.elapsed(); }
    void setClock(const PlaybackClock& clock);

    struct Tile;
    Config m_config;
    std::vector<std::unique_ptr<Tile>> m_tiles;
    PlaybackClock m_clock;
    QElapsedTimer m_steady;
    QTimer m_timer;
};

} // namespace vigil::playback
