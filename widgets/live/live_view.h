#pragma once

#include "core/catalog/camera_store.h"
#include "core/live/live_layout.h"
#include "widgets/page_context.h"

#include <QList>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QGridLayout;
class QTreeWidget;

namespace vigil::widgets {

class LiveTile;

/// The Live page's working area: the camera list (status dots; drag a camera onto a tile), the
/// grid of tiles in the chosen layout (1, 2×2, 3×3, 4×4, or one saved by name), double-click
/// to maximise a tile, F11 for full screen. The layout is kept in the catalog's settings.
class LiveView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxTiles = 16;

    LiveView(const PageContext& context, QWidget* parent = nullptr);
    ~LiveView() override;

    /// Lists the cameras again (after one was added, removed or renamed).
    void refreshCameras();
    const live::LiveLayout& layout() const { return m_layout; }
    void setColumns(int columns);
    void toggleMaximised(int tile);
    void assign(int tile, qint64 cameraId);
    LiveTile* tile(int index) const { return m_tiles.value(index); }
    QTreeWidget* cameraList() const { return m_cameraList; }
    /// Saves the grid as it is under `name` (replacing one of that name).
    void saveLayout(const QString& name);
    void applySavedLayout(const QString& name);
    QStringList savedLayoutNames() const;

Q_SIGNALS:
    /// Playback of the grid's cameras (the layout kept, the tile's camera first) from `utcMs`.
    void playbackRequested(qint64 utcMs, const QList<qint64>& cameraIds);

private:
    void applyLayout();
    void storeLayout();
    void updateStates();
    QString cameraName(qint64 id) const;
    /// Gives a PTZ camera's tile its controls (once per camera shown).
    void attachPtz(LiveTile* tile);

    PageContext m_context;
    live::LiveLayout m_layout;
    QList<LiveTile*> m_tiles;
    QGridLayout* m_grid = nullptr;
    QTreeWidget* m_cameraList = nullptr;
    QButtonGroup* m_sizes = nullptr;
    QComboBox* m_saved = nullptr;
    QList<QPair<qint64, QString>> m_cameras; ///< enabled cameras: id, name
    QHash<qint64, catalog::CameraRecord> m_records; ///< the same, as the catalog has them
};

} // namespace vigil::widgets
