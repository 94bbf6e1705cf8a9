#include "widgets/evidence/frame_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace vigil::widgets {

namespace {

constexpr qreal kHandle = 10;

void drawShape(QPainter& p, const QRectF& r, redaction::Shape shape)
{
    if (shape == redaction::Shape::Ellipse)
        p.drawEllipse(r);
    else
        p.drawRect(r);
}

} // namespace

FrameView::FrameView(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(320, 180);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Frame"));
}

void FrameView::setImage(const QImage& image, QSize videoSize)
{
    m_image = image;
    m_videoSize = videoSize;
    update();
}

void FrameView::setBoxes(const QList<Box>& boxes)
{
    m_boxes = boxes;
    update();
}

void FrameView::setSelected(const QList<int>& trackIds)
{
    m_selected = trackIds;
    update();
}

void FrameView::setTool(Tool tool)
{
    m_tool = tool;
    setCursor(tool == Tool::Select ? Qt::ArrowCursor : Qt::CrossCursor);
}

void FrameView::setInverted(bool inverted)
{
    m_inverted = inverted;
    update();
}

QRectF FrameView::picture() const
{
    if (m_videoSize.isEmpty())
        return rect();
    const QSizeF fitted = QSizeF(m_videoSize).scaled(size(), Qt::KeepAspectRatio);
    return QRectF(
            QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

QRectF FrameView::toWidget(const QRect& video) const
{
    if (m_videoSize.isEmpty())
        return {};
    const QRectF shown = picture();
    const qreal sx = shown.width() / m_videoSize.width();
    const qreal sy = shown.height() / m_videoSize.height();
    return QRectF(shown.left() + video.x() * sx, shown.top() + video.y() * sy, video.width() * sx,
            video.height() * sy);
}

QRect FrameView::toVideo(const QRectF& widget) const
{
    if (m_videoSize.isEmpty())
        return {};
    const QRectF shown = picture();
    const qreal sx = m_videoSize.width() / shown.width();
    const qreal sy = m_videoSize.height() / shown.height();
    const QRectF r = widget.normalized();
    return QRect(int((r.left() - shown.left()) * sx), int((r.top() - shown.top()) * sy),
            int(r.width() * sx), int(r.height() * sy))
            .intersected(QRect(QPoint(0, 0), m_videoSize));
}

QRectF FrameView::handle(const QRectF& box) const
{
    return QRectF(box.bottomRight() - QPointF(kHandle / 2, kHandle / 2), QSizeF(kHandle, kHandle));
}

void FrameView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (!m_image.isNull())
        p.drawImage(picture(), m_image);
    p.setRenderHint(QPainter::Antialiasing);
    // Red: hidden; white dashed: left visible; (inverted: green is what stays visible).
    const QColor on = m_inverted ? QColor(60, 220, 90) : QColor(240, 50, 50);
    for (const Box& b : std::as_const(m_boxes)) {
        QRectF r = toWidget(b.rect);
        if (m_drag != Drag::None && m_drag != Drag::Draw && b.trackId == m_dragTrack)
            r = m_dragged;
        const bool selected = m_selected.contains(b.trackId);
        QPen pen(b.enabled ? on : QColor(255, 255, 255), selected ? 3 : 1.5,
                b.enabled ? Qt::SolidLine : Qt::DashLine);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        drawShape(p, r, b.shape);
        if (selected) {
            p.setBrush(pen.color());
            p.drawRect(handle(r));
        }
    }
    if (m_drag == Drag::Draw) {
        p.setPen(QPen(QColor(255, 210, 0), 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        drawShape(p, m_dragged.normalized(),
                m_tool == Tool::Ellipse ? redaction::Shape::Ellipse : redaction::Shape::Rectangle);
    }
}

void FrameView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_videoSize.isEmpty())
        return;
    m_pressed = event->position();
    if (m_tool != Tool::Select) {
        m_drag = Drag::Draw;
        m_dragged = QRectF(m_pressed, m_pressed);
        return;
    }
    // The selected track's handle first, then the smallest box under the pointer.
    for (const Box& b : std::as_const(m_boxes)) {
        if (m_selected.contains(b.trackId) && handle(toWidget(b.rect)).contains(m_pressed)) {
            m_drag = Drag::Resize;
            m_dragTrack = b.trackId;
            m_dragged = toWidget(b.rect);
            return;
        }
    }
    const Box* hit = nullptr;
    for (const Box& b : std::as_const(m_boxes)) {
        if (toWidget(b.rect).contains(m_pressed)
                && (!hit
                        || b.rect.width() * b.rect.height()
                                < hit->rect.width() * hit->rect.height()))
            hit = &b;
    }
    if (!hit)
        return;
    const bool add = event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier);
    Q_EMIT trackClicked(hit->trackId, add);
    m_drag = Drag::Move;
    m_dragTrack = hit->trackId;
    m_dragged = toWidget(hit->rect);
}

void FrameView::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF at = event->position();
    switch (m_drag) {
    case Drag::None:
        return;
    case Drag::Draw:
        m_dragged.setBottomRight(at);
        break;
    case Drag::Move: {
        const QPointF delta = at - m_pressed;
        m_pressed = at;
        m_dragged.translate(delta);
        break;
    }
    case Drag::Resize:
        m_dragged.setBottomRight(QPointF(
                std::max(at.x(), m_dragged.left() + 4), std::max(at.y(), m_dragged.top() + 4)));
        break;
    }
    update();
}

void FrameView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None)
        return;
    mouseMoveEvent(event); // where the button came up counts
    const Drag drag = std::exchange(m_drag, Drag::None);
    const QRect video = toVideo(m_dragged);
    update();
    if (drag == Drag::Draw) {
        if (video.width() >= 4 && video.height() >= 4)
            Q_EMIT regionDrawn(video,
                    m_tool == Tool::Ellipse ? redaction::Shape::Ellipse
                                            : redaction::Shape::Rectangle);
        return;
    }
    // A click without a move changes nothing.
    for (const Box& b : std::as_const(m_boxes)) {
        const QRectF was = toWidget(b.rect);
        const qreal moved = (was.topLeft() - m_dragged.topLeft()).manhattanLength()
                + (was.bottomRight() - m_dragged.bottomRight()).manhattanLength();
        if (b.trackId == m_dragTrack && moved > 2 && video.width() >= 4 && video.height() >= 4)
            Q_EMIT boxChanged(m_dragTrack, video);
    }
}

} // namespace vigil::widgets
