#pragma once

#include <QString>

namespace vigil::runtime {

/// One CSV cell (RFC 4180): quoted when it holds a comma, a quote, a line break or an
/// apostrophe; a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at its start)
/// is prefixed with an apostrophe. For every CSV Vigil writes (audit log, transparency report).
QString csvCell(QString text);

} // namespace vigil::runtime
