// The playback and search pages as a user drives them, offscreen, on footage in Vigil's layout
// (a clip remuxed into four cameras' segments): four tiles in step, the keys, the timeline, a
// bookmark made from the page, a search that streams 10,000 results without stalling the
// window, and a result that opens playback.

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/event_store.h"
#include "core/playback/bookmarks.h"
#include "support/archive_builder.h"
#include "support/modal_user.h"
#include "widgets/pages/playback_page.h"
#include "widgets/pages/search_page.h"
#include "widgets/playback/bookmark_dialogs.h"
#include "widgets/playback/playback_tile.h"
#include "widgets/playback/timeline_widget.h"

#include <QApplication>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace vigil;

namespace {

constexpr qint64 kStartMs = 1767258000000; // 2026-01-01 09:00 UTC
constexpr int kFrameMs = 40;

/// Answers the question why old footage is opened.
bool giveReason(QWidget* modal)
{
    auto* input = qobject_cast<QInputDialog*>(modal);
    if (!input)
        return false;
    input->setTextValue(QStringLiteral("Case 2026-118"));
    input->accept();
    return true;
}

} // namespace

class TestPlaybackUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fourTilesShowTheSameMomentAndFollowTheKeys();
    void aBookmarkMadeOnThePageIsOnTheTimeline();
    void exportAsksForTheSelectedStretch();
    void theSearchPageStaysResponsiveWhileResultsStreamIn();
    void aResultOpensPlaybackAtItsMoment();

private:
    widgets::PageContext context()
    {
        widgets::PageContext c;
        c.cameras = m_cameras.get();
        c.catalogPath = m_catalog->path();
        c.dataDir = m_dir.path();
        c.bookmarks = m_bookmarks.get();
        return c;
    }
    /// Every tile shows a frame of exactly `utcMs`.
    bool tilesAt(const widgets::PlaybackPage& page, qint64 utcMs) const
    {
        for (const widgets::PlaybackTile* tile : page.tiles()) {
            if (tile->frameTime() != utcMs)
                return false;
        }
        return page.tiles().size() == m_ids.size();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<catalog::Catalog> m_catalog;
    std::unique_ptr<catalog::CameraStore> m_cameras;
    std::unique_ptr<playback::Bookmarks> m_bookmarks;
    QList<qint64> m_ids;
};

void TestPlaybackUi::initTestCase()
{
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    const QString problem
            = test::encodeClip(QStringLiteral("testsrc2=size=320x180:rate=25"), 30, 50, clip);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto opened = catalog::Catalog::open(m_dir.filePath(QStringLiteral("vigil.sqlite")));
    QVERIFY(opened);
    m_catalog = std::move(opened).value();
    m_cameras = std::make_unique<catalog::CameraStore>(*m_catalog);
    m_bookmarks = std::make_unique<playback::Bookmarks>(*m_catalog, nullptr);
    for (int c = 0; c < 4; ++c) {
        const qint64 id
                = test::addArchiveCamera(*m_catalog, QStringLiteral("Calle Sucre %1").arg(c + 1));
        QVERIFY(id > 0);
        test::ArchivePlan plan;
        plan.cameraId = id;
        plan.recordings = m_dir.filePath(QStringLiteral("recordings"));
        plan.startMs = kStartMs;
        plan.segmentSeconds = 8 + c; // each camera's files cut elsewhere
        QVERIFY(!test::buildArchive(*m_catalog, clip, plan).isEmpty());
        m_ids << id;
    }
}

