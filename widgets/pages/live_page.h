#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

class QGroupBox;
class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace vigil::onvif {
struct DiscoveredDevice;
}

namespace vigil::widgets {

class EmptyState;
class LiveView;

/// Live view: the camera grid. Shows how to add cameras while there are none.
class LivePage : public FeaturePage
{
    Q_OBJECT

public:
    LivePage(const PageContext& context, QWidget* parent);

    PageId id() const override { return PageId::Live; }
    QString title() const override;
    QIcon icon() const override;
    EmptyState* emptyState() const { return m_emptyState; }

    /// Lists a camera that answered discovery (new, or updated when already listed).
    void showDiscoveredCamera(const onvif::DiscoveredDevice& device);
    /// A line above the list, e.g. the demo cameras' credentials; empty hides it.
    void setDiscoveryNote(const QString& note);
    QTreeWidget* discoveredList() const { return m_discovered; }
    /// The grid, shown once there are cameras.
    LiveView* liveView() const { return m_view; }
    /// Cameras were added, removed or renamed.
    void refreshCameras();

private:
    void updateEmptyState();

    PageContext m_context;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_welcome = nullptr;
    LiveView* m_view = nullptr;
    int m_shownCameras = 0; ///< cameras the grid was last filled with
    EmptyState* m_emptyState = nullptr;
    QGroupBox* m_discoveredBox = nullptr;
    QLabel* m_discoveryNote = nullptr;
    QTreeWidget* m_discovered = nullptr;
};

} // namespace vigil::widgets
