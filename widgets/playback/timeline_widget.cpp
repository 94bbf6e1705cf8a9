#include "widgets/playback/timeline_widget.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace vigil::widgets {

namespace {

constexpr int kMarksHeight = 14;
constexpr int kRowHeight = 16;
constexpr int kScaleHeight = 22;
constexpr int kNameWidth = 110;

const QColor kRecorded(0x2e, 0x9d, 0x5b);
const QColor kGap(0xc0, 0x39, 0x2b);
const QColor kBookmark(0x29, 0x80, 0xb9);
const QColor kHold(0x8e, 0x44, 0xad);
const QColor kEvent(0xe6, 0x7e, 0x22);

/// A tick step that puts labels at least `minPx` apart.
qint64 tickStep(const playback::TimelineView& view, int minPx)
{
    static const qint64 steps[]
            = {1000, 5000, 10000, 30000, 60000, 5 * 60000, 10 * 60000, 30 * 60000, 3600000,
                    3 * 3600000, 6 * 3600000, 12 * 3600000, 86400000, 2 * 86400000, 7 * 86400000};
    for (const qint64 s : steps) {
        if (view.xOf(view.startMs + s) - view.xOf(view.startMs) >= minPx)
            return s;
    }
    return 7 * 86400000;
}

QString tickLabel(qint64 t, qint64 step)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(t);
    const QLocale locale;
    if (step >= 86400000)
        return locale.toString(at.date(), QLocale::ShortFormat);
    if (at.time() == QTime(0, 0))
        return locale.toString(at.date(), QLocale::ShortFormat);
    return at.toString(step < 60000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

} // namespace

TimelineWidget::TimelineWidget(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Timeline"));
}

void TimelineWidget::setCameraNames(const QList<QPair<qint64, QString>>& cameras)
{
    m_cameras = cameras;
    updateGeometry();
    update();
}

void TimelineWidget::setData(const playback::TimelineData& data)
{
    m_data = data;
    update();
}

void TimelineWidget::setView(const playback::TimelineView& view)
{
    playback::TimelineView v = view;
    v.widthPx = std::max(1, width() - kNameWidth);
    if (v == m_view)
        return;
    m_view = v;
    update();
    Q_EMIT viewChanged(m_view);
}

void TimelineWidget::setSelection(playback::TimeSpan span)
{
    m_selection = span;
    update();
}

void TimelineWidget::setPosition(qint64 utcMs)
{
    m_position = utcMs;
    update();
}

QSize TimelineWidget::sizeHint() const
{
    return {800, minimumSizeHint().height()};
}

QSize TimelineWidget::minimumSizeHint() const
{
    return {300, kMarksHeight + kScaleHeight + kRowHeight * std::max<int>(1, m_cameras.size()) + 4};
}

QRect TimelineWidget::rowRect(int row) const
{
    return {kNameWidth, kMarksHeight + row * kRowHeight + 1, width() - kNameWidth, kRowHeight - 2};
}

void TimelineWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const int scaleTop = kMarksHeight + kRowHeight * std::max<int>(1, m_cameras.size()) + 2;
    const auto x = [&](qint64 t) { return kNameWidth + m_view.xOf(t); };

