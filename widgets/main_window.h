#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

#include <QMainWindow>

#include <functional>
#include <vector>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace vigil::widgets {

class StatusBarController;

/// The main window only lays out: a navigation list, the feature pages, menus and the status
/// bar. Features live in their pages (widgets/pages/).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// `context.addCamerasAction` is created here when the caller passes none.
    MainWindow(PageContext context, QWidget* parent = nullptr);

    void showPage(PageId id);
    PageId currentPage() const;
    FeaturePage* page(PageId id) const;
    std::vector<FeaturePage*> pages() const { return m_pages; }

    QAction* addCamerasAction() const { return m_addCameras; }
    QAction* pageAction(PageId id) const;
    QAction* aboutAction() const { return m_about; }
    StatusBarController* statusBarController() const { return m_statusBar; }
    /// Asked before the window closes; false keeps it open.
    void setCloseGuard(std::function<bool()> guard) { m_closeGuard = std::move(guard); }
    /// The Account menu (created at first use): the application adds the session's actions.
    QMenu* accountMenu();
    /// Locked, the window shows nothing of its pages and its menus do nothing.
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }
    /// "Closing Vigil stops recording of N cameras": true when the user chooses to close.
    static bool confirmStopRecording(QWidget* parent, int cameras);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createPages(const PageContext& context);
    void createMenus();
    void showAbout();

    QAction* m_addCameras = nullptr;
    QAction* m_about = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    std::vector<FeaturePage*> m_pages;
    std::vector<QAction*> m_pageActions;
    StatusBarController* m_statusBar = nullptr;
    std::function<bool()> m_closeGuard;
    QMenu* m_account = nullptr;
    bool m_locked = false;
    QString m_keysDir; ///< the installation's keys (its signing key's fingerprint in About)
};

} // namespace vigil::widgets
