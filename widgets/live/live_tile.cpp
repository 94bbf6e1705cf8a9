#include "widgets/live/live_tile.h"

#include "core/live/ptz_control.h"
#include "core/security/audit_actions.h"
#include "core/security/session.h"

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QJsonObject>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPointer>
#include <QRegion>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QVideoSink>

namespace vigil::widgets {

namespace {

const QColor kBackground(20, 20, 20);
constexpr int kPad = 6; ///< around the texts over the picture

/// New pictures are put on screen at most once a frame of the display (about 60 Hz): 16 tiles
/// of 15 fps cameras then share one paint and one flush of the window instead of 240 a second.
class RepaintPacer : public QObject
{
public:
    static RepaintPacer& instance()
    {
        static QPointer<RepaintPacer> pacer;
        if (!pacer)
            pacer = new RepaintPacer(QCoreApplication::instance());
        return *pacer;
    }

    void request(QWidget* widget)
    {
        if (!m_dirty.contains(widget))
            m_dirty << widget;
        if (!m_timer.isActive())
            m_timer.start(int(qMax<qint64>(0, kDisplayFrameMs - m_since.elapsed())));
    }

private:
    static constexpr qint64 kDisplayFrameMs = 16;

    explicit RepaintPacer(QObject* parent)
        : QObject(parent)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        m_since.start();
        connect(&m_timer, &QTimer::timeout, this, [this] {
            for (const QPointer<QWidget>& w : std::exchange(m_dirty, {})) {
                if (w)
                    w->update();
            }
            m_since.restart();
        });
    }

    QTimer m_timer;
    QElapsedTimer m_since;
    QList<QPointer<QWidget>> m_dirty;
};

} // namespace

LiveTile::LiveTile(control::LiveChannel* channel, int index, QWidget* parent)
    : QWidget(parent)
    , m_channel(channel)
    , m_index(index)
{
    setObjectName(QStringLiteral("liveTile%1").arg(index));
    setAcceptDrops(true);
    setMinimumSize(160, 90);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_sink = new QVideoSink(this);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame& frame) {
        m_frame = frame;
        m_frameShownMs = QDateTime::currentMSecsSinceEpoch();
        RepaintPacer::instance().request(this);
    });
}

LiveTile::~LiveTile() = default;

void LiveTile::setPtz(std::unique_ptr<live::PtzControl> ptz)
{
    delete m_pad;
    m_pad = nullptr;
    m_ptz = std::move(ptz);
    if (!m_ptz)
        return;
    connect(m_ptz.get(), &live::PtzControl::failed, this,
            [this](const QString& message) { setToolTip(message); });
    m_ptz->refreshPresets();
    m_pad = new QWidget(this);
    m_pad->setObjectName(QStringLiteral("ptzPad"));
    auto* grid = new QGridLayout(m_pad);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(1);
    struct Button
    {
        const char* objectName;
        QString text;
        QString tip;
        int row, column;
        double pan, tilt, zoom;
    };
    const Button buttons[] = {
            {"ptzUp", QStringLiteral("▲"), tr("Tilt up (↑)"), 0, 1, 0, 0.5, 0},
            {"ptzLeft", QStringLiteral("◀"), tr("Pan left (←)"), 1, 0, -0.5, 0, 0},
            {"ptzRight", QStringLiteral("▶"), tr("Pan right (→)"), 1, 2, 0.5, 0, 0},
            {"ptzDown", QStringLiteral("▼"), tr("Tilt down (↓)"), 2, 1, 0, -0.5, 0},
            {"ptzZoomIn", QStringLiteral("+"), tr("Zoom in (+)"), 0, 3, 0, 0, 0.5},
            {"ptzZoomOut", QStringLiteral("−"), tr("Zoom out (−)"), 2, 3, 0, 0, -0.5},
    };
    for (const Button& b : buttons) {
        auto* button = new QToolButton(m_pad);
        button->setObjectName(QLatin1String(b.objectName));
        button->setText(b.text);
        button->setToolTip(b.tip);
        button->setAutoRaise(false);
        connect(button, &QToolButton::pressed, this, [this, b] { ptzMove(b.pan, b.tilt, b.zoom); });
        connect(button, &QToolButton::released, this, [this] { m_ptz->stop(); });
        grid->addWidget(button, b.row, b.column);
    }
    m_pad->adjustSize();
    m_pad->setVisible(underMouse() || hasFocus());
    placePad();
}

void LiveTile::placePad()
{
    if (m_pad)
        m_pad->move(width() - m_pad->width() - 8, height() - m_pad->height() - 8);
}

