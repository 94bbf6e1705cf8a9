#include "camsim_options.h"

#include <QFile>

namespace vigil::camsim {

std::optional<Quirks> Quirks::parse(const QString& list, QString* error)
{
    Quirks q;
    const QStringList items = list.split(u',', Qt::SkipEmptyParts);
    for (const QString& raw : items) {
        const QString item = raw.trimmed();
        const QString key = item.section(u'=', 0, 0);
        const QString value = item.section(u'=', 1);
        bool ok = true;
        auto number = [&](int min) {
            const int n = value.toInt(&ok);
            ok = ok && n >= min;
            return n;
        };
        if (key == QLatin1String("clock-skew"))
            q.clockSkewSeconds = value.toInt(&ok);
        else if (key == QLatin1String("wrong-xaddr"))
            q.wrongXAddr = true;
        else if (key == QLatin1String("media2-only"))
            q.media2Only = true;
        else if (key == QLatin1String("http-digest-only"))
            q.httpDigestOnly = true;
        else if (key == QLatin1String("slow"))
            q.slowMs = number(0);
        else if (key == QLatin1String("duplicate-probe-matches"))
            q.duplicateProbeMatches = true;
        else if (key == QLatin1String("clock-drift"))
            q.rtcpClockOffsetSeconds = value.toInt(&ok);
        else if (key == QLatin1String("timestamp-jitter"))
            q.timestampJitterMs = qMin(number(0), 30);
        else if (key == QLatin1String("audio-skew"))
            q.audioSkewMs = qBound(-10000, value.toInt(&ok), 10000);
        else if (key == QLatin1String("b-frames"))
            q.bFrames = true;
        else if (key == QLatin1String("drop-stream-after"))
            q.dropStreamAfterSeconds = number(1);
        else
            ok = false;
        if (!ok) {
            if (error)
                *error = QStringLiteral("unknown or malformed quirk \"%1\"").arg(item);
            return std::nullopt;
        }
    }
    return q;
}

QString defaultVideoPath()
{
    const QStringList candidates = {
            QStringLiteral("/usr/share/doc/opencv-doc/examples/data/vtest.avi"),
            QStringLiteral("/usr/share/opencv4/samples/data/vtest.avi"),
    };
    for (const QString& c : candidates) {
        if (QFile::exists(c))
            return c;
    }
    return candidates.first();
}

} // namespace vigil::camsim
