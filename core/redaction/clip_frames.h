#pragma once

#include "core/redaction/redaction_log.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include <memory>

namespace vigil::redaction {

/// A clip's frames by index, for the redaction editor: exact seeking (to the keyframe before,
/// then decoded forwards), quick stepping to the next frame, and the same frame with a
/// redaction log's tracks hidden exactly as the Renderer hides them (the preview).
class ClipFrames
{
    Q_DECLARE_TR_FUNCTIONS(vigil::redaction::ClipFrames)

public:
    static Result<std::unique_ptr<ClipFrames>> open(const QString& path);
    ~ClipFrames();

    int frameCount() const;
    QSize size() const;
    /// Milliseconds from the first frame to frame `index`.
    qint64 msAt(int index) const;
    /// The frame shown at `ms` from the first frame.
    int indexAt(qint64 ms) const;

    /// Frame `index` as RGB; with `log`, its tracks hidden (the preview). A null image when
    /// the frame cannot be decoded.
    QImage frame(int index, const RedactionLog* log = nullptr);

private:
    ClipFrames();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace vigil::redaction
