#pragma once

// CPU time and peak memory of a running process, from /proc (Linux), for the benchmarks.

#include <QFile>
#include <QList>

#include <unistd.h>

namespace vigil::bench {

/// utime + stime of a live process, in seconds (fields 14 and 15 of /proc/PID/stat).
inline double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
}

/// Memory bounds checked by tests are multiplied by this: AddressSanitizer keeps freed memory in
/// quarantine and adds its shadow memory.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr double kMemoryAllowance = 2.5;
#else
inline constexpr double kMemoryAllowance = 1.0;
#endif

/// Peak resident memory (VmHWM) of a live process, in MB.
inline double peakRssMb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace vigil::bench
