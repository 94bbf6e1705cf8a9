#include "core/catalog/bookmark_store.h"

#include "core/catalog/catalog.h"
#include "core/catalog/sql_p.h"
#include "core/catalog/sql_values.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace vigil::catalog {

BookmarkStore::BookmarkStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

Result<qint64> BookmarkStore::add(const BookmarkRecord& b)
{
    if (b.endMs < b.startMs)
        return Error {Error::Code::InvalidArgument, tr("A bookmark must end after it starts."), {}};
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("INSERT INTO bookmarks (camera_id, start_ms, end_ms, title, "
                                 "case_number, note, legal_hold, created_ms) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!bindAll(query,
                {b.cameraId > 0 ? QVariant(b.cameraId) : QVariant(), b.startMs, b.endMs,
                        textValue(b.title), textValue(b.caseNumber), textValue(b.note),
                        b.legalHold ? 1 : 0, QDateTime::currentMSecsSinceEpoch()})
            || !query.next())
        return m_catalog.sqlError(query.lastError(), tr("saving the bookmark"));
    return query.value(0).toLongLong();
}

namespace {

const char kBookmarkColumns[] = "id, COALESCE(camera_id, 0), start_ms, end_ms, title, case_number, "
                                "note, legal_hold, created_ms";

BookmarkRecord readBookmark(const QSqlQuery& query)
{
    return BookmarkRecord {query.value(0).toLongLong(), query.value(1).toLongLong(),
            query.value(2).toLongLong(), query.value(3).toLongLong(), query.value(4).toString(),
            query.value(5).toString(), query.value(6).toString(), query.value(7).toInt() != 0,
            query.value(8).toLongLong()};
}

} // namespace

Result<QList<BookmarkRecord>> BookmarkStore::list(qint64 fromMs, qint64 toMs) const
{
    return search({}, fromMs, toMs, {}, -1);
}

Result<QList<BookmarkRecord>> BookmarkStore::search(const QString& text, qint64 fromMs, qint64 toMs,
        const QList<qint64>& cameraIds, int limit) const
{
    QString where = QStringLiteral("start_ms < ? AND end_ms >= ?");
    QVariantList binds {toMs, fromMs};
    if (!cameraIds.isEmpty()) {
        QStringList marks;
        for (const qint64 id : cameraIds) {
            marks << QStringLiteral("?");
            binds << id;
        }
        where += QStringLiteral(" AND (camera_id IS NULL OR camera_id IN (%1))")
                         .arg(marks.join(u','));
    }
    if (!text.trimmed().isEmpty()) {
        QString pattern = text.trimmed();
        pattern.replace(u'\\', QStringLiteral("\\\\"))
                .replace(u'%', QStringLiteral("\\%"))
                .replace(u'_', QStringLiteral("\\_"));
        pattern = u'%' + pattern + u'%';
        where += QStringLiteral(" AND (title LIKE ? ESCAPE '\\' OR case_number LIKE ? ESCAPE '\\' "
                                "OR note LIKE ? ESCAPE '\\')");
        binds << pattern << pattern << pattern;
    }
    // Listing for a timeline goes oldest first; a search shows the newest first.
    const QString order = limit < 0 ? QStringLiteral("start_ms") : QStringLiteral("start_ms DESC");
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM bookmarks WHERE %2 ORDER BY %3 LIMIT %4")
                          .arg(QLatin1String(kBookmarkColumns), where, order)
                          .arg(limit < 0 ? -1 : limit));
    if (!bindAll(query, binds))
        return m_catalog.sqlError(query.lastError(), tr("reading the bookmarks"));
    QList<BookmarkRecord> bookmarks;
    while (query.next())
        bookmarks << readBookmark(query);
    return bookmarks;
}

Result<std::optional<BookmarkRecord>> BookmarkStore::find(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT %1 FROM bookmarks WHERE id = ?")
                          .arg(QLatin1String(kBookmarkColumns)));
    if (!bindAll(query, {id}))
        return m_catalog.sqlError(query.lastError(), tr("reading the bookmarks"));
    if (!query.next())
        return std::optional<BookmarkRecord>();
    return std::optional<BookmarkRecord>(readBookmark(query));
}

Result<void> BookmarkStore::update(const BookmarkRecord& b)
{
    if (b.endMs < b.startMs)
        return Error {Error::Code::InvalidArgument, tr("A bookmark must end after it starts."), {}};
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(
            QStringLiteral("UPDATE bookmarks SET camera_id = ?, start_ms = ?, end_ms = ?, "
                           "title = ?, case_number = ?, note = ?, legal_hold = ? WHERE id = ?"));
    if (!bindAll(query,
                {b.cameraId > 0 ? QVariant(b.cameraId) : QVariant(), b.startMs, b.endMs,
                        textValue(b.title), textValue(b.caseNumber), textValue(b.note),
                        b.legalHold ? 1 : 0, b.id}))
        return m_catalog.sqlError(query.lastError(), tr("saving the bookmark"));
    if (query.numRowsAffected() == 0)
        return Error {Error::Code::NotFound, tr("The bookmark no longer exists."), {}};
    return {};
}

Result<void> BookmarkStore::remove(qint64 id)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("DELETE FROM bookmarks WHERE id = ?"));
    if (!bindAll(query, {id}))
        return m_catalog.sqlError(query.lastError(), tr("deleting the bookmark"));
    return {};
}

Result<void> BookmarkStore::setLegalHold(qint64 id, bool hold)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("UPDATE bookmarks SET legal_hold = ? WHERE id = ?"));
    if (!bindAll(query, {hold ? 1 : 0, id}))
        return m_catalog.sqlError(query.lastError(), tr("changing the bookmark"));
    if (query.numRowsAffected() == 0)
        return Error {Error::Code::NotFound, tr("There is no bookmark %1.").arg(id), {}};
    return {};
}

} // namespace vigil::catalog
