#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace vigil::catalog {
class Catalog;
struct SegmentRecord;
} // namespace vigil::catalog

namespace vigil::recording {

struct SegmentFacts;

struct RepairReport
{
    int repaired = 0; ///< open segments cut back to their last complete fragment and indexed
    int adopted = 0; ///< files found on disk that the index did not know
    int removed = 0; ///< files being written without one complete fragment (nothing playable)
    int indexed = 0; ///< rebuild: segments in the new index
    int quarantined = 0; ///< damaged files moved (or originals copied) to the quarantine folder
    int leftAlone = 0; ///< files Vigil did not write, left where they are
    QStringList problems; ///< files left alone, with why
};

/// Bringing the segment index and the files back in line after a crash, and rebuilding the
/// index from the files alone. Runs before any recorder starts (the data folder is locked).
///
/// Never destroys footage: only the unfinished tail of a file that was being written is cut
/// (a file under a legal hold, or one whose unreadable part is larger than a torn fragment,
/// keeps its original in quarantine first); any other file that does not read whole is moved to
/// quarantine and reported; files Vigil did not write are left alone and reported.
class SegmentRepair
{
    Q_DECLARE_TR_FUNCTIONS(vigil::recording::SegmentRepair)

public:
    /// At start: every segment still marked open (Vigil was killed or the power went) is cut to
    /// its last complete fragment and indexed; files in each camera's newest day that the index
    /// does not know (created just before a crash) are adopted.
    static Result<RepairReport> repairAfterCrash(
            catalog::Catalog& catalog, const QString& recordingsRoot);
    /// `vigilctl catalog rebuild`: the index is recreated from the files alone.
    static Result<RepairReport> rebuildIndex(
            catalog::Catalog& catalog, const QString& recordingsRoot);

    /// Where damaged files go instead of being deleted: `quarantine/` beside the recordings,
    /// with their path under the recordings.
    static QString quarantineFolder(const QString& recordingsRoot);

    /// Index row for a scanned file; streamId 0 when the camera or stream is unknown.
    static catalog::SegmentRecord recordFor(
            const SegmentFacts& facts, const QString& relativePath, qint64 streamId);
};

} // namespace vigil::recording
