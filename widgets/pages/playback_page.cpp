#include "widgets/pages/playback_page.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/settings_store.h"
#include "core/playback/bookmarks.h"
#include "core/playback/thumbnails.h"
#include "core/security/access.h"
#include "core/security/session.h"
#include "core/status/system_status.h"
#include "widgets/empty_state.h"
#include "widgets/playback/bookmark_dialogs.h"
#include "widgets/playback/playback_tile.h"
#include "widgets/playback/timeline_widget.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDir>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {

/// Tiles when no cameras are named (the Playback area opened by itself); a layout handed over
/// (a live grid, a bookmark) keeps all of its cameras, up to the live grid's 4 × 4.
constexpr int kDefaultTiles = 4;
constexpr int kMaxTiles = 16;

} // namespace

PlaybackPage::PlaybackPage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
    , m_context(context)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);
    m_emptyState = new EmptyState(icon(), tr("Nothing recorded yet"),
            tr("Recorded video will appear here on a timeline, with recorded spans, events and "
               "bookmarks, once your cameras are recording."),
            this);
    if (context.addCamerasAction)
        m_emptyState->addAction(context.addCamerasAction);
    m_stack->addWidget(m_emptyState);
    m_player = createPlayer();
    m_stack->addWidget(m_player);
    createShortcuts();
    if (context.status)
        connect(context.status, &status::SystemStatus::changed, this, &PlaybackPage::update);
    update();
}

PlaybackPage::~PlaybackPage() = default;

