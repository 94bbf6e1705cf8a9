#include "core/live/live_layout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::live {

namespace {

QJsonObject toObject(const LiveLayout& layout)
{
    QJsonArray cameras;
    for (qint64 c : layout.cameras)
        cameras.append(c);
    return QJsonObject {
            {QStringLiteral("columns"), layout.columns}, {QStringLiteral("cameras"), cameras}};
}

std::optional<LiveLayout> fromObject(const QJsonObject& o)
{
    LiveLayout layout;
    const int columns = o.value(QLatin1String("columns")).toInt();
    if (!LiveLayout::gridSizes().contains(columns))
        return std::nullopt;
    layout.columns = columns;
    for (const QJsonValue& v : o.value(QLatin1String("cameras")).toArray())
        layout.cameras << qMax<qint64>(0, v.toInteger());
    layout.cameras.resize(layout.tileCount());
    return layout;
}

} // namespace

void LiveLayout::setColumns(int n)
{
    if (!gridSizes().contains(n))
        return;
    columns = n;
    cameras.resize(tileCount());
    if (maximised >= tileCount())
        maximised = -1;
}

void LiveLayout::assign(int tile, qint64 camera)
{
    cameras.resize(tileCount());
    if (tile < 0 || tile >= tileCount())
        return;
    const int from = camera > 0 ? int(cameras.indexOf(camera)) : -1;
    if (from >= 0 && from != tile)
        cameras[from] = cameras[tile];
    cameras[tile] = camera;
}

void LiveLayout::fill(const QList<qint64>& available)
{
    cameras.resize(tileCount());
    for (qint64& c : cameras) {
        if (c > 0 && !available.contains(c))
            c = 0;
    }
    for (qint64 camera : available) {
        if (cameras.contains(camera))
            continue;
        const qsizetype empty = cameras.indexOf(0);
        if (empty < 0)
            break;
        cameras[empty] = camera;
    }
}

void LiveLayout::toggleMaximised(int tile)
{
    maximised = maximised == tile || tile < 0 || tile >= tileCount() ? -1 : tile;
}

QString LiveLayout::toJson() const
{
    return QString::fromUtf8(QJsonDocument(toObject(*this)).toJson(QJsonDocument::Compact));
}

std::optional<LiveLayout> LiveLayout::fromJson(const QString& json)
{
    const QJsonDocument d = QJsonDocument::fromJson(json.toUtf8());
    return d.isObject() ? fromObject(d.object()) : std::nullopt;
}

QMap<QString, LiveLayout> layoutsFromJson(const QString& json)
{
    QMap<QString, LiveLayout> layouts;
    const QJsonObject all = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (const std::optional<LiveLayout> l = fromObject(it.value().toObject()))
            layouts.insert(it.key(), *l);
    }
    return layouts;
}

QString layoutsToJson(const QMap<QString, LiveLayout>& layouts)
{
    QJsonObject all;
    for (auto it = layouts.begin(); it != layouts.end(); ++it)
        all.insert(it.key(), toObject(it.value()));
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}

} // namespace vigil::live
