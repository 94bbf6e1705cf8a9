#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

namespace vigil::widgets {

class EmptyState;

/// Search: recorded video by time, camera, event and region.
class SearchPage : public FeaturePage
{
    Q_OBJECT

public:
    SearchPage(const PageContext& context, QWidget* parent);

    PageId id() const override { return PageId::Search; }
    QString title() const override;
    QIcon icon() const override;
    EmptyState* emptyState() const { return m_emptyState; }

private:
    EmptyState* m_emptyState = nullptr;
};

} // namespace vigil::widgets
