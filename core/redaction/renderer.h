#pragma once

#include "core/redaction/redaction_log.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace vigil::redaction {

/// Renders a redacted video from its original and a redaction log: every enabled track's box
/// hidden on its frames (or, inverted, everything but them), encoded as H.264 by libx264 with
/// fixed settings and thread count, muxed bit-exact. The same original, log and libraries give
/// the same bytes: `vigilctl redact --replay` renders again and compares the SHA-256.
///
/// The file keeps the original's times and creation_time and nothing else of its metadata. The
/// sound is left out, or (AudioMode::Keep) copied packet for packet with the muted stretches
/// replaced by silence in the same codec.
class Renderer
{
    Q_DECLARE_TR_FUNCTIONS(vigil::redaction::Renderer)

public:
    /// Called with the share done (0…1); returning false cancels (the output is removed).
    using Progress = std::function<bool(double)>;

    static Result<void> run(const QString& original, const RedactionLog& log,
            const QString& outPath, const Progress& progress = {});
    /// The encoder and its settings, for the log.
    static QJsonObject encoderSettings();
};

} // namespace vigil::redaction
