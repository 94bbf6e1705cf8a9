#include "widgets/pages/evidence_page.h"

#include "widgets/empty_state.h"

#include <QVBoxLayout>

namespace vigil::widgets {

EvidencePage::EvidencePage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_emptyState = new EmptyState(icon(), tr("No evidence packages yet"),
            tr("Redacted evidence packages, with hashes and a signature anyone can verify, will be "
               "listed here. You create one by exporting a clip from Playback or Search."),
            this);
    Q_UNUSED(context);
    layout->addWidget(m_emptyState);
}

QString EvidencePage::title() const
{
    return tr("Evidence");
}

QIcon EvidencePage::icon() const
{
    return QIcon(QStringLiteral(":/icons/evidence.svg"));
}

} // namespace vigil::widgets
