#pragma once

#include "core/security/user_store.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace vigil::catalog {
class CameraStore;
}
namespace vigil::security {
class Session;
}

namespace vigil::widgets {

/// Settings ▸ Users: who may use Vigil and what each may do. Users are added, given a role and
/// cameras, disabled and enabled again, never deleted (the audit log names them). Every change
/// goes through security::UserAdmin: checked and audited in core.
class UsersDialog : public QDialog
{
    Q_OBJECT

public:
    UsersDialog(
            security::Session& session, catalog::CameraStore& cameras, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    /// The dialogs behind the buttons, for the row selected.
    void addUser();
    void changeRole();
    void toggleDisabled();
    void resetPassword();
    void chooseCameras();

Q_SIGNALS:
    void usersChanged();

private:
    void reload();
    std::optional<security::UserRecord> selected() const;
    /// Says a failure, or reloads the list.
    void changed(const Result<void>& result);

    security::Session& m_session;
    catalog::CameraStore& m_cameras;
    QList<security::UserRecord> m_users;
    QTableWidget* m_table = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_disable = nullptr;
};

} // namespace vigil::widgets
