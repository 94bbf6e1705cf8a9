#pragma once

#include "core/playback/timeline.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace vigil::security {
class Session;
}

namespace vigil::playback {

/// What a search looks for.
struct SearchQuery
{
    enum Kind : unsigned {
        Bookmarks = 1,
        Alerts = 2, ///< camera offline, disk full… as the recorder raised them
        Gaps = 4, ///< stretches not recorded, with why
        Events = 8, ///< motion, person, camera alarms (once analytics exist)
        Everything = 15,
    };
    QList<qint64> cameraIds; ///< empty: every camera the user may see
    TimeSpan range;
    unsigned kinds = Everything;
    QString text; ///< over bookmark titles, case numbers and notes; given: bookmarks only
    int limit = 100000;
};

/// One thing found, at a time on a camera.
struct SearchHit
{
    SearchQuery::Kind kind = SearchQuery::Bookmarks;
    qint64 id = 0;
    qint64 cameraId = 0; ///< 0: every camera
    TimeSpan span;
    QString title;
    QString detail;
};

/// Runs searches on a thread of its own with its own read-only catalog connection, so the window
/// never waits: hits come in batches as they are read (hitsFound), then finished(). A new search
/// stops the one running. Each search is checked (Search, and only the cameras the user sees)
/// and audited before it runs.
class SearchRunner : public QObject
{
    Q_OBJECT

public:
    SearchRunner(QString catalogPath, security::Session* session, QObject* parent = nullptr);
    ~SearchRunner() override;

    /// Starts `query`; refused (with the reason) when the user may not search.
    Result<void> start(const SearchQuery& query);
    void cancel();

Q_SIGNALS:
    void hitsFound(const QList<vigil::playback::SearchHit>& hits);
    void finished(int total, bool truncated);
    void failed(const QString& message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil::playback

Q_DECLARE_METATYPE(vigil::playback::SearchHit)
