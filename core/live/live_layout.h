#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace vigil::live {

/// The Live page's grid: how many tiles (1, 2×2, 3×3, 4×4), which camera each shows, and which
/// one is maximised. Pure state with its transitions, so that the window only draws it.
struct LiveLayout
{
    int columns = 2; ///< the grid is columns × columns
    QList<qint64> cameras; ///< per tile, row by row: a camera id, 0 for an empty tile
    int maximised = -1; ///< the tile shown alone, -1 for none

    static QList<int> gridSizes() { return {1, 2, 3, 4}; }
    int tileCount() const { return columns * columns; }
    qint64 camera(int tile) const { return cameras.value(tile); }

    /// Another grid size; tiles keep their cameras as far as they fit.
    void setColumns(int n);
    /// Puts `camera` in `tile`; if it was shown in another tile, the two tiles swap.
    void assign(int tile, qint64 camera);
    /// Fills empty tiles with the cameras of `available` not shown yet, in their order, and
    /// empties the tiles of cameras that no longer exist.
    void fill(const QList<qint64>& available);
    /// Maximises `tile`, or restores the grid when it is the maximised one.
    void toggleMaximised(int tile);

    QString toJson() const;
    static std::optional<LiveLayout> fromJson(const QString& json);
    bool operator==(const LiveLayout&) const = default;
};

/// Layouts saved by name (a JSON object of name → layout), as the setting live/layouts holds them.
QMap<QString, LiveLayout> layoutsFromJson(const QString& json);
QString layoutsToJson(const QMap<QString, LiveLayout>& layouts);

} // namespace vigil::live
