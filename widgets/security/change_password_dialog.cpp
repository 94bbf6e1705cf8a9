#include "widgets/security/change_password_dialog.h"

#include "core/security/session.h"
#include "widgets/security/password_fields.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace vigil::widgets {

ChangePasswordDialog::ChangePasswordDialog(security::Session& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Change Your Password"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
            tr("The password of %1. At least eight characters; a sentence is easy to remember "
               "and hard to guess.")
                    .arg(session.principal().login),
            this));
    auto* form = new QFormLayout;
    m_current = new QLineEdit(this);
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_current->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Current password:"), m_current);
    layout->addLayout(form);
    m_new = new PasswordFields(this);
    layout->addWidget(m_new);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);
    layout->addWidget(buttons);
}

void ChangePasswordDialog::accept()
{
    QString problem;
    const QString password = m_new->password(&problem);
    if (password.isEmpty()) {
        showError(m_error, problem);
        return;
    }
    const Result<void> changed = m_session.changePassword(m_current->text(), password);
    m_current->clear();
    if (!changed) {
        showError(m_error, changed.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace vigil::widgets
