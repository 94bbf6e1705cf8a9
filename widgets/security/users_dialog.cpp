#include "widgets/security/users_dialog.h"

#include "core/catalog/camera_store.h"
#include "core/security/session.h"
#include "core/security/user_admin.h"
#include "widgets/security/password_fields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::widgets {

using security::Access;
using security::Role;

namespace {

const QList<Role> kRoles {Role::Administrator, Role::Supervisor, Role::Clerk, Role::Viewer};

QComboBox* roleCombo(QWidget* parent, Role current)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("role"));
    for (Role role : kRoles)
        combo->addItem(Access::roleName(role), int(role));
    combo->setCurrentIndex(int(kRoles.indexOf(current)));
    return combo;
}

/// A dialog of `content` with OK and Cancel; `check` says what is wrong, or "" to accept.
bool runForm(QWidget* parent, const QString& title, QWidget* content,
        const std::function<QString()>& check)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto* layout = new QVBoxLayout(&dialog);
    content->setParent(&dialog);
    layout->addWidget(content);
    QLabel* error = makeErrorLabel(&dialog);
    layout->addWidget(error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const QString problem = check();
        if (problem.isEmpty())
            dialog.accept();
        else
            showError(error, problem);
    });
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace

UsersDialog::UsersDialog(security::Session& session, catalog::CameraStore& cameras, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_cameras(cameras)
{
    setObjectName(QStringLiteral("usersDialog"));
    setWindowTitle(tr("Users"));
    resize(760, 420);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
            tr("Each person has their own login. The role decides what they may do; users are "
               "disabled, never deleted, so that the audit log can always name them."),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels(
            {tr("User"), tr("Name"), tr("Role"), tr("Cameras"), tr("Last login")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    auto* row = new QHBoxLayout;
    const auto button = [&](const QString& text, void (UsersDialog::*slot)()) {
        auto* b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        row->addWidget(b);
        return b;
    };
    button(tr("Add User…"), &UsersDialog::addUser);
    button(tr("Role…"), &UsersDialog::changeRole);
    button(tr("Cameras…"), &UsersDialog::chooseCameras);
    button(tr("Reset Password…"), &UsersDialog::resetPassword);
    m_disable = button(tr("Disable"), &UsersDialog::toggleDisabled);
    row->addStretch();
    auto* close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    row->addWidget(close);
    layout->addLayout(row);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const std::optional<security::UserRecord> user = selected();
        m_disable->setText(user && user->disabled ? tr("Enable") : tr("Disable"));
    });
    reload();
}

void UsersDialog::reload()
{
    const Result<QList<security::UserRecord>> users = security::UserAdmin(m_session).list();
    if (!users) {
        showError(m_error, users.error().message);
        return;
    }
    m_users = users.value();
    m_table->setRowCount(int(m_users.size()));
    for (int i = 0; i < m_users.size(); ++i) {
        const security::UserRecord& u = m_users.at(i);
        const QString role = u.disabled ? tr("%1 (disabled)").arg(Access::roleName(u.role))
                                        : Access::roleName(u.role);
        const QString cameras
                = u.allCameras ? tr("All") : tr("%n camera(s)", nullptr, int(u.cameraIds.size()));
        const QString last = u.lastLoginMs > 0
                ? QLocale().toString(
                        QDateTime::fromMSecsSinceEpoch(u.lastLoginMs), QLocale::ShortFormat)
                : tr("Never");
        const QStringList cells {u.login, u.displayName, role, cameras, last};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (u.disabled)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_table->setItem(i, c, item);
        }
    }
    m_table->resizeColumnsToContents();
}

std::optional<security::UserRecord> UsersDialog::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_users.size())
        return std::nullopt;
    return m_users.at(row);
}

void UsersDialog::changed(const Result<void>& result)
{
    if (!result) {
        showError(m_error, result.error().message);
        return;
    }
    showError(m_error, QString());
    reload();
    Q_EMIT usersChanged();
}

