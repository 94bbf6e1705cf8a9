#include "core/playback/search.h"

#include "core/catalog/alert_store.h"
#include "core/catalog/bookmark_store.h"
#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/event_store.h"
#include "core/catalog/segment_store.h"
#include "core/playback/reader_p.h"
#include "core/security/access.h"
#include "core/security/audit_actions.h"
#include "core/security/session.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

#include <atomic>

namespace vigil::playback {

namespace {

constexpr int kBatch = 500;

} // namespace

struct SearchRunner::Private
{
    QString catalogPath;
    security::Session* session = nullptr;
    QThread thread;
    QObject* worker = nullptr; ///< on `thread`: runs the searches there
    std::unique_ptr<catalog::Catalog> catalog; ///< the worker thread's
    std::atomic<quint64> generation {0};
};

SearchRunner::SearchRunner(QString catalogPath, security::Session* session, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<SearchHit>();
    qRegisterMetaType<QList<SearchHit>>();
    d->catalogPath = std::move(catalogPath);
    d->session = session;
    d->worker = new QObject;
    d->worker->moveToThread(&d->thread);
    d->thread.setObjectName(QStringLiteral("search"));
    d->thread.start();
}

SearchRunner::~SearchRunner()
{
    ++d->generation;
    QMetaObject::invokeMethod(d->worker, [this] {
        d->catalog.reset();
        delete d->worker;
    });
    d->thread.quit();
    d->thread.wait();
}

void SearchRunner::cancel()
{
    ++d->generation;
}

Result<void> SearchRunner::start(const SearchQuery& wanted)
{
    SearchQuery query = wanted;
    if (security::Session* s = d->session) {
        if (Result<void> allowed = s->check(
                    security::Permission::Search, 0, QLatin1String(security::audit::kSearch));
                !allowed)
            return allowed;
        QJsonArray cameras;
        for (const qint64 id : query.cameraIds)
            cameras.append(id);
        const QJsonObject detail {{QStringLiteral("cameras"), cameras},
                {QStringLiteral("kinds"), int(query.kinds)}, {QStringLiteral("text"), query.text}};
        const QString span = QStringLiteral("%1/%2").arg(
                QDateTime::fromMSecsSinceEpoch(query.range.startMs, Qt::UTC).toString(Qt::ISODate),
                QDateTime::fromMSecsSinceEpoch(query.range.endMs, Qt::UTC).toString(Qt::ISODate));
        if (const Result<qint64> written
                = s->audit(QLatin1String(security::audit::kSearch), span, detail);
                !written)
            return written.error();
    }
    const security::Principal principal
            = d->session ? d->session->principal() : security::Principal::setupMode();
    const quint64 generation = ++d->generation;
    QMetaObject::invokeMethod(d->worker, [this, query, principal, generation] {
        const auto stale = [&] { return d->generation.load() != generation; };
        if (stale())
            return;
        if (const Result<void> opened = openReader(d->catalog, d->catalogPath); !opened) {
            Q_EMIT failed(opened.error().message);
            return;
        }
        catalog::Catalog& db = *d->catalog;
        // The cameras searched: those asked for (all when none), that the user sees.
        QList<qint64> cameras;
        QHash<qint64, QString> names;
        if (const auto all = catalog::CameraStore(db).list(); all) {
            for (const catalog::CameraRecord& c : all.value()) {
                names.insert(c.id, c.name);
                if ((query.cameraIds.isEmpty() || query.cameraIds.contains(c.id))
                        && security::Access::seesCamera(principal, c.id))
                    cameras << c.id;
            }
        }
        int total = 0;
        bool truncated = false;
        QList<SearchHit> batch;
        const auto flush = [&] {
            if (!batch.isEmpty() && !stale())
                Q_EMIT hitsFound(batch);
            batch.clear();
        };
        const auto add = [&](SearchHit hit) {
            if (total >= query.limit) {
                truncated = true;
                return false;
            }
            ++total;
            batch << std::move(hit);
            if (batch.size() >= kBatch)
                flush();
            return !stale();
        };
        const bool textOnly = !query.text.trimmed().isEmpty();
        const TimeSpan r = query.range;

        if (query.kinds & SearchQuery::Bookmarks) {
            const auto found = catalog::BookmarkStore(db).search(
                    query.text, r.startMs, r.endMs, cameras, query.limit);
            if (!found) {
                Q_EMIT failed(found.error().message);
                return;
            }
            for (const catalog::BookmarkRecord& b : found.value()) {
                if (b.cameraId != 0 && !cameras.contains(b.cameraId))
                    continue;
                QString detail = b.caseNumber;
                if (b.legalHold)
                    detail += (detail.isEmpty() ? QString() : QStringLiteral(" · "))
                            + SearchRunner::tr("legal hold");
                if (!add(SearchHit {SearchQuery::Bookmarks, b.id, b.cameraId, {b.startMs, b.endMs},
                            b.title, detail}))
                    break;
            }
        }
        if (!textOnly && (query.kinds & SearchQuery::Alerts) && !stale()) {
            const auto found
                    = catalog::AlertStore(db).between(r.startMs, r.endMs, cameras, query.limit);
            if (found) {
                for (const catalog::AlertRecord& a : found.value()) {
                    if (!add(SearchHit {SearchQuery::Alerts, a.id, a.cameraId, {a.atMs, a.atMs},
                                a.message, a.kind}))
                        break;
                }
            }
        }
        if (!textOnly && (query.kinds & SearchQuery::Gaps) && !stale()) {
            const catalog::SegmentStore segments(db);
            for (const qint64 camera : std::as_const(cameras)) {
                const auto found = segments.gaps(camera, r.startMs, r.endMs);
                if (!found)
                    continue;
                bool more = true;
                for (const catalog::GapRecord& g : found.value()) {
                    if (!(more = add(SearchHit {SearchQuery::Gaps, 0, camera, {g.startMs, g.endMs},
                                  g.reasonText(), {}})))
                        break;
                }
                if (!more)
                    break;
            }
        }
        if (!textOnly && (query.kinds & SearchQuery::Events) && !stale()) {
            catalog::EventStore::Query q;
            q.cameraIds = cameras;
            q.fromMs = r.startMs;
            q.toMs = r.endMs;
            q.limit = kBatch;
            const catalog::EventStore events(db);
            bool more = !cameras.isEmpty();
            while (more && !stale()) {
                const auto page = events.find(q);
                if (!page || page->isEmpty())
                    break;
                for (const catalog::EventRecord& e : page.value()) {
                    if (!(more = add(SearchHit {SearchQuery::Events, e.id, e.cameraId,
                                  {e.startMs, e.endMs}, e.type, e.source})))
                        break;
                }
                q.afterStartMs = page->last().startMs;
                q.afterId = page->last().id;
                more = more && page->size() == q.limit;
            }
        }
        flush();
        if (!stale())
            Q_EMIT finished(total, truncated);
    });
    return {};
}

} // namespace vigil::playback
