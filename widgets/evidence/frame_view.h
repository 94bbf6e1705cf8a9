#pragma once

#include "core/redaction/redaction_log.h"

#include <QImage>
#include <QList>
#include <QWidget>

namespace vigil::widgets {

/// A video frame with the redaction's boxes over it. With the select tool, a click picks a
/// track and a drag moves its box (the corner handle resizes it); with the rectangle or ellipse
/// tool, a drag draws a new region. Coordinates given and signalled are the video's pixels.
class FrameView : public QWidget
{
    Q_OBJECT

public:
    enum class Tool { Select, Rectangle, Ellipse };

    struct Box
    {
        int trackId = 0;
        QRect rect;
        redaction::Shape shape = redaction::Shape::Rectangle;
        bool enabled = true;
    };

    explicit FrameView(QWidget* parent = nullptr);

    void setImage(const QImage& image, QSize videoSize);
    void setBoxes(const QList<Box>& boxes);
    void setSelected(const QList<int>& trackIds);
    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    /// Enabled boxes are drawn as what stays visible (inverted redaction).
    void setInverted(bool inverted);

    /// Where a rectangle of the video lies in the widget, and back.
    QRectF toWidget(const QRect& video) const;
    QRect toVideo(const QRectF& widget) const;

    QSize sizeHint() const override { return QSize(640, 360); }

Q_SIGNALS:
    void regionDrawn(const QRect& video, redaction::Shape shape);
    void trackClicked(int trackId, bool addToSelection);
    void boxChanged(int trackId, const QRect& video);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QRectF picture() const; ///< where the frame is drawn
    QRectF handle(const QRectF& box) const;

    QImage m_image;
    QSize m_videoSize;
    QList<Box> m_boxes;
    QList<int> m_selected;
    Tool m_tool = Tool::Select;
    bool m_inverted = false;
    enum class Drag { None, Draw, Move, Resize } m_drag = Drag::None;
    QPointF m_pressed;
    QRectF m_dragged; ///< widget coordinates
    int m_dragTrack = 0;
};

} // namespace vigil::widgets
