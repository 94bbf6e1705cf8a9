#include "widgets/security/audit_dialog.h"

#include "core/catalog/camera_store.h"
#include "core/security/audit_actions.h"
#include "core/security/session.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::widgets {

AuditDialog::AuditDialog(security::Session& session, catalog::CameraStore& cameras, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("auditDialog"));
    setWindowTitle(tr("Audit Log"));
    resize(980, 560);
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QGridLayout;
    m_user = new QLineEdit(this);
    m_user->setPlaceholderText(tr("Anyone"));
    m_action = new QComboBox(this);
    m_action->addItem(tr("Any action"), QString());
    namespace a = security::audit;
    for (const char* action : {a::kLogin, a::kLoginFailed, a::kLogout, a::kLock, a::kUnlock,
                 a::kRefused, a::kLiveStart, a::kLiveStop, a::kPlayback, a::kSearch, a::kSnapshot,
                 a::kExport, a::kHoldAdd, a::kHoldRelease, a::kMaskLift, a::kRetention})
        m_action->addItem(QLatin1String(action), QLatin1String(action));
    for (const char* change :
            {"camera_add", "camera_remove", "camera_mask", "settings_set", "user_add",
                    "user_disable", "user_enable", "user_role", "user_passwd", "user_cameras"})
        m_action->addItem(QLatin1String(change), QLatin1String(change));
    m_camera = new QComboBox(this);
    m_camera->addItem(tr("Any camera"), 0);
    if (const Result<QList<catalog::CameraRecord>> list = cameras.list()) {
        for (const catalog::CameraRecord& c : list.value())
            m_camera->addItem(c.name, c.id);
    }
    const QDateTime now = QDateTime::currentDateTime();
    m_from = new QDateTimeEdit(now.addDays(-30), this);
    m_from->setCalendarPopup(true);
    m_to = new QDateTimeEdit(now.addDays(1), this);
    m_to->setCalendarPopup(true);
    filters->addWidget(new QLabel(tr("User:"), this), 0, 0);
    filters->addWidget(m_user, 0, 1);
    filters->addWidget(new QLabel(tr("Action:"), this), 0, 2);
    filters->addWidget(m_action, 0, 3);
    filters->addWidget(new QLabel(tr("Camera:"), this), 0, 4);
    filters->addWidget(m_camera, 0, 5);
    filters->addWidget(new QLabel(tr("From:"), this), 1, 0);
    filters->addWidget(m_from, 1, 1);
    filters->addWidget(new QLabel(tr("To:"), this), 1, 2);
    filters->addWidget(m_to, 1, 3);
    auto* show = new QPushButton(tr("Show"), this);
    show->setDefault(true);
    connect(show, &QPushButton::clicked, this, &AuditDialog::apply);
    filters->addWidget(show, 1, 5);
    layout->addLayout(filters);

    m_table = new QTableWidget(0, 6, this);
    m_table->setHorizontalHeaderLabels(
            {tr("Time"), tr("User"), tr("Action"), tr("Concerning"), tr("Camera"), tr("Details")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    layout->addWidget(m_verdict);

    auto* buttons = new QHBoxLayout;
    auto* check = new QPushButton(tr("Check the Log"), this);
    connect(check, &QPushButton::clicked, this, &AuditDialog::verify);
    auto* csv = new QPushButton(tr("Export CSV…"), this);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the Audit Log"),
                QStringLiteral("vigil-audit.csv"), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    auto* close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    buttons->addWidget(check);
    buttons->addWidget(csv);
    buttons->addStretch();
    buttons->addWidget(close);
    layout->addLayout(buttons);
    apply();
}

security::AuditFilter AuditDialog::filter() const
{
    security::AuditFilter f;
    f.login = m_user->text().trimmed();
    f.action = m_action->currentData().toString();
    f.cameraId = m_camera->currentData().toLongLong();
    f.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    f.toMs = m_to->dateTime().toMSecsSinceEpoch();
    f.limit = 5000;
    return f;
}

void AuditDialog::apply()
{
    if (const Result<void> allowed
            = m_session.check(security::Permission::ViewAudit, 0, QStringLiteral("audit_view"));
            !allowed) {
        m_verdict->setText(allowed.error().message);
        return;
    }
    const Result<QList<security::AuditEntry>> rows
            = security::AuditLog(m_session.catalog(), m_session.keysDir()).list(filter());
    if (!rows) {
        m_verdict->setText(rows.error().message);
        return;
    }
    m_rows = rows.value();
    m_table->setRowCount(int(m_rows.size()));
    for (int i = 0; i < m_rows.size(); ++i) {
        const security::AuditEntry& e = m_rows.at(i);
        const QStringList cells {
                QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.atMs), QLocale::ShortFormat),
                e.login, e.action, e.object,
                e.cameraId > 0 ? m_camera->itemText(m_camera->findData(e.cameraId)) : QString(),
                e.detail};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    m_verdict->setText(tr("%n row(s).", nullptr, int(m_rows.size())));
}

void AuditDialog::verify()
{
    const Result<security::AuditLog::Verification> checked
            = security::AuditLog(m_session.catalog(), m_session.keysDir()).verify();
    if (!checked) {
        m_verdict->setText(checked.error().message);
        return;
    }
    m_verdict->setText(checked->intact
                    ? tr("The log is intact: %n row(s), none changed, removed or reordered, and "
                         "none cut off the end.",
                            nullptr, int(checked->rows))
                    : tr("The log was tampered with: %1").arg(checked->problem));
}

bool AuditDialog::exportCsv(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(security::AuditLog::toCsv(m_rows)) < 0
            || !file.commit()) {
        m_verdict->setText(tr("The CSV file cannot be written: %1").arg(file.errorString()));
        return false;
    }
    (void)m_session.audit(QStringLiteral("audit_export"), QStringLiteral("audit log"),
            {{QStringLiteral("rows"), int(m_rows.size())}});
    m_verdict->setText(tr("%n row(s) written to %1.", nullptr, int(m_rows.size())).arg(path));
    return true;
}

} // namespace vigil::widgets
