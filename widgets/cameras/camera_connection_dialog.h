#pragma once

#include "core/catalog/camera_store.h"
#include "core/setup/camera_editor.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil::widgets {

/// How Vigil reaches one camera: its user name and password, checked live with the camera before
/// they are kept, and — for an ONVIF camera — which of its streams are recorded. Opening it
/// checks the login Vigil has, so the camera's streams are there to choose from.
class CameraConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    CameraConnectionDialog(
            const catalog::CameraRecord& camera, setup::CameraEditor& editor, QWidget* parent);

    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* passwordEdit() const { return m_password; }
    QPushButton* checkButton() const { return m_checkButton; }
    QComboBox* mainCombo() const { return m_main; }
    QComboBox* subCombo() const { return m_sub; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* saveButton() const;
    bool isChecking() const { return m_editor.isChecking(); }

    void check();
    void accept() override;

private:
    void onChecked(const Result<setup::ConnectionCheck>& result);
    void loginEdited();
    void render();

    catalog::CameraRecord m_camera;
    setup::CameraEditor& m_editor;
    /// The last successful check, while the user name and password are still those it used.
    std::optional<setup::ConnectionCheck> m_checked;
    QString m_checkedLogin; ///< user and password the running check uses, to drop stale answers
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QPushButton* m_checkButton = nullptr;
    QLabel* m_status = nullptr;
    QComboBox* m_main = nullptr;
    QComboBox* m_sub = nullptr;
    QCheckBox* m_recordSub = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace vigil::widgets