    // Camera rows: recorded spans and gaps.
    for (int row = 0; row < m_cameras.size(); ++row) {
        const QRect r = rowRect(row);
        p.setPen(palette().text().color());
        p.drawText(QRect(4, r.top(), kNameWidth - 8, r.height()), Qt::AlignVCenter | Qt::AlignLeft,
                fontMetrics().elidedText(m_cameras.at(row).second, Qt::ElideRight, kNameWidth - 8));
        p.fillRect(r, palette().alternateBase());
        for (const playback::CameraTimeline& c : std::as_const(m_data.cameras)) {
            if (c.cameraId != m_cameras.at(row).first)
                continue;
            for (const playback::TimelineGap& g : c.gaps) {
                const double x0 = std::max<double>(kNameWidth, x(g.span.startMs));
                const double x1 = std::min<double>(width(), x(g.span.endMs));
                if (x1 > x0)
                    p.fillRect(QRectF(x0, r.top() + r.height() * 0.6, x1 - x0, r.height() * 0.4),
                            QBrush(kGap, Qt::BDiagPattern));
            }
            for (const playback::TimeSpan& s : c.recorded) {
                const double x0 = std::max<double>(kNameWidth, x(s.startMs));
                const double x1 = std::min<double>(width(), x(s.endMs));
                if (x1 > x0)
                    p.fillRect(QRectF(x0, r.top(), std::max(1.0, x1 - x0), r.height()), kRecorded);
            }
        }
    }
    // Alerts (red) and events (amber) in their camera's row, on every row when about no camera.
    for (const playback::TimelineMark& m : std::as_const(m_data.marks)) {
        if (m.kind == playback::TimelineMark::Kind::Bookmark)
            continue;
        const double x0 = x(m.span.startMs);
        const double x1 = std::max(x0 + 2, x(m.span.endMs));
        if (x1 < kNameWidth || x0 > width())
            continue;
        for (int row = 0; row < m_cameras.size(); ++row) {
            if (m.cameraId != 0 && m.cameraId != m_cameras.at(row).first)
                continue;
            const QRect r = rowRect(row);
            p.fillRect(
                    QRectF(std::max<double>(kNameWidth, x0), r.top(), x1 - x0, r.height() * 0.35),
                    m.kind == playback::TimelineMark::Kind::Alert ? kGap : kEvent);
        }
    }
    // Bookmarks above the rows.
    for (const playback::TimelineMark& m : std::as_const(m_data.marks)) {
        if (m.kind != playback::TimelineMark::Kind::Bookmark)
            continue;
        const double x0 = std::max<double>(kNameWidth, x(m.span.startMs));
        const double x1 = std::min<double>(width(), x(m.span.endMs));
        if (x1 < kNameWidth || x0 > width())
            continue;
        p.fillRect(QRectF(x0, 2, std::max(3.0, x1 - x0), kMarksHeight - 4),
                m.legalHold ? kHold : kBookmark);
    }
    // The scale.
    p.setPen(palette().mid().color());
    p.drawLine(kNameWidth, scaleTop, width(), scaleTop);
    const qint64 step = tickStep(m_view, 90);
    const qint64 offset = QDateTime::fromMSecsSinceEpoch(m_view.startMs).offsetFromUtc() * 1000LL;
    qint64 t = ((m_view.startMs + offset) / step) * step - offset;
    p.setPen(palette().text().color());
    for (; t <= m_view.endMs(); t += step) {
        const double tx = x(t);
        if (tx < kNameWidth)
            continue;
        p.drawLine(QPointF(tx, scaleTop), QPointF(tx, scaleTop + 4));
        p.drawText(QPointF(tx + 2, scaleTop + 4 + fontMetrics().ascent()), tickLabel(t, step));
    }
    // The chosen stretch.
    if (m_selection.endMs > m_selection.startMs) {
        const double x0 = std::max<double>(kNameWidth, x(m_selection.startMs));
        const double x1 = std::min<double>(width(), x(m_selection.endMs));
        QColor shade = palette().highlight().color();
        shade.setAlpha(60);
        if (x1 > x0)
            p.fillRect(QRectF(x0, 0, x1 - x0, height()), shade);
    }
    // The playhead.
    const double px = x(m_position);
    if (px >= kNameWidth && px <= width()) {
        p.setPen(QPen(palette().highlight().color(), 2));
        p.drawLine(QPointF(px, 0), QPointF(px, height()));
    }
}

void TimelineWidget::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    const double anchor = std::max(0.0, event->position().x() - kNameWidth);
    setView(m_view.zoomed(std::pow(0.8, steps), anchor));
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = event->position().toPoint();
    m_pressView = m_view;
    m_dragging = false;
    m_selecting = (event->modifiers() & Qt::ShiftModifier) && m_pressPos.x() >= kNameWidth;
    if (m_selecting) {
        const qint64 t = m_view.timeAt(m_pressPos.x() - kNameWidth);
        setSelection({t, t});
        return;
    }
    const int scaleTop = kMarksHeight + kRowHeight * std::max<int>(1, m_cameras.size()) + 2;
    // On the scale, or near the playhead: the playhead is dragged.
    const double px = kNameWidth + m_view.xOf(m_position);
    m_scrubbing = m_pressPos.y() >= scaleTop || std::abs(m_pressPos.x() - px) <= 4;
    if (m_scrubbing && m_pressPos.x() >= kNameWidth)
        Q_EMIT seekRequested(m_view.timeAt(m_pressPos.x() - kNameWidth));
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (!(event->buttons() & Qt::LeftButton)) {
        // Resting on a camera's footage: its picture at that moment (a few pixels apart at most
        // once per request, as the thumbnails are keyframes anyway).
        const int row = (pos.y() - kMarksHeight) / kRowHeight;
        if (pos.x() < kNameWidth || pos.y() < kMarksHeight || row >= m_cameras.size()) {
            if (m_thumbnail)
                m_thumbnail->hide();
            return;
        }
        const qint64 t = m_view.timeAt(pos.x() - kNameWidth);
        m_hoverPos = event->globalPosition().toPoint();
        if (m_cameras.at(row).first != m_hoverCamera
                || qAbs(t - m_hoverMs) >= 3 * m_view.resolutionMs()) {
            m_hoverCamera = m_cameras.at(row).first;
            m_hoverMs = t;
            Q_EMIT thumbnailWanted(m_hoverCamera, t);
        }
        return;
    }
    if (m_selecting) {
        const qint64 a = m_view.timeAt(m_pressPos.x() - kNameWidth);
        const qint64 b = m_view.timeAt(std::max(0, pos.x() - kNameWidth));
        setSelection({std::min(a, b), std::max(a, b)});
        return;
    }
    if (m_scrubbing) {
        Q_EMIT seekRequested(m_view.timeAt(std::max(0, pos.x() - kNameWidth)));
        return;
    }
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < 4)
        return;
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    setView(m_pressView.panned(pos.x() - m_pressPos.x()));
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    unsetCursor();
    if (m_selecting) {
        m_selecting = false;
        return;
    }
    if (!m_dragging && !m_scrubbing && event->position().x() >= kNameWidth)
        Q_EMIT seekRequested(m_view.timeAt(event->position().x() - kNameWidth));
    m_dragging = false;
    m_scrubbing = false;
}

