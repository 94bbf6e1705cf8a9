#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QRect>
#include <QString>

namespace vigil::redaction {

/// What a track hides. A Mask is a camera's privacy mask: hidden always, inverted or not.
enum class TrackKind { Face, Plate, Head, Region, Mask };
/// The shape hidden inside a track's box.
enum class Shape { Rectangle, Ellipse };
/// What the redacted video does with the original's sound.
enum class AudioMode { Remove, Keep };

/// A stretch of the clip, in milliseconds from its first frame.
struct TimeRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool operator==(const TimeRange&) const = default;
};

/// Frames first…last (inclusive).
struct FrameRange
{
    int first = 0;
    int last = 0;
    bool operator==(const FrameRange&) const = default;
};
/// How it is hidden. A solid box is the default: blur and pixelation can sometimes be undone.
enum class Effect { Solid, Pixelate, Blur };

/// One thing followed through a clip: a face, a plate, a drawn region. Boxes are in the video's
/// pixels, per frame index (frames in decoding order of the original, from 0); a frame without a
/// box is not hidden by this track.
struct Track
{
    int id = 0;
    TrackKind kind = TrackKind::Face;
    bool enabled = true; ///< off: shown (the reviewer decided it needs no hiding)
    bool manual = false; ///< drawn by a person, not found by a detector
    Shape shape = Shape::Rectangle;
    /// Frames on which a detector found it (the rest are filled in between); a track found
    /// once may be no face at all, which the reviewer decides. 0 for what a person drew.
    int hits = 0;
    QMap<int, QRect> boxes;
    /// A drawn region's boxes as the person placed them; `boxes` holds them and the frames in
    /// between, interpolated (track_edit.h). Empty for what a detector found.
    QMap<int, QRect> keyframes;

    int firstFrame() const { return boxes.isEmpty() ? -1 : boxes.firstKey(); }
    int lastFrame() const { return boxes.isEmpty() ? -1 : boxes.lastKey(); }
    bool operator==(const Track&) const = default;
};

/// Everything needed to render a redacted video again from its original, bit for bit: the
/// tracks with their boxes, the effect, the encoder's fixed settings, who reviewed it. Written
/// into an evidence package as `redaction.json`.
struct RedactionLog
{
    Q_DECLARE_TR_FUNCTIONS(vigil::redaction::RedactionLog)

public:
    QString original; ///< the original's file name in the package
    QByteArray originalSha256; ///< hex
    int width = 0;
    int height = 0;
    int frames = 0;
    Effect effect = Effect::Solid;
    bool invert = false; ///< hide everything but the enabled tracks
    AudioMode audio = AudioMode::Remove;
    /// With the sound kept, these stretches are silent.
    QList<TimeRange> muted;
    /// The frames the reviewer looked at in the editor (for the coverage summary).
    QList<FrameRange> seen;
    QList<Track> tracks;
    /// Detector names, model files with their SHA-256, settings (as the analyser wrote them).
    QJsonObject detectors;
    QString reviewedBy; ///< login; empty when nobody reviewed (automatic export)
    qint64 reviewedMs = 0;

    QJsonObject toJson() const;
    static Result<RedactionLog> fromJson(const QJsonObject& json);

    static QString kindKey(TrackKind kind);
    static std::optional<TrackKind> kindFromKey(const QString& key);
    static QString effectKey(Effect effect);
    static std::optional<Effect> effectFromKey(const QString& key);
};

} // namespace vigil::redaction
