#include "widgets/pages/live_page.h"

#include "core/onvif/ws_discovery.h"
#include "core/status/system_status.h"
#include "widgets/empty_state.h"
#include "widgets/live/live_view.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil::widgets {

LivePage::LivePage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
    , m_context(context)
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);
    m_welcome = new QWidget(m_stack);
    m_stack->addWidget(m_welcome);
    m_view = new LiveView(context, m_stack);
    m_stack->addWidget(m_view);
    auto* layout = new QVBoxLayout(m_welcome);
    m_emptyState = new EmptyState(icon(), tr("No cameras yet"),
            tr("Live video from your cameras will appear here in a grid. Add your cameras to get "
               "started."),
            this);
    if (context.addCamerasAction)
        m_emptyState->addAction(context.addCamerasAction);
    layout->addWidget(m_emptyState, 3);

    m_discoveredBox = new QGroupBox(tr("Cameras found on this network"), this);
    auto* boxLayout = new QVBoxLayout(m_discoveredBox);
    m_discoveryNote = new QLabel(m_discoveredBox);
    m_discoveryNote->setWordWrap(true);
    m_discoveryNote->hide();
    boxLayout->addWidget(m_discoveryNote);
    m_discovered = new QTreeWidget(m_discoveredBox);
    m_discovered->setObjectName(QStringLiteral("discoveredCameras"));
    m_discovered->setHeaderLabels({tr("Name"), tr("Model"), tr("Address")});
    m_discovered->setRootIsDecorated(false);
    m_discovered->setSortingEnabled(true);
    m_discovered->sortByColumn(0, Qt::AscendingOrder);
    m_discovered->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    boxLayout->addWidget(m_discovered);
    m_discoveredBox->hide();
    layout->addWidget(m_discoveredBox, 2);

    if (context.status)
        connect(context.status, &status::SystemStatus::changed, this, &LivePage::updateEmptyState);
    updateEmptyState();
}

void LivePage::refreshCameras()
{
    m_view->refreshCameras();
    updateEmptyState();
}

void LivePage::updateEmptyState()
{
    const int cameras = m_context.status ? m_context.status->snapshot().cameras : 0;
    if (cameras > 0 && m_context.live) {
        if (m_stack->currentWidget() != m_view || cameras != m_shownCameras) {
            m_shownCameras = cameras;
            m_view->refreshCameras();
            m_stack->setCurrentWidget(m_view);
        }
        return;
    }
    m_shownCameras = 0;
    m_stack->setCurrentWidget(m_welcome);
    if (cameras == 0) {
        m_emptyState->setTitle(tr("No cameras yet"));
        m_emptyState->setText(tr("Live video from your cameras will appear here in a grid. Add "
                                 "your cameras to get started."));
        return;
    }
    // Honest about this build and about the cameras now: the live grid is not part of it yet.
    const status::SystemStatus::Snapshot s = m_context.status->snapshot();
    m_emptyState->setTitle(tr("Cameras configured: %1").arg(cameras));
    QString state;
    if (!s.recorderRunning)
        state = tr("Vigil is not recording them: recording could not start (see the status bar).");
    else if (s.camerasOnline == 0)
        state = tr("None of them can be reached right now: check that they are switched on and "
                   "connected. Vigil keeps trying.");
    else if (s.camerasOnline < cameras)
        state = tr("%1 of them can be reached and %2 are recording; the others cannot be reached "
                   "right now, and Vigil keeps trying.")
                        .arg(s.camerasOnline)
                        .arg(s.camerasRecording);
    else
        state = tr("All of them can be reached; %1 are recording.").arg(s.camerasRecording);
    m_emptyState->setText(state + u' '
            + tr("Their live video will appear here in a grid once live view is part of Vigil; "
                 "you can add more cameras at any time."));
}

void LivePage::showDiscoveredCamera(const onvif::DiscoveredDevice& device)
{
    const QUrl address(device.preferredXAddr());
    const QString host = address.port() > 0
            ? QStringLiteral("%1:%2").arg(address.host()).arg(address.port())
            : address.host();
    QTreeWidgetItem* item = nullptr;
    for (int i = 0; i < m_discovered->topLevelItemCount(); ++i) {
        if (m_discovered->topLevelItem(i)->data(0, Qt::UserRole).toString() == device.endpoint)
            item = m_discovered->topLevelItem(i);
    }
    if (!item) {
        item = new QTreeWidgetItem(m_discovered);
        item->setData(0, Qt::UserRole, device.endpoint);
        item->setIcon(0, icon());
    }
    item->setText(0, device.name.isEmpty() ? tr("Unnamed camera") : device.name);
    item->setText(1, device.hardware);
    item->setText(2, host);
    m_discoveredBox->show();
}

void LivePage::setDiscoveryNote(const QString& note)
{
    m_discoveryNote->setText(note);
    m_discoveryNote->setVisible(!note.isEmpty());
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