QWidget* PlaybackPage::createPlayer()
{
    auto* player = new QWidget(this);
    auto* layout = new QVBoxLayout(player);
    auto* tiles = new QWidget(player);
    m_grid = new QGridLayout(tiles);
    m_grid->setSpacing(2);
    m_grid->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tiles, 1);

    auto* controls = new QHBoxLayout;
    const auto button = [&](const QString& iconName, const QString& tip, auto slot) {
        auto* b = new QToolButton(player);
        b->setIcon(QIcon::fromTheme(iconName));
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setText(tip);
        // Icons from the desktop's theme when it has them; the text otherwise.
        b->setToolButtonStyle(b->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonIconOnly);
        connect(b, &QToolButton::clicked, this, slot);
        controls->addWidget(b);
        return b;
    };
    button(QStringLiteral("media-skip-backward"), tr("Previous Frame (←)"), [this] {
        if (m_playback)
            m_playback->step(-1);
    });
    m_playButton = button(QStringLiteral("media-playback-start"), tr("Play (Space)"), [this] {
        if (m_playback)
            m_playback->togglePlay();
    });
    button(QStringLiteral("media-skip-forward"), tr("Next Frame (→)"), [this] {
        if (m_playback)
            m_playback->step(1);
    });
    m_speed = new QComboBox(player);
    m_speed->setAccessibleName(tr("Speed"));
    for (const int s : playback::PlaybackClock::speeds())
        m_speed->addItem(tr("%1×").arg(s), s);
    m_speed->setCurrentIndex(m_speed->findData(1));
    connect(m_speed, &QComboBox::activated, this, [this](int index) {
        if (m_playback)
            m_playback->setSpeed(m_speed->itemData(index).toInt());
    });
    controls->addWidget(m_speed);
    m_position = new QLabel(player);
    controls->addWidget(m_position, 1);
    m_addBookmark = new QPushButton(tr("Bookmark…"), player);
    m_addBookmark->setToolTip(tr("Mark the selected stretch of the timeline, or the moment "
                                 "shown (Ctrl+B)"));
    connect(m_addBookmark, &QPushButton::clicked, this, &PlaybackPage::addBookmark);
    controls->addWidget(m_addBookmark);
    m_export = new QPushButton(tr("Export…"), player);
    m_export->setObjectName(QStringLiteral("playbackExport"));
    m_export->setToolTip(tr("Make an evidence package of the selected stretch of the timeline, "
                            "or of the minute around the moment shown"));
    connect(m_export, &QPushButton::clicked, this, &PlaybackPage::exportSelection);
    controls->addWidget(m_export);
    m_listBookmarks = new QPushButton(tr("Bookmarks…"), player);
    connect(m_listBookmarks, &QPushButton::clicked, this, &PlaybackPage::showBookmarks);
    controls->addWidget(m_listBookmarks);

    auto* navigation = new QHBoxLayout;
    navigation->addWidget(new QLabel(tr("Go to:"), player));
    m_goTo = new QDateTimeEdit(QDateTime::currentDateTime(), player);
    m_goTo->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_goTo->setCalendarPopup(true);
    m_goTo->setAccessibleName(tr("Go to date and time"));
    navigation->addWidget(m_goTo);
    auto* go = new QPushButton(tr("Go"), player);
    connect(go, &QPushButton::clicked, this,
            [this] { seekTo(m_goTo->dateTime().toMSecsSinceEpoch()); });
    connect(m_goTo, &QDateTimeEdit::editingFinished, go, &QPushButton::click);
    navigation->addWidget(go);
    auto* today = new QPushButton(tr("Today"), player);
    connect(today, &QPushButton::clicked, this, [this] {
        seekTo(QDateTime(QDate::currentDate(), QTime(0, 0)).toMSecsSinceEpoch());
        setSpan(24LL * 3600 * 1000);
    });
    navigation->addWidget(today);
    auto* yesterday = new QPushButton(tr("Yesterday"), player);
    connect(yesterday, &QPushButton::clicked, this, [this] {
        seekTo(QDateTime(QDate::currentDate().addDays(-1), QTime(0, 0)).toMSecsSinceEpoch());
        setSpan(24LL * 3600 * 1000);
    });
    navigation->addWidget(yesterday);
    auto* zoom = new QComboBox(player);
    zoom->setAccessibleName(tr("Timeline zoom"));
    zoom->addItem(tr("1 minute"), 60LL * 1000);
    zoom->addItem(tr("1 hour"), 3600LL * 1000);
    zoom->addItem(tr("24 hours"), 24LL * 3600 * 1000);
    zoom->addItem(tr("30 days"), 30LL * 24 * 3600 * 1000);
    zoom->setCurrentIndex(1);
    connect(zoom, &QComboBox::activated, this,
            [this, zoom](int index) { setSpan(zoom->itemData(index).toLongLong()); });
    navigation->addWidget(zoom);
    navigation->addStretch(1);
    layout->addLayout(controls);
    layout->addLayout(navigation);

    m_timeline = new TimelineWidget(player);
    layout->addWidget(m_timeline);
    connect(m_timeline, &TimelineWidget::seekRequested, this, &PlaybackPage::seekTo);
    connect(m_timeline, &TimelineWidget::viewChanged, this, &PlaybackPage::reloadTimeline);
    // What is being recorded grows on the timeline while it is seen.
    auto* refresh = new QTimer(this);
    refresh->setInterval(5000);
    connect(refresh, &QTimer::timeout, this, [this] {
        if (isVisible() && m_timeline->view().endMs() > QDateTime::currentMSecsSinceEpoch() - 60000)
            reloadTimeline();
    });
    refresh->start();
    return player;
}

