#pragma once

// For core/export's .cpp files: how times are written in manifests and audit rows.

#include <QDateTime>
#include <QString>

namespace vigil::evidence {

/// UTC, ISO 8601 with milliseconds: 2026-01-01T09:00:00.000Z.
inline QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace vigil::evidence
