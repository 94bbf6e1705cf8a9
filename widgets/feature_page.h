#pragma once

#include <QIcon>
#include <QWidget>

namespace vigil::widgets {

/// The product's areas, in navigation order.
enum class PageId { Live, Playback, Search, Evidence, Settings };

/// One feature area of the main window. Each page owns its widgets and talks to core services
/// itself; MainWindow only lays pages out and switches between them (STYLE.md §4).
class FeaturePage : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual PageId id() const = 0;
    /// Short translated name shown in the navigation and menus.
    virtual QString title() const = 0;
    virtual QIcon icon() const = 0;
};

} // namespace vigil::widgets
