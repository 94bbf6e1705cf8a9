#pragma once

#include "core/control/live_feed.h"

#include <QImage>
#include <QJsonObject>
#include <QVideoFrame>
#include <QWidget>

#include <memory>

class QPainter;
class QToolButton;
class QVideoSink;

namespace vigil::live {
class PtzControl;
}

namespace vigil::security {
class Session;
}

namespace vigil::widgets {

/// One tile of the live grid: a camera's picture with its name, the time of the picture, a
/// recording dot, and its state in words whenever it is not live (connecting, offline and why,
/// wrong password) over a dimmed last picture, never a frozen frame that looks live. Shows the
/// sub stream; maximised, the main stream, switching when the first main picture is there so
/// that nothing goes black. It decodes only while someone can see it: hidden (another tile is
/// maximised, another page is shown) or in a minimised window, it holds no stream.
class LiveTile : public QWidget
{
    Q_OBJECT

public:
    /// The MIME type of a camera dragged from the camera list (its id as text).
    static constexpr char kCameraMime[] = "application/x-vigil-camera";

    LiveTile(control::LiveChannel* channel, int index, QWidget* parent = nullptr);
    ~LiveTile() override;

    int index() const { return m_index; }
    /// Shows `cameraId` (0: an empty tile) under `name`.
    void setCamera(qint64 cameraId, const QString& name);
    qint64 cameraId() const { return m_cameraId; }
    /// Who looks (snapshots are checked and audited); null: no accountability (tests).
    void setSession(security::Session* session) { m_session = session; }
    /// Steers the camera (checked and audited); what the pad's buttons and the arrow keys do.
    void ptzMove(double pan, double tilt, double zoom);
    void setRecording(bool recording);
    /// Maximised or full screen: the main stream.
    void setMaximised(bool maximised);
    bool isMaximised() const { return m_maximised; }

    /// The state line shown over the picture; empty while live.
    QString stateText() const;
    bool isLive() const;
    /// Frames decoded for this tile so far, over all its streams.
    qint64 decodedFrames() const;
    /// The camera's picture size of the picture shown (which is scaled to the tile), invalid
    /// before the first one.
    QSize frameSize() const { return m_pictureSize; }
    /// Saves the picture shown as a PNG named after the camera and the UTC time into `folder`:
    /// the file's path, or empty with nothing written when there is no picture or it fails.
    QString saveSnapshot(const QString& folder);
    const control::LiveFeed* feed() const { return m_feed.get(); }
    /// Pan, tilt and zoom for a PTZ camera (null: none): an on-screen pad while the pointer is
    /// over the tile, the arrow keys and +/− while it has the focus, presets in its menu.
    void setPtz(std::unique_ptr<live::PtzControl> ptz);
    live::PtzControl* ptz() const { return m_ptz.get(); }

Q_SIGNALS:
    void maximiseRequested(int index);
    void cameraDropped(int index, qint64 cameraId);
    /// "Play Back": the recorded footage of this tile's camera from `utcMs`.
    void playbackRequested(int index, qint64 utcMs);

protected:
    void paintEvent(QPaintEvent* event) override;
    void paintFrame(QPainter& p);
    /// The camera's name, recording dot and time over the picture.
    const QImage& titleBar(const QFont& bold, int bar);
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateActive();
    std::unique_ptr<control::LiveFeed> makeFeed(const QString& role);
    void adopt(std::unique_ptr<control::LiveFeed> feed);
    void placePad();
    QSize displaySize() const;

    control::LiveChannel* m_channel = nullptr;
    int m_index = 0;
    qint64 m_cameraId = 0;
    security::Session* m_session = nullptr;
    bool ptzAllowed(const QString& action, const QJsonObject& detail);
    QString m_name;
    bool m_recording = false;
    bool m_maximised = false;
    QVideoSink* m_sink = nullptr;
    QVideoFrame m_frame;
    QSize m_pictureSize;
    QImage m_title;
    QString m_titleKey; ///< what m_title shows
    qint64 m_titleSecond = 0; ///< of the time in m_titleTime
    QString m_titleTime;
    qint64 m_frameShownMs = 0;
    std::unique_ptr<control::LiveFeed> m_feed; ///< what the tile shows
    std::unique_ptr<control::LiveFeed> m_next; ///< the other stream, until its first picture
    qint64 m_decodedBefore = 0;
    QObject* m_watchedWindow = nullptr;
    std::unique_ptr<live::PtzControl> m_ptz;
    QWidget* m_pad = nullptr; ///< the on-screen PTZ buttons
};

} // namespace vigil::widgets
