#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

namespace vigil::widgets {

class EmptyState;

/// Live view: the camera grid. Shows how to add cameras while there are none.
class LivePage : public FeaturePage
{
    Q_OBJECT

public:
    LivePage(const PageContext& context, QWidget* parent);

    PageId id() const override { return PageId::Live; }
    QString title() const override;
    QIcon icon() const override;
    EmptyState* emptyState() const { return m_emptyState; }

private:
    EmptyState* m_emptyState = nullptr;
};

} // namespace vigil::widgets
