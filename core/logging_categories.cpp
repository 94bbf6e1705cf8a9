#include "core/logging_categories.h"

Q_LOGGING_CATEGORY(lcApp, "vigil.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCatalog, "vigil.catalog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOnvif, "vigil.onvif", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRecording, "vigil.recording", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "vigil.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRuntime, "vigil.runtime", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStatus, "vigil.status", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "vigil.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEvidence, "vigil.evidence", QtInfoMsg)
