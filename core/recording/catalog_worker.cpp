#include "core/recording/catalog_worker.h"

#include "core/catalog/catalog.h"
#include "core/logging_categories.h"
#include "core/security/audit_actions.h"
#include "core/security/audit_log.h"
#include "core/security/session.h"
#include "core/security/user_store.h"

#include <QDateTime>
#include <QFile>
#include <QThread>

#include <atomic>

namespace vigil::recording {

struct CatalogWorker::Private
{
    Private(const catalog::Catalog& o, QString r, QString k)
        : owner(o)
        , root(std::move(r))
        , keysDir(std::move(k))
    { }

    const catalog::Catalog& owner;
    QString root;
    QString keysDir;
    QThread thread;
    QObject* context = nullptr; ///< lives on `thread`: jobs run there
    // On the worker thread only:
    std::unique_ptr<catalog::Catalog> catalog;
    QList<QPair<catalog::SegmentRecord, bool>> pending; ///< (row, opening) to write again
    std::atomic<int> pendingCount {0};
    struct Alert
    {
        qint64 cameraId = 0;
        QString kind;
        QString message;
    };
    QList<Alert> unsavedAlerts; ///< the catalog's disk may be full: written again later

    /// The worker's own connection, opened on its thread at first use.
    catalog::Catalog* connection()
    {
        if (!catalog) {
            Result<std::unique_ptr<catalog::Catalog>> opened = owner.openWriter();
            if (!opened) {
                qCWarning(lcRecording, "%s", qUtf8Printable(opened.error().fullText()));
                return nullptr;
            }
            catalog = std::move(opened).value();
        }
        return catalog.get();
    }

    /// One audit row on the worker's connection (no keys: a test engine without a data folder).
    void audit(const QString& login, const QString& action, const QString& object,
            const QJsonObject& detail, qint64 cameraId)
    {
        catalog::Catalog* c = connection();
        if (!c || keysDir.isEmpty())
            return;
        security::AuditLog log(*c, keysDir);
        if (const Result<qint64> row = log.appendAs(0, login, action, object, detail, cameraId);
                !row)
            qCWarning(lcRecording, "%s", qUtf8Printable(row.error().fullText()));
    }

    bool writeAlert(const Alert& a)
    {
        catalog::Catalog* c = connection();
        if (!c)
            return false;
        const Result<void> stored
                = catalog::SegmentStore(*c).addAlert(a.cameraId, a.kind, a.message);
        if (!stored)
            qCWarning(lcRecording, "%s", qUtf8Printable(stored.error().fullText()));
        return bool(stored);
    }

    bool write(const catalog::SegmentRecord& segment, bool opening)
    {
        catalog::Catalog* c = connection();
        if (!c)
            return false;
        catalog::SegmentStore store(*c);
        Result<void> written;
        if (opening) {
            if (const Result<qint64> id = store.insert(segment); !id)
                written = id.error();
        } else {
            // update() inserts a row that is missing: an opening that failed is written whole.
            written = store.update(segment);
        }
        if (!written)
            qCWarning(lcRecording, "%s", qUtf8Printable(written.error().fullText()));
        return bool(written);
    }