void TimelineWidget::showThumbnail(qint64 cameraId, qint64 utcMs, const QImage& image)
{
    if (cameraId != m_hoverCamera || utcMs != m_hoverMs || !underMouse())
        return;
    if (image.isNull()) {
        if (m_thumbnail)
            m_thumbnail->hide();
        return;
    }
    if (!m_thumbnail) {
        m_thumbnail = new QLabel(this, Qt::ToolTip);
        m_thumbnail->setFrameShape(QFrame::Box);
    }
    m_thumbnail->setPixmap(QPixmap::fromImage(image));
    m_thumbnail->adjustSize();
    m_thumbnail->move(m_hoverPos - QPoint(m_thumbnail->width() / 2, m_thumbnail->height() + 12));
    m_thumbnail->show();
}

void TimelineWidget::leaveEvent(QEvent* event)
{
    if (m_thumbnail)
        m_thumbnail->hide();
    m_hoverCamera = 0;
    QWidget::leaveEvent(event);
}

void TimelineWidget::resizeEvent(QResizeEvent*)
{
    setView(m_view);
}

QString TimelineWidget::tooltipAt(QPoint pos) const
{
    if (pos.x() < kNameWidth)
        return {};
    const qint64 t = m_view.timeAt(pos.x() - kNameWidth);
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(t), QLocale::LongFormat);
    if (pos.y() < kMarksHeight) {
        for (const playback::TimelineMark& m : m_data.marks) {
            if (m.kind == playback::TimelineMark::Kind::Bookmark
                    && t >= m.span.startMs - m_view.resolutionMs() * 3
                    && t <= m.span.endMs + m_view.resolutionMs() * 3) {
                QString text = m.title.isEmpty() ? tr("Bookmark") : m.title;
                if (!m.caseNumber.isEmpty())
                    text += u'\n' + tr("Case %1").arg(m.caseNumber);
                if (m.legalHold)
                    text += u'\n' + tr("Legal hold: never deleted by retention");
                return text;
            }
        }
    }
    const int row = (pos.y() - kMarksHeight) / kRowHeight;
    if (row >= 0 && row < m_cameras.size()) {
        for (const playback::TimelineMark& m : m_data.marks) {
            if (m.kind == playback::TimelineMark::Kind::Bookmark
                    || (m.cameraId != 0 && m.cameraId != m_cameras.at(row).first))
                continue;
            if (t >= m.span.startMs - m_view.resolutionMs() * 2
                    && t <= m.span.endMs + m_view.resolutionMs() * 2)
                return tr("%1: %2\n%3").arg(m_cameras.at(row).second, m.title, when);
        }
        for (const playback::CameraTimeline& c : m_data.cameras) {
            if (c.cameraId != m_cameras.at(row).first)
                continue;
            for (const playback::TimeSpan& s : c.recorded) {
                if (t >= s.startMs && t < s.endMs)
                    return tr("%1: recorded\n%2").arg(m_cameras.at(row).second, when);
            }
            for (const playback::TimelineGap& g : c.gaps) {
                if (t >= g.span.startMs && t < g.span.endMs)
                    return tr("%1: not recorded (%2)\n%3")
                            .arg(m_cameras.at(row).second, g.reason, when);
            }
            return tr("%1: not recorded\n%2").arg(m_cameras.at(row).second, when);
        }
    }
    return when;
}

bool TimelineWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = tooltipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace vigil::widgets
