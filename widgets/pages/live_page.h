#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

class QGroupBox;
class QLabel;
class QTreeWidget;

namespace vigil::onvif {
struct DiscoveredDevice;
}

namespace vigil::widgets {

class EmptyState;

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

private:
    void updateEmptyState();

    PageContext m_context;
    EmptyState* m_emptyState = nullptr;
    QGroupBox* m_discoveredBox = nullptr;
    QLabel* m_discoveryNote = nullptr;
    QTreeWidget* m_discovered = nullptr;
};

} // namespace vigil::widgets
