#pragma once

#include <QObject>
#include <QSize>
#include <QString>
#include <QVideoFrame>

#include <memory>

namespace vigil::playback {

/// Plays one camera's recorded footage: finds the segment of a UTC time through the catalog
/// (its own read-only connection), opens it at the keyframe before that time through the
/// keyframe index (SegmentReader) and decodes with the live view's VideoDecoder. Segments being
/// written play as far as they are complete. The footage files and catalog are only read: the
/// recorder stays their only writer, and playback costs it nothing.
///
/// The camera's privacy masks are read from the catalog (again at every seek) and blacked out
/// of every picture, as in live view: footage is recorded whole.
///
/// Made to live on a worker thread of its own (one per tile). Requests come from any thread
/// and only the newest counts: while a request is served, a newer one stops it between two
/// packets, so dragging the playhead never queues up work.
///
/// - seek(): exact (the frame shown at that time: the keyframe before it is shown at once,
///   then the decoder goes on to the frame) or keyframe only (fast speeds, reverse, scrubbing
///   far).
/// - advance(): playing forward, driven by a clock shared by every tile: shows the frame at
///   that time, decoding on from where it is (frames it passes are not converted).
/// - step(): the next or previous frame.
class ArchivePlayer : public QObject
{
    Q_OBJECT

public:
    enum class SeekMode { Exact, Keyframe };

    struct Config
    {
        QString catalogPath;
        QString recordingsDir;
        qint64 cameraId = 0;
        QString role = QStringLiteral("main");
        /// Show the keyframe before an exact seek's target while decoding on to it.
        bool previewKeyframe = true;
    };

    explicit ArchivePlayer(Config config, QObject* parent = nullptr);
    ~ArchivePlayer() override;

    /// Frames come out as RGB32 pictures fitting `size`, or as YUV when it is empty.
    void setOutputSize(QSize size);

    void seek(qint64 utcMs, SeekMode mode = SeekMode::Exact);
    void advance(qint64 utcMs);
    void step(int direction);

    qint64 cameraId() const;

Q_SIGNALS:
    /// A picture and its recorded time; `exact` is false for a keyframe shown on the way.
    void frameShown(const QVideoFrame& frame, qint64 utcMs, bool exact);
    /// Nothing was recorded at `utcMs`: `nextMs` is where footage goes on (0: none after),
    /// `reason` why there is none when the recorder said (camera offline, Vigil stopped…).
    void noRecording(qint64 utcMs, qint64 nextMs, const QString& reason);
    /// The footage at `utcMs` cannot be played (a damaged file, an unreadable catalog).
    void failed(qint64 utcMs, const QString& message);

private:
    void work();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil::playback
