#include "core/redaction/redaction_log.h"

#include <QDateTime>
#include <QJsonArray>

namespace vigil::redaction {

namespace {

constexpr int kFormatVersion = 2; // 2: shapes, keyframes, masks, muted audio, seen frames

QJsonArray boxRows(const QMap<int, QRect>& boxes)
{
    // [frame, x, y, width, height] rows.
    QJsonArray rows;
    for (auto it = boxes.cbegin(); it != boxes.cend(); ++it)
        rows.append(QJsonArray {it.key(), it->x(), it->y(), it->width(), it->height()});
    return rows;
}

bool readBoxRows(const QJsonArray& rows, QMap<int, QRect>& boxes)
{
    for (const QJsonValue& row : rows) {
        const QJsonArray r = row.toArray();
        if (r.size() != 5)
            return false;
        boxes.insert(r.at(0).toInt(),
                QRect(r.at(1).toInt(), r.at(2).toInt(), r.at(3).toInt(), r.at(4).toInt()));
    }
    return true;
}

} // namespace

QString RedactionLog::kindKey(TrackKind kind)
{
    switch (kind) {
    case TrackKind::Face:
        return QStringLiteral("face");
    case TrackKind::Plate:
        return QStringLiteral("plate");
    case TrackKind::Head:
        return QStringLiteral("head");
    case TrackKind::Region:
        return QStringLiteral("region");
    case TrackKind::Mask:
        return QStringLiteral("privacy_mask");
    }
    return {};
}

std::optional<TrackKind> RedactionLog::kindFromKey(const QString& key)
{
    for (TrackKind k : {TrackKind::Face, TrackKind::Plate, TrackKind::Head, TrackKind::Region,
                 TrackKind::Mask})
        if (kindKey(k) == key)
            return k;
    return std::nullopt;
}

QString RedactionLog::effectKey(Effect effect)
{
    switch (effect) {
    case Effect::Solid:
        return QStringLiteral("solid");
    case Effect::Pixelate:
        return QStringLiteral("pixelate");
    case Effect::Blur:
        return QStringLiteral("blur");
    }
    return {};
}

std::optional<Effect> RedactionLog::effectFromKey(const QString& key)
{
    for (Effect e : {Effect::Solid, Effect::Pixelate, Effect::Blur})
        if (effectKey(e) == key)
            return e;
    return std::nullopt;
}

QJsonObject RedactionLog::toJson() const
{
    QJsonArray trackArray;
    for (const Track& t : tracks) {
        QJsonObject o {{QStringLiteral("id"), t.id}, {QStringLiteral("kind"), kindKey(t.kind)},
                {QStringLiteral("enabled"), t.enabled},
                {QStringLiteral("origin"),
                        t.manual ? QStringLiteral("manual") : QStringLiteral("detector")},
                {QStringLiteral("shape"),
                        t.shape == Shape::Ellipse ? QStringLiteral("ellipse")
                                                  : QStringLiteral("rectangle")},
                {QStringLiteral("detections"), t.hits},
                {QStringLiteral("first_frame"), t.firstFrame()},
                {QStringLiteral("last_frame"), t.lastFrame()},
                {QStringLiteral("boxes"), boxRows(t.boxes)}};
        if (!t.keyframes.isEmpty())
            o.insert(QStringLiteral("keyframes"), boxRows(t.keyframes));
        trackArray.append(o);
    }
    QJsonArray mutedArray;
    for (const TimeRange& r : muted)
        mutedArray.append(QJsonArray {r.fromMs, r.toMs});
    QJsonArray seenArray;
    for (const FrameRange& r : seen)
        seenArray.append(QJsonArray {r.first, r.last});
    QJsonObject json {{QStringLiteral("format"), QStringLiteral("vigil-redaction-log")},
            {QStringLiteral("format_version"), kFormatVersion},
            {QStringLiteral("original"), original},
            {QStringLiteral("original_sha256"), QString::fromLatin1(originalSha256)},
            {QStringLiteral("width"), width}, {QStringLiteral("height"), height},
            {QStringLiteral("frames"), frames}, {QStringLiteral("effect"), effectKey(effect)},
            {QStringLiteral("invert"), invert},
            {QStringLiteral("audio"),
                    audio == AudioMode::Keep ? QStringLiteral("keep") : QStringLiteral("remove")},
            {QStringLiteral("muted_ms"), mutedArray}, {QStringLiteral("seen_frames"), seenArray},
            {QStringLiteral("tracks"), trackArray}, {QStringLiteral("detectors"), detectors},
            {QStringLiteral("box_units"),
                    QStringLiteral(
                            "pixels of the original; frame = index in decoding order from 0")}};
    if (!reviewedBy.isEmpty()) {
        json.insert(QStringLiteral("reviewed_by"), reviewedBy);
        json.insert(QStringLiteral("reviewed_utc"),
                QDateTime::fromMSecsSinceEpoch(reviewedMs, Qt::UTC).toString(Qt::ISODateWithMs));
    }
    return json;
}

Result<RedactionLog> RedactionLog::fromJson(const QJsonObject& json)
{
    const auto bad = [](const QString& what) {
        return Error {Error::Code::Corrupt, tr("The redaction log is damaged: %1.").arg(what), {}};
    };
    if (json.value(QLatin1String("format")).toString() != QLatin1String("vigil-redaction-log"))
        return bad(tr("it is not a Vigil redaction log"));
    if (json.value(QLatin1String("format_version")).toInt() > kFormatVersion)
        return Error {Error::Code::NewerSchema,
                tr("The redaction log was written by a newer Vigil."), {}};
    RedactionLog log;
    log.original = json.value(QLatin1String("original")).toString();
    log.originalSha256 = json.value(QLatin1String("original_sha256")).toString().toLatin1();
    log.width = json.value(QLatin1String("width")).toInt();
    log.height = json.value(QLatin1String("height")).toInt();
    log.frames = json.value(QLatin1String("frames")).toInt();
    const std::optional<Effect> effect
            = effectFromKey(json.value(QLatin1String("effect")).toString());
    if (!effect)
        return bad(tr("unknown effect"));
    log.effect = *effect;
    log.invert = json.value(QLatin1String("invert")).toBool();
    log.audio = json.value(QLatin1String("audio")).toString() == QLatin1String("keep")
            ? AudioMode::Keep
            : AudioMode::Remove;
    for (const QJsonValue& v : json.value(QLatin1String("muted_ms")).toArray()) {
        const QJsonArray r = v.toArray();
        if (r.size() != 2 || r.at(1).toInteger() <= r.at(0).toInteger())
            return bad(tr("a muted stretch is not [from, to]"));
        log.muted << TimeRange {r.at(0).toInteger(), r.at(1).toInteger()};
    }
    for (const QJsonValue& v : json.value(QLatin1String("seen_frames")).toArray()) {
        const QJsonArray r = v.toArray();
        if (r.size() != 2 || r.at(1).toInt() < r.at(0).toInt())
            return bad(tr("a range of seen frames is not [first, last]"));
        log.seen << FrameRange {r.at(0).toInt(), r.at(1).toInt()};
    }
    log.detectors = json.value(QLatin1String("detectors")).toObject();
    log.reviewedBy = json.value(QLatin1String("reviewed_by")).toString();
    log.reviewedMs = QDateTime::fromString(
            json.value(QLatin1String("reviewed_utc")).toString(), Qt::ISODateWithMs)
                             .toMSecsSinceEpoch();
    if (log.width <= 0 || log.height <= 0 || log.frames < 0)
        return bad(tr("no picture size"));
    for (const QJsonValue& v : json.value(QLatin1String("tracks")).toArray()) {
        const QJsonObject o = v.toObject();
        Track t;
        t.id = o.value(QLatin1String("id")).toInt();
        const std::optional<TrackKind> kind
                = kindFromKey(o.value(QLatin1String("kind")).toString());
        if (!kind)
            return bad(tr("track %1 has an unknown kind").arg(t.id));
        t.kind = *kind;
        t.enabled = o.value(QLatin1String("enabled")).toBool(true);
        t.manual = o.value(QLatin1String("origin")).toString() == QLatin1String("manual");
        t.hits = o.value(QLatin1String("detections")).toInt();
        t.shape = o.value(QLatin1String("shape")).toString() == QLatin1String("ellipse")
                ? Shape::Ellipse
                : Shape::Rectangle;
        if (!readBoxRows(o.value(QLatin1String("boxes")).toArray(), t.boxes)
                || !readBoxRows(o.value(QLatin1String("keyframes")).toArray(), t.keyframes))
            return bad(tr("track %1 has a box that is not [frame, x, y, width, height]").arg(t.id));
        log.tracks << t;
    }
    return log;
}

} // namespace vigil::redaction
