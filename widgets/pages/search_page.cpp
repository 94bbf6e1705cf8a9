#include "widgets/pages/search_page.h"

#include "core/catalog/camera_store.h"
#include "core/playback/thumbnails.h"
#include "core/status/system_status.h"
#include "widgets/empty_state.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {

const QSize kThumbnail(128, 72);

QString kindName(playback::SearchQuery::Kind kind)
{
    switch (kind) {
    case playback::SearchQuery::Bookmarks:
        return SearchResultsModel::tr("Bookmark");
    case playback::SearchQuery::Alerts:
        return SearchResultsModel::tr("Alert");
    case playback::SearchQuery::Gaps:
        return SearchResultsModel::tr("Not recorded");
    case playback::SearchQuery::Events:
        return SearchResultsModel::tr("Event");
    case playback::SearchQuery::Everything:
        break;
    }
    return {};
}

} // namespace

SearchResultsModel::SearchResultsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void SearchResultsModel::clear()
{
    beginResetModel();
    m_hits.clear();
    m_asked.clear();
    endResetModel();
}

void SearchResultsModel::append(const QList<playback::SearchHit>& hits)
{
    if (hits.isEmpty())
        return;
    beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + hits.size() - 1));
    m_hits.append(hits);
    endInsertRows();
}

void SearchResultsModel::setThumbnail(qint64 cameraId, qint64 utcMs, const QImage& image)
{
    m_thumbnails.insert({cameraId, utcMs}, image);
    for (int row = 0; row < m_hits.size(); ++row) {
        if (m_hits.at(row).cameraId == cameraId && m_hits.at(row).span.startMs == utcMs)
            Q_EMIT dataChanged(index(row, Picture), index(row, Picture));
    }
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const playback::SearchHit& hit = m_hits.at(index.row());
    if (role == Qt::DecorationRole && index.column() == Picture) {
        if (hit.cameraId <= 0 || hit.kind == playback::SearchQuery::Gaps)
            return {};
        const QPair<qint64, qint64> key {hit.cameraId, hit.span.startMs};
        const auto found = m_thumbnails.constFind(key);
        if (found != m_thumbnails.constEnd())
            return found->isNull() ? QVariant() : QVariant(*found);
        if (!m_asked.contains(key)) {
            m_asked.insert(key);
            Q_EMIT thumbnailWanted(hit.cameraId, hit.span.startMs);
        }
        return {};
    }
    if (role == kSortRole)
        return index.column() == Time ? QVariant(hit.span.startMs) : data(index, Qt::DisplayRole);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(hit.span.startMs),
                QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Camera:
        return hit.cameraId == 0 ? tr("Every camera")
                                 : m_names.value(hit.cameraId, tr("Camera %1").arg(hit.cameraId));
    case Kind:
        return kindName(hit.kind);
    case Title:
        return hit.title;
    case Detail:
        return hit.detail;
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Picture:
        return tr("Picture");
    case Time:
        return tr("Time");
    case Camera:
        return tr("Camera");
    case Kind:
        return tr("Kind");
    case Title:
        return tr("What");
    case Detail:
        return tr("Details");
    default:
        return {};
    }
}

