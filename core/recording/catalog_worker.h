#pragma once

#include "core/catalog/segment_store.h"
#include "core/recording/segment_repair.h"
#include "core/security/access.h"
#include "core/storage/retention.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace vigil::catalog {
class Catalog;
}

namespace vigil::recording {

/// The recorder's catalog work that may take long — the rows of files as they open and close,
/// retention passes (which delete thousands of files), files without video to discard — on a
/// thread of its own with its own catalog connection, in the order it was asked for. The
/// recorder's main thread keeps answering windows and passing live video meanwhile.
///
/// A row that cannot be written (the catalog's disk full, another program holding a lock) is
/// kept and written again before the next piece of work: no file goes unindexed.
class CatalogWorker : public QObject
{
    Q_OBJECT

public:
    /// `owner`: the recorder's catalog (it outlives the worker); its connection is not used
    /// here, only its path and settings for the worker's own. `keysDir`: the audit log's keys
    /// (retention passes that delete footage are audited).
    CatalogWorker(const catalog::Catalog& owner, QString recordingsRoot, QString keysDir,
            QObject* parent = nullptr);
    /// Finishes what was asked, then stops.
    ~CatalogWorker() override;

    /// Writes `segment`'s row: a new one when `opening`, else its final state.
    void index(const catalog::SegmentRecord& segment, bool opening);
    /// A file that holds no video: the file and its row go.
    void discard(const QString& path);
    /// A span without recording. With `sinceLastEnd`, the span runs from the end of the
    /// stream's last indexed segment to `gap.endMs`, and is written only when longer than
    /// `minGapMs` (the first segment of a run after Vigil was stopped).
    void addGap(const catalog::GapRecord& gap, bool sinceLastEnd = false, qint64 minGapMs = 0);
    /// An alert for the status bar and the catalog; one that cannot be written is kept and
    /// written again with the next piece of work.
    void addAlert(qint64 cameraId, const QString& kind, const QString& message);
    /// An audit row written by the recorder (live views; the window's login is not known here
    /// yet, so `login` names the computer's user that connected).
    void audit(const QString& login, const QString& action, const QString& object,
            const QJsonObject& detail, qint64 cameraId);
    /// Checks a login of a client of the recorder (UserStore::authenticate: Argon2id takes a
    /// moment, and wrong passwords count towards the lockout) and writes its audit row, naming
    /// `via` (the computer's user that connected); `done` then runs on `receiver`'s thread.
    void authenticate(const QString& login, const QString& password, const QString& via,
            QObject* receiver, std::function<void(const Result<security::Principal>&)> done);
    /// Whether clients must log in: true once an enabled administrator exists (before, the
    /// setup mode lets everyone in), and when the catalog cannot be read (nothing is let in
    /// unchecked). `done` runs on `receiver`'s thread.
    void needsLogin(QObject* receiver, std::function<void(bool)> done);
    /// One retention pass; `done` then runs on `receiver`'s thread with its report.
    void runRetention(const storage::RetentionPolicy& policy, QObject* receiver,
            std::function<void(const storage::RetentionReport&)> done);
    /// What a crash left is repaired (SegmentRepair::repairAfterCrash) on the worker's
    /// connection; `done` then runs on `receiver`'s thread with the outcome.
    void repairAfterCrash(QObject* receiver, std::function<void(const Result<RepairReport>&)> done);
    /// Returns once everything asked so far is done.
    void drain();
    /// Rows waiting to be written again (read on any thread; for status and tests).
    int unindexed() const;

private:
    void post(std::function<void()> job);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil::recording
