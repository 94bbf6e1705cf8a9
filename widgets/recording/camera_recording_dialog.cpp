#include "widgets/recording/camera_recording_dialog.h"

#include "core/recording/record_schedule.h"
#include "widgets/recording/schedule_grid.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {

recording::RecordSchedule scheduleOf(const catalog::CameraRecord& camera)
{
    return recording::RecordSchedule::parse(camera.schedule).value_or(recording::RecordSchedule());
}

} // namespace

QString CameraRecordingDialog::modeText(const catalog::CameraRecord& camera)
{
    if (camera.recordMode == QLatin1String("off"))
        return tr("Off");
    if (camera.recordMode == QLatin1String("motion"))
        return tr("On motion");
    if (camera.recordMode == QLatin1String("schedule"))
        return tr("On a schedule: %1").arg(ScheduleDialog::summary(scheduleOf(camera)));
    return tr("Continuously");
}

CameraRecordingDialog::CameraRecordingDialog(const catalog::CameraRecord& camera, QWidget* parent)
    : QDialog(parent)
    , m_camera(camera)
{
    setWindowTitle(tr("Recording — %1").arg(camera.name));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Continuously"), QStringLiteral("continuous"));
    m_mode->addItem(tr("On motion"), QStringLiteral("motion"));
    m_mode->addItem(tr("On a schedule"), QStringLiteral("schedule"));
    m_mode->addItem(tr("Off"), QStringLiteral("off"));
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(camera.recordMode)));
    connect(m_mode, &QComboBox::activated, this, [this] {
        m_camera.recordMode = m_mode->currentData().toString();
        if (m_camera.recordMode == QLatin1String("schedule") && m_camera.schedule.isEmpty())
            m_camera.schedule = recording::RecordSchedule::officeHours().toString();
        render();
        // A schedule is only what the user paints: show it at once.
        if (m_camera.recordMode == QLatin1String("schedule"))
            editSchedule();
    });
    form->addRow(tr("Records:"), m_mode);
    m_scheduleButton = new QPushButton(this);
    connect(m_scheduleButton, &QPushButton::clicked, this, &CameraRecordingDialog::editSchedule);
    form->addRow(tr("Schedule:"), m_scheduleButton);
    m_retention = new QSpinBox(this);
    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("until the disk is full"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setValue(camera.retentionDays);
    form->addRow(tr("Keep footage for:"), m_retention);
    m_preRoll = new QSpinBox(this);
    m_preRoll->setRange(0, 30);
    m_preRoll->setSuffix(tr(" s"));
    m_preRoll->setValue(camera.preRollMs / 1000);
    form->addRow(tr("Keep before motion:"), m_preRoll);
    m_postRoll = new QSpinBox(this);
    m_postRoll->setRange(0, 600);
    m_postRoll->setSuffix(tr(" s"));
    m_postRoll->setValue(camera.postRollMs / 1000);
    form->addRow(tr("Keep after motion:"), m_postRoll);
    layout->addLayout(form);
    auto* note = new QLabel(tr("On motion, the camera's own motion events start recording. A "
                               "camera that sends none records continuously, and Vigil says so."),
            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CameraRecordingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    render();
}

bool CameraRecordingDialog::editSchedule()
{
    ScheduleDialog dialog(m_camera.name, scheduleOf(m_camera), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    m_camera.schedule = dialog.schedule().toString();
    render();
    return true;
}

void CameraRecordingDialog::render()
{
    const bool scheduled = m_camera.recordMode == QLatin1String("schedule");
    m_scheduleButton->setEnabled(scheduled);
    m_scheduleButton->setText(
            scheduled ? ScheduleDialog::summary(scheduleOf(m_camera)) : tr("Only on a schedule"));
    const bool motion = m_camera.recordMode == QLatin1String("motion") || scheduled;
    m_preRoll->setEnabled(motion);
    m_postRoll->setEnabled(motion);
}

void CameraRecordingDialog::accept()
{
    m_camera.recordMode = m_mode->currentData().toString();
    m_camera.retentionDays = m_retention->value();
    m_camera.preRollMs = m_preRoll->value() * 1000;
    m_camera.postRollMs = m_postRoll->value() * 1000;
    QDialog::accept();
}

} // namespace vigil::widgets
