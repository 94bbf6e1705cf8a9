#pragma once

#include "core/export/approvals.h"
#include "widgets/page_context.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace vigil::widgets {

/// Originals waiting for a supervisor who was not at the PC: who asked, for which footage, and
/// where it stands. A supervisor grants or refuses (never their own); the clerk who asked then
/// exports it. Hidden while there is none.
class ApprovalsPanel : public QWidget
{
    Q_OBJECT

public:
    ApprovalsPanel(const PageContext& context, QWidget* parent);

    QTableWidget* table() const { return m_table; }
    void refresh();

Q_SIGNALS:
    /// The clerk exports the granted footage (`spec.approvalId` set).
    void exportApproved(const evidence::ExportSpec& spec);

private:
    void updateButtons();
    void decide(bool grant);

    PageContext m_context;
    QTableWidget* m_table = nullptr;
    QPushButton* m_grant = nullptr;
    QPushButton* m_refuse = nullptr;
    QPushButton* m_export = nullptr;
    QList<evidence::ApprovalInfo> m_listed; ///< the rows' approvals, as last read
};

} // namespace vigil::widgets