void UsersDialog::addUser()
{
    auto* content = new QWidget;
    auto* form = new QFormLayout(content);
    auto* login = new QLineEdit(content);
    login->setObjectName(QStringLiteral("login"));
    auto* name = new QLineEdit(content);
    name->setObjectName(QStringLiteral("displayName"));
    const bool first = m_session.isSetupMode();
    QComboBox* role = roleCombo(content, first ? Role::Administrator : Role::Clerk);
    role->setEnabled(!first); // the first user administers the others
    auto* password = new PasswordFields(content);
    form->addRow(tr("User name:"), login);
    form->addRow(tr("Full name:"), name);
    form->addRow(tr("Role:"), role);
    form->addRow(password);
    runForm(this, first ? tr("Create the Administrator") : tr("Add a User"), content, [&] {
        QString problem;
        const QString chosen = password->password(&problem);
        if (chosen.isEmpty())
            return problem;
        const Result<qint64> added = security::UserAdmin(m_session).add(login->text().trimmed(),
                name->text().trimmed(), Role(role->currentData().toInt()), chosen);
        if (!added)
            return added.error().message;
        // The setup mode ends: the one who created the administrator now works as them.
        if (first) {
            if (const Result<security::Principal> in
                    = m_session.logIn(login->text().trimmed(), chosen);
                    !in)
                return in.error().message;
        }
        return QString();
    });
    changed({});
}

void UsersDialog::changeRole()
{
    const std::optional<security::UserRecord> user = selected();
    if (!user)
        return;
    QStringList names;
    for (Role role : kRoles)
        names << Access::roleName(role);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Role of %1").arg(user->login),
            tr("Role:"), names, int(kRoles.indexOf(user->role)), false, &ok);
    if (ok)
        changed(security::UserAdmin(m_session).setRole(
                user->login, kRoles.at(names.indexOf(chosen))));
}

void UsersDialog::toggleDisabled()
{
    if (const std::optional<security::UserRecord> user = selected())
        changed(security::UserAdmin(m_session).setDisabled(user->login, !user->disabled));
}

void UsersDialog::resetPassword()
{
    const std::optional<security::UserRecord> user = selected();
    if (!user)
        return;
    auto* fields = new PasswordFields;
    runForm(this, tr("New Password for %1").arg(user->login), fields, [&] {
        QString problem;
        const QString chosen = fields->password(&problem);
        if (chosen.isEmpty())
            return problem;
        const Result<void> done = security::UserAdmin(m_session).resetPassword(user->login, chosen);
        return done ? QString() : done.error().message;
    });
    changed({});
}

void UsersDialog::chooseCameras()
{
    const std::optional<security::UserRecord> user = selected();
    if (!user)
        return;
    const Result<QList<catalog::CameraRecord>> cameras = m_cameras.list();
    if (!cameras) {
        showError(m_error, cameras.error().message);
        return;
    }
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    auto* all = new QCheckBox(tr("Every camera, including cameras added later"), content);
    all->setChecked(user->allCameras);
    auto* list = new QListWidget(content);
    for (const catalog::CameraRecord& c : cameras.value()) {
        auto* item = new QListWidgetItem(c.name, list);
        item->setData(Qt::UserRole, c.id);
        item->setCheckState(
                user->allCameras || user->cameraIds.contains(c.id) ? Qt::Checked : Qt::Unchecked);
    }
    list->setEnabled(!user->allCameras);
    connect(all, &QCheckBox::toggled, list, [list](bool on) { list->setEnabled(!on); });
    layout->addWidget(all);
    layout->addWidget(list);
    runForm(this, tr("Cameras %1 May See").arg(user->login), content, [&] {
        QList<qint64> ids;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                ids << list->item(i)->data(Qt::UserRole).toLongLong();
        }
        const Result<void> done = security::UserAdmin(m_session).setCameraAccess(
                user->login, all->isChecked(), ids);
        return done ? QString() : done.error().message;
    });
    changed({});
}

} // namespace vigil::widgets
