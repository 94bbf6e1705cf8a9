#include "media_cache.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>

#include <opencv2/imgproc.hpp>
#include <opencv2/video/background_segm.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>

namespace vigil::camsim {

namespace {

// Bump when the encoding below changes, so old caches are not reused.
constexpr int kCacheVersion = 4;

/// Shares of the preparation, for progress: encoding (one decode, three encodes) then motion.
constexpr double kEncodeShare = 0.85;

// Crop to 16:9 first (real sensors are 16:9), then scale.
const QString kCrop = QStringLiteral("crop='min(iw,ih*16/9)':'min(ih,iw*9/16)'");

/// Runs ffmpeg; with `durationUs` > 0, reports the share of the input done as it goes
/// (ffmpeg's -progress output).
Result<void> runFfmpeg(const QStringList& args, qint64 durationUs = 0,
        const std::function<void(double)>& progress = {})
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return Error {Error::Code::NotFound,
                QStringLiteral("ffmpeg is not installed (run tools/setup)"), {}};
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(ffmpeg,
            QStringList {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin"),
                    QStringLiteral("-y"), QStringLiteral("-progress"), QStringLiteral("pipe:1"),
                    QStringLiteral("-nostats")}
                    + args);
    QDeadlineTimer deadline(10 * 60 * 1000);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        process.waitForReadyRead(200);
        while (process.canReadLine()) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith("out_time_us=") && durationUs > 0 && progress)
                progress(qBound(0.0, line.mid(12).toDouble() / double(durationUs), 1.0));
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return Error {Error::Code::Io, QStringLiteral("encoding the simulator footage failed"),
                QString::fromLocal8Bit(process.readAllStandardError()).right(2000)};
    }
    return {};
}

QStringList x264Args(const QString& bitrate)
{
    const QString gop = QString::number(MediaSet::kGopFrames);
    return {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
            QStringLiteral("superfast"), QStringLiteral("-profile:v"), QStringLiteral("main"),
            QStringLiteral("-b:v"), bitrate, QStringLiteral("-maxrate"), bitrate,
            QStringLiteral("-bufsize"), bitrate, QStringLiteral("-g"), gop,
            QStringLiteral("-keyint_min"), gop, QStringLiteral("-sc_threshold"),
            QStringLiteral("0"), QStringLiteral("-bf"), QStringLiteral("0"), QStringLiteral("-an"),
            QStringLiteral("-f"), QStringLiteral("h264")};
}

} // namespace

QString MediaCache::defaultCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
            + QStringLiteral("/vigil-camsim");
}

Result<MediaSet> MediaCache::prepare(
        const QString& video, const QString& cacheDir, const Progress& progress)
{
    const QFileInfo source(video);
    if (!source.isFile()) {
        return Error {Error::Code::NotFound,
                QStringLiteral(
                        "footage \"%1\" not found (install opencv-doc, or pass --video FILE)")
                        .arg(video),
                {}};
    }
    if (!QDir().mkpath(cacheDir))
        return Error {Error::Code::NotWritable,
                QStringLiteral("cannot create the cache folder %1").arg(cacheDir), {}};

    const QByteArray identity = source.absoluteFilePath().toUtf8() + '|'
            + QByteArray::number(source.size()) + '|'
            + QByteArray::number(source.lastModified().toMSecsSinceEpoch()) + '|'
            + QByteArray::number(kCacheVersion);
    const QString key = QString::fromLatin1(
            QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(16));
    const QString dir = cacheDir + u'/' + key;

    QLockFile lock(dir + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.lock())
        return Error {Error::Code::Locked, QStringLiteral("cannot lock the cache %1").arg(dir), {}};
    if (QFile::exists(dir + QStringLiteral("/complete")))
        return load(dir);

    const QString work = dir + QStringLiteral(".partial");
    QDir(work).removeRecursively();
    QDir(dir).removeRecursively();
    if (!QDir().mkpath(work))
        return Error {Error::Code::NotWritable, QStringLiteral("cannot create %1").arg(work), {}};
    if (Result<void> r = encode(source.absoluteFilePath(), work, progress); !r)
        return r.error();
    if (Result<void> r = computeMotion(work, progress); !r)
        return r.error();
    const Result<int> mainChunks
            = splitIntoGops(work + QStringLiteral("/main.h264"), work, QStringLiteral("main"));
    const Result<int> subChunks
            = splitIntoGops(work + QStringLiteral("/sub.h264"), work, QStringLiteral("sub"));
    if (!mainChunks)
        return mainChunks.error();
    if (!subChunks)
        return subChunks.error();
    if (mainChunks.value() != subChunks.value())
        return Error {Error::Code::Io,
                QStringLiteral("main and sub streams have different GOP counts"), {}};
    QFile complete(work + QStringLiteral("/complete"));
    if (!complete.open(QIODevice::WriteOnly) || !QDir().rename(work, dir))
        return Error {Error::Code::Io, QStringLiteral("cannot finish the cache %1").arg(dir), {}};
    return load(dir);
}

