#include "core/playback/bookmarks.h"

#include "core/security/access.h"
#include "core/security/audit_actions.h"
#include "core/security/session.h"

#include <QDateTime>
#include <QJsonObject>

namespace vigil::playback {

using security::Permission;
namespace audit = security::audit;

Bookmarks::Bookmarks(catalog::Catalog& catalog, security::Session* session)
    : m_catalog(catalog)
    , m_session(session)
{ }

Result<void> Bookmarks::checkCamera(qint64 cameraId, const QString& what)
{
    if (!m_session)
        return {};
    return m_session->check(Permission::ViewPlayback, cameraId, what);
}

Result<void> Bookmarks::audit(const QString& action, const catalog::BookmarkRecord& b)
{
    if (!m_session)
        return {};
    const QString span = QStringLiteral("%1/%2").arg(
            QDateTime::fromMSecsSinceEpoch(b.startMs, Qt::UTC).toString(Qt::ISODateWithMs),
            QDateTime::fromMSecsSinceEpoch(b.endMs, Qt::UTC).toString(Qt::ISODateWithMs));
    QJsonObject detail {{QStringLiteral("bookmark"), b.id}, {QStringLiteral("title"), b.title},
            {QStringLiteral("case"), b.caseNumber}, {QStringLiteral("legal_hold"), b.legalHold}};
    const Result<qint64> written = m_session->audit(action, span, detail, b.cameraId);
    if (!written)
        return written.error();
    return {};
}

Result<qint64> Bookmarks::add(const catalog::BookmarkRecord& bookmark)
{
    if (Result<void> allowed = checkCamera(bookmark.cameraId, QLatin1String(audit::kBookmarkAdd));
            !allowed)
        return allowed.error();
    if (bookmark.legalHold && m_session) {
        if (Result<void> allowed = m_session->check(
                    Permission::ApproveRelease, bookmark.cameraId, QLatin1String(audit::kHoldAdd));
                !allowed)
            return allowed.error();
    }
    catalog::BookmarkStore store(m_catalog);
    Result<qint64> id = store.add(bookmark);
    if (!id)
        return id;
    catalog::BookmarkRecord added = bookmark;
    added.id = id.value();
    if (Result<void> written = audit(QLatin1String(audit::kBookmarkAdd), added); !written) {
        (void)store.remove(added.id); // nothing happens that the audit log does not hold
        return written.error();
    }
    if (added.legalHold)
        (void)audit(QLatin1String(audit::kHoldAdd), added);
    return id;
}

Result<void> Bookmarks::update(const catalog::BookmarkRecord& bookmark)
{
    catalog::BookmarkStore store(m_catalog);
    const Result<std::optional<catalog::BookmarkRecord>> before = store.find(bookmark.id);
    if (!before)
        return before.error();
    if (!before.value())
        return Error {Error::Code::NotFound, tr("The bookmark no longer exists."), {}};
    for (const qint64 camera : {before.value()->cameraId, bookmark.cameraId}) {
        if (Result<void> allowed = checkCamera(camera, QLatin1String(audit::kBookmarkEdit));
                !allowed)
            return allowed;
    }
    const bool holdChanged = before.value()->legalHold != bookmark.legalHold;
    const bool heldSpanChanged = before.value()->legalHold
            && (before.value()->startMs != bookmark.startMs
                    || before.value()->endMs != bookmark.endMs
                    || before.value()->cameraId != bookmark.cameraId);
    if ((holdChanged || heldSpanChanged) && m_session) {
        if (Result<void> allowed = m_session->check(Permission::ApproveRelease, bookmark.cameraId,
                    QLatin1String(bookmark.legalHold ? audit::kHoldAdd : audit::kHoldRelease));
                !allowed)
            return allowed;
    }
    if (Result<void> written = audit(QLatin1String(audit::kBookmarkEdit), bookmark); !written)
        return written;
    if (holdChanged)
        (void)audit(QLatin1String(bookmark.legalHold ? audit::kHoldAdd : audit::kHoldRelease),
                bookmark);
    return store.update(bookmark);
}

Result<void> Bookmarks::remove(qint64 id)
{
    catalog::BookmarkStore store(m_catalog);
    const Result<std::optional<catalog::BookmarkRecord>> before = store.find(id);
    if (!before)
        return before.error();
    if (!before.value())
        return {};
    if (Result<void> allowed
            = checkCamera(before.value()->cameraId, QLatin1String(audit::kBookmarkDelete));
            !allowed)
        return allowed;
    if (before.value()->legalHold && m_session) {
        if (Result<void> allowed = m_session->check(Permission::ApproveRelease,
                    before.value()->cameraId, QLatin1String(audit::kHoldRelease));
                !allowed)
            return allowed;
    }
    if (Result<void> written = audit(QLatin1String(audit::kBookmarkDelete), *before.value());
            !written)
        return written;
    if (before.value()->legalHold)
        (void)audit(QLatin1String(audit::kHoldRelease), *before.value());
    return store.remove(id);
}

Result<QList<catalog::BookmarkRecord>> Bookmarks::search(
        const QString& text, qint64 fromMs, qint64 toMs, const QList<qint64>& cameraIds, int limit)
{
    if (m_session) {
        if (Result<void> allowed = m_session->check(Permission::Search); !allowed)
            return allowed.error();
        if (!text.trimmed().isEmpty()) {
            const Result<qint64> written = m_session->audit(QLatin1String(audit::kSearch),
                    QStringLiteral("bookmarks"), QJsonObject {{QStringLiteral("text"), text}});
            if (!written)
                return written.error();
        }
    }
    Result<QList<catalog::BookmarkRecord>> found
            = catalog::BookmarkStore(m_catalog).search(text, fromMs, toMs, cameraIds, limit);
    if (!found || !m_session)
        return found;
    // Only what the user may see: bookmarks of their cameras (and the layout-wide ones).
    QList<catalog::BookmarkRecord> visible;
    for (const catalog::BookmarkRecord& b : found.value()) {
        if (b.cameraId == 0 || security::Access::seesCamera(m_session->principal(), b.cameraId))
            visible << b;
    }
    return visible;
}

} // namespace vigil::playback
