#include "widgets/security/password_fields.h"

#include "core/security/user_store.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace vigil::widgets {

QLabel* makeErrorLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("error"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

void showError(QLabel* label, const QString& message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

PasswordFields::PasswordFields(QWidget* parent)
    : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    m_first = new QLineEdit(this);
    m_first->setObjectName(QStringLiteral("newPassword"));
    m_first->setEchoMode(QLineEdit::Password);
    m_second = new QLineEdit(this);
    m_second->setObjectName(QStringLiteral("repeatPassword"));
    m_second->setEchoMode(QLineEdit::Password);
    form->addRow(tr("New password:"), m_first);
    form->addRow(tr("Repeat it:"), m_second);
}

QString PasswordFields::password(QString* problem) const
{
    if (m_first->text() != m_second->text()) {
        *problem = tr("The two passwords differ.");
        return {};
    }
    *problem = security::UserStore::passwordProblem(m_first->text());
    return problem->isEmpty() ? m_first->text() : QString();
}

void PasswordFields::clear()
{
    m_first->clear();
    m_second->clear();
}

} // namespace vigil::widgets
