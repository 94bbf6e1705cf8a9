#include "core/recording/record_schedule.h"

#include <QStringList>

#include <algorithm>

namespace vigil::recording {

RecordSchedule::RecordSchedule()
{
    m_cells.fill(RecordMode::Continuous);
}

std::optional<RecordSchedule> RecordSchedule::parse(const QString& text)
{
    RecordSchedule schedule;
    if (text.trimmed().isEmpty())
        return schedule;
    const QStringList days = text.trimmed().split(u',');
    if (days.size() != 7)
        return std::nullopt;
    for (int day = 0; day < 7; ++day) {
        const QString hours = days.at(day).trimmed();
        if (hours.size() != 24)
            return std::nullopt;
        for (int hour = 0; hour < 24; ++hour) {
            const char c = hours.at(hour).toUpper().toLatin1();
            if (c != '-' && c != 'C' && c != 'M')
                return std::nullopt;
            schedule.m_cells[size_t(day * 24 + hour)] = RecordMode(c);
        }
    }
    return schedule;
}

QString RecordSchedule::toString() const
{
    QStringList days;
    for (int day = 0; day < 7; ++day) {
        QString hours;
        for (int hour = 0; hour < 24; ++hour)
            hours += QLatin1Char(char(m_cells[size_t(day * 24 + hour)]));
        days << hours;
    }
    return days.join(u',');
}

RecordSchedule RecordSchedule::officeHours()
{
    RecordSchedule plan;
    for (int day = 1; day <= 7; ++day) {
        for (int hour = 0; hour < 24; ++hour) {
            const bool office = day <= 5 && hour >= 7 && hour < 19;
            plan.set(day, hour, office ? RecordMode::Continuous : RecordMode::Motion);
        }
    }
    return plan;
}

RecordMode RecordSchedule::at(int dayOfWeek, int hour) const
{
    return m_cells[size_t((dayOfWeek - 1) * 24 + hour)];
}

void RecordSchedule::set(int dayOfWeek, int hour, RecordMode mode)
{
    m_cells[size_t((dayOfWeek - 1) * 24 + hour)] = mode;
}

int RecordSchedule::hoursIn(RecordMode mode) const
{
    return int(std::count(m_cells.cbegin(), m_cells.cend(), mode));
}

RecordMode RecordSchedule::modeAt(const QDateTime& localTime) const
{
    return at(localTime.date().dayOfWeek(), localTime.time().hour());
}

RecordMode RecordSchedule::effectiveMode(
        const QString& cameraMode, const QString& scheduleText, const QDateTime& localTime)
{
    if (cameraMode == QLatin1String("off"))
        return RecordMode::Off;
    if (cameraMode == QLatin1String("motion"))
        return RecordMode::Motion;
    if (cameraMode == QLatin1String("schedule")) {
        const std::optional<RecordSchedule> schedule = parse(scheduleText);
        return schedule ? schedule->modeAt(localTime) : RecordMode::Continuous;
    }
    return RecordMode::Continuous;
}

} // namespace vigil::recording
