#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

#include <QList>

class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace vigil::evidence {
class ExportQueue;
}

namespace vigil::widgets {

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

public Q_SLOTS:
    /// Opens the export dialog with these cameras and this range chosen (0, 0: the last hour).
    void newExport(const QList<qint64>& cameraIds = {}, qint64 fromMs = 0, qint64 toMs = 0);
    /// Asks for a package folder and checks it.
    void verifyPackage();

private:
    void showTask(int id);
    /// The row of each task, by id.
    QList<int> m_rows;
    PageContext m_context;
    evidence::ExportQueue* m_queue = nullptr;
    EmptyState* m_emptyState = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTableWidget* m_table = nullptr;
};

} // namespace vigil::widgets
