// The Live page as a clerk uses it, in the real window (GuiApplication) following a real
// recorder (vigil-recorder) of simulated cameras: tiles show live sub-stream pictures; a
// maximised tile switches to the main stream without going black while the other tiles stop
// decoding; a minimised window decodes nothing; a snapshot is a PNG of the picture; the grid
// size and the cameras of the tiles are kept.
#include "app/gui_application.h"
#include "core/live/ptz_control.h"
#include "core/runtime/app_context.h"
#include "core/security/audit_log.h"
#include "support/camsim_process.h"
#include "support/recorder_process.h"
#include "support/recording_fixture.h"
#include "widgets/live/live_tile.h"
#include "widgets/live/live_view.h"
#include "widgets/main_window.h"
#include "widgets/pages/live_page.h"
#include "widgets/pages/playback_page.h"
#include "widgets/playback/playback_tile.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace vigil;
using namespace vigil::test;

class TestLiveView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tilesShowLivePictures();
    void maximisedTileSwitchesToTheMainStreamWithoutGoingBlack();
    void aMinimisedWindowDecodesNothing();
    void ptzMovesThePicture();
    void gridSizeAndTilesAreKept();
    void aTileSwitchesToPlaybackKeepingItsGrid();
    void cleanupTestCase();

private:
    widgets::LiveView* view() const;

    QTemporaryDir m_dir;
    CamsimProcess m_sim;
    QString m_data;
    std::unique_ptr<RecorderProcess> m_recorder;
    std::unique_ptr<app::GuiApplication> m_gui;
};

widgets::LiveView* TestLiveView::view() const
{
    auto* page = static_cast<widgets::LivePage*>(m_gui->mainWindow()->page(widgets::PageId::Live));
    return page->liveView();
}

void TestLiveView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_sim.start(2, simArgs({QStringLiteral("--ptz"), QStringLiteral("1")})));
    m_data = m_dir.filePath(QStringLiteral("data"));
    for (int i = 0; i < 2; ++i) {
        const CtlRun added = vigilctl(m_data,
                {QStringLiteral("camera"), QStringLiteral("add"),
                        m_sim.endpoint(i, "device_service"), QStringLiteral("--user"), kCamUser,
                        QStringLiteral("--password"), kCamPassword});
        QVERIFY2(added.exitCode == 0, added.err.constData());
    }
    m_recorder = std::make_unique<RecorderProcess>(m_data);
    QVERIFY(m_recorder->started());
    m_gui = std::make_unique<app::GuiApplication>();
    QVERIFY(m_gui->start({QStringLiteral("vigil"), QStringLiteral("--data-dir"), m_data,
            QStringLiteral("--no-recorder")}));
    m_gui->mainWindow()->resize(1200, 800);
    QTRY_VERIFY_WITH_TIMEOUT(view()->isVisible(), 20000);
}

void TestLiveView::aTileSwitchesToPlaybackKeepingItsGrid()
{
    // Footage from half a minute ago exists once the recorder has run that long.
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const catalog::SegmentRecord& s : indexedSegments(m_data)) {
                    if (s.cameraId == 2 && s.startMs < QDateTime::currentMSecsSinceEpoch() - 35000)
                        return true;
                }
                return false;
            }(),
            60000);
    widgets::LiveView* v = view();
    v->setColumns(2);
    QTRY_VERIFY_WITH_TIMEOUT(v->tile(1)->isVisible() && v->tile(1)->cameraId() == 2, 10000);
    // The user right-clicks the second tile and chooses "Play Back the Last 30 Seconds".
    bool chosen = false;
    QTimer menuUser;
    connect(&menuUser, &QTimer::timeout, this, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu || chosen)
            return;
        for (QAction* action : menu->actions()) {
            if (action->text() == QLatin1String("Play Back the Last 30 Seconds")) {
                chosen = true;
                menu->close();
                action->trigger();
            }
        }
    });
    menuUser.start(50);
    const qint64 asked = QDateTime::currentMSecsSinceEpoch() - 30000;
    QContextMenuEvent click(QContextMenuEvent::Mouse, v->tile(1)->rect().center(),
            v->tile(1)->mapToGlobal(v->tile(1)->rect().center()));
    QApplication::sendEvent(v->tile(1), &click);
    QTRY_VERIFY_WITH_TIMEOUT(chosen, 5000);
    // The Playback area, with the grid's two cameras, each showing its recorded picture of then.
    QTRY_COMPARE_WITH_TIMEOUT(m_gui->mainWindow()->currentPage(), widgets::PageId::Playback, 5000);
    auto* playback = static_cast<widgets::PlaybackPage*>(
            m_gui->mainWindow()->page(widgets::PageId::Playback));
    QCOMPARE(playback->session()->cameras(), (QList<qint64> {1, 2}));
    QCOMPARE(playback->tiles().size(), 2);
    for (widgets::PlaybackTile* tile : playback->tiles()) {
        QTRY_VERIFY2_WITH_TIMEOUT(tile->frameTime() > 0, qPrintable(tile->message()), 15000);
        QVERIFY2(qAbs(tile->frameTime() - asked) < 2000,
                qPrintable(QString::number(tile->frameTime() - asked)));
    }
    // Playing it back is in the audit log, per camera.
    const CtlRun listed = vigilctl(m_data,
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                    QStringLiteral("playback"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(listed.out).array().size(), 2);
}

