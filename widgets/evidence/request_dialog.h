#pragma once

#include "core/catalog/request_store.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace vigil::catalog {
class CameraStore;
class SettingsStore;
} // namespace vigil::catalog

namespace vigil::widgets {

class FootageFields;

/// "New Request": who asks (court, prosecutor, police, citizen, press), the request's number and
/// legal basis, when it came and when it is due (from the settings' days for that requester,
/// changeable), the cameras and time asked for, and notes.
class RequestDialog : public QDialog
{
    Q_OBJECT

public:
    /// `settings` null: the due date is not filled in.
    RequestDialog(catalog::CameraStore& cameras, const catalog::SettingsStore* settings,
            QWidget* parent = nullptr);
    ~RequestDialog() override;
    catalog::RequestRecord request() const;
    void accept() override;

private:
    void updateDue();

    const catalog::SettingsStore* m_settings;
    QLineEdit* m_number = nullptr;
    QComboBox* m_type = nullptr;
    QLineEdit* m_requester = nullptr;
    QLineEdit* m_basis = nullptr;
    QDateEdit* m_received = nullptr;
    QDateEdit* m_due = nullptr;
    std::unique_ptr<FootageFields> m_footage;
    QPlainTextEdit* m_notes = nullptr;
};

} // namespace vigil::widgets
