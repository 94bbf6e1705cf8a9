#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

namespace vigil::widgets {

class EmptyState;

/// Evidence: exported, redacted evidence packages.
class EvidencePage : public FeaturePage
{
    Q_OBJECT

public:
    EvidencePage(const PageContext& context, QWidget* parent);

    PageId id() const override { return PageId::Evidence; }
    QString title() const override;
    QIcon icon() const override;
    EmptyState* emptyState() const { return m_emptyState; }

private:
    EmptyState* m_emptyState = nullptr;
};

} // namespace vigil::widgets
