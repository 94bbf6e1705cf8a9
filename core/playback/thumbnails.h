#pragma once

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>

namespace vigil::playback {

/// Small pictures of recorded footage, for the timeline's hover and search results: the keyframe
/// at or before a time, from the camera's sub stream when it is recorded (smaller to decode),
/// scaled to the size asked. Made on a thread of its own; kept in memory and in a folder on
/// disk (one JPEG per keyframe), so the same moment is decoded once.
class ThumbnailSource : public QObject
{
    Q_OBJECT

public:
    ThumbnailSource(QString catalogPath, QString recordingsDir, QString cacheDir,
            QObject* parent = nullptr);
    ~ThumbnailSource() override;

    /// Asks for the picture of `cameraId` at `utcMs`; the newest requests are served first and
    /// at most `kMaxPending` wait (older ones are dropped: the user moved on).
    void request(qint64 cameraId, qint64 utcMs, QSize size);
    static constexpr int kMaxPending = 64;

Q_SIGNALS:
    /// `utcMs` as asked; `keyframeMs` the time of the picture; null image: nothing recorded.
    void ready(qint64 cameraId, qint64 utcMs, qint64 keyframeMs, const QImage& image);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil::playback
