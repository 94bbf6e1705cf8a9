#include "widgets/security/login_dialog.h"

#include "core/security/session.h"
#include "widgets/security/password_fields.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::widgets {

LoginDialog::LoginDialog(security::Session& session, Mode mode, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("loginDialog"));
    setMinimumWidth(460);
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    auto* form = new QFormLayout;
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_ok->setDefault(true);
    m_switch = buttons->addButton(tr("Log In as Someone Else"), QDialogButtonBox::ActionRole);
    buttons->addButton(tr("Quit Vigil"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    connect(m_switch, &QPushButton::clicked, this, [this] { setMode(Mode::Login); });
    layout->addWidget(buttons);
    setMode(mode);
}

void LoginDialog::setMode(Mode mode)
{
    m_mode = mode;
    const bool unlock = mode == Mode::Unlock;
    setWindowTitle(unlock ? tr("Vigil Is Locked") : tr("Log In to Vigil"));
    m_title->setText(unlock
                    ? tr("Vigil is locked. Recording goes on. Enter the password of %1 to go on "
                         "working.")
                              .arg(m_session.principal().login)
                    : tr("Footage of this town's cameras is protected. Log in with your Vigil "
                         "user name and password."));
    m_ok->setText(unlock ? tr("&Unlock") : tr("&Log In"));
    m_switch->setVisible(unlock);
    m_user->setText(unlock ? m_session.principal().login : QString());
    m_user->setReadOnly(unlock);
    m_password->clear();
    m_error->hide();
    (unlock ? m_password : m_user)->setFocus();
}

void LoginDialog::accept()
{
    const QString password = m_password->text();
    m_password->clear();
    Result<void> done;
    if (m_mode == Mode::Unlock) {
        done = m_session.unlock(password);
    } else {
        const Result<security::Principal> who = m_session.logIn(m_user->text().trimmed(), password);
        if (!who)
            done = who.error();
    }
    if (!done) {
        showError(m_error, done.error().message);
        m_password->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace vigil::widgets