SearchPage::SearchPage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
    , m_context(context)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);
    m_emptyState = new EmptyState(icon(), tr("Nothing to search yet"),
            tr("Find recorded video by time, camera, bookmark, alert or event. Results will "
               "appear here once your cameras are recording."),
            this);
    m_stack->addWidget(m_emptyState);
    m_searchPanel = new QWidget(this);
    m_stack->addWidget(m_searchPanel);
    auto* layout = new QVBoxLayout(m_searchPanel);
    auto* filters = new QHBoxLayout;
    m_camera = new QComboBox(this);
    m_camera->setAccessibleName(tr("Camera"));
    filters->addWidget(m_camera);
    const QDateTime now = QDateTime::currentDateTime();
    m_from = new QDateTimeEdit(now.addDays(-1), this);
    m_to = new QDateTimeEdit(now, this);
    m_defaultTo = m_to->dateTime();
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    filters->addWidget(new QLabel(tr("From:"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("To:"), this));
    filters->addWidget(m_to);
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Bookmark title, case number or note"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Text"));
    filters->addWidget(m_text, 1);
    m_searchButton = new QPushButton(tr("Search", "the button that runs a search"), this);
    m_searchButton->setDefault(true);
    filters->addWidget(m_searchButton);
    layout->addLayout(filters);

    auto* kinds = new QHBoxLayout;
    m_bookmarks = new QCheckBox(tr("Bookmarks"), this);
    m_alerts = new QCheckBox(tr("Alerts"), this);
    m_gaps = new QCheckBox(tr("Not recorded"), this);
    m_events = new QCheckBox(tr("Motion and other events"), this);
    for (QCheckBox* box : {m_bookmarks, m_alerts, m_gaps, m_events}) {
        box->setChecked(true);
        kinds->addWidget(box);
    }
    kinds->addStretch(1);
    m_status = new QLabel(this);
    kinds->addWidget(m_status);
    layout->addLayout(kinds);

    m_model = new SearchResultsModel(this);
    // In time order whatever order the kinds are read in (or by another column, chosen).
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(SearchResultsModel::kSortRole);
    m_view = new QTableView(this);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SearchResultsModel::Time, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(kThumbnail.height() + 4);
    m_view->setIconSize(kThumbnail);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(SearchResultsModel::Picture, kThumbnail.width() + 8);
    m_view->setColumnWidth(SearchResultsModel::Time, 150);
    m_view->setColumnWidth(SearchResultsModel::Camera, 150);
    m_view->setColumnWidth(SearchResultsModel::Title, 260);
    layout->addWidget(m_view, 1);

    connect(m_searchButton, &QPushButton::clicked, this, &SearchPage::search);
    connect(m_text, &QLineEdit::returnPressed, this, &SearchPage::search);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        const playback::SearchHit& hit = m_model->hit(m_sorted->mapToSource(index).row());
        QList<qint64> cameras;
        if (hit.cameraId > 0)
            cameras << hit.cameraId;
        Q_EMIT playRequested(hit.span.startMs, cameras);
    });
    if (!context.catalogPath.isEmpty()) {
        m_runner = std::make_unique<playback::SearchRunner>(context.catalogPath, context.session);
        connect(m_runner.get(), &playback::SearchRunner::hitsFound, m_model,
                &SearchResultsModel::append);
        connect(m_runner.get(), &playback::SearchRunner::hitsFound, this, [this] {
            m_status->setText(tr("Searching… %n found", nullptr, m_model->rowCount()));
        });
        connect(m_runner.get(), &playback::SearchRunner::finished, this,
                [this](int total, bool truncated) {
                    m_status->setText(truncated
                                    ? tr("The first %n results; narrow the search for the rest.",
                                            nullptr, total)
                                    : tr("%n result(s)", nullptr, total));
                });
        connect(m_runner.get(), &playback::SearchRunner::failed, this,
                [this](const QString& message) { m_status->setText(message); });
        m_thumbnails = std::make_unique<playback::ThumbnailSource>(context.catalogPath,
                context.dataDir + QStringLiteral("/recordings"),
                context.dataDir + QStringLiteral("/cache/thumbnails"));
        connect(m_model, &SearchResultsModel::thumbnailWanted, this,
                [this](qint64 camera, qint64 t) { m_thumbnails->request(camera, t, kThumbnail); });
        connect(m_thumbnails.get(), &playback::ThumbnailSource::ready, m_model,
                [this](qint64 camera, qint64 t, qint64, const QImage& image) {
                    m_model->setThumbnail(camera, t, image);
                });
    }
    if (context.status)
        connect(context.status, &status::SystemStatus::changed, this, &SearchPage::updateState);
    refreshCameras();
    updateState();
}

SearchPage::~SearchPage() = default;

void SearchPage::updateState()
{
    // Without a status (a page tested alone), there is something to search.
    const status::SystemStatus::Snapshot s
            = m_context.status ? m_context.status->snapshot() : status::SystemStatus::Snapshot {};
    const bool footage = !m_context.status || s.footageBytes > 0 || s.camerasRecording > 0;
    m_stack->setCurrentWidget(footage ? m_searchPanel : static_cast<QWidget*>(m_emptyState));
}

void SearchPage::showEvent(QShowEvent* event)
{
    FeaturePage::showEvent(event);
    refreshCameras();
    // The last 24 hours until the user chooses a range: "now" moves on while the window is open.
    const QDateTime now = QDateTime::currentDateTime();
    if (m_to->dateTime() == m_defaultTo) {
        m_defaultTo = now;
        m_to->setDateTime(now);
        m_from->setDateTime(now.addDays(-1));
    }
}

void SearchPage::refreshCameras()
{
    const qint64 chosen = m_camera->currentData().toLongLong();
    m_camera->clear();
    m_camera->addItem(tr("All cameras"), qint64(0));
    QHash<qint64, QString> names;
    if (m_context.cameras) {
        if (const auto all = m_context.cameras->list(); all) {
            for (const catalog::CameraRecord& c : all.value()) {
                m_camera->addItem(c.name, c.id);
                names.insert(c.id, c.name);
            }
        }
    }
    m_model->setCameraNames(names);
    m_camera->setCurrentIndex(std::max(0, m_camera->findData(chosen)));
}

void SearchPage::search()
{
    if (!m_runner)
        return;
    playback::SearchQuery query;
    if (const qint64 camera = m_camera->currentData().toLongLong(); camera > 0)
        query.cameraIds << camera;
    query.range = {m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch()};
    query.kinds = (m_bookmarks->isChecked() ? playback::SearchQuery::Bookmarks : 0u)
            | (m_alerts->isChecked() ? playback::SearchQuery::Alerts : 0u)
            | (m_gaps->isChecked() ? playback::SearchQuery::Gaps : 0u)
            | (m_events->isChecked() ? playback::SearchQuery::Events : 0u);
    query.text = m_text->text();
    m_model->clear();
    if (const Result<void> started = m_runner->start(query); !started) {
        m_status->setText(started.error().message);
        return;
    }
    m_status->setText(tr("Searching…"));
}

QList<playback::SearchHit> SearchPage::selectedHits() const
{
    QList<playback::SearchHit> hits;
    for (const QModelIndex& row : m_view->selectionModel()->selectedRows())
        hits << m_model->hit(m_sorted->mapToSource(row).row());
    return hits;
}

QString SearchPage::title() const
{
    return tr("Search");
}

QIcon SearchPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/search.svg"));
}

} // namespace vigil::widgets
