#pragma once

#include "core/catalog/bookmark_store.h"
#include "core/result.h"

#include <QCoreApplication>

namespace vigil::security {
class Session;
}

namespace vigil::playback {

/// Bookmarks as people change them: each change checked against the user's role and cameras
/// and written to the audit log (through security::Session) before it happens. Anyone who may
/// play a camera back may bookmark it; putting a legal hold on or taking it off takes a
/// supervisor (ApproveRelease), since retention keeps held footage whatever the disk needs.
class Bookmarks
{
    Q_DECLARE_TR_FUNCTIONS(vigil::playback::Bookmarks)

public:
    /// `session` null: no checks and no audit (tests of core alone, vigilctl's setup mode).
    Bookmarks(catalog::Catalog& catalog, security::Session* session);

    Result<qint64> add(const catalog::BookmarkRecord& bookmark);
    Result<void> update(const catalog::BookmarkRecord& bookmark);
    Result<void> remove(qint64 id);
    /// Searches titles, case numbers and notes (audited as a search when `text` is given).
    Result<QList<catalog::BookmarkRecord>> search(const QString& text, qint64 fromMs, qint64 toMs,
            const QList<qint64>& cameraIds, int limit = 1000);

private:
    Result<void> checkCamera(qint64 cameraId, const QString& what);
    Result<void> audit(const QString& action, const catalog::BookmarkRecord& bookmark);

    catalog::Catalog& m_catalog;
    security::Session* m_session;
};

} // namespace vigil::playback
