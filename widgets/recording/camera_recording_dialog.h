#pragma once

#include "core/catalog/camera_store.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace vigil::widgets {

/// How one camera records: mode (off, continuous, on motion, on a schedule painted in a weekly
/// grid), how long its footage is kept, and the seconds kept before and after motion.
class CameraRecordingDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CameraRecordingDialog(const catalog::CameraRecord& camera, QWidget* parent = nullptr);

    /// The camera with the recording settings as edited.
    catalog::CameraRecord camera() const { return m_camera; }
    QComboBox* modeCombo() const { return m_mode; }
    QPushButton* scheduleButton() const { return m_scheduleButton; }

    /// "On a schedule: continuous 60 h, …" and the like, for lists of cameras.
    static QString modeText(const catalog::CameraRecord& camera);
    /// Opens the schedule editor; true when the user accepted a new schedule.
    bool editSchedule();

    void accept() override;

private:
    void render();

    catalog::CameraRecord m_camera;
    QComboBox* m_mode = nullptr;
    QPushButton* m_scheduleButton = nullptr;
    QSpinBox* m_retention = nullptr;
    QSpinBox* m_preRoll = nullptr;
    QSpinBox* m_postRoll = nullptr;
};

} // namespace vigil::widgets
