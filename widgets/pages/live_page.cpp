#include "widgets/pages/live_page.h"

#include "widgets/empty_state.h"

#include <QVBoxLayout>

namespace vigil::widgets {

LivePage::LivePage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_emptyState = new EmptyState(icon(), tr("No cameras yet"),
            tr("Live video from your cameras will appear here in a grid. Add your cameras to get "
               "started."),
            this);
    if (context.addCamerasAction)
        m_emptyState->addAction(context.addCamerasAction);
    layout->addWidget(m_emptyState);
}

QString LivePage::title() const
{
    return tr("Live");
}

QIcon LivePage::icon() const
{
    return QIcon(QStringLiteral(":/icons/live.svg"));
}

} // namespace vigil::widgets