void LiveTile::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placePad();
    // Pictures come scaled to the tile from the decoder's thread.
    if (m_feed)
        m_feed->setDisplaySize(displaySize());
    if (m_next)
        m_next->setDisplaySize(displaySize());
}

QSize LiveTile::displaySize() const
{
    return size() * devicePixelRatioF();
}

void LiveTile::enterEvent(QEnterEvent* event)
{
    QWidget::enterEvent(event);
    if (m_pad)
        m_pad->show();
}

void LiveTile::leaveEvent(QEvent* event)
{
    QWidget::leaveEvent(event);
    if (m_pad && !hasFocus())
        m_pad->hide();
}

void LiveTile::keyPressEvent(QKeyEvent* event)
{
    if (!m_ptz || event->isAutoRepeat()) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
        ptzMove(-0.5, 0, 0);
        break;
    case Qt::Key_Right:
        ptzMove(0.5, 0, 0);
        break;
    case Qt::Key_Up:
        ptzMove(0, 0.5, 0);
        break;
    case Qt::Key_Down:
        ptzMove(0, -0.5, 0);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        ptzMove(0, 0, 0.5);
        break;
    case Qt::Key_Minus:
        ptzMove(0, 0, -0.5);
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void LiveTile::keyReleaseEvent(QKeyEvent* event)
{
    static const int keys[] = {Qt::Key_Left, Qt::Key_Right, Qt::Key_Up, Qt::Key_Down, Qt::Key_Plus,
            Qt::Key_Equal, Qt::Key_Minus};
    if (m_ptz && !event->isAutoRepeat()
            && std::find(std::begin(keys), std::end(keys), event->key()) != std::end(keys)) {
        m_ptz->stop();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

std::unique_ptr<control::LiveFeed> LiveTile::makeFeed(const QString& role)
{
    if (!m_channel || m_cameraId <= 0)
        return nullptr;
    auto feed = std::make_unique<control::LiveFeed>(*m_channel, m_cameraId, role);
    feed->setVideoSink(m_sink);
    feed->setDisplaySize(displaySize());
    connect(feed.get(), &control::LiveFeed::stateChanged, this, [this] { update(); });
    const control::LiveFeed* shown = feed.get();
    connect(feed.get(), &control::LiveFeed::frameShown, this,
            [this, shown] { m_pictureSize = shown->frameSize(); });
    return feed;
}

void LiveTile::adopt(std::unique_ptr<control::LiveFeed> feed)
{
    if (m_feed)
        m_decodedBefore += m_feed->decodedFrames();
    m_feed = std::move(feed);
}

void LiveTile::setCamera(qint64 cameraId, const QString& name)
{
    m_name = name;
    if (cameraId != m_cameraId) {
        m_cameraId = cameraId;
        m_next.reset();
        adopt(nullptr);
        m_frame = QVideoFrame();
        m_pictureSize = QSize();
        adopt(makeFeed(m_maximised ? QStringLiteral("main") : QStringLiteral("sub")));
        setPtz(nullptr);
        updateActive();
    }
    update();
}

void LiveTile::setRecording(bool recording)
{
    if (recording == m_recording)
        return;
    m_recording = recording;
    update();
}

void LiveTile::setMaximised(bool maximised)
{
    if (maximised == m_maximised)
        return;
    m_maximised = maximised;
    if (m_cameraId <= 0)
        return;
    // The other stream starts beside the one shown; it takes over at its first picture, so
    // the last picture of the old one stays until then (no black flash).
    m_next = makeFeed(maximised ? QStringLiteral("main") : QStringLiteral("sub"));
    control::LiveFeed* next = m_next.get();
    connect(next, &control::LiveFeed::frameShown, this, [this, next] {
        if (m_next.get() != next)
            return;
        adopt(std::move(m_next));
        update();
    });
    updateActive();
}

void LiveTile::updateActive()
{
    const QWidget* top = window();
    const bool seen = isVisible() && !(top && top->isMinimized());
    if (m_feed)
        m_feed->setActive(seen);
    if (m_next)
        m_next->setActive(seen);
    if (!seen)
        m_next.reset(); // it would start again where it is seen
}

void LiveTile::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (QWidget* top = window(); top != m_watchedWindow) {
        if (m_watchedWindow)
            m_watchedWindow->removeEventFilter(this);
        m_watchedWindow = top;
        top->installEventFilter(this);
    }
    updateActive();
}

void LiveTile::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    updateActive();
}

bool LiveTile::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_watchedWindow && event->type() == QEvent::WindowStateChange)
        updateActive();
    return QWidget::eventFilter(watched, event);
}

bool LiveTile::isLive() const
{
    return m_feed && m_feed->state() == control::LiveFeed::State::Live;
}

