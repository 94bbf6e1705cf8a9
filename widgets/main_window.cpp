#include "widgets/main_window.h"

#include "core/security/session.h"
#include "widgets/about_dialog.h"
#include "widgets/live/live_view.h"
#include "widgets/pages/evidence_page.h"
#include "widgets/pages/live_page.h"
#include "widgets/pages/playback_page.h"
#include "widgets/pages/search_page.h"
#include "widgets/pages/settings_page.h"
#include "widgets/status_bar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>

namespace vigil::widgets {

MainWindow::MainWindow(PageContext context, QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Vigil"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/vigil.svg")));
    resize(1180, 760);
    if (context.session)
        m_keysDir = context.session->keysDir();

    if (!context.addCamerasAction) {
        // Camera setup (discovery and the setup wizard) plugs in here; until then the action
        // exists so menus and empty states show the way, and says it is unavailable.
        context.addCamerasAction
                = new QAction(QIcon(QStringLiteral(":/icons/live.svg")), tr("Add Cameras…"), this);
        context.addCamerasAction->setEnabled(false);
        context.addCamerasAction->setStatusTip(
                tr("Adding cameras is not available in this build yet."));
    }
    m_addCameras = context.addCamerasAction;
    m_addCameras->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));

    createPages(context);
    createMenus();
    m_statusBar = new StatusBarController(context.status, statusBar());
    showPage(PageId::Live);
}

void MainWindow::createPages(const PageContext& context)
{
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(28, 28));
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFixedWidth(170);
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    layout->addWidget(m_navigation);

    m_stack = new QStackedWidget(central);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    auto* playback = new PlaybackPage(context, m_stack);
    auto* search = new SearchPage(context, m_stack);
    auto* live = new LivePage(context, m_stack);
    auto* evidence = new EvidencePage(context, m_stack);
    m_pages = {live, playback, search, evidence, new SettingsPage(context, m_stack)};
    // Playback's "Export…" opens the export dialog on the Evidence page.
    connect(playback, &PlaybackPage::exportRequested, this,
            [this, evidence](const QList<qint64>& cameras, qint64 fromMs, qint64 toMs) {
                showPage(PageId::Evidence);
                evidence->newExport(cameras, fromMs, toMs);
            });
    // A live tile's "Play Back" opens its grid's cameras in playback.
    connect(live->liveView(), &LiveView::playbackRequested, this,
            [this, playback](qint64 utcMs, const QList<qint64>& cameras) {
                if (playback->openAt(utcMs, cameras))
                    showPage(PageId::Playback);
            });
    // A search result opens playback at its moment.
    connect(search, &SearchPage::playRequested, this,
            [this, playback](qint64 utcMs, const QList<qint64>& cameras) {
                if (playback->openAt(utcMs, cameras))
                    showPage(PageId::Playback);
            });
    for (FeaturePage* page : m_pages) {
        m_stack->addWidget(page);
        auto* item = new QListWidgetItem(page->icon(), page->title(), m_navigation);
        item->setSizeHint(QSize(0, 44));
    }
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < int(m_pages.size()))
            showPage(m_pages.at(row)->id());
    });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addCameras);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        FeaturePage* page = m_pages.at(i);
        QAction* action = view->addAction(page->icon(), page->title());
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
        const PageId id = page->id();
        connect(action, &QAction::triggered, this, [this, id] { showPage(id); });
        m_pageActions.push_back(action);
    }
    auto* group = new QActionGroup(this);
    for (QAction* action : m_pageActions)
        group->addAction(action);
    view->addSeparator();
    QAction* fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setShortcut(QKeySequence::FullScreen);
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(
                on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_about = help->addAction(QIcon(QStringLiteral(":/icons/vigil.svg")), tr("&About Vigil"), this,
            &MainWindow::showAbout);
    m_about->setShortcut(QKeySequence::HelpContents);
    m_about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::showPage(PageId id)
{
    for (std::size_t i = 0; i < m_pages.size(); ++i) {
        if (m_pages.at(i)->id() != id)
            continue;
        m_stack->setCurrentWidget(m_pages.at(i));
        {
            const QSignalBlocker blocker(m_navigation);
            m_navigation->setCurrentRow(int(i));
        }
        if (i < m_pageActions.size())
            m_pageActions.at(i)->setChecked(true);
        return;
    }
}

PageId MainWindow::currentPage() const
{
    return static_cast<FeaturePage*>(m_stack->currentWidget())->id();
}

FeaturePage* MainWindow::page(PageId id) const
{
    for (FeaturePage* p : m_pages) {
        if (p->id() == id)
            return p;
    }
    return nullptr;
}

QAction* MainWindow::pageAction(PageId id) const
{
    for (std::size_t i = 0; i < m_pages.size() && i < m_pageActions.size(); ++i) {
        if (m_pages.at(i)->id() == id)
            return m_pageActions.at(i);
    }
    return nullptr;
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this, m_keysDir);
    dialog.exec();
}

QMenu* MainWindow::accountMenu()
{
    if (!m_account) {
        m_account = new QMenu(tr("&Account"), this);
        // Before Help, as desktop programs place it.
        const QList<QAction*> menus = menuBar()->actions();
        menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), m_account);
    }
    return m_account;
}

void MainWindow::setLocked(bool locked)
{
    m_locked = locked;
    centralWidget()->setVisible(!locked);
    menuBar()->setEnabled(!locked);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_closeGuard && !m_closeGuard()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

bool MainWindow::confirmStopRecording(QWidget* parent, int cameras)
{
    QMessageBox box(QMessageBox::Warning, tr("Stop recording?"),
            cameras == 1 ? tr("Closing Vigil stops recording of 1 camera.")
                         : tr("Closing Vigil stops recording of %1 cameras.").arg(cameras),
            QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("stopRecordingPrompt"));
    box.setInformativeText(tr("Vigil is set to record only while its window is open. To record "
                              "around the clock, turn off \"Record only while a Vigil window is "
                              "open\" in Settings."));
    QPushButton* close
            = box.addButton(tr("Close and stop recording"), QMessageBox::DestructiveRole);
    QPushButton* keep = box.addButton(tr("Keep Vigil open"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == close;
}

} // namespace vigil::widgets
