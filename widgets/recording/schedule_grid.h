#pragma once

#include "core/recording/record_schedule.h"

#include <QDialog>
#include <QWidget>

class QButtonGroup;

namespace vigil::widgets {

/// A week of hours (7 rows, Monday first, × 24 columns) painted with the mouse: press and drag to
/// paint cells with the current brush (off, continuous or motion), like Nx Witness's recording
/// schedule. The arrow keys move a cursor and Space paints it, for keyboard users.
class ScheduleGrid : public QWidget
{
    Q_OBJECT

public:
    explicit ScheduleGrid(QWidget* parent = nullptr);

    recording::RecordSchedule schedule() const { return m_schedule; }
    void setSchedule(const recording::RecordSchedule& schedule);
    void setBrush(recording::RecordMode mode) { m_brush = mode; }
    recording::RecordMode brush() const { return m_brush; }

    /// The colour a mode is painted in (also used by legends).
    static QColor colour(recording::RecordMode mode);
    /// The cell at `pos`, as (day 1…7, hour 0…23), or (0, -1) outside the grid.
    std::pair<int, int> cellAt(const QPoint& pos) const;
    QRect cellRect(int day, int hour) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void changed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void paintCell(const QPoint& pos);
    int labelWidth() const;
    int headerHeight() const;

    recording::RecordSchedule m_schedule;
    recording::RecordMode m_brush = recording::RecordMode::Continuous;
    bool m_painting = false;
    int m_cursorDay = 1;
    int m_cursorHour = 0;
};

/// Edits a weekly recording schedule: brushes, the grid, a legend with the hours of each mode.
class ScheduleDialog : public QDialog
{
    Q_OBJECT

public:
    ScheduleDialog(const QString& cameraName, const recording::RecordSchedule& schedule,
            QWidget* parent = nullptr);
    recording::RecordSchedule schedule() const;
    ScheduleGrid* grid() const { return m_grid; }

    /// "Continuous 60 h, on motion 40 h, off 68 h a week".
    static QString summary(const recording::RecordSchedule& schedule);

private:
    ScheduleGrid* m_grid = nullptr;
};

} // namespace vigil::widgets
