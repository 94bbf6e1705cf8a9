#include "widgets/live/live_view.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/settings_store.h"
#include "core/live/ptz_control.h"
#include "core/logging_categories.h"
#include "core/setup/camera_editor.h"
#include "core/status/system_status.h"
#include "widgets/live/live_tile.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {

/// The camera list: drags a camera's id onto a tile.
class CameraList : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override
    {
        if (items.isEmpty())
            return nullptr;
        auto* data = new QMimeData;
        data->setData(QLatin1String(LiveTile::kCameraMime),
                QByteArray::number(items.first()->data(0, Qt::UserRole).toLongLong()));
        return data;
    }
    QStringList mimeTypes() const override { return {QLatin1String(LiveTile::kCameraMime)}; }
};

QIcon dot(const QColor& colour)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

QString sizeText(int columns)
{
    return columns == 1 ? LiveView::tr("1") : LiveView::tr("%1×%1").arg(columns);
}

} // namespace

LiveView::LiveView(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    auto* outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(this);
    outer->addWidget(splitter);

    m_cameraList = new CameraList(splitter);
    m_cameraList->setObjectName(QStringLiteral("liveCameraList"));
    m_cameraList->setHeaderLabels({tr("Cameras")});
    m_cameraList->setRootIsDecorated(false);
    m_cameraList->setDragEnabled(true);
    m_cameraList->setDragDropMode(QAbstractItemView::DragOnly);
    m_cameraList->setToolTip(tr("Drag a camera onto a tile; double-click to show it."));
    connect(m_cameraList, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const qint64 id = item->data(0, Qt::UserRole).toLongLong();
        const qsizetype at = m_layout.cameras.indexOf(id);
        if (at >= 0) {
            if (m_layout.maximised != at)
                toggleMaximised(int(at));
            return;
        }
        const qsizetype empty = m_layout.cameras.indexOf(0);
        assign(empty >= 0 ? int(empty) : 0, id);
    });

    auto* right = new QWidget(splitter);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout;
    m_sizes = new QButtonGroup(this);
    for (int n : live::LiveLayout::gridSizes()) {
        auto* b = new QToolButton(right);
        b->setObjectName(QStringLiteral("liveGrid%1").arg(n));
        b->setText(sizeText(n));
        b->setToolTip(tr("%n camera(s) at once", nullptr, n * n));
        b->setCheckable(true);
        m_sizes->addButton(b, n);
        bar->addWidget(b);
    }
    connect(m_sizes, &QButtonGroup::idClicked, this, &LiveView::setColumns);
    bar->addSpacing(12);
    m_saved = new QComboBox(right);
    m_saved->setObjectName(QStringLiteral("liveSavedLayouts"));
    m_saved->setMinimumContentsLength(12);
    m_saved->setToolTip(tr("Layouts saved by name"));
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            applySavedLayout(m_saved->itemText(index));
    });
    bar->addWidget(m_saved);
    auto* save = new QToolButton(right);
    save->setText(tr("Save Layout…"));
    connect(save, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Layout"),
                tr("Name of this layout (the cameras in their tiles):"), QLineEdit::Normal, {}, &ok)
                                     .trimmed();
        if (ok && !name.isEmpty())
            saveLayout(name);
    });
    bar->addWidget(save);
    bar->addStretch();
    auto* fullScreen = new QToolButton(right);
    auto* fullScreenAction = new QAction(tr("Full Screen"), this);
    fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    fullScreenAction->setShortcutContext(Qt::WindowShortcut);
    fullScreenAction->setCheckable(true);
    connect(fullScreenAction, &QAction::toggled, this, [this](bool on) {
        QWidget* top = window();
        top->setWindowState(on ? top->windowState() | Qt::WindowFullScreen
                               : top->windowState() & ~Qt::WindowFullScreen);
    });
    addAction(fullScreenAction);
    fullScreen->setDefaultAction(fullScreenAction);
    bar->addWidget(fullScreen);
    rightLayout->addLayout(bar);

    auto* gridHost = new QWidget(right);
    gridHost->setObjectName(QStringLiteral("liveGrid"));
    m_grid = new QGridLayout(gridHost);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(2);
    rightLayout->addWidget(gridHost, 1);
    for (int i = 0; i < kMaxTiles; ++i) {
        auto* t = new LiveTile(context.live, i, gridHost);
        t->setSession(context.session);
        t->setFocusPolicy(Qt::ClickFocus);
        t->hide();
        connect(t, &LiveTile::maximiseRequested, this, &LiveView::toggleMaximised);
        connect(t, &LiveTile::cameraDropped, this, &LiveView::assign);
        connect(t, &LiveTile::playbackRequested, this, [this](int index, qint64 utcMs) {
            // The grid's cameras in their order, so playback shows the same layout.
            QList<qint64> cameras;
            for (const qint64 id : m_layout.cameras) {
                if (id > 0 && !cameras.contains(id))
                    cameras << id;
            }
            if (cameras.isEmpty())
                cameras << m_layout.camera(index);
            Q_EMIT playbackRequested(utcMs, cameras);
        });
        m_tiles << t;
    }
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 800});

    if (m_context.settings) {
        const std::optional<live::LiveLayout> saved = live::LiveLayout::fromJson(
                m_context.settings->value(QLatin1String(catalog::settings::kLiveLayout))
                        .toString());
        if (saved)
            m_layout = *saved;
    }
    m_saved->addItem(tr("Saved layouts"));
    m_saved->addItems(savedLayoutNames());
    if (m_context.status)
        connect(m_context.status, &status::SystemStatus::camerasReported, this,
                &LiveView::updateStates);
    refreshCameras();
}

