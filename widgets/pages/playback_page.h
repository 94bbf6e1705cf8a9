#pragma once

#include "core/playback/playback_session.h"
#include "core/playback/timeline.h"
#include "widgets/feature_page.h"
#include "widgets/page_context.h"

#include <memory>

class QComboBox;
class QDateTimeEdit;
class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace vigil::playback {
class ThumbnailSource;
}

namespace vigil::widgets {

class EmptyState;
class PlaybackTile;
class TimelineWidget;

/// Playback: recorded video of a layout of cameras on one clock, a timeline with recorded spans,
/// gaps and bookmarks, and the controls of a video editor (space, J/K/L, ←/→ frame by frame,
/// Home/End, PgUp/PgDn bookmark to bookmark). Logic lives in core (PlaybackSession,
/// TimelineSource); the page paints and forwards input.
class PlaybackPage : public FeaturePage
{
    Q_OBJECT

public:
    PlaybackPage(const PageContext& context, QWidget* parent);
    ~PlaybackPage() override;

    PageId id() const override { return PageId::Playback; }
    QString title() const override;
    QIcon icon() const override;
    EmptyState* emptyState() const { return m_emptyState; }

    /// Plays `cameraIds` (empty: the first four) from `utcMs`, asking for a reason when the
    /// footage is old. False when refused or cancelled.
    bool openAt(qint64 utcMs, const QList<qint64>& cameraIds = {});
    playback::PlaybackSession* session() const { return m_playback.get(); }
    TimelineWidget* timeline() const { return m_timeline; }
    QList<PlaybackTile*> tiles() const { return m_tiles; }

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

Q_SIGNALS:
    /// "Export…": the Evidence page makes the package.
    void exportRequested(const QList<qint64>& cameraIds, qint64 fromMs, qint64 toMs);

private:
    void update();
    QWidget* createPlayer();
    void createShortcuts();
    void seekTo(qint64 utcMs);
    void jumpToMark(int direction);
    void updateControls();
    void setSpan(qint64 spanMs);
    void addBookmark();
    void showBookmarks();
    /// Asks for an export of the selected stretch (or a minute around the moment shown).
    void exportSelection();
    void reloadTimeline();
    QList<QPair<qint64, QString>> cameraNames() const;
    bool mayHold() const;

    PageContext m_context;
    QStackedWidget* m_stack = nullptr;
    EmptyState* m_emptyState = nullptr;
    QWidget* m_player = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<PlaybackTile*> m_tiles;
    TimelineWidget* m_timeline = nullptr;
    QDateTimeEdit* m_goTo = nullptr;
    QToolButton* m_playButton = nullptr;
    QComboBox* m_speed = nullptr;
    QLabel* m_position = nullptr;
    QPushButton* m_addBookmark = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_listBookmarks = nullptr;
    std::unique_ptr<playback::PlaybackSession> m_playback;
    std::unique_ptr<playback::TimelineSource> m_timelineSource;
    std::unique_ptr<playback::ThumbnailSource> m_thumbnails;
    QList<qint64> m_cameras;
    bool m_reasonGiven = false;
};

} // namespace vigil::widgets
