#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace vigil::camsim {

/// Footage encoded once and served many times: a real camera's streams cost it nothing, and
/// 16 live 1080p x264 encoders cannot run on two cores. Prepared by `prepare()` into
/// `<cache>/<key>/` (key: source file, size, mtime and encoding settings); concurrent simulators
/// share one preparation through a lock file.
struct MediaSet
{
    QString mainH264; ///< 1920x1080, ~4 Mbit/s, GOP 2 s, no B-frames, Annex B
    QString subH264; ///< 640x360, ~500 kbit/s, GOP 2 s
    /// The same streams cut into one file per GOP (`main_%05d.h264`, `sub_%05d.h264`), so a
    /// looping reader holds one GOP in memory, not the whole clip.
    QString mainChunks;
    QString subChunks;
    int chunkCount = 0;
    /// The main stream in H.265 (`main_%05d.h265`), when prepareH265() made it.
    QString mainH265Chunks;
    int h265ChunkCount = 0;
    QStringList snapshots; ///< one 1920x1080 JPEG per second of footage
    QList<bool> motionPerSecond; ///< motion seen in that second of footage
    int fps = 15;
    double durationSeconds = 0;

    static constexpr int kGopFrames = 30; ///< 2 s at 15 fps
};

class MediaCache
{
    Q_DECLARE_TR_FUNCTIONS(vigil::camsim::MediaCache)

public:
    /// `stage` ("encoding", "motion") and the share of the whole preparation done, 0…1.
    using Progress = std::function<void(const QString& stage, double done)>;

    static QString defaultCacheDir();
    /// The footage of `video`, encoded now unless the cache has it; `progress` hears how the
    /// encoding goes (not called when the cache is used).
    static Result<MediaSet> prepare(
            const QString& video, const QString& cacheDir, const Progress& progress = {});

    /// Adds the main stream in H.265 (x265, GOP 2 s, no B-frames), encoded once into a folder
    /// beside the set's own.
    static Result<void> prepareH265(MediaSet& set);

private:
    static Result<void> encode(const QString& video, const QString& dir, const Progress& progress);
    static Result<void> computeMotion(const QString& dir, const Progress& progress);
    /// Cuts an Annex B stream before each parameter set that opens a GOP (H.264 SPS, H.265 VPS).
    static Result<int> splitIntoGops(
            const QString& file, const QString& dir, const QString& prefix, bool h265 = false);
    static Result<MediaSet> load(const QString& dir);
};

} // namespace vigil::camsim
