#include "core/playback/thumbnails.h"

#include "core/catalog/camera_store.h"
#include "core/catalog/catalog.h"
#include "core/catalog/segment_store.h"
#include "core/media/privacy_mask.h"
#include "core/media/video_decoder.h"
#include "core/playback/reader_p.h"
#include "core/playback/segment_reader.h"

#include <QCache>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <deque>
#include <mutex>

namespace vigil::playback {

namespace {

struct Ask
{
    qint64 cameraId = 0;
    qint64 utcMs = 0;
    QSize size;
};

/// The keyframe at or before `utcMs` of a stream: its segment and entry.
struct Key
{
    catalog::SegmentRecord segment;
    catalog::KeyframeEntry entry;
    qint64 utcMs = 0;
};

} // namespace

struct ThumbnailSource::Private
{
    QString catalogPath;
    QString recordingsDir;
    QString cacheDir;
    QThread thread;
    QObject* worker = nullptr;
    std::mutex mutex;
    std::deque<Ask> pending; ///< newest at the back
    bool scheduled = false;
    // The worker thread's.
    std::unique_ptr<catalog::Catalog> catalog;
    QCache<QString, QImage> memory {256};

    std::optional<Key> keyframeAt(qint64 cameraId, qint64 utcMs)
    {
        const catalog::SegmentStore store(*catalog);
        for (const QString& role : {QStringLiteral("sub"), QStringLiteral("main")}) {
            const Result<qint64> stream = store.streamId(cameraId, role);
            if (!stream || stream.value() <= 0)
                continue;
            const auto rows = store.streamSegments(stream.value(), utcMs, utcMs + 1);
            if (!rows)
                continue;
            for (const catalog::SegmentRecord& s : rows.value()) {
                if (s.startMs > utcMs)
                    continue;
                QList<catalog::KeyframeEntry> keys = catalog::unpackKeyframes(s.keyframes);
                if (keys.isEmpty()) {
                    const auto scanned
                            = SegmentReader::scanKeyframes(recordingsDir + u'/' + s.path);
                    if (scanned)
                        keys = scanned.value();
                }
                if (keys.isEmpty())
                    continue;
                catalog::KeyframeEntry found = keys.first();
                for (const catalog::KeyframeEntry& k : std::as_const(keys)) {
                    if (s.startMs + k.offsetMs > utcMs)
                        break;
                    found = k;
                }
                return Key {s, found, s.startMs + found.offsetMs};
            }
        }
        return std::nullopt;
    }

    QImage decode(const Key& key, QSize size, const media::PrivacyMask& mask)
    {
        Result<std::unique_ptr<SegmentReader>> reader
                = SegmentReader::open(recordingsDir + u'/' + key.segment.path, key.entry.bytePos);
        if (!reader)
            return {};
        const VideoTrack& track = reader.value()->video();
        media::VideoDecoder decoder(track.codec, track.extradata, track.size);
        decoder.setOutputSize(size);
        decoder.setPrivacyMask(mask); // the camera's masks, as every picture shown
        QImage image;
        QObject::connect(&decoder, &media::VideoDecoder::frameDecoded,
                [&image](const QVideoFrame& source, QSize) {
                    // RGB32 already (the output size is set): copied out of the frame, as
                    // QVideoFrame::toImage() needs a GUI application.
                    QVideoFrame frame(source);
                    if (!image.isNull() || !frame.map(QVideoFrame::ReadOnly))
                        return;
                    image = QImage(frame.bits(0), frame.width(), frame.height(),
                            frame.bytesPerLine(0), QImage::Format_RGB32)
                                    .copy();
                    frame.unmap();
                });
        const Result<std::optional<ArchivePacket>> packet = reader.value()->next();
        if (!packet || !packet.value())
            return {};
        decoder.decode(packet.value()->packet);
        decoder.flush();
        return image;
    }

    void serve()
    {
        for (;;) {
            Ask ask;
            {
                const std::lock_guard lock(mutex);
                if (pending.empty()) {
                    scheduled = false;
                    return;
                }
                ask = pending.back();
                pending.pop_back();
            }
            if (!openReader(catalog, catalogPath)) {
                const std::lock_guard lock(mutex);
                scheduled = false;
                return;
            }
            QImage image;
            qint64 keyMs = 0;
            if (const std::optional<Key> key = keyframeAt(ask.cameraId, ask.utcMs)) {
                keyMs = key->utcMs;
                // The masks are part of the picture: another mask, another cached file.
                const Result<QString> masks
                        = catalog::CameraStore(*catalog).privacyMasks(ask.cameraId);
                const QString maskJson = masks ? masks.value() : QStringLiteral("unreadable");
                const media::PrivacyMask mask = media::PrivacyMask::forCatalog(maskJson);
                const QString name = QStringLiteral("%1/%2-%3-%4x%5-%6.jpg")
                                             .arg(ask.cameraId)
                                             .arg(key->segment.role)
                                             .arg(key->utcMs)
                                             .arg(ask.size.width())
                                             .arg(ask.size.height())
                                             .arg(qHash(maskJson), 0, 16);
                if (const QImage* cached = memory.object(name)) {
                    image = *cached;
                } else if (!cacheDir.isEmpty() && image.load(cacheDir + u'/' + name)) {
                    memory.insert(name, new QImage(image));
                } else {
                    image = decode(*key, ask.size, mask);
                    if (!image.isNull()) {
                        memory.insert(name, new QImage(image));
                        if (!cacheDir.isEmpty()) {
                            QDir().mkpath(QFileInfo(cacheDir + u'/' + name).absolutePath());
                            image.save(cacheDir + u'/' + name, "JPG", 80);
                        }
                    }
                }
            }
            Q_EMIT q->ready(ask.cameraId, ask.utcMs, keyMs, image);
        }
    }
    ThumbnailSource* q = nullptr;
};

ThumbnailSource::ThumbnailSource(
        QString catalogPath, QString recordingsDir, QString cacheDir, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->catalogPath = std::move(catalogPath);
    d->recordingsDir = std::move(recordingsDir);
    d->cacheDir = std::move(cacheDir);
    d->worker = new QObject;
    d->worker->moveToThread(&d->thread);
    d->thread.setObjectName(QStringLiteral("thumbnails"));
    d->thread.start();
}

ThumbnailSource::~ThumbnailSource()
{
    {
        const std::lock_guard lock(d->mutex);
        d->pending.clear();
    }
    QMetaObject::invokeMethod(d->worker, [this] {
        d->catalog.reset();
        d->memory.clear();
        delete d->worker;
    });
    d->thread.quit();
    d->thread.wait();
}

void ThumbnailSource::request(qint64 cameraId, qint64 utcMs, QSize size)
{
    {
        const std::lock_guard lock(d->mutex);
        d->pending.push_back(Ask {cameraId, utcMs, size});
        while (int(d->pending.size()) > kMaxPending)
            d->pending.pop_front();
        if (d->scheduled)
            return;
        d->scheduled = true;
    }
    QMetaObject::invokeMethod(d->worker, [this] { d->serve(); });
}

} // namespace vigil::playback
