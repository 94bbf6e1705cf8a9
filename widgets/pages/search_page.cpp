#include "widgets/pages/search_page.h"

#include "widgets/empty_state.h"

#include <QVBoxLayout>

namespace vigil::widgets {

SearchPage::SearchPage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_emptyState = new EmptyState(icon(), tr("Nothing to search yet"),
            tr("Find recorded video by time, camera, event or a region of the picture. Results "
               "will appear here once your cameras are recording."),
            this);
    Q_UNUSED(context);
    layout->addWidget(m_emptyState);
}

QString SearchPage::title() const
{
    return tr("Search");
}

QIcon SearchPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/search.svg"));
}

} // namespace vigil::widgets