    void retryPending()
    {
        if (!unsavedAlerts.isEmpty()) {
            const QList<Alert> alerts = std::exchange(unsavedAlerts, {});
            for (const Alert& a : alerts) {
                if (!writeAlert(a))
                    unsavedAlerts.append(a);
            }
        }
        if (pending.isEmpty())
            return;
        const QList<QPair<catalog::SegmentRecord, bool>> rows = std::exchange(pending, {});
        for (const auto& [segment, opening] : rows) {
            if (!write(segment, false))
                pending.append({segment, opening});
        }
        pendingCount = int(pending.size());
    }
};

CatalogWorker::CatalogWorker(
        const catalog::Catalog& owner, QString recordingsRoot, QString keysDir, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(owner, std::move(recordingsRoot), std::move(keysDir)))
{
    d->thread.setObjectName(QStringLiteral("vigil-catalog"));
    d->context = new QObject;
    d->context->moveToThread(&d->thread);
    connect(&d->thread, &QThread::finished, d->context, &QObject::deleteLater);
    d->thread.start();
}

CatalogWorker::~CatalogWorker()
{
    // The connection is closed on the thread that opened it, after the work asked before (a
    // job merely posted could be dropped by quit()).
    QMetaObject::invokeMethod(
            d->context, [this] { d->catalog.reset(); }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

void CatalogWorker::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(d->context, std::move(job), Qt::QueuedConnection);
}

void CatalogWorker::index(const catalog::SegmentRecord& segment, bool opening)
{
    post([this, segment, opening] {
        d->retryPending();
        if (d->write(segment, opening))
            return;
        // A later close replaces an opening still waiting.
        if (!opening) {
            d->pending.removeIf([&](const QPair<catalog::SegmentRecord, bool>& p) {
                return p.first.path == segment.path;
            });
        }
        d->pending.append({segment, opening});
        d->pendingCount = int(d->pending.size());
    });
}

void CatalogWorker::discard(const QString& path)
{
    post([this, path] {
        QFile::remove(d->root + u'/' + path);
        d->pending.removeIf(
                [&](const QPair<catalog::SegmentRecord, bool>& p) { return p.first.path == path; });
        d->pendingCount = int(d->pending.size());
        if (catalog::Catalog* c = d->connection()) {
            if (const Result<void> removed = catalog::SegmentStore(*c).removeByPath(path); !removed)
                qCWarning(lcRecording, "%s", qUtf8Printable(removed.error().fullText()));
        }
    });
}

void CatalogWorker::addGap(const catalog::GapRecord& gap, bool sinceLastEnd, qint64 minGapMs)
{
    post([this, gap, sinceLastEnd, minGapMs] {
        d->retryPending();
        catalog::Catalog* c = d->connection();
        if (!c)
            return;
        catalog::SegmentStore store(*c);
        catalog::GapRecord g = gap;
        if (sinceLastEnd) {
            const Result<std::optional<qint64>> lastEnd = store.lastEnd(gap.streamId);
            if (!lastEnd || !lastEnd->has_value() || g.endMs - lastEnd->value() <= minGapMs)
                return;
            g.startMs = lastEnd->value();
        }
        if (const Result<void> added = store.addGap(g); !added)
            qCWarning(lcRecording, "%s", qUtf8Printable(added.error().fullText()));
    });
}

void CatalogWorker::addAlert(qint64 cameraId, const QString& kind, const QString& message)
{
    post([this, alert = Private::Alert {cameraId, kind, message}] {
        d->retryPending();
        if (!d->writeAlert(alert))
            d->unsavedAlerts.append(alert);
    });
}

void CatalogWorker::audit(const QString& login, const QString& action, const QString& object,
        const QJsonObject& detail, qint64 cameraId)
{
    post([this, login, action, object, detail, cameraId] {
        d->audit(login, action, object, detail, cameraId);
    });
}

void CatalogWorker::authenticate(const QString& login, const QString& password, const QString& via,
        QObject* receiver, std::function<void(const Result<security::Principal>&)> done)
{
    const QPointer<QObject> target(receiver);
    post([this, login, password, via, target, done = std::move(done)] {
        Result<security::Principal> who = Error {Error::Code::Io,
                tr("The catalog cannot be opened: nobody can log in until it can."), {}};
        if (catalog::Catalog* c = d->connection())
            who = security::Session::authenticate(*c, d->keysDir, login, password,
                    QStringLiteral("recorder"), {{QStringLiteral("via"), via}});
        if (target)
            QMetaObject::invokeMethod(
                    target.data(), [done, who] { done(who); }, Qt::QueuedConnection);
    });
}

void CatalogWorker::needsLogin(QObject* receiver, std::function<void(bool)> done)
{
    const QPointer<QObject> target(receiver);
    post([this, target, done = std::move(done)] {
        bool needed = true;
        if (catalog::Catalog* c = d->connection()) {
            const Result<bool> hasAdmin = security::UserStore(*c).hasAdministrator();
            needed = !hasAdmin || hasAdmin.value();
        }
        if (target)
            QMetaObject::invokeMethod(
                    target.data(), [done, needed] { done(needed); }, Qt::QueuedConnection);
    });
}

void CatalogWorker::runRetention(const storage::RetentionPolicy& policy, QObject* receiver,
        std::function<void(const storage::RetentionReport&)> done)
{
    const QPointer<QObject> target(receiver);
    post([this, policy, target, done = std::move(done)] {
        d->retryPending();
        storage::RetentionReport report;
        if (catalog::Catalog* c = d->connection()) {
            storage::Retention retention(*c, d->root);
            report = retention.run(policy, QDateTime::currentMSecsSinceEpoch());
            // Footage deleted is accounted for: one audit row per pass that deleted any.
            if (report.deletedByAge + report.deletedForSpace > 0) {
                d->audit(QStringLiteral("(retention)"), QLatin1String(security::audit::kRetention),
                        QStringLiteral("recordings"),
                        {{QStringLiteral("deleted_by_age"), report.deletedByAge},
                                {QStringLiteral("deleted_for_space"), report.deletedForSpace},
                                {QStringLiteral("freed_bytes"), report.freedBytes}},
                        0);
            }
        } else {
            report.problems << tr("The catalog cannot be opened: retention waits for it.");
        }
        if (target)
            QMetaObject::invokeMethod(
                    target.data(), [done, report] { done(report); }, Qt::QueuedConnection);
    });
}

void CatalogWorker::repairAfterCrash(
        QObject* receiver, std::function<void(const Result<RepairReport>&)> done)
{
    const QPointer<QObject> target(receiver);
    post([this, target, done = std::move(done)] {
        Result<RepairReport> repaired = Error {Error::Code::Io,
                tr("The catalog cannot be opened: recordings left open cannot be repaired."), {}};
        if (catalog::Catalog* c = d->connection())
            repaired = SegmentRepair::repairAfterCrash(*c, d->root);
        if (target)
            QMetaObject::invokeMethod(
                    target.data(), [done, repaired] { done(repaired); }, Qt::QueuedConnection);
    });
}

void CatalogWorker::drain()
{
    QMetaObject::invokeMethod(
            d->context, [] {}, Qt::BlockingQueuedConnection);
}

int CatalogWorker::unindexed() const
{
    return d->pendingCount.load();
}

} // namespace vigil::recording