void TestPlaybackUi::fourTilesShowTheSameMomentAndFollowTheKeys()
{
    widgets::PlaybackPage page(context(), nullptr);
    page.resize(1200, 800);
    page.show();
    const qint64 t = kStartMs + 100 * kFrameMs;
    // Footage from January is older than a week: the page asks why, and the answer is given.
    test::ModalUser user(giveReason);
    QVERIFY(page.openAt(t, m_ids));
    QVERIFY(user.done());
    QTRY_VERIFY_WITH_TIMEOUT(tilesAt(page, t), 10000);
    // The question answered, the page is the active window again, the timeline in focus.
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.timeline()->setFocus();
    QTest::keyClick(page.timeline(), Qt::Key_Right);
    QTRY_VERIFY_WITH_TIMEOUT(tilesAt(page, t + kFrameMs), 10000);
    QTest::keyClick(page.timeline(), Qt::Key_Left);
    QTest::keyClick(page.timeline(), Qt::Key_Left);
    QTRY_VERIFY_WITH_TIMEOUT(tilesAt(page, t - kFrameMs), 10000);
    // Space plays; the tiles move on together; space again stops them on one frame each.
    QTest::keyClick(page.timeline(), Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT(page.tiles().first()->frameTime() > t + 10 * kFrameMs, 10000);
    QTest::keyClick(page.timeline(), Qt::Key_Space);
    QVERIFY(!page.session()->clock().playing);
    const qint64 stopped = page.session()->position();
    QTRY_VERIFY_WITH_TIMEOUT(tilesAt(page, page.tiles().first()->frameTime())
                    && stopped - page.tiles().first()->frameTime() < kFrameMs,
            10000);
    // The timeline shows the four cameras' footage.
    QTRY_COMPARE_WITH_TIMEOUT(page.timeline()->data().cameras.size(), 4, 10000);
    for (const playback::CameraTimeline& c : page.timeline()->data().cameras)
        QVERIFY(!c.recorded.isEmpty());
}

void TestPlaybackUi::exportAsksForTheSelectedStretch()
{
    widgets::PlaybackPage page(context(), nullptr);
    page.resize(1200, 800);
    page.show();
    test::ModalUser reason(giveReason);
    QVERIFY(page.openAt(kStartMs + 5000, m_ids.mid(0, 2)));
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QSignalSpy asked(&page, &widgets::PlaybackPage::exportRequested);
    widgets::TimelineWidget* timeline = page.timeline();
    const QPoint a(timeline->width() / 2, 20);
    QTest::mousePress(timeline, Qt::LeftButton, Qt::ShiftModifier, a);
    QTest::mouseMove(timeline, a + QPoint(60, 0));
    QTest::mouseRelease(timeline, Qt::LeftButton, Qt::ShiftModifier, a + QPoint(60, 0));
    const playback::TimeSpan chosen = timeline->selection();
    QVERIFY(chosen.endMs > chosen.startMs);
    page.findChild<QPushButton*>(QStringLiteral("playbackExport"))->click();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().at(0).value<QList<qint64>>(), m_ids.mid(0, 2));
    QCOMPARE(asked.first().at(1).toLongLong(), chosen.startMs);
    QCOMPARE(asked.first().at(2).toLongLong(), chosen.endMs);
}

