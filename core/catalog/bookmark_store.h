#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::catalog {

class Catalog;

/// Bookmarks: named moments, and legal holds that retention never deletes.
struct BookmarkRecord
{
    qint64 id = 0;
    qint64 cameraId = 0; ///< 0: every camera
    qint64 startMs = 0;
    qint64 endMs = 0;
    QString title;
    QString caseNumber;
    QString note;
    bool legalHold = false;
    qint64 createdMs = 0;
};

class BookmarkStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::BookmarkStore)

public:
    explicit BookmarkStore(Catalog& catalog);
    Result<qint64> add(const BookmarkRecord& bookmark);
    Result<QList<BookmarkRecord>> list(qint64 fromMs, qint64 toMs) const;
    /// Bookmarks that overlap [fromMs, toMs) on any of `cameraIds` (or on every camera; empty
    /// list: any camera) whose title, case number or note contains `text` (any case; empty:
    /// all), newest first, at most `limit`.
    Result<QList<BookmarkRecord>> search(const QString& text, qint64 fromMs, qint64 toMs,
            const QList<qint64>& cameraIds, int limit) const;
    Result<std::optional<BookmarkRecord>> find(qint64 id) const;
    /// Changes every field but the id and the creation time.
    Result<void> update(const BookmarkRecord& bookmark);
    Result<void> remove(qint64 id);
    Result<void> setLegalHold(qint64 id, bool hold);

private:
    Catalog& m_catalog;
};

} // namespace vigil::catalog
