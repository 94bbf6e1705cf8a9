#include "core/recording/segment_repair.h"

#include "core/catalog/segment_store.h"
#include "core/logging_categories.h"
#include "core/recording/segment_file.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <optional>

namespace vigil::recording {

namespace {

/// The most a crash can leave unfinished at the end of a file being written: the fragment the
/// muxer was writing (a second or two of video). A longer unreadable part is damage, not a torn
/// tail, and the original is kept in quarantine before anything is cut.
constexpr qint64 kMaxTornTail = 8 * 1024 * 1024;
using catalog::kMaxSegmentMs;
using catalog::parseSegmentPath;
using catalog::SegmentName;

enum class Outcome { Indexed, Removed, Kept };

/// Brings one file in line. Only a file that was being written (`beingWritten`: the index had
/// it open, or it appeared just before a crash) may lose its unfinished tail, or be deleted when
/// not one fragment of it was complete; a file under a legal hold keeps its original in
/// quarantine first. Any other file that does not read whole is moved to quarantine; files Vigil
/// did not write are left where they are. Everything but the indexed files is reported.
class Examiner
{
    Q_DECLARE_TR_FUNCTIONS(vigil::recording::SegmentRepair)

public:
    Examiner(catalog::SegmentStore& store, QString root, RepairReport& report)
        : m_store(store)
        , m_root(std::move(root))
        , m_report(report)
    { }

    Outcome examine(const QString& relative, bool beingWritten, SegmentFacts& facts)
    {
        const QString path = m_root + u'/' + relative;
        const std::optional<SegmentName> name = parseSegmentPath(relative);
        if (!name) {
            ++m_report.leftAlone;
            m_report.problems
                    << tr("%1 was not written by Vigil; it was left where it is.").arg(path);
            return Outcome::Kept;
        }
        const Result<qint64> complete = SegmentFile::completeLength(path);
        const Result<QList<qint64>> fragments = SegmentFile::fragmentOffsets(path);
        if (!complete || !fragments) {
            m_report.problems << (complete ? fragments.error() : complete.error()).fullText();
            return Outcome::Kept;
        }
        const qint64 size = QFileInfo(path).size();
        if (complete.value() == size && !fragments->isEmpty())
            return scanOrQuarantine(relative, facts);
        // Whole fragments behind a header that does not read are damage, not a torn tail:
        // cutting back to the complete prefix would empty the file.
        const bool headerDamaged = complete.value() == 0 && !fragments->isEmpty();
        if (!beingWritten || headerDamaged) {
            if (const QString target = quarantine(relative); !target.isEmpty())
                m_report.problems << tr("%1 is damaged (only %2 of its %3 bytes read whole); it "
                                        "was moved to %4 and kept.")
                                             .arg(path)
                                             .arg(complete.value())
                                             .arg(size)
                                             .arg(target);
            return Outcome::Kept;
        }
        // The file the crash left open: its tail is unfinished.
        const Result<bool> held
                = m_store.isHeld(name->cameraId, name->startMs, name->startMs + kMaxSegmentMs);
        if (!held) {
            m_report.problems << held.error().fullText();
            return Outcome::Kept;
        }
        if (held.value() || size - complete.value() > kMaxTornTail) {
            if (!keepCopy(relative))
                return Outcome::Kept;
        }
        if (fragments->isEmpty()) {
            // Created, but stopped before its first fragment: no video in it.
            QFile::remove(path);
            return Outcome::Removed;
        }
        if (Result<qint64> cut = SegmentFile::truncateToCompleteFragments(path); !cut) {
            m_report.problems << cut.error().fullText();
            return Outcome::Kept;
        }
        return scanOrQuarantine(relative, facts);
    }

private:
    Outcome scanOrQuarantine(const QString& relative, SegmentFacts& facts)
    {
        Result<SegmentFacts> scanned = SegmentFile::scan(m_root + u'/' + relative);
        if (!scanned) {
            if (const QString target = quarantine(relative); !target.isEmpty())
                m_report.problems << tr("%1 cannot be read (%2); it was moved to %3 and kept.")
                                             .arg(m_root + u'/' + relative,
                                                     scanned.error().fullText(), target);
            return Outcome::Kept;
        }
        facts = std::move(scanned).value();
        return Outcome::Indexed;
    }

    QString quarantinePath(const QString& relative) const
    {
        const QString base = SegmentRepair::quarantineFolder(m_root) + u'/' + relative;
        QString target = base;
        for (int n = 1; QFile::exists(target); ++n)
            target = base + QStringLiteral(".%1").arg(n);
        return target;
    }

    /// Moves a file out of the recordings into quarantine: its new place, or "" when it could
    /// not be moved (then reported, and left where it is).
    QString quarantine(const QString& relative) { return intoQuarantine(relative, false); }

    /// Copies the original into quarantine before it is cut or removed.
    bool keepCopy(const QString& relative)
    {
        const QString target = intoQuarantine(relative, true);
        if (!target.isEmpty())
            m_report.problems << tr("%1 was repaired; its original is kept in %2.")
                                         .arg(m_root + u'/' + relative, target);
        return !target.isEmpty();
    }

