#pragma once

#include <QDateTime>
#include <QString>

#include <array>
#include <optional>

namespace vigil::recording {

/// How a camera records at a given moment.
enum class RecordMode : char {
    Off = '-',
    Continuous = 'C',
    Motion = 'M', ///< triggered by motion or events, with pre- and post-roll
};

/// A weekly plan: for each day (Monday first) and hour, off, continuous or motion. Stored in
/// `cameras.schedule` as seven groups of 24 characters (`-`, `C`, `M`) separated by commas;
/// an empty text is continuous all week.
class RecordSchedule
{
public:
    RecordSchedule();
    static std::optional<RecordSchedule> parse(const QString& text);
    /// A starting point to paint over: Monday to Friday 07:00–19:00 continuous, nights and
    /// weekends on motion.
    static RecordSchedule officeHours();
    QString toString() const;

    RecordMode at(int dayOfWeek, int hour) const; ///< dayOfWeek 1 (Monday) … 7, hour 0 … 23
    void set(int dayOfWeek, int hour, RecordMode mode);
    /// How many hours of the week are in `mode`.
    int hoursIn(RecordMode mode) const;
    /// The mode in force at `localTime` (the town's local time).
    RecordMode modeAt(const QDateTime& localTime) const;

    /// The mode of a camera whose record_mode is `cameraMode` (off, continuous, motion or
    /// schedule) at `localTime`. An unreadable schedule records continuously: safe side.
    static RecordMode effectiveMode(
            const QString& cameraMode, const QString& scheduleText, const QDateTime& localTime);

private:
    std::array<RecordMode, 7 * 24> m_cells;
};

} // namespace vigil::recording