QString LiveTile::stateText() const
{
    if (m_cameraId <= 0)
        return tr("Drag a camera here");
    if (!m_feed)
        return tr("Not connected to the recorder");
    switch (m_feed->state()) {
    case control::LiveFeed::State::Live:
        return {};
    case control::LiveFeed::State::Idle:
    case control::LiveFeed::State::Connecting:
        return tr("Connecting…");
    case control::LiveFeed::State::Offline:
        return m_feed->reason().isEmpty() ? tr("Offline") : tr("Offline: %1").arg(m_feed->reason());
    case control::LiveFeed::State::WrongLogin:
        return tr("Wrong user name or password: the camera refuses the login Vigil has for it "
                  "(Settings ▸ Cameras ▸ Connection…).");
    case control::LiveFeed::State::Unavailable:
        return m_feed->reason();
    }
    return {};
}

qint64 LiveTile::decodedFrames() const
{
    return m_decodedBefore + (m_feed ? m_feed->decodedFrames() : 0)
            + (m_next ? m_next->decodedFrames() : 0);
}

bool LiveTile::ptzAllowed(const QString& action, const QJsonObject& detail)
{
    if (!m_session)
        return true;
    // Whoever may watch the camera may steer it; each move a person starts is audited (a
    // camera turned towards a window is an access like any other).
    if (!m_session->check(security::Permission::ViewLive, m_cameraId, action))
        return false;
    (void)m_session->audit(action, QStringLiteral("camera %1").arg(m_cameraId), detail, m_cameraId);
    return true;
}

void LiveTile::ptzMove(double pan, double tilt, double zoom)
{
    if (ptzAllowed(QStringLiteral("ptz_move"),
                {{QStringLiteral("pan"), pan}, {QStringLiteral("tilt"), tilt},
                        {QStringLiteral("zoom"), zoom}}))
        m_ptz->move(pan, tilt, zoom);
}

QString LiveTile::saveSnapshot(const QString& folder)
{
    if (!m_frame.isValid())
        return {};
    if (m_session
            && !m_session->check(security::Permission::ViewLive, m_cameraId,
                    QLatin1String(security::audit::kSnapshot)))
        return {};
    // The camera's full picture when it is still decoding, else the picture shown.
    QImage image = m_feed ? m_feed->lastPicture() : QImage();
    if (image.isNull())
        image = m_frame.toImage();
    if (image.isNull())
        return {};
    QString safeName = m_name;
    safeName.replace(QRegularExpression(QStringLiteral("[^\\w\\-]+")), QStringLiteral("_"));
    const QString stamp = QDateTime::fromMSecsSinceEpoch(m_frameShownMs, Qt::UTC)
                                  .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const QString path = QDir(folder).filePath(
            QStringLiteral("%1_camera%2_%3.png").arg(safeName).arg(m_cameraId).arg(stamp));
    if (!image.save(path, "PNG"))
        return {};
    if (m_session)
        (void)m_session->audit(QLatin1String(security::audit::kSnapshot),
                QDir::toNativeSeparators(path), {}, m_cameraId);
    return path;
}

void LiveTile::paintFrame(QPainter& p)
{
    static const QVideoFrameFormat::PixelFormat rgb
            = QVideoFrameFormat::pixelFormatFromImageFormat(QImage::Format_RGB32);
    if (m_frame.pixelFormat() != rgb || !m_frame.map(QVideoFrame::ReadOnly)) {
        p.fillRect(rect(), kBackground);
        QVideoFrame::PaintOptions options;
        options.backgroundColor = kBackground;
        m_frame.paint(&p, rect(), options);
        return;
    }
    // Already scaled to the tile by the decoder: a plain copy to the screen, centred, and the
    // background only beside it.
    const QImage image(m_frame.bits(0), m_frame.width(), m_frame.height(), m_frame.bytesPerLine(0),
            QImage::Format_RGB32);
    QRect target(QPoint(), m_frame.size().scaled(size(), Qt::KeepAspectRatio));
    target.moveCenter(rect().center());
    for (const QRect& beside : QRegion(rect()).subtracted(target))
        p.fillRect(beside, kBackground);
    p.drawImage(target, image);
    m_frame.unmap();
}

