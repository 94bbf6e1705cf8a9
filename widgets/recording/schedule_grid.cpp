#include "widgets/recording/schedule_grid.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vigil::widgets {

using recording::RecordMode;
using recording::RecordSchedule;

ScheduleGrid::ScheduleGrid(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setAccessibleName(tr("Weekly recording schedule"));
}

void ScheduleGrid::setSchedule(const RecordSchedule& schedule)
{
    m_schedule = schedule;
    update();
}

QColor ScheduleGrid::colour(RecordMode mode)
{
    switch (mode) {
    case RecordMode::Continuous:
        return QColor(0x2e, 0x7d, 0x32); // green
    case RecordMode::Motion:
        return QColor(0xef, 0x9a, 0x1a); // amber
    case RecordMode::Off:
        break;
    }
    return QColor(0xe0, 0xe0, 0xe0);
}

int ScheduleGrid::labelWidth() const
{
    int width = 0;
    const QLocale locale;
    for (int day = 1; day <= 7; ++day)
        width = qMax(
                width, fontMetrics().horizontalAdvance(locale.dayName(day, QLocale::ShortFormat)));
    return width + 8;
}

int ScheduleGrid::headerHeight() const
{
    return fontMetrics().height() + 4;
}

QRect ScheduleGrid::cellRect(int day, int hour) const
{
    const int left = labelWidth();
    const int top = headerHeight();
    const double w = double(width() - left - 1) / 24.0;
    const double h = double(height() - top - 1) / 7.0;
    const int x0 = left + int(hour * w);
    const int x1 = left + int((hour + 1) * w);
    const int y0 = top + int((day - 1) * h);
    const int y1 = top + int(day * h);
    return QRect(x0, y0, x1 - x0, y1 - y0);
}

std::pair<int, int> ScheduleGrid::cellAt(const QPoint& pos) const
{
    const int left = labelWidth();
    const int top = headerHeight();
    if (pos.x() < left || pos.y() < top || pos.x() >= width() - 1 || pos.y() >= height() - 1)
        return {0, -1};
    const int hour = int((pos.x() - left) * 24.0 / (width() - left - 1));
    const int day = 1 + int((pos.y() - top) * 7.0 / (height() - top - 1));
    return {qBound(1, day, 7), qBound(0, hour, 23)};
}

QSize ScheduleGrid::sizeHint() const
{
    return QSize(labelWidth() + 24 * 24, headerHeight() + 7 * 26);
}

QSize ScheduleGrid::minimumSizeHint() const
{
    return QSize(labelWidth() + 24 * 14, headerHeight() + 7 * 18);
}

void ScheduleGrid::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QLocale locale;
    p.setPen(palette().color(QPalette::WindowText));
    for (int hour = 0; hour < 24; hour += 3) {
        const QRect r = cellRect(1, hour);
        p.drawText(QRect(r.left(), 0, r.width() * 3, headerHeight()),
                Qt::AlignLeft | Qt::AlignVCenter, QString::number(hour));
    }
    for (int day = 1; day <= 7; ++day) {
        const QRect r = cellRect(day, 0);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, r.top(), labelWidth() - 4, r.height()),
                Qt::AlignRight | Qt::AlignVCenter, locale.dayName(day, QLocale::ShortFormat));
        for (int hour = 0; hour < 24; ++hour) {
            const QRect cell = cellRect(day, hour);
            p.fillRect(cell, colour(m_schedule.at(day, hour)));
            p.setPen(palette().color(QPalette::Window));
            p.drawRect(cell.adjusted(0, 0, -1, -1));
        }
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.drawRect(cellRect(m_cursorDay, m_cursorHour).adjusted(1, 1, -2, -2));
    }
}

void ScheduleGrid::paintCell(const QPoint& pos)
{
    const auto [day, hour] = cellAt(pos);
    if (hour < 0 || m_schedule.at(day, hour) == m_brush)
        return;
    m_schedule.set(day, hour, m_brush);
    m_cursorDay = day;
    m_cursorHour = hour;
    update(cellRect(day, hour).adjusted(-2, -2, 2, 2));
    Q_EMIT changed();
}

void ScheduleGrid::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_painting = true;
    paintCell(event->position().toPoint());
}

void ScheduleGrid::mouseMoveEvent(QMouseEvent* event)
{
    if (m_painting)
        paintCell(event->position().toPoint());
}

void ScheduleGrid::mouseReleaseEvent(QMouseEvent*)
{
    m_painting = false;
}

void ScheduleGrid::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        m_cursorHour = qMax(0, m_cursorHour - 1);
        break;
    case Qt::Key_Right:
        m_cursorHour = qMin(23, m_cursorHour + 1);
        break;
    case Qt::Key_Up:
        m_cursorDay = qMax(1, m_cursorDay - 1);
        break;
    case Qt::Key_Down:
        m_cursorDay = qMin(7, m_cursorDay + 1);
        break;
    case Qt::Key_Space:
        paintCell(cellRect(m_cursorDay, m_cursorHour).center());
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
}

ScheduleDialog::ScheduleDialog(
        const QString& cameraName, const RecordSchedule& schedule, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Recording schedule — %1").arg(cameraName));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
            tr("Choose a brush, then press and drag over the hours of the week to paint them."),
            this));
    auto* brushes = new QHBoxLayout;
    auto* group = new QButtonGroup(this);
    m_grid = new ScheduleGrid(this);
    m_grid->setSchedule(schedule);
    const std::pair<RecordMode, QString> kinds[] = {{RecordMode::Continuous, tr("Continuous")},
            {RecordMode::Motion, tr("On motion")}, {RecordMode::Off, tr("Off")}};
    for (const auto& [mode, text] : kinds) {
        auto* button = new QRadioButton(text, this);
        QPixmap swatch(14, 14);
        swatch.fill(ScheduleGrid::colour(mode));
        button->setIcon(QIcon(swatch));
        button->setChecked(mode == RecordMode::Continuous);
        group->addButton(button, int(char(mode)));
        brushes->addWidget(button);
    }
    connect(group, &QButtonGroup::idClicked, this,
            [this](int id) { m_grid->setBrush(RecordMode(char(id))); });
    brushes->addStretch(1);
    auto* presets = new QPushButton(tr("Whole week continuous"), this);
    connect(presets, &QPushButton::clicked, this, [this] {
        m_grid->setSchedule(RecordSchedule());
        Q_EMIT m_grid->changed();
    });
    brushes->addWidget(presets);
    layout->addLayout(brushes);
    layout->addWidget(m_grid, 1);
    auto* totals = new QLabel(summary(schedule), this);
    connect(m_grid, &ScheduleGrid::changed, totals,
            [this, totals] { totals->setText(summary(m_grid->schedule())); });
    layout->addWidget(totals);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

RecordSchedule ScheduleDialog::schedule() const
{
    return m_grid->schedule();
}

QString ScheduleDialog::summary(const RecordSchedule& schedule)
{
    const int continuous = schedule.hoursIn(RecordMode::Continuous);
    const int motion = schedule.hoursIn(RecordMode::Motion);
    return tr("Continuous %1 h, on motion %2 h, off %3 h a week.")
            .arg(continuous)
            .arg(motion)
            .arg(7 * 24 - continuous - motion);
}

} // namespace vigil::widgets
