#pragma once

#include "core/security/audit_log.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace vigil::catalog {
class CameraStore;
}
namespace vigil::security {
class Session;
}

namespace vigil::widgets {

/// Settings ▸ Audit Log: who did what, when, to which camera — filtered by user, camera, action
/// and time, exported as CSV, and checked (the chain of hashes and the signed checkpoint).
/// Needs the "view audit log" permission; looking is itself audited.
class AuditDialog : public QDialog
{
    Q_OBJECT

public:
    AuditDialog(
            security::Session& session, catalog::CameraStore& cameras, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLineEdit* userFilter() const { return m_user; }
    QComboBox* actionFilter() const { return m_action; }
    QComboBox* cameraFilter() const { return m_camera; }
    QLabel* verdict() const { return m_verdict; }
    /// Lists the rows the filters select.
    void apply();
    /// Checks the whole log and says whether it is intact, or where it is broken.
    void verify();
    /// Writes the rows shown to `path` as CSV; false (said in the dialog) when it cannot.
    bool exportCsv(const QString& path);

private:
    security::AuditFilter filter() const;

    security::Session& m_session;
    QList<security::AuditEntry> m_rows;
    QLineEdit* m_user = nullptr;
    QComboBox* m_action = nullptr;
    QComboBox* m_camera = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_verdict = nullptr;
};

} // namespace vigil::widgets