void PlaybackPage::createShortcuts()
{
    const auto shortcut = [this](const QKeySequence& keys, auto slot) {
        // The whole window's while the player shows (a hidden page's shortcuts do not fire;
        // text fields keep the keys they type).
        auto* s = new QShortcut(keys, m_player);
        s->setContext(Qt::WindowShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    using Shuttle = playback::PlaybackClock::Shuttle;
    shortcut(Qt::Key_Space, [this] {
        if (m_playback)
            m_playback->togglePlay();
    });
    shortcut(Qt::Key_J, [this] {
        if (m_playback)
            m_playback->shuttle(Shuttle::Back);
    });
    shortcut(Qt::Key_K, [this] {
        if (m_playback)
            m_playback->shuttle(Shuttle::Pause);
    });
    shortcut(Qt::Key_L, [this] {
        if (m_playback)
            m_playback->shuttle(Shuttle::Forward);
    });
    shortcut(Qt::Key_Left, [this] {
        if (m_playback)
            m_playback->step(-1);
    });
    shortcut(Qt::Key_Right, [this] {
        if (m_playback)
            m_playback->step(1);
    });
    shortcut(Qt::Key_Home, [this] {
        // The start of the recorded footage in view.
        qint64 first = 0;
        for (const playback::CameraTimeline& c : m_timeline->data().cameras) {
            if (!c.recorded.isEmpty() && (first == 0 || c.recorded.first().startMs < first))
                first = c.recorded.first().startMs;
        }
        if (first > 0)
            seekTo(first);
    });
    shortcut(Qt::Key_End, [this] { seekTo(QDateTime::currentMSecsSinceEpoch() - 2000); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_B), [this] { addBookmark(); });
    shortcut(Qt::Key_PageUp, [this] { jumpToMark(-1); });
    shortcut(Qt::Key_PageDown, [this] { jumpToMark(1); });
}

void PlaybackPage::jumpToMark(int direction)
{
    if (!m_playback)
        return;
    const qint64 now = m_playback->position();
    qint64 best = 0;
    for (const playback::TimelineMark& m : m_timeline->data().marks) {
        const qint64 t = m.span.startMs;
        if (direction > 0 && t > now + 500 && (best == 0 || t < best))
            best = t;
        if (direction < 0 && t < now - 500 && (best == 0 || t > best))
            best = t;
    }
    if (best > 0)
        seekTo(best);
}

QList<QPair<qint64, QString>> PlaybackPage::cameraNames() const
{
    QList<QPair<qint64, QString>> names;
    if (m_context.cameras) {
        if (const auto all = m_context.cameras->list(); all) {
            for (const catalog::CameraRecord& c : all.value())
                names.append({c.id, c.name});
        }
    }
    return names;
}

bool PlaybackPage::mayHold() const
{
    return !m_context.session
            || security::Access::roleHas(
                    m_context.session->principal().role, security::Permission::ApproveRelease)
            || m_context.session->principal().isSetupMode();
}

void PlaybackPage::exportSelection()
{
    if (!m_playback)
        return;
    const playback::TimeSpan selection = m_timeline->selection();
    if (selection.endMs > selection.startMs)
        Q_EMIT exportRequested(m_cameras, selection.startMs, selection.endMs);
    else
        Q_EMIT exportRequested(
                m_cameras, m_playback->position() - 30000, m_playback->position() + 30000);
}

void PlaybackPage::addBookmark()
{
    if (!m_context.bookmarks || !m_playback)
        return;
    catalog::BookmarkRecord b;
    const playback::TimeSpan selection = m_timeline->selection();
    if (selection.endMs > selection.startMs) {
        b.startMs = selection.startMs;
        b.endMs = selection.endMs;
    } else {
        b.startMs = m_playback->position() - 5000;
        b.endMs = m_playback->position() + 5000;
    }
    b.cameraId = m_cameras.size() == 1 ? m_cameras.first() : 0;
    BookmarkDialog dialog(b, cameraNames(), mayHold(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Result<qint64> added = m_context.bookmarks->add(dialog.bookmark()); !added) {
        QMessageBox::warning(this, tr("Bookmark"), added.error().message);
        return;
    }
    m_timeline->setSelection({});
    reloadTimeline();
}

void PlaybackPage::showBookmarks()
{
    if (!m_context.bookmarks)
        return;
    BookmarksDialog dialog(*m_context.bookmarks, cameraNames(), mayHold(), this);
    connect(&dialog, &BookmarksDialog::openRequested, this,
            [this, &dialog](qint64 t, qint64 camera) {
                dialog.accept();
                openAt(t, camera > 0 ? QList<qint64> {camera} : m_cameras);
            });
    dialog.exec();
    reloadTimeline();
}

void PlaybackPage::reloadTimeline()
{
    if (!m_timelineSource || m_cameras.isEmpty())
        return;
    const playback::TimelineView& view = m_timeline->view();
    m_timelineSource->request(m_cameras,
            {view.startMs - view.spanMs / 2, view.endMs() + view.spanMs / 2}, view.resolutionMs());
}

void PlaybackPage::setSpan(qint64 spanMs)
{
    const qint64 position = m_playback ? m_playback->position() : m_timeline->view().startMs;
    m_timeline->setView(m_timeline->view().withSpan(spanMs).centredOn(position));
}

bool PlaybackPage::openAt(qint64 utcMs, const QList<qint64>& cameraIds)
{
    const QList<QPair<qint64, QString>> names = cameraNames();
    QList<qint64> cameras = cameraIds;
    if (cameras.isEmpty()) {
        for (const auto& [id, name] : names.mid(0, kDefaultTiles))
            cameras << id;
    }
    if (cameras.isEmpty())
        return false;
    cameras = cameras.mid(0, kMaxTiles);
    if (!m_playback) {
        playback::PlaybackSession::Config config;
        config.catalogPath = m_context.catalogPath;
        config.recordingsDir = m_context.dataDir + QStringLiteral("/recordings");
        config.session = m_context.session;
        if (m_context.settings)
            config.reasonAgeDays
                    = m_context.settings
                              ->value(QLatin1String(catalog::settings::kSecurityReasonAgeDays))
                              .toInt();
        m_playback = std::make_unique<playback::PlaybackSession>(config);
        connect(m_playback.get(), &playback::PlaybackSession::frameShown, this,
                [this](int i, const QVideoFrame& frame, qint64 t, bool) {
                    if (i < m_tiles.size())
                        m_tiles.at(i)->showFrame(frame, t);
                });
        connect(m_playback.get(), &playback::PlaybackSession::noRecording, this,
                [this](int i, qint64, qint64 next, const QString& why) {
                    if (i < m_tiles.size())
                        m_tiles.at(i)->showNoRecording(why, next);
                });
        connect(m_playback.get(), &playback::PlaybackSession::failed, this,
                [this](int i, const QString& message) {
                    if (i < m_tiles.size())
                        m_tiles.at(i)->showProblem(message);
                });
        connect(m_playback.get(), &playback::PlaybackSession::positionChanged, this,
                [this](qint64 t) {
                    m_timeline->setPosition(t);
                    m_timeline->setView(m_timeline->view().following(t));
                    m_position->setText(QLocale().toString(
                            QDateTime::fromMSecsSinceEpoch(t), QLocale::LongFormat));
                });
        connect(m_playback.get(), &playback::PlaybackSession::clockChanged, this,
                &PlaybackPage::updateControls);
        m_timelineSource = std::make_unique<playback::TimelineSource>(m_context.catalogPath);
        m_thumbnails = std::make_unique<playback::ThumbnailSource>(m_context.catalogPath,
                m_context.dataDir + QStringLiteral("/recordings"),
                m_context.dataDir + QStringLiteral("/cache/thumbnails"));
        connect(m_timeline, &TimelineWidget::thumbnailWanted, this,
                [this](qint64 camera, qint64 t) {
                    m_thumbnails->request(camera, t, {192, 108});
                });
        connect(m_thumbnails.get(), &playback::ThumbnailSource::ready, m_timeline,
                [this](qint64 camera, qint64 t, qint64, const QImage& image) {
                    m_timeline->showThumbnail(camera, t, image);
                });
        connect(m_timelineSource.get(), &playback::TimelineSource::loaded, m_timeline,
                &TimelineWidget::setData);
    }
    QString reason;
    if (m_playback->needsReason(utcMs)) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Reason for Viewing Old Footage"),
                tr("This footage is older than the age your town set for viewing without a "
                   "reason. Why is it needed? (The audit log keeps the answer.)"),
                QLineEdit::Normal, QString(), &ok);
        if (!ok || reason.trimmed().isEmpty())
            return false;
    }
    if (const Result<void> opened = m_playback->open(cameras, utcMs, reason); !opened) {
        QMessageBox::warning(this, tr("Playback"), opened.error().message);
        return false;
    }
    m_reasonGiven = !reason.isEmpty();
    m_cameras = cameras;
    // Tiles in a square grid, as the live view lays them out.
    for (PlaybackTile* t : std::as_const(m_tiles))
        delete t;
    m_tiles.clear();
    int columns = 1;
    while (columns * columns < cameras.size())
        ++columns;
    for (int i = 0; i < cameras.size(); ++i) {
        const auto named = std::find_if(names.cbegin(), names.cend(),
                [&](const auto& pair) { return pair.first == cameras.at(i); });
        auto* tile = new PlaybackTile(
                named != names.cend() ? named->second : tr("Camera %1").arg(cameras.at(i)),
                m_grid->parentWidget());
        m_grid->addWidget(tile, i / columns, i % columns);
        connect(tile, &PlaybackTile::pictureSizeChanged, this,
                [this, i](QSize size) { m_playback->setOutputSize(i, size); });
        m_playback->setOutputSize(i, tile->size() * tile->devicePixelRatioF());
        m_tiles << tile;
    }
    QList<QPair<qint64, QString>> rows;
    for (const qint64 id : std::as_const(cameras)) {
        for (const auto& pair : std::as_const(names)) {
            if (pair.first == id)
                rows << pair;
        }
    }
    m_timeline->setCameraNames(rows);
    m_timeline->setPosition(utcMs);
    m_timeline->setView(m_timeline->view().centredOn(utcMs));
    reloadTimeline();
    m_stack->setCurrentWidget(m_player);
    updateControls();
    m_timeline->setFocus();
    return true;
}

void PlaybackPage::seekTo(qint64 utcMs)
{
    if (!m_playback || m_playback->cameras().isEmpty()) {
        openAt(utcMs);
        return;
    }
    if (m_playback->needsReason(utcMs) && !m_reasonGiven) {
        openAt(utcMs, m_playback->cameras());
        return;
    }
    m_playback->seek(utcMs);
}

void PlaybackPage::updateControls()
{
    if (!m_playback)
        return;
    const playback::PlaybackClock& clock = m_playback->clock();
    m_playButton->setIcon(QIcon::fromTheme(clock.playing ? QStringLiteral("media-playback-pause")
                                                         : QStringLiteral("media-playback-start")));
    m_playButton->setToolTip(clock.playing ? tr("Pause (Space)") : tr("Play (Space)"));
    m_playButton->setText(m_playButton->toolTip());
    m_speed->setCurrentIndex(m_speed->findData(clock.speed));
}

void PlaybackPage::showEvent(QShowEvent* event)
{
    FeaturePage::showEvent(event);
    if (m_stack->currentWidget() == m_player && (!m_playback || m_playback->cameras().isEmpty()))
        openAt(QDateTime::currentMSecsSinceEpoch() - 60000);
}

void PlaybackPage::hideEvent(QHideEvent* event)
{
    FeaturePage::hideEvent(event);
    if (m_playback)
        m_playback->pause();
}

void PlaybackPage::update()
{
    const status::SystemStatus::Snapshot s
            = m_context.status ? m_context.status->snapshot() : status::SystemStatus::Snapshot {};
    const bool footage = s.footageBytes > 0 || s.camerasRecording > 0;
    if (!footage) {
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    if (m_stack->currentWidget() != m_player) {
        m_stack->setCurrentWidget(m_player);
        if (isVisible())
            openAt(QDateTime::currentMSecsSinceEpoch() - 60000);
    }
}

QString PlaybackPage::title() const
{
    return tr("Playback");
}

QIcon PlaybackPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/playback.svg"));
}

} // namespace vigil::widgets