void TestPlaybackUi::aBookmarkMadeOnThePageIsOnTheTimeline()
{
    widgets::PlaybackPage page(context(), nullptr);
    page.resize(1200, 800);
    page.show();
    test::ModalUser reason(giveReason);
    QVERIFY(page.openAt(kStartMs + 5000, {m_ids.first()}));
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    // Shift-drag on the timeline chooses a stretch; Ctrl+B bookmarks it.
    widgets::TimelineWidget* timeline = page.timeline();
    const QPoint a(timeline->width() / 2, 20);
    QTest::mousePress(timeline, Qt::LeftButton, Qt::ShiftModifier, a);
    QTest::mouseMove(timeline, a + QPoint(40, 0));
    QTest::mouseRelease(timeline, Qt::LeftButton, Qt::ShiftModifier, a + QPoint(40, 0));
    QVERIFY(timeline->selection().endMs > timeline->selection().startMs);
    const playback::TimeSpan chosen = timeline->selection();
    test::ModalUser user([](QWidget* modal) {
        auto* dialog = qobject_cast<widgets::BookmarkDialog*>(modal);
        if (!dialog)
            return false;
        dialog->findChild<QLineEdit*>(QStringLiteral("title"))
                ->setText(QStringLiteral("Van backs into a bollard"));
        dialog->findChild<QLineEdit*>(QStringLiteral("caseNumber"))
                ->setText(QStringLiteral("2026-0099"));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        return true;
    });
    QTest::keyClick(timeline, Qt::Key_B, Qt::ControlModifier);
    QVERIFY(user.done());
    const auto found = m_bookmarks->search(QStringLiteral("bollard"), 0, kStartMs * 2, {});
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().caseNumber, QStringLiteral("2026-0099"));
    // The stretch chosen, to the second the dialog's fields show.
    QCOMPARE(found->first().startMs / 1000, chosen.startMs / 1000);
    QCOMPARE(found->first().endMs / 1000, chosen.endMs / 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!timeline->data().marks.isEmpty(), 10000);
    QCOMPARE(timeline->data().marks.first().title, QStringLiteral("Van backs into a bollard"));
}

void TestPlaybackUi::theSearchPageStaysResponsiveWhileResultsStreamIn()
{
    catalog::EventStore events(*m_catalog);
    QSqlDatabase::database(m_catalog->connectionName()).transaction();
    for (int i = 0; i < 10000; ++i) {
        catalog::EventRecord e;
        e.cameraId = m_ids.at(i % 4);
        e.type = QStringLiteral("motion");
        e.startMs = kStartMs + i * 2;
        e.endMs = e.startMs + 1000;
        QVERIFY(events.add(e));
    }
    QSqlDatabase::database(m_catalog->connectionName()).commit();

    widgets::SearchPage page(context(), nullptr);
    page.resize(1200, 800);
    page.show();
    page.fromField()->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs - 60000));
    page.toField()->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs + 3600000));
    // A heartbeat on the GUI thread: how long the window ever waits while the results come.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer beat;
    beat.setInterval(5);
    connect(&beat, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    clock.start();
    beat.start();
    page.search();
    QTRY_VERIFY_WITH_TIMEOUT(page.results()->rowCount() >= 10000
                    && page.statusLabel()->text().contains(QLatin1String("result")),
            30000);
    beat.stop();
    // And the bookmarks of that hour (one when the test before made it).
    const auto bookmarks = m_bookmarks->search({}, kStartMs - 60000, kStartMs + 3600000, {});
    QVERIFY(bookmarks);
    QCOMPARE(page.results()->rowCount(), 10000 + int(bookmarks->size()));
    qInfo("the window waited at most %lld ms while 10,000 results came", longest);
    // Not a speed target: a window that froze for the whole search would wait seconds.
    QVERIFY2(longest < 500, qPrintable(QStringLiteral("the window waited %1 ms").arg(longest)));
}

void TestPlaybackUi::aResultOpensPlaybackAtItsMoment()
{
    widgets::SearchPage page(context(), nullptr);
    page.show();
    page.textField()->setText(QStringLiteral("bollard"));
    page.fromField()->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs - 60000));
    page.toField()->setDateTime(QDateTime::fromMSecsSinceEpoch(kStartMs + 3600000));
    page.search();
    QTRY_COMPARE_WITH_TIMEOUT(page.results()->rowCount(), 1, 10000);
    QSignalSpy play(&page, &widgets::SearchPage::playRequested);
    const QRect cell = page.resultsView()->visualRect(page.resultsView()->model()->index(0, 1));
    // A double-click is a press and release, then a second press that doubles it.
    QTest::mouseClick(page.resultsView()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(page.resultsView()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(play.size(), 1);
    QCOMPARE(play.first().at(0).toLongLong(), page.results()->hit(0).span.startMs);
}

QTEST_MAIN(TestPlaybackUi)
#include "tst_playback_ui.moc"
