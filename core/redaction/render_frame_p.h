#pragma once

// For core/redaction's .cpp files: hiding a frame's tracks in its YUV 4:2:0 planes, shared by
// the Renderer (what goes into the package) and ClipFrames (the editor's preview), so that the
// preview shows exactly what the package will hold.

#include "core/media/av_p.h"
#include "core/redaction/track_edit.h"

namespace vigil::redaction {

/// `work` holds a copy of `source`; the shapes are hidden in it by `effect`. With `invert`,
/// everything is hidden except the tracks' shapes; the privacy masks are hidden always.
void redactFrame(AVFrame* work, const AVFrame* source, const FrameShapes& shapes, Effect effect,
        bool invert);

} // namespace vigil::redaction
