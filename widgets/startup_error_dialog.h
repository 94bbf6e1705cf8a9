#pragma once

#include "core/result.h"

class QWidget;

namespace vigil::widgets {

/// Shows why Vigil cannot start (bad data folder, damaged or locked catalog …) in a modal,
/// translated message box, with the technical detail under "Show Details…".
void showStartupError(const Error& error, QWidget* parent = nullptr);

} // namespace vigil::widgets
