#include "media_cache.h"

#include <QCryptographicHash>
#include <QDateTime>
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
constexpr int kCacheVersion = 2;

// Crop to 16:9 first (real sensors are 16:9), then scale.
const QString kCrop = QStringLiteral("crop='min(iw,ih*16/9)':'min(ih,iw*9/16)'");

Result<void> runFfmpeg(const QStringList& args)
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty())
        return Error {Error::Code::NotFound,
                QStringLiteral("ffmpeg is not installed (run tools/setup)"), {}};
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ffmpeg,
            QStringList {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin"),
                    QStringLiteral("-y")}
                    + args);
    if (!process.waitForFinished(10 * 60 * 1000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
        return Error {Error::Code::Io, QStringLiteral("encoding the simulator footage failed"),
                QString::fromLocal8Bit(process.readAll()).right(2000)};
    }
    return {};
}

QStringList x264Args(const QString& bitrate)
{
    const QString gop = QString::number(MediaSet::kGopFrames);
    return {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
            QStringLiteral("veryfast"), QStringLiteral("-profile:v"), QStringLiteral("main"),
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

Result<MediaSet> MediaCache::prepare(const QString& video, const QString& cacheDir)
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
    if (Result<void> r = encode(source.absoluteFilePath(), work); !r)
        return r.error();
    if (Result<void> r = computeMotion(work); !r)
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

Result<void> MediaCache::encode(const QString& video, const QString& dir)
{
    const QString fps = QStringLiteral("fps=%1").arg(MediaSet {}.fps);
    if (Result<void> r = runFfmpeg(QStringList {QStringLiteral("-i"), video, QStringLiteral("-vf"),
                                           kCrop + u',' + fps + QStringLiteral(",scale=1920:1080")}
                + x264Args(QStringLiteral("4M"))
                + QStringList {dir + QStringLiteral("/main.h264")});
            !r)
        return r;
    if (Result<void> r = runFfmpeg(QStringList {QStringLiteral("-i"), video, QStringLiteral("-vf"),
                                           kCrop + u',' + fps + QStringLiteral(",scale=640:360")}
                + x264Args(QStringLiteral("500k"))
                + QStringList {dir + QStringLiteral("/sub.h264")});
            !r)
        return r;
    return runFfmpeg({QStringLiteral("-i"), video, QStringLiteral("-vf"),
            kCrop + QStringLiteral(",fps=1,scale=1920:1080"), QStringLiteral("-q:v"),
            QStringLiteral("4"), dir + QStringLiteral("/snapshot_%04d.jpg")});
}

Result<void> MediaCache::computeMotion(const QString& dir)
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
    while (capture.read(frame)) {
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
        const QString& file, const QString& dir, const QString& prefix)
{
    // x264 repeats SPS and PPS before every IDR frame: each SPS starts a GOP.
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return Error {Error::Code::Io, QStringLiteral("cannot read %1").arg(file), {}};
    const QByteArray data = in.readAll();
    QList<qsizetype> cuts;
    for (qsizetype i = 0; i + 4 < data.size(); ++i) {
        if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1 && (data[i + 3] & 0x1f) == 7)
            cuts << (i > 0 && data[i - 1] == 0 ? i - 1 : i);
    }
    if (cuts.isEmpty() || cuts.first() > 4096)
        return Error {Error::Code::Io,
                QStringLiteral("%1 has no sequence headers to cut at").arg(file), {}};
    cuts[0] = 0; // keep the leading SEI with the first GOP
    cuts << data.size();
    for (qsizetype i = 0; i + 1 < cuts.size(); ++i) {
        QFile out(QStringLiteral("%1/%2_%3.h264").arg(dir, prefix).arg(i, 5, 10, QLatin1Char('0')));
        if (!out.open(QIODevice::WriteOnly)
                || out.write(data.mid(cuts.at(i), cuts.at(i + 1) - cuts.at(i))) < 0)
            return Error {
                    Error::Code::Io, QStringLiteral("cannot write %1").arg(out.fileName()), {}};
    }
    return int(cuts.size() - 1);
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
