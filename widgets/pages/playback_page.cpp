#include "widgets/pages/playback_page.h"

#include "core/status/system_status.h"
#include "widgets/empty_state.h"

#include <QDir>
#include <QLocale>
#include <QVBoxLayout>

namespace vigil::widgets {

PlaybackPage::PlaybackPage(const PageContext& context, QWidget* parent)
    : FeaturePage(parent)
    , m_context(context)
{
    auto* layout = new QVBoxLayout(this);
    m_emptyState = new EmptyState(icon(), tr("Nothing recorded yet"),
            tr("Recorded video will appear here on a timeline, with recorded spans, events and "
               "bookmarks, once your cameras are recording."),
            this);
    if (context.addCamerasAction)
        m_emptyState->addAction(context.addCamerasAction);
    layout->addWidget(m_emptyState);
    if (context.status)
        connect(context.status, &status::SystemStatus::changed, this, &PlaybackPage::update);
    update();
}

void PlaybackPage::update()
{
    const status::SystemStatus::Snapshot s
            = m_context.status ? m_context.status->snapshot() : status::SystemStatus::Snapshot {};
    if (s.footageBytes <= 0 && s.camerasRecording == 0) {
        m_emptyState->setTitle(tr("Nothing recorded yet"));
        m_emptyState->setText(
                tr("Recorded video will appear here on a timeline, with recorded spans, events "
                   "and bookmarks, once your cameras are recording."));
        return;
    }
    // Honest about this build: footage exists, the timeline to play it is not part of it yet.
    m_emptyState->setTitle(s.camerasRecording > 0
                    ? tr("Cameras recording: %1").arg(s.camerasRecording)
                    : tr("Footage recorded"));
    const QString folder
            = QDir::toNativeSeparators(m_context.dataDir + QStringLiteral("/recordings"));
    m_emptyState->setText(
            (s.footageBytes > 0 ? tr("%1 of footage is on disk.")
                                          .arg(QLocale().formattedDataSize(s.footageBytes))
                                : tr("The first files are being written."))
            + u' '
            + tr("Playing it back on a timeline is not part of this version of Vigil yet. The "
                 "recordings are MP4 files, one folder per camera and day, in %1: any video "
                 "player opens them.")
                      .arg(folder));
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
