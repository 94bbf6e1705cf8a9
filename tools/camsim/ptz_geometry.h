#pragma once

#include <algorithm>

namespace vigil::camsim {

/// The part of the footage a simulated PTZ camera shows: pan/tilt in [-1, 1] move a window whose
/// size shrinks with zoom in [0, 1] (zoom 1 shows a quarter of the width). Margins in pixels of a
/// width x height frame, even, as videocrop and JPEG cropping both want.
struct CropWindow
{
    int left = 0;
    int right = 0;
    int top = 0;
    int bottom = 0;

    static CropWindow forPosition(double pan, double tilt, double zoom, int width, int height)
    {
        const double size = 1.0 / (1.0 + 3.0 * std::clamp(zoom, 0.0, 1.0));
        const int w = int(width * size) & ~1;
        const int h = int(height * size) & ~1;
        CropWindow c;
        c.left = int((width - w) * (std::clamp(pan, -1.0, 1.0) + 1.0) / 2.0) & ~1;
        c.top = int((height - h) * (1.0 - (std::clamp(tilt, -1.0, 1.0) + 1.0) / 2.0)) & ~1;
        c.right = width - w - c.left;
        c.bottom = height - h - c.top;
        return c;
    }
};

} // namespace vigil::camsim