Result<void> MediaCache::encode(const QString& video, const QString& dir, const Progress& progress)
{
    // One decode feeding the three encodes (main, sub, one snapshot a second), every core busy.
    qint64 durationUs = 0;
    {
        cv::VideoCapture capture(video.toStdString(), cv::CAP_FFMPEG);
        const double frames = capture.get(cv::CAP_PROP_FRAME_COUNT);
        const double fps = capture.get(cv::CAP_PROP_FPS);
        if (frames > 0 && fps > 0)
            durationUs = qint64(frames / fps * 1e6);
    }
    const QString graph = QStringLiteral("[0:v]%1,fps=%2,split=3[a][b][c];"
                                         "[a]scale=1920:1080[main];[b]scale=640:360[sub];"
                                         "[c]fps=1,scale=1920:1080[snap]")
                                  .arg(kCrop)
                                  .arg(MediaSet {}.fps);
    return runFfmpeg(QStringList {QStringLiteral("-i"), video, QStringLiteral("-filter_complex"),
                             graph, QStringLiteral("-map"), QStringLiteral("[main]")}
                    + x264Args(QStringLiteral("4M"))
                    + QStringList {dir + QStringLiteral("/main.h264"), QStringLiteral("-map"),
                            QStringLiteral("[sub]")}
                    + x264Args(QStringLiteral("500k"))
                    + QStringList {dir + QStringLiteral("/sub.h264"), QStringLiteral("-map"),
                            QStringLiteral("[snap]"), QStringLiteral("-q:v"), QStringLiteral("4"),
                            dir + QStringLiteral("/snapshot_%04d.jpg")},
            durationUs, [&progress](double share) {
                if (progress)
                    progress(QStringLiteral("encoding"), share * kEncodeShare);
            });
}

Result<void> MediaCache::computeMotion(const QString& dir, const Progress& progress)
{
    // Motion as a camera's own detector would report it: background subtraction on the sub
    // stream, the foreground share averaged per second, thresholded above the footage's usual
    // level.
    cv::VideoCapture capture(
            QString(dir + QStringLiteral("/sub.h264")).toStdString(), cv::CAP_FFMPEG);
    if (!capture.isOpened())
        return Error {
                Error::Code::Io, QStringLiteral("cannot read back the encoded sub stream"), {}};
    const int fps = MediaSet {}.fps;
    auto subtractor = cv::createBackgroundSubtractorMOG2(100, 25, false);
    std::vector<double> perSecond;
    double sum = 0;
    int frames = 0;
    cv::Mat frame, small, mask;
    const double total = std::max(1.0, capture.get(cv::CAP_PROP_FRAME_COUNT));
    while (capture.read(frame)) {
        if (progress && frames % (fps * 10) == 0)
            progress(QStringLiteral("motion"),
                    kEncodeShare + (1 - kEncodeShare) * std::min(1.0, frames / total));
        cv::resize(frame, small, cv::Size(160, 90), 0, 0, cv::INTER_AREA);
        subtractor->apply(small, mask);
        sum += double(cv::countNonZero(mask)) / double(mask.total());
        if (++frames % fps == 0) {
            perSecond.push_back(sum / fps);
            sum = 0;
        }
    }
    if (perSecond.empty())
        return Error {
                Error::Code::Io, QStringLiteral("the footage is shorter than one second"), {}};
    std::vector<double> sorted = perSecond;
    std::sort(sorted.begin(), sorted.end());
    const double threshold = std::max(0.002, sorted.at(sorted.size() * 6 / 10));

    QFile out(dir + QStringLiteral("/motion.txt"));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error {Error::Code::Io, QStringLiteral("cannot write %1").arg(out.fileName()), {}};
    QTextStream stream(&out);
    stream << "# frames " << frames << " fps " << fps << "\n";
    for (double share : perSecond)
        stream << (share > threshold ? 1 : 0) << ' ' << share << '\n';
    return {};
}

