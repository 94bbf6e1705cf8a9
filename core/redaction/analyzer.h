#pragma once

#include "core/redaction/redaction_log.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSize>
#include <QString>

#include <functional>

namespace vigil::redaction {

struct AnalysisOptions
{
    bool faces = true;
    bool plates = true;
    /// Every frame, at a larger scale: finds smaller faces (down to about 24 pixels), several
    /// times slower. The standard pass finds faces from about 40 pixels. Implies `heads`.
    bool thorough = false;
    /// The heads of people too far away for the face detector: people found by OpenCV's HOG
    /// people detector (Daimler), the top of each hidden as a head.
    bool heads = false;
};

struct Analysis
{
    QList<Track> tracks;
    int frames = 0;
    QSize size;
    QJsonObject detectors; ///< names, model files and their SHA-256, settings
    /// Where the time went (wall milliseconds), for benchmarks.
    qint64 decodeMs = 0;
    qint64 faceMs = 0;
    qint64 textMs = 0;
};

/// Finds what must be hidden in a clip, on this PC: faces (BlazeFace) and licence plates and
/// other text (the PP-OCRv4 text detector), on downscaled pictures. Detectors run every few
/// frames on the parts of the picture that moved since, and on the whole picture every two
/// seconds; tracks (buildTracks) fill the frames between, forwards and backwards. Nothing here
/// recognises anyone: a face is a box, never compared with another.
class Analyzer
{
    Q_DECLARE_TR_FUNCTIONS(vigil::redaction::Analyzer)

public:
    /// Called with the share done (0…1); returning false cancels.
    using Progress = std::function<bool(double)>;

    static Result<Analysis> run(
            const QString& video, const AnalysisOptions& options, const Progress& progress = {});
    /// About how long a redacted export of `videoMs` of video takes on this kind of PC (two
    /// cores) with `options`: analysis and rendering, from their measured cost per frame.
    static qint64 estimateMs(
            qint64 videoMs, QSize size, double fps, const AnalysisOptions& options);
    /// Where the detector models are: $VIGIL_MODELS_DIR, else share/vigil/models beside the
    /// program's folder.
    static QString modelsDir();
};

} // namespace vigil::redaction
