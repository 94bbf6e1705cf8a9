#pragma once

// Helpers for recording tests: vigilctl runs, cameras from a running vigil-camsim, the segment
// index as vigilctl prints it, and checks that recorded files decode and match the catalog.

#include "catalog/catalog_test_util.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "support/camsim_process.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>

namespace vigil::test {

inline const QString kCamUser = QStringLiteral("demo");
inline const QString kCamPassword = QStringLiteral("demo");

struct CtlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CtlRun vigilctl(const QString& dataDir, const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(VIGIL_BIN_DIR "/vigilctl"),
            QStringList {QStringLiteral("--data-dir"), dataDir} + args);
    CtlRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// vigil-camsim arguments for recording tests: the cameras want kCamUser/kCamPassword, no
/// discovery; `more` after them.
inline QStringList simArgs(const QStringList& more = {})
{
    return QStringList {QStringLiteral("--user"), kCamUser, QStringLiteral("--password"),
                   kCamPassword, QStringLiteral("--no-discovery")}
    + more;
}

/// Adds the main stream of each simulated camera as a plain RTSP camera; true when all were added.
inline bool addCameras(const QString& dataDir, const CamsimProcess& sim, int count)
{
    for (int i = 0; i < count; ++i) {
        const CtlRun r = vigilctl(dataDir,
                {QStringLiteral("camera"), QStringLiteral("add"), sim.endpoint(i, "rtsp_main"),
                        QStringLiteral("--user"), kCamUser, QStringLiteral("--password"),
                        kCamPassword, QStringLiteral("--name"),
                        QStringLiteral("Cam %1").arg(i + 1)});
        if (r.exitCode != 0) {
            qWarning("camera add failed: %s", r.err.constData());
            return false;
        }
    }
    return true;
}

inline bool setSetting(const QString& dataDir, const QString& key, const QString& value)
{
    return vigilctl(dataDir, {QStringLiteral("settings"), QStringLiteral("set"), key, value})
                   .exitCode
            == 0;
}

/// `vigilctl segments --camera ID --json`.
inline QJsonObject segmentsOf(const QString& dataDir, qint64 camera)
{
    const CtlRun r = vigilctl(dataDir,
            {QStringLiteral("segments"), QStringLiteral("--camera"), QString::number(camera),
                    QStringLiteral("--json")});
    return QJsonDocument::fromJson(r.out).object();
}

inline QJsonArray segmentList(const QString& dataDir, qint64 camera)
{
    return segmentsOf(dataDir, camera).value(QLatin1String("segments")).toArray();
}

/// Decodes every frame with the ffmpeg command-line tool: "" when clean, else its complaint.
/// Frames keep the file's own time base (`-enc_time_base -1`): by default ffmpeg re-times them
/// to 1 / the frame rate it guesses, and a guess like 179/12 for a 15 fps camera whose capture
/// times jitter by 12 ms makes two faithful timestamps round to one tick ("non monotonically
/// increasing dts") although the file holds none.
inline QString decodeProblems(const QString& path)
{
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
                    QStringLiteral("-enc_time_base"), QStringLiteral("-1"), QStringLiteral("-f"),
                    QStringLiteral("null"), QStringLiteral("-")});
    if (!ffmpeg.waitForFinished(60000))
        return QStringLiteral("ffmpeg timed out");
    const QByteArray err = ffmpeg.readAllStandardError().trimmed();
    if (ffmpeg.exitCode() != 0 || !err.isEmpty())
        return QStringLiteral("%1: %2").arg(path, QString::fromUtf8(err));
    return {};
}

inline QStringList segmentFiles(const QString& recordings)
{
    QStringList files;
    QDirIterator it(
            recordings, {QStringLiteral("*.mp4")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

/// Every row of a data folder's segment index, read as Vigil reads it (a path is stored only
/// when the naming rule does not give it). Fails the test when the catalog cannot be read.
inline QList<catalog::SegmentRecord> indexedSegments(const QString& dataDir)
{
    catalog::Catalog::Options options;
    options.readOnly = true;
    const auto opened = catalog::Catalog::open(dataDir + QStringLiteral("/vigil.sqlite"), options);
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().fullText()));
        return {};
    }
    const auto rows = catalog::SegmentStore(*opened.value()).all();
    if (!rows)
        qWarning("%s", qPrintable(rows.error().fullText()));
    return rows ? rows.value() : QList<catalog::SegmentRecord> {};
}

/// The index and the files agree: nothing open, every row's file exists with the indexed size,
/// every file is indexed, every file decodes. Returns the problems found.
inline QStringList catalogAndFilesProblems(const QString& dataDir)
{
    QStringList problems;
    const QString recordings = dataDir + QStringLiteral("/recordings");
    QSet<QString> indexed;
    for (const catalog::SegmentRecord& row : indexedSegments(dataDir)) {
        const QString path = recordings + u'/' + row.path;
        indexed << QFileInfo(path).absoluteFilePath();
        if (row.state == QLatin1String("open"))
            problems << QStringLiteral("still open: %1").arg(path);
        if (!QFileInfo::exists(path))
            problems << QStringLiteral("missing file: %1").arg(path);
        else if (QFileInfo(path).size() != row.bytes)
            problems << QStringLiteral("size %1 != indexed %2: %3")
                                .arg(QFileInfo(path).size())
                                .arg(row.bytes)
                                .arg(path);
        if (row.endMs - row.startMs <= 0)
            problems << QStringLiteral("no duration: %1").arg(path);
    }
    for (const QString& file : segmentFiles(recordings)) {
        if (!indexed.contains(QFileInfo(file).absoluteFilePath()))
            problems << QStringLiteral("not indexed: %1").arg(file);
        if (const QString p = decodeProblems(file); !p.isEmpty())
            problems << p;
    }
    return problems;
}

} // namespace vigil::test
