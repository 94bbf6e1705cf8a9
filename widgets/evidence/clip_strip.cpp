#include "widgets/evidence/clip_strip.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace vigil::widgets {

ClipStrip::ClipStrip(QWidget* parent)
    : QWidget(parent)
{
    setFixedHeight(22);
}

void ClipStrip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const auto band = [&](const QList<redaction::FrameRange>& ranges, qreal y, qreal h,
                              const QColor& color) {
        for (const redaction::FrameRange& r : ranges)
            p.fillRect(
                    QRectF(xOf(r.first), y, std::max<qreal>(1, xOf(r.last + 1) - xOf(r.first)), h),
                    color);
    };
    band(muted, 0, height() - 5, QColor(70, 120, 230, 140));
    band(selected, 3, height() - 11, QColor(230, 50, 50));
    band(seen, height() - 4, 4, QColor(60, 180, 90));
    p.setPen(QPen(palette().text().color(), 2));
    p.drawLine(QPointF(xOf(position), 0), QPointF(xOf(position), height()));
}

void ClipStrip::jump(QMouseEvent* event)
{
    if (seek && width() > 0)
        seek(std::clamp(int(event->position().x() * frames / width()), 0, frames - 1));
}

} // namespace vigil::widgets