Result<int> MediaCache::splitIntoGops(
        const QString& file, const QString& dir, const QString& prefix, bool h265)
{
    // x264 repeats SPS and PPS before every IDR frame: each SPS starts a GOP (x265: each VPS).
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io, QStringLiteral("cannot read %1").arg(file), {}};
    const QByteArray data = in.readAll();
    QList<qsizetype> cuts;
    for (qsizetype i = 0; i + 4 < data.size(); ++i) {
        const bool start = data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1;
        if (start && (h265 ? ((data[i + 3] >> 1) & 0x3f) == 32 : (data[i + 3] & 0x1f) == 7))
            cuts << (i > 0 && data[i - 1] == 0 ? i - 1 : i);
    }
    if (cuts.isEmpty() || cuts.first() > 4096)
        return Error {Error::Code::Io,
                QStringLiteral("%1 has no sequence headers to cut at").arg(file), {}};
    cuts[0] = 0; // keep the leading SEI with the first GOP
    cuts << data.size();
    for (qsizetype i = 0; i + 1 < cuts.size(); ++i) {
        QFile out(QStringLiteral("%1/%2_%3.%4")
                          .arg(dir, prefix)
                          .arg(i, 5, 10, QLatin1Char('0'))
                          .arg(h265 ? QStringLiteral("h265") : QStringLiteral("h264")));
        if (!out.open(QIODevice::WriteOnly)
                || out.write(data.mid(cuts.at(i), cuts.at(i + 1) - cuts.at(i))) < 0)
            return Error {
                    Error::Code::Io, QStringLiteral("cannot write %1").arg(out.fileName()), {}};
    }
    return int(cuts.size() - 1);
}

Result<void> MediaCache::prepareH265(MediaSet& set)
{
    const QString dir = QFileInfo(set.mainH264).absolutePath() + QStringLiteral("-h265");
    QLockFile lock(dir + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.lock())
        return Error {Error::Code::Locked, QStringLiteral("cannot lock the cache %1").arg(dir), {}};
    if (!QFile::exists(dir + QStringLiteral("/complete"))) {
        const QString work = dir + QStringLiteral(".partial");
        QDir(work).removeRecursively();
        QDir(dir).removeRecursively();
        if (!QDir().mkpath(work))
            return Error {
                    Error::Code::NotWritable, QStringLiteral("cannot create %1").arg(work), {}};
        const QString gop = QString::number(MediaSet::kGopFrames);
        if (Result<void> r = runFfmpeg({QStringLiteral("-r"), QString::number(set.fps),
                    QStringLiteral("-i"), set.mainH264, QStringLiteral("-c:v"),
                    QStringLiteral("libx265"), QStringLiteral("-preset"),
                    QStringLiteral("ultrafast"), QStringLiteral("-b:v"), QStringLiteral("2M"),
                    QStringLiteral("-x265-params"),
                    QStringLiteral("keyint=%1:min-keyint=%1:scenecut=0:bframes=0:repeat-headers=1:"
                                   "log-level=error")
                            .arg(gop),
                    QStringLiteral("-f"), QStringLiteral("hevc"),
                    work + QStringLiteral("/main.h265")});
                !r)
            return r;
        const Result<int> chunks = splitIntoGops(
                work + QStringLiteral("/main.h265"), work, QStringLiteral("main"), true);
        if (!chunks)
            return chunks.error();
        QFile complete(work + QStringLiteral("/complete"));
        if (!complete.open(QIODevice::WriteOnly) || !QDir().rename(work, dir))
            return Error {
                    Error::Code::Io, QStringLiteral("cannot finish the cache %1").arg(dir), {}};
    }
    set.mainH265Chunks = dir + QStringLiteral("/main_%05d.h265");
    set.h265ChunkCount
            = int(QDir(dir).entryList({QStringLiteral("main_*.h265")}, QDir::Files).size());
    if (set.h265ChunkCount == 0)
        return Error {
                Error::Code::Corrupt, QStringLiteral("the cache %1 is incomplete").arg(dir), {}};
    return {};
}

Result<MediaSet> MediaCache::load(const QString& dir)
{
    MediaSet set;
    set.mainH264 = dir + QStringLiteral("/main.h264");
    set.subH264 = dir + QStringLiteral("/sub.h264");
    set.mainChunks = dir + QStringLiteral("/main_%05d.h264");
    set.subChunks = dir + QStringLiteral("/sub_%05d.h264");
    set.chunkCount = int(QDir(dir).entryList({QStringLiteral("main_*.h264")}, QDir::Files).size());
    const QStringList snaps
            = QDir(dir).entryList({QStringLiteral("snapshot_*.jpg")}, QDir::Files, QDir::Name);
    for (const QString& s : snaps)
        set.snapshots << dir + u'/' + s;
    QFile motion(dir + QStringLiteral("/motion.txt"));
    if (!motion.open(QIODevice::ReadOnly | QIODevice::Text) || set.snapshots.isEmpty()
            || set.chunkCount == 0)
        return Error {
                Error::Code::Corrupt, QStringLiteral("the cache %1 is incomplete").arg(dir), {}};
    QTextStream stream(&motion);
    int frames = 0;
    while (!stream.atEnd()) {
        const QString line = stream.readLine();
        if (line.startsWith(u'#'))
            frames = line.section(u' ', 2, 2).toInt();
        else if (!line.isEmpty())
            set.motionPerSecond << line.startsWith(u'1');
    }
    set.durationSeconds = double(frames) / set.fps;
    return set;
}

} // namespace vigil::camsim