    QString intoQuarantine(const QString& relative, bool copy)
    {
        const QString source = m_root + u'/' + relative;
        const QString target = quarantinePath(relative);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!(copy ? QFile::copy(source, target) : QFile::rename(source, target))) {
            m_report.problems << (copy ? tr("%1 could not be copied to %2 before its repair; it "
                                            "was left as it is.")
                                       : tr("%1 is damaged and could not be moved to %2; it was "
                                            "left where it is."))
                                         .arg(source, target);
            return {};
        }
        ++m_report.quarantined;
        return target;
    }

    catalog::SegmentStore& m_store;
    QString m_root;
    RepairReport& m_report;
};

} // namespace

QString SegmentRepair::quarantineFolder(const QString& recordingsRoot)
{
    return QFileInfo(recordingsRoot).absoluteDir().filePath(QStringLiteral("quarantine"));
}

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
    Examiner examiner(store, root, report);
    const Result<QList<catalog::SegmentRecord>> open = store.openSegments();
    if (!open)
        return open.error();
    for (const catalog::SegmentRecord& s : open.value()) {
        SegmentFacts facts;
        const Outcome outcome = QFile::exists(root + u'/' + s.path)
                ? examiner.examine(s.path, true, facts)
                : Outcome::Removed;
        if (outcome == Outcome::Indexed) {
            catalog::SegmentRecord r = recordFor(facts, s.path, s.streamId);
            r.state = QStringLiteral("repaired");
            if (Result<void> updated = store.update(r); !updated)
                return updated.error();
            ++report.repaired;
        } else if (outcome == Outcome::Removed || !QFile::exists(root + u'/' + s.path)) {
            // Nothing playable, or moved to quarantine: no longer in the recordings.
            if (Result<void> removed = store.removeById(s.id); !removed)
                return removed.error();
            if (outcome == Outcome::Removed)
                ++report.removed;
        }
    }

    // Files created just before a crash, before the index heard of them: in each camera's
    // newest day folder (and the day before, for a crash at midnight), named after a time later
    // than its stream's newest indexed file. The index is asked once per stream, not per file.
    const QDir recordings(root);
    // Per stream, "<camera>/<role>" -> the time part of its newest indexed file's name
    // (yyyyMMddTHHmmss.zzz, which sorts as time does); "" when it has none.
    QHash<QString, QString> newestOfStream;
    const auto notIndexed = [&](const QString& relative) -> Result<bool> {
        const Result<bool> known = store.contains(relative);
        if (!known)
            return known.error();
        return !known.value();
    };
    constexpr qsizetype kTimeChars = 19;
    const auto newerThanIndexed = [&](const QString& camera, const QString& relative,
                                          const QString& name) -> Result<bool> {
        const QString role = name.section(u'_', 0, 0);
        bool numeric = false;
        const qint64 cameraId = camera.toLongLong(&numeric);
        if (!numeric || (role != QLatin1String("main") && role != QLatin1String("sub"))
                || name.size() < role.size() + 1 + kTimeChars)
            return notIndexed(relative);
        const QString key = camera + u'/' + role;
        if (!newestOfStream.contains(key)) {
            const Result<qint64> streamId = store.streamId(cameraId, role);
            if (!streamId)
                return streamId.error();
            QString newest;
            if (streamId.value() > 0) {
                const Result<std::optional<qint64>> start = store.newestStart(streamId.value());
                if (!start)
                    return start.error();
                if (start.value())
                    newest = catalog::segmentPath(cameraId, role, *start.value())
                                     .section(u'/', -1)
                                     .mid(role.size() + 1, kTimeChars);
            }
            newestOfStream.insert(key, newest);
        }
        if (QStringView(name).mid(role.size() + 1, kTimeChars) < newestOfStream.value(key))
            return false;
        // At or after the newest indexed start: that file itself, or one the index never heard of.
        return notIndexed(relative);
    };
    for (const QString& camera : recordings.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QStringList days = QDir(recordings.filePath(camera))
                                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        days = days.mid(qMax(0, int(days.size()) - 2));
        for (const QString& day : days) {
            const QString prefix = camera + u'/' + day + u'/';
            const QStringList files
                    = QDir(root + u'/' + prefix).entryList({QStringLiteral("*.mp4")}, QDir::Files);
            for (const QString& name : files) {
                const QString relative = prefix + name;
                const Result<bool> unknown = newerThanIndexed(camera, relative, name);
                if (!unknown)
                    return unknown.error();
                if (!unknown.value())
                    continue;
                SegmentFacts facts;
                const Outcome outcome = examiner.examine(relative, true, facts);
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
    Examiner examiner(store, root, report);
    // Files the old index had open were being written when Vigil stopped: only they may be cut.
    QSet<QString> beingWritten;
    if (const Result<QList<catalog::SegmentRecord>> open = store.openSegments(); open) {
        for (const catalog::SegmentRecord& s : open.value())
            beingWritten.insert(s.path);
    }
    QList<catalog::SegmentRecord> records;
    QHash<QString, qint64> streamIds;
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.mp4")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    for (const QString& relative : files) {
        SegmentFacts facts;
        const Outcome outcome = examiner.examine(relative, beingWritten.contains(relative), facts);
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
