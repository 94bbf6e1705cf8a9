#include "core/recording/segment_repair.h"

#include "core/catalog/segment_store.h"
#include "core/logging_categories.h"
#include "core/recording/segment_file.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>

namespace vigil::recording {

namespace {

enum class Outcome { Indexed, Removed, Problem };

/// Cuts a file back to its complete fragments and reads it. Files with nothing playable are
/// deleted; unreadable ones are left for a person to look at.
Outcome examine(
        const QString& root, const QString& relative, SegmentFacts& facts, QStringList& problems)
{
    const QString path = root + u'/' + relative;
    const Result<qint64> length = SegmentFile::truncateToCompleteFragments(path);
    if (!length) {
        problems << length.error().fullText();
        return Outcome::Problem;
    }
    const Result<QList<qint64>> fragments = SegmentFile::fragmentOffsets(path);
    if (fragments && fragments->isEmpty()) {
        // Created, but killed before its first fragment: no video in it.
        QFile::remove(path);
        return Outcome::Removed;
    }
    Result<SegmentFacts> scanned = SegmentFile::scan(path);
    if (!scanned) {
        problems << scanned.error().fullText();
        return Outcome::Problem;
    }
    facts = std::move(scanned).value();
    return Outcome::Indexed;
}

} // namespace

catalog::SegmentRecord SegmentRepair::recordFor(
        const SegmentFacts& facts, const QString& relativePath, qint64 streamId)
{
    catalog::SegmentRecord r;
    r.cameraId = facts.header.cameraId;
    r.streamId = streamId;
    r.role = facts.header.role;
    r.path = relativePath;
    r.startMs = facts.header.startMs;
    r.endMs = facts.header.startMs + facts.durationMs;
    r.bytes = facts.bytes;
    r.state = QStringLiteral("closed");
    r.clockSource = facts.header.clockSource;
    r.clockOffsetMs = facts.header.clockOffsetMs;
    r.codec = facts.codec;
    r.width = facts.width;
    r.height = facts.height;
    r.hasAudio = facts.hasAudio;
    r.keyframes = packKeyframes(facts.keyframes);
    return r;
}

Result<RepairReport> SegmentRepair::repairAfterCrash(catalog::Catalog& catalog, const QString& root)
{
    catalog::SegmentStore store(catalog);
    RepairReport report;
    const Result<QList<catalog::SegmentRecord>> open = store.openSegments();
    if (!open)
        return open.error();
    for (const catalog::SegmentRecord& s : open.value()) {
        SegmentFacts facts;
        const Outcome outcome = QFile::exists(root + u'/' + s.path)
                ? examine(root, s.path, facts, report.problems)
                : Outcome::Removed;
        if (outcome == Outcome::Indexed) {
            catalog::SegmentRecord r = recordFor(facts, s.path, s.streamId);
            r.state = QStringLiteral("repaired");
            if (Result<void> updated = store.update(r); !updated)
                return updated.error();
            ++report.repaired;
        } else if (outcome == Outcome::Removed) {
            if (Result<void> removed = store.removeById(s.id); !removed)
                return removed.error();
            ++report.removed;
        }
    }

    // Files created just before a crash, before the index heard of them: in each camera's
    // newest day folder (and the day before, for a crash at midnight).
    const QDir recordings(root);
    for (const QString& camera : recordings.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QStringList days = QDir(recordings.filePath(camera))
                                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        days = days.mid(qMax(0, int(days.size()) - 2));
        for (const QString& day : days) {
            const QString prefix = camera + u'/' + day + u'/';
            const Result<QSet<QString>> known = store.pathsUnder(prefix);
            if (!known)
                return known.error();
            const QStringList files
                    = QDir(root + u'/' + prefix).entryList({QStringLiteral("*.mp4")}, QDir::Files);
            for (const QString& name : files) {
                const QString relative = prefix + name;
                if (known->contains(relative))
                    continue;
                SegmentFacts facts;
                const Outcome outcome = examine(root, relative, facts, report.problems);
                if (outcome == Outcome::Removed)
                    ++report.removed;
                if (outcome != Outcome::Indexed)
                    continue;
                const Result<qint64> streamId
                        = store.streamId(facts.header.cameraId, facts.header.role);
                if (!streamId)
                    return streamId.error();
                if (streamId.value() == 0) {
                    report.problems << tr("%1 belongs to a camera Vigil does not know.")
                                               .arg(root + u'/' + relative);
                    continue;
                }
                catalog::SegmentRecord r = recordFor(facts, relative, streamId.value());
                r.state = QStringLiteral("repaired");
                if (Result<qint64> added = store.insert(r); !added)
                    return added.error();
                ++report.adopted;
            }
        }
    }
    if (report.repaired || report.adopted || report.removed)
        qCInfo(lcRecording, "after a crash: %d segments repaired, %d adopted, %d empty removed",
                report.repaired, report.adopted, report.removed);
    return report;
}

Result<RepairReport> SegmentRepair::rebuildIndex(catalog::Catalog& catalog, const QString& root)
{
    catalog::SegmentStore store(catalog);
    RepairReport report;
    QList<catalog::SegmentRecord> records;
    QHash<QString, qint64> streamIds;
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.mp4")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    for (const QString& relative : files) {
        SegmentFacts facts;
        const Outcome outcome = examine(root, relative, facts, report.problems);
        if (outcome == Outcome::Removed)
            ++report.removed;
        if (outcome != Outcome::Indexed)
            continue;
        const QString key
                = QStringLiteral("%1/%2").arg(facts.header.cameraId).arg(facts.header.role);
        if (!streamIds.contains(key)) {
            const Result<qint64> id = store.streamId(facts.header.cameraId, facts.header.role);
            if (!id)
                return id.error();
            streamIds.insert(key, id.value());
        }
        if (streamIds.value(key) == 0) {
            report.problems << tr("%1 belongs to a camera Vigil does not know.")
                                       .arg(root + u'/' + relative);
            continue;
        }
        records << recordFor(facts, relative, streamIds.value(key));
    }
    if (Result<void> replaced = store.replaceAll(records); !replaced)
        return replaced.error();
    report.indexed = int(records.size());
    return report;
}

} // namespace vigil::recording