void TestLiveView::cleanupTestCase()
{
    m_gui.reset();
    if (m_recorder)
        QVERIFY(m_recorder->stop());
}

void TestLiveView::tilesShowLivePictures()
{
    widgets::LiveView* v = view();
    QCOMPARE(v->layout().columns, 2);
    QCOMPARE(v->tile(0)->cameraId(), 1);
    QCOMPARE(v->tile(1)->cameraId(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(v->tile(0)->isLive() && v->tile(1)->isLive(), 30000);
    QCOMPARE(v->tile(0)->frameSize(), QSize(640, 360)); // small tiles: the sub stream
    QCOMPARE(v->tile(0)->stateText(), QString());
    QCOMPARE(v->tile(2)->stateText(), QStringLiteral("Drag a camera here"));
    // A snapshot is the picture shown, named after the camera and the UTC time.
    const QString saved = v->tile(0)->saveSnapshot(m_dir.path());
    QVERIFY(!saved.isEmpty());
    QVERIFY2(QFileInfo(saved).fileName().contains(QLatin1String("_camera1_")), qPrintable(saved));
    QVERIFY(saved.endsWith(QLatin1String("Z.png")));
    QCOMPARE(QImage(saved).size(), QSize(640, 360));
}

void TestLiveView::maximisedTileSwitchesToTheMainStreamWithoutGoingBlack()
{
    widgets::LiveView* v = view();
    widgets::LiveTile* first = v->tile(0);
    widgets::LiveTile* second = v->tile(1);
    QTRY_VERIFY_WITH_TIMEOUT(first->isLive() && second->isLive(), 30000);
    v->toggleMaximised(0);
    QVERIFY(!second->isVisible());
    const qint64 hiddenDecoded = second->decodedFrames();
    // Until the first main-stream picture, the last sub-stream picture stays.
    QElapsedTimer waited;
    waited.start();
    while (first->frameSize() != QSize(1920, 1080) && waited.elapsed() < 30000) {
        QVERIFY2(first->frameSize().isValid(), "the maximised tile went black");
        QTest::qWait(10);
    }
    QCOMPARE(first->frameSize(), QSize(1920, 1080));
    QTest::qWait(1500);
    QCOMPARE(second->decodedFrames(), hiddenDecoded); // hidden: nothing decoded
    v->toggleMaximised(0);
    QTRY_VERIFY_WITH_TIMEOUT(first->frameSize() == QSize(640, 360) && second->isLive(), 30000);
}

void TestLiveView::aMinimisedWindowDecodesNothing()
{
    widgets::LiveView* v = view();
    QTRY_VERIFY_WITH_TIMEOUT(v->tile(0)->isLive(), 30000);
    m_gui->mainWindow()->showMinimized();
    QTRY_VERIFY_WITH_TIMEOUT(m_gui->mainWindow()->isMinimized(), 5000);
    const qint64 decoded = v->tile(0)->decodedFrames() + v->tile(1)->decodedFrames();
    QTest::qWait(1500);
    QCOMPARE(v->tile(0)->decodedFrames() + v->tile(1)->decodedFrames(), decoded);
    m_gui->mainWindow()->showNormal();
    QTRY_VERIFY_WITH_TIMEOUT(
            v->tile(0)->decodedFrames() + v->tile(1)->decodedFrames() > decoded + 10, 30000);
}

namespace {

/// How far the scene moved sideways between two pictures, in 1/160 of their width: the shift
/// that lines them up best (people walking leave it at 0; a pan moves all of it).
int sideShift(const QImage& a, const QImage& b)
{
    const QImage x = a.scaled(160, 90).convertToFormat(QImage::Format_Grayscale8);
    const QImage y = b.scaled(160, 90).convertToFormat(QImage::Format_Grayscale8);
    int best = 0;
    double bestDiff = 1e9;
    for (int shift = -40; shift <= 40; ++shift) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < 90; ++r) {
            for (int c = qMax(0, -shift); c < qMin(160, 160 - shift); ++c) {
                sum += qAbs(qGray(x.pixel(c + shift, r)) - qGray(y.pixel(c, r)));
                ++n;
            }
        }
        if (n > 0 && sum / n < bestDiff) {
            bestDiff = sum / n;
            best = shift;
        }
    }
    return best;
}

} // namespace

