#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

namespace vigil::widgets {

class EmptyState;

/// Playback: the timeline of recorded video across cameras.
class PlaybackPage : public FeaturePage
{
    Q_OBJECT

public:
    PlaybackPage(const PageContext& context, QWidget* parent);

    PageId id() const override { return PageId::Playback; }
    QString title() const override;
    QIcon icon() const override;
    EmptyState* emptyState() const { return m_emptyState; }

private:
    void update();

    PageContext m_context;
    EmptyState* m_emptyState = nullptr;
};

} // namespace vigil::widgets
