#pragma once

#include <QString>
#include <QVariant>

namespace vigil::catalog {

/// A text column's bind value: a null QString would bind as SQL NULL, but text columns are
/// NOT NULL with '' for "none".
inline QVariant textValue(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

} // namespace vigil::catalog
