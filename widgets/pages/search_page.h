#pragma once

#include "core/playback/search.h"
#include "widgets/feature_page.h"
#include "widgets/page_context.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QImage>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace vigil::playback {
class ThumbnailSource;
}

namespace vigil::widgets {

class EmptyState;

/// The hits of a search as rows (time, camera, kind, title, detail) with thumbnails, filled in
/// batches as they come.
class SearchResultsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Picture, Time, Camera, Kind, Title, Detail, ColumnCount };
    /// What rows are sorted by: the time itself for the Time column, the text for the others.
    static constexpr int kSortRole = Qt::UserRole + 1;

    explicit SearchResultsModel(QObject* parent = nullptr);
    void clear();
    void append(const QList<playback::SearchHit>& hits);
    void setCameraNames(QHash<qint64, QString> names) { m_names = std::move(names); }
    void setThumbnail(qint64 cameraId, qint64 utcMs, const QImage& image);
    const playback::SearchHit& hit(int row) const { return m_hits.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    /// A row is shown whose picture is not there yet.
    void thumbnailWanted(qint64 cameraId, qint64 utcMs) const;

private:
    QList<playback::SearchHit> m_hits;
    QHash<qint64, QString> m_names;
    QHash<QPair<qint64, qint64>, QImage> m_thumbnails;
    mutable QSet<QPair<qint64, qint64>> m_asked;
};

/// Search: recorded time by camera, time range, kind (bookmarks, alerts, gaps, events) and free
/// text over bookmarks. Results stream in from a SearchRunner on its own thread; a double-click
/// plays the moment.
class SearchPage : public FeaturePage
{
    Q_OBJECT

public:
    SearchPage(const PageContext& context, QWidget* parent);
    ~SearchPage() override;

    PageId id() const override { return PageId::Search; }
    QString title() const override;
    QIcon icon() const override;

    /// Runs the search the fields describe.
    void search();
    SearchResultsModel* results() const { return m_model; }
    QTableView* resultsView() const { return m_view; }
    QLabel* statusLabel() const { return m_status; }
    QLineEdit* textField() const { return m_text; }
    QDateTimeEdit* fromField() const { return m_from; }
    QDateTimeEdit* toField() const { return m_to; }
    /// The hits chosen in the results (what an export takes).
    QList<playback::SearchHit> selectedHits() const;

Q_SIGNALS:
    void playRequested(qint64 utcMs, const QList<qint64>& cameraIds);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refreshCameras();
    void updateState();

    PageContext m_context;
    QStackedWidget* m_stack = nullptr;
    EmptyState* m_emptyState = nullptr;
    QWidget* m_searchPanel = nullptr;
    QComboBox* m_camera = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QCheckBox* m_bookmarks = nullptr;
    QCheckBox* m_alerts = nullptr;
    QCheckBox* m_gaps = nullptr;
    QCheckBox* m_events = nullptr;
    QLineEdit* m_text = nullptr;
    QPushButton* m_searchButton = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    SearchResultsModel* m_model = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QDateTime m_defaultTo; ///< the range follows "now" until the user changes it
    std::unique_ptr<playback::SearchRunner> m_runner;
    std::unique_ptr<playback::ThumbnailSource> m_thumbnails;
};

} // namespace vigil::widgets