void LiveTile::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QString state = stateText();
    if (m_frame.isValid()) {
        paintFrame(p);
        if (!state.isEmpty())
            p.fillRect(rect(), QColor(0, 0, 0, 170)); // the last picture, plainly not live
    } else {
        p.fillRect(rect(), kBackground);
    }
    QFont bold = font();
    bold.setBold(true);
    const int bar = QFontMetrics(bold).height() + kPad;
    if (m_cameraId > 0)
        p.drawImage(QPoint(0, 0), titleBar(bold, bar));
    if (!state.isEmpty()) {
        p.setFont(font());
        p.setPen(QColor(230, 230, 230));
        p.drawText(rect().adjusted(kPad * 2, bar, -kPad * 2, -kPad),
                Qt::AlignCenter | Qt::TextWordWrap, state);
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().highlight().color(), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

const QImage& LiveTile::titleBar(const QFont& bold, int bar)
{
    // Drawn again only when its text changes (the time, once a second), not at every frame:
    // shaping text 16 × 15 times a second costs more than showing the pictures.
    // The local time is worked out once a second (each conversion reads the time zone).
    const qint64 second = isLive() ? m_feed->lastFrameWallMs() / 1000 : 0;
    if (second != m_titleSecond) {
        m_titleSecond = second;
        m_titleTime = second > 0
                ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(second * 1000).time(),
                        QStringLiteral("HH:mm:ss"))
                : QString();
    }
    const QString& time = m_titleTime;
    const qreal ratio = devicePixelRatioF();
    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6")
                                .arg(m_name, time)
                                .arg(m_recording)
                                .arg(width())
                                .arg(bar)
                                .arg(ratio);
    if (key == m_titleKey)
        return m_title;
    m_titleKey = key;
    m_title = QImage(QSize(width(), bar) * ratio, QImage::Format_ARGB32_Premultiplied);
    m_title.setDevicePixelRatio(ratio);
    m_title.fill(QColor(0, 0, 0, 140));
    QPainter p(&m_title);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(bold);
    const QFontMetrics fm(bold);
    p.setPen(Qt::white);
    int x = kPad;
    if (m_recording) {
        p.setBrush(QColor(220, 40, 40));
        p.setPen(Qt::NoPen);
        const int d = fm.height() / 2;
        p.drawEllipse(QRect(x, (bar - d) / 2, d, d));
        p.setPen(Qt::white);
        x += d + kPad;
    }
    p.drawText(QRect(x, 0, width() / 2, bar), Qt::AlignVCenter | Qt::AlignLeft,
            fm.elidedText(m_name, Qt::ElideRight, width() / 2));
    if (!time.isEmpty())
        p.drawText(QRect(width() / 2, 0, width() / 2 - kPad, bar),
                Qt::AlignVCenter | Qt::AlignRight, time);
    return m_title;
}

void LiveTile::mouseDoubleClickEvent(QMouseEvent* event)
{
    QWidget::mouseDoubleClickEvent(event);
    if (m_cameraId > 0)
        Q_EMIT maximiseRequested(m_index);
}

void LiveTile::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kCameraMime)))
        event->acceptProposedAction();
}

void LiveTile::dropEvent(QDropEvent* event)
{
    bool ok = false;
    const qint64 id = event->mimeData()->data(QLatin1String(kCameraMime)).toLongLong(&ok);
    if (!ok || id <= 0)
        return;
    event->acceptProposedAction();
    Q_EMIT cameraDropped(m_index, id);
}

void LiveTile::contextMenuEvent(QContextMenuEvent* event)
{
    if (m_cameraId <= 0)
        return;
    QMenu menu(this);
    menu.addAction(m_maximised ? tr("Back to the Grid") : tr("Maximise"), this,
            [this] { Q_EMIT maximiseRequested(m_index); });
    menu.addAction(tr("Play Back the Last 30 Seconds"), this, [this] {
        Q_EMIT playbackRequested(m_index, QDateTime::currentMSecsSinceEpoch() - 30000);
    });
    QAction* snapshot = menu.addAction(tr("Save Snapshot"), this, [this] {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        QDir().mkpath(folder);
        const QString saved = saveSnapshot(folder);
        setToolTip(saved.isEmpty()
                        ? tr("The snapshot could not be saved in %1.")
                                  .arg(QDir::toNativeSeparators(folder))
                        : tr("Snapshot saved as %1.").arg(QDir::toNativeSeparators(saved)));
    });
    snapshot->setEnabled(m_frame.isValid());
    if (m_ptz && !m_ptz->presets().isEmpty()) {
        QMenu* presets = menu.addMenu(tr("Go to Preset"));
        for (const live::PtzControl::Preset& p : m_ptz->presets()) {
            const QString token = p.token;
            presets->addAction(p.name, this, [this, token, name = p.name] {
                if (ptzAllowed(QStringLiteral("ptz_preset"), {{QStringLiteral("preset"), name}}))
                    m_ptz->gotoPreset(token);
            });
        }
    }
    menu.exec(event->globalPos());
}

} // namespace vigil::widgets
