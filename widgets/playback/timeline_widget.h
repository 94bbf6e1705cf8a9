#pragma once

#include "core/playback/timeline.h"

#include <QHash>
#include <QImage>
#include <QWidget>

class QLabel;

namespace vigil::widgets {

/// Paints a layout's timeline: one row per camera with its recorded spans and its gaps (the
/// reason in a tooltip), bookmarks above, the time scale below and the playhead. Zooms with the
/// mouse wheel around the cursor (a second to 30 days across), pans by dragging, seeks by a
/// click. It only paints and forwards input: what it shows comes from setData().
class TimelineWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineWidget(QWidget* parent = nullptr);

    void setCameraNames(const QList<QPair<qint64, QString>>& cameras);
    void setData(const playback::TimelineData& data);
    const playback::TimelineData& data() const { return m_data; }
    void setView(const playback::TimelineView& view);
    const playback::TimelineView& view() const { return m_view; }
    void setPosition(qint64 utcMs);
    qint64 position() const { return m_position; }
    /// The stretch chosen by dragging with Shift held (empty when none).
    playback::TimeSpan selection() const { return m_selection; }
    void setSelection(playback::TimeSpan span);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The user clicked or dragged the playhead to a time.
    void seekRequested(qint64 utcMs);
    /// What is visible changed (zoom, pan, resize): its data should be loaded.
    void viewChanged(const vigil::playback::TimelineView& view);
    /// The mouse rests on a camera's recorded footage at `utcMs`: its picture is wanted.
    void thumbnailWanted(qint64 cameraId, qint64 utcMs);

public:
    /// Shows `image` (recorded at `utcMs`) above the mouse while it stays on the timeline.
    void showThumbnail(qint64 cameraId, qint64 utcMs, const QImage& image);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QRect rowRect(int row) const;
    QString tooltipAt(QPoint pos) const;

    playback::TimelineData m_data;
    playback::TimelineView m_view;
    QList<QPair<qint64, QString>> m_cameras;
    qint64 m_position = 0;
    QPoint m_pressPos;
    playback::TimelineView m_pressView;
    bool m_dragging = false;
    bool m_scrubbing = false; ///< dragging on the scale: the playhead follows
    bool m_selecting = false; ///< dragging with Shift: a stretch is chosen
    playback::TimeSpan m_selection;
    QLabel* m_thumbnail = nullptr; ///< a tooltip-like window with the hovered moment's picture
    qint64 m_hoverCamera = 0;
    qint64 m_hoverMs = 0;
    QPoint m_hoverPos;
};

} // namespace vigil::widgets
