#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil::security {
class Session;
}

namespace vigil::widgets {

/// Asks for a user name and password: at start (Login), or to open the window after the idle
/// lock (Unlock: the same user's password; "Log In as Someone Else" switches to Login). A wrong
/// password says so and keeps the dialog open; the lockout's waiting time is shown as it is.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Login, Unlock };

    LoginDialog(security::Session& session, Mode mode, QWidget* parent = nullptr);

    QLineEdit* userField() const { return m_user; }
    QLineEdit* passwordField() const { return m_password; }
    QLabel* errorLabel() const { return m_error; }
    QPushButton* okButton() const { return m_ok; }

    void accept() override;

private:
    void setMode(Mode mode);

    security::Session& m_session;
    Mode m_mode;
    QLabel* m_title = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_ok = nullptr;
    QPushButton* m_switch = nullptr;
};

} // namespace vigil::widgets
