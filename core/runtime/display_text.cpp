#include "core/runtime/display_text.h"

namespace vigil::runtime {

namespace {

bool mustEscape(char16_t c)
{
    const bool control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    const bool bidi = c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
            || (c >= 0x2066 && c <= 0x2069);
    return control || bidi;
}

} // namespace

QString displaySafe(const QString& text, int maxLength)
{
    QString out;
    out.reserve(qMin(text.size(), qsizetype(maxLength)));
    for (const QChar c : text) {
        if (out.size() >= maxLength)
            break;
        const char16_t u = c.unicode();
        if (u == u'\n' || u == u'\r' || u == u'\t')
            out += u' ';
        else if (mustEscape(u))
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (out.size() > maxLength || (out.size() == maxLength && text.size() > maxLength)) {
        out.truncate(maxLength - 1);
        out += QChar(0x2026); // …
    }
    return out;
}

} // namespace vigil::runtime
