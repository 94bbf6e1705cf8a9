#include "core/runtime/csv.h"

namespace vigil::runtime {

QString csvCell(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u'"') || text.contains(u',') || text.contains(u'\n') || text.contains(u'\r')
            || text.contains(u'\'')) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        text = u'"' + text + u'"';
    }
    return text;
}

} // namespace vigil::runtime
