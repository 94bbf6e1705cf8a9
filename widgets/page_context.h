#pragma once

#include <QString>

class QAction;

namespace vigil::catalog {
class CameraStore;
class SettingsStore;
} // namespace vigil::catalog
namespace vigil::control {
class LiveChannel;
}
namespace vigil::evidence {
class Approvals;
class Requests;
} // namespace vigil::evidence
namespace vigil::playback {
class Bookmarks;
}
namespace vigil::security {
class Session;
}
namespace vigil::setup {
class CameraEditor;
}
namespace vigil::status {
class SystemStatus;
}

namespace vigil::widgets {

/// The core services and shared actions pages may use. Owned by the application, which outlives
/// the main window.
struct PageContext
{
    QAction* addCamerasAction = nullptr;
    status::SystemStatus* status = nullptr;
    catalog::SettingsStore* settings = nullptr;
    catalog::CameraStore* cameras = nullptr;
    setup::CameraEditor* cameraEditor = nullptr;
    control::LiveChannel* live = nullptr; ///< live video from the recorder; null: none
    /// Who uses the window (permission checks and the audit log); null: a window without
    /// accountability (a test of one page).
    security::Session* session = nullptr;
    /// Bookmarks, checked and audited as the session's user; null: none (a page tested alone).
    playback::Bookmarks* bookmarks = nullptr;
    /// Records requests, checked and audited as the session's user; null: none.
    evidence::Requests* requests = nullptr;
    /// Approvals of originals given later, checked and audited as the session's user; null:
    /// none.
    evidence::Approvals* approvals = nullptr;
    QString dataDir;
    QString catalogPath;
    QString recordingsPath;
    int schemaVersion = 0;
};

} // namespace vigil::widgets