LiveView::~LiveView() = default;

QString LiveView::cameraName(qint64 id) const
{
    for (const auto& c : m_cameras) {
        if (c.first == id)
            return c.second;
    }
    return {};
}

void LiveView::refreshCameras()
{
    m_cameras.clear();
    m_records.clear();
    if (m_context.cameras) {
        if (const Result<QList<catalog::CameraRecord>> all = m_context.cameras->list()) {
            for (const catalog::CameraRecord& c : all.value()) {
                if (c.enabled) {
                    m_cameras << qMakePair(c.id, c.name);
                    m_records.insert(c.id, c);
                }
            }
        }
    }
    m_cameraList->clear();
    QList<qint64> ids;
    for (const auto& c : std::as_const(m_cameras)) {
        auto* item = new QTreeWidgetItem(m_cameraList, {c.second});
        item->setData(0, Qt::UserRole, c.first);
        ids << c.first;
    }
    m_layout.fill(ids);
    applyLayout();
    updateStates();
}

void LiveView::updateStates()
{
    for (int i = 0; i < m_cameraList->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_cameraList->topLevelItem(i);
        const qint64 id = item->data(0, Qt::UserRole).toLongLong();
        const status::SystemStatus::CameraState s = m_context.status
                ? m_context.status->cameraState(id)
                : status::SystemStatus::CameraState {};
        if (s.recording) {
            item->setIcon(0, dot(QColor(210, 40, 40)));
            item->setToolTip(0, tr("Online, recording"));
        } else if (s.online) {
            item->setIcon(0, dot(QColor(40, 170, 60)));
            item->setToolTip(0, tr("Online, not recording"));
        } else if (s.reported) {
            item->setIcon(0, dot(QColor(140, 140, 140)));
            item->setToolTip(0, s.error.isEmpty() ? tr("Offline") : tr("Offline: %1").arg(s.error));
        } else {
            item->setIcon(0, dot(QColor(90, 120, 200)));
            item->setToolTip(0, tr("Not recorded (live view only)"));
        }
    }
    for (LiveTile* t : std::as_const(m_tiles)) {
        if (t->cameraId() > 0 && m_context.status)
            t->setRecording(m_context.status->cameraState(t->cameraId()).recording);
    }
}

