#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

#include <QJsonObject>
#include <QList>
#include <QPair>

class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace vigil::evidence {
class ExportQueue;
struct ExportSpec;
} // namespace vigil::evidence

namespace vigil::widgets {

class ApprovalsPanel;
class EmptyState;

/// Evidence: new exports (the export dialog, a supervisor's approval for originals), the
/// exports of this session with their progress, time left and cancel, and checking a package.
class EvidencePage : public FeaturePage
{
    Q_OBJECT

public:
    EvidencePage(const PageContext& context, QWidget* parent);
    ~EvidencePage() override;

    PageId id() const override { return PageId::Evidence; }
    QString title() const override;
    QIcon icon() const override;
    EmptyState* emptyState() const { return m_emptyState; }
    evidence::ExportQueue* queue() const { return m_queue; }
    QTableWidget* table() const { return m_table; }
    QTableWidget* requestTable() const { return m_requests; }
    ApprovalsPanel* approvals() const { return m_approvals; }

public Q_SLOTS:
    /// Opens the export dialog with these cameras and this range chosen (0, 0: the last hour).
    void newExport(const QList<qint64>& cameraIds = {}, qint64 fromMs = 0, qint64 toMs = 0);
    /// Asks for a package folder and checks it.
    void verifyPackage();
    /// The request dialog; the new request's footage is held at once.
    void newRequest();
    /// Exports the footage of the selected request.
    void exportRequest();
    /// Moves the selected request on (a status key of evidence::Requests).
    void setRequestStatus(const QString& status);
    void refreshRequests();

private:
    void showTask(int id);
    /// For each camera of `spec`: the tracks found, reviewed by the user (false: cancelled).
    bool reviewTracks(evidence::ExportSpec& spec);
    /// The row of each task, by id.
    QList<int> m_rows;
    PageContext m_context;
    evidence::ExportQueue* m_queue = nullptr;
    EmptyState* m_emptyState = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_table = nullptr;
    QTableWidget* m_requests = nullptr;
    QList<qint64> m_requestIds; ///< of the rows of m_requests
    QPushButton* m_exportRequest = nullptr;
    QPushButton* m_status = nullptr;
    // While a request is being exported: what the export dialog and the package get.
    QJsonObject m_pendingRequest;
    qint64 m_pendingRequestId = 0;
    QPair<QString, QString> m_pendingCase;
    qint64 m_pendingApprovalId = 0; ///< while a granted original is being exported
    ApprovalsPanel* m_approvals = nullptr;
};

} // namespace vigil::widgets
