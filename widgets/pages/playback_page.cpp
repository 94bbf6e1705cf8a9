#include "widgets/pages/playback_page.h"

#include "widgets/empty_state.h"

#include <QVBoxLayout>

namespace vigil::widgets {

PlaybackPage::PlaybackPage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_emptyState = new EmptyState(icon(), tr("Nothing recorded yet"),
            tr("Recorded video will appear here on a timeline, with recorded spans, events and "
               "bookmarks, once your cameras are recording."),
            this);
    if (context.addCamerasAction)
        m_emptyState->addAction(context.addCamerasAction);
    layout->addWidget(m_emptyState);
}

QString PlaybackPage::title() const
{
    return tr("Playback");
}

QIcon PlaybackPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/playback.svg"));
}

} // namespace vigil::widgets
