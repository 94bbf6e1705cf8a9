#pragma once

#include "core/catalog/camera_store.h"
#include "widgets/feature_page.h"
#include "widgets/page_context.h"

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace vigil::security {
class CameraAdmin;
}

namespace vigil::widgets {

class EmptyState;

/// Settings: cameras, language, and where Vigil keeps its data.
class SettingsPage : public FeaturePage
{
    Q_OBJECT

public:
    SettingsPage(const PageContext& context, QWidget* parent);

    PageId id() const override { return PageId::Settings; }
    QString title() const override;
    QIcon icon() const override;

    EmptyState* camerasEmptyState() const { return m_camerasEmpty; }
    QTableWidget* cameraTable() const { return m_cameraTable; }
    /// Opens the recording settings of the camera in `row` of the table; saved when accepted.
    void editRecording(int row);
    /// Asks for a new name of the camera in `row`.
    void renameCamera(int row);
    /// Opens the login and streams of the camera in `row`, checked live before they are saved.
    void editConnection(int row);
    /// Disables the camera in `row` when it is enabled, else enables it.
    void toggleEnabled(int row);
    /// Asks, then removes the camera in `row`; its footage stays until retention.
    void removeCamera(int row);
    /// Opens the privacy mask editor of the camera in `row`.
    void editPrivacyMasks(int row);
    void showUsers();
    void showAuditLog();
    void saveTransparencyReport();
    /// Shows only what the session's user may do.
    void applyPermissions();
    /// Camera changes checked and audited in core.
    security::CameraAdmin cameraAdmin() const;
    /// What the Status column says of `camera`; `detailed`: with why it is offline.
    QString statusText(const catalog::CameraRecord& camera, bool detailed) const;

Q_SIGNALS:
    /// A camera was changed (renamed, enabled, removed, its login, streams or recording
    /// settings): the recorder should pick it up.
    void camerasChanged();

public:
    QComboBox* languageCombo() const { return m_language; }

private:
    void saveLanguage();
    void updateStorage();
    /// Lists the cameras again from the catalog, and shows them.
    void updateCameras();
    /// Shows the cameras as last listed, with what the recorder says of each.
    void showCameras();
    void updateButtons();
    /// The camera in `row` of the table, as the catalog has it now.
    std::optional<catalog::CameraRecord> cameraAt(int row) const;
    /// Reports a failed change; on success refreshes the table and tells the recorder.
    void changed(const Result<void>& result, const QString& title);

    PageContext m_context;
    EmptyState* m_camerasEmpty = nullptr;
    QTableWidget* m_cameraTable = nullptr;
    QWidget* m_cameraButtons = nullptr;
    QPushButton* m_enableButton = nullptr;
    QList<catalog::CameraRecord> m_cameras; ///< as last listed
    QString m_camerasShown; ///< what the table shows, to rebuild it only when it changes
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QLabel* m_storage = nullptr;
    QWidget* m_security = nullptr;
};

} // namespace vigil::widgets
