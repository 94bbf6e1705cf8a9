#pragma once

#include "core/redaction/redaction_log.h"

#include <QList>
#include <QWidget>

#include <functional>

namespace vigil::widgets {

/// The clip as a bar: the selected tracks' frames, the muted stretches, the frames seen, and
/// where the editor is. A click (or a drag) goes there.
class ClipStrip : public QWidget
{
public:
    explicit ClipStrip(QWidget* parent);

    std::function<void(int)> seek;
    int frames = 1;
    int position = 0;
    QList<redaction::FrameRange> selected;
    QList<redaction::FrameRange> muted;
    QList<redaction::FrameRange> seen;

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override { jump(event); }
    void mouseMoveEvent(QMouseEvent* event) override { jump(event); }

private:
    qreal xOf(int frame) const { return qreal(frame) * width() / std::max(1, frames); }
    void jump(QMouseEvent* event);
};

} // namespace vigil::widgets
