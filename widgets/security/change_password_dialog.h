#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace vigil::security {
class Session;
}

namespace vigil::widgets {

class PasswordFields;

/// The logged-in user changes their own password (the current one is asked first).
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ChangePasswordDialog(security::Session& session, QWidget* parent = nullptr);

    QLineEdit* currentField() const { return m_current; }
    PasswordFields* newFields() const { return m_new; }
    QLabel* errorLabel() const { return m_error; }
    void accept() override;

private:
    security::Session& m_session;
    QLineEdit* m_current = nullptr;
    PasswordFields* m_new = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace vigil::widgets