void LiveView::applyLayout()
{
    for (int n : live::LiveLayout::gridSizes()) {
        if (QAbstractButton* b = m_sizes->button(n))
            b->setChecked(n == m_layout.columns);
    }
    // Hidden tiles first: their streams stop before new ones start.
    for (int i = 0; i < m_tiles.size(); ++i) {
        const bool shown
                = i < m_layout.tileCount() && (m_layout.maximised < 0 || m_layout.maximised == i);
        if (!shown)
            m_tiles[i]->hide();
    }
    for (int i = 0; i < m_tiles.size(); ++i) {
        LiveTile* t = m_tiles[i];
        m_grid->removeWidget(t);
        const bool shown
                = i < m_layout.tileCount() && (m_layout.maximised < 0 || m_layout.maximised == i);
        if (!shown)
            continue;
        const qint64 camera = m_layout.camera(i);
        t->setCamera(camera, cameraName(camera));
        attachPtz(t);
        if (m_layout.maximised == i)
            m_grid->addWidget(t, 0, 0);
        else
            m_grid->addWidget(t, i / m_layout.columns, i % m_layout.columns);
        t->setMaximised(m_layout.maximised == i);
        t->show();
    }
    for (int r = 0; r < live::LiveLayout::gridSizes().last(); ++r) {
        m_grid->setRowStretch(r, r < m_layout.columns && m_layout.maximised < 0 ? 1 : 0);
        m_grid->setColumnStretch(r, r < m_layout.columns && m_layout.maximised < 0 ? 1 : 0);
    }
    if (m_layout.maximised >= 0) {
        m_grid->setRowStretch(0, 1);
        m_grid->setColumnStretch(0, 1);
    }
}

void LiveView::attachPtz(LiveTile* tile)
{
    if (tile->ptz() || tile->cameraId() <= 0 || !m_context.cameraEditor)
        return;
    const auto it = m_records.constFind(tile->cameraId());
    if (it == m_records.cend() || !it->hasPtz || it->deviceUrl.isEmpty())
        return;
    const catalog::StreamRecord* main = it->stream(QStringLiteral("main"));
    const Result<QString> password = m_context.cameraEditor->storedPassword(*it);
    if (!main || main->profileToken.isEmpty() || !password)
        return;
    tile->setPtz(std::make_unique<live::PtzControl>(
            QUrl(it->deviceUrl), it->username, password.value(), main->profileToken));
}

void LiveView::storeLayout()
{
    if (m_context.settings) {
        live::LiveLayout stored = m_layout;
        stored.maximised = -1;
        if (const Result<void> saved = m_context.settings->setValue(
                    QLatin1String(catalog::settings::kLiveLayout), stored.toJson());
                !saved)
            qCWarning(lcUi, "%s", qUtf8Printable(saved.error().fullText()));
    }
}

void LiveView::setColumns(int columns)
{
    m_layout.setColumns(columns);
    m_layout.maximised = -1;
    QList<qint64> ids;
    for (const auto& c : std::as_const(m_cameras))
        ids << c.first;
    m_layout.fill(ids);
    applyLayout();
    storeLayout();
}

void LiveView::toggleMaximised(int tile)
{
    m_layout.toggleMaximised(tile);
    applyLayout();
}

void LiveView::assign(int tile, qint64 cameraId)
{
    m_layout.assign(tile, cameraId);
    applyLayout();
    storeLayout();
}

QStringList LiveView::savedLayoutNames() const
{
    if (!m_context.settings)
        return {};
    return live::layoutsFromJson(
            m_context.settings->value(QLatin1String(catalog::settings::kLiveSavedLayouts))
                    .toString())
            .keys();
}

void LiveView::saveLayout(const QString& name)
{
    if (!m_context.settings)
        return;
    QMap<QString, live::LiveLayout> all = live::layoutsFromJson(
            m_context.settings->value(QLatin1String(catalog::settings::kLiveSavedLayouts))
                    .toString());
    live::LiveLayout kept = m_layout;
    kept.maximised = -1;
    all.insert(name, kept);
    if (const Result<void> saved = m_context.settings->setValue(
                QLatin1String(catalog::settings::kLiveSavedLayouts), live::layoutsToJson(all));
            !saved) {
        QMessageBox::warning(this, tr("Save Layout"), saved.error().message);
        return;
    }
    m_saved->clear();
    m_saved->addItem(tr("Saved layouts"));
    m_saved->addItems(all.keys());
}

void LiveView::applySavedLayout(const QString& name)
{
    if (!m_context.settings)
        return;
    const QMap<QString, live::LiveLayout> all = live::layoutsFromJson(
            m_context.settings->value(QLatin1String(catalog::settings::kLiveSavedLayouts))
                    .toString());
    if (!all.contains(name))
        return;
    m_layout = all.value(name);
    applyLayout();
    storeLayout();
}

} // namespace vigil::widgets