void TestLiveView::ptzMovesThePicture()
{
    widgets::LiveView* v = view();
    widgets::LiveTile* tile = v->tile(0);
    QCOMPARE(tile->cameraId(), 1); // camsim's first camera is a PTZ one
    QVERIFY(tile->ptz());
    QVERIFY(!v->tile(1)->ptz()); // the second is not
    QTRY_VERIFY_WITH_TIMEOUT(tile->isLive(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!tile->ptz()->presets().isEmpty(), 10000);
    const auto audited = [this](const QString& action) {
        security::AuditFilter filter;
        filter.cameraId = 1;
        filter.action = action;
        return security::AuditLog(
                m_gui->context()->catalog(), m_gui->context()->dataDir().keysPath())
                .list(filter)
                ->size();
    };
    const qsizetype snapshotsBefore = audited(QStringLiteral("snapshot"));
    const auto snapshot = [&] { return QImage(tile->saveSnapshot(m_dir.path())); };
    QSignalSpy accepted(tile->ptz(), &live::PtzControl::done);
    const auto hold = [&](Qt::Key key) {
        QTest::keyPress(tile, key);
        QVERIFY(accepted.wait(5000));
        QTest::qWait(1500);
        QTest::keyRelease(tile, key);
        QVERIFY(accepted.wait(5000)); // the stop
        QTest::qWait(1500); // the moved picture reaches the tile
    };
    // Zoomed in (at its widest a camera shows all it can: there is nowhere to pan to).
    hold(Qt::Key_Plus);
    // People walking for a second and a half do not move the scene.
    const QImage before = snapshot();
    QTest::qWait(1500);
    const QImage still = snapshot();
    QCOMPARE(sideShift(before, still), 0);
    // Pan right for 1.5 s with the arrow key held, as a clerk does: the scene moves.
    hold(Qt::Key_Right);
    const int shift = sideShift(still, snapshot());
    QVERIFY2(qAbs(shift) >= 3, qPrintable(QStringLiteral("the scene moved by %1").arg(shift)));
    // A preset turns it back.
    tile->ptz()->gotoPreset(tile->ptz()->presets().first().token);
    QVERIFY(accepted.wait(5000));
    // Each move a person started and each snapshot saved is in the audit log, with the camera.
    QCOMPARE(audited(QStringLiteral("ptz_move")), 2);
    QCOMPARE(audited(QStringLiteral("snapshot")) - snapshotsBefore, 3);
}

void TestLiveView::gridSizeAndTilesAreKept()
{
    widgets::LiveView* v = view();
    v->setColumns(3);
    QCOMPARE(v->layout().tileCount(), 9);
    QVERIFY(v->tile(8)->isVisible());
    v->assign(4, 1); // camera 1 moves to the middle tile; the two tiles swap
    QCOMPARE(v->tile(4)->cameraId(), 1);
    QCOMPARE(v->tile(0)->cameraId(), 0);
    v->saveLayout(QStringLiteral("Plaza first"));
    QVERIFY(v->savedLayoutNames().contains(QStringLiteral("Plaza first")));
    v->setColumns(1); // one tile: the first camera not shown fills it
    QCOMPARE(v->tile(0)->cameraId(), 1);
    QVERIFY(!v->tile(4)->isVisible());
    v->applySavedLayout(QStringLiteral("Plaza first"));
    QCOMPARE(v->layout().columns, 3);
    QCOMPARE(v->tile(4)->cameraId(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(v->tile(4)->isLive(), 30000);
}

QTEST_MAIN(TestLiveView)
#include "tst_live_view.moc"
