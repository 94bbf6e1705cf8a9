#pragma once

#include <QLoggingCategory>

// One category per subsystem (STYLE.md §12). Enable with QT_LOGGING_RULES, e.g.
// QT_LOGGING_RULES="vigil.catalog.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)
Q_DECLARE_LOGGING_CATEGORY(lcOnvif)
Q_DECLARE_LOGGING_CATEGORY(lcRecording)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcRuntime)
Q_DECLARE_LOGGING_CATEGORY(lcStatus)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
