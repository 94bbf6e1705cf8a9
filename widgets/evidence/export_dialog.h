#pragma once

#include "core/export/export_job.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace vigil::catalog {
class CameraStore;
}

namespace vigil::widgets {

class FootageFields;

/// "New Export": cameras, time range, case and reason, what the package holds (the redacted
/// video with faces and plates hidden, the original), and the folder. Gives an ExportSpec; the
/// page queues it.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(catalog::CameraStore& cameras, QWidget* parent = nullptr);
    ~ExportDialog() override;

    /// Preselects cameras and a range (from Playback's selection or Search results).
    void setRange(const QList<qint64>& cameraIds, qint64 fromMs, qint64 toMs);
    /// Fills the case and reason (an export that answers a request).
    void setCase(const QString& caseNumber, const QString& reason);
    /// Ticks "Original video" (an export a supervisor approved).
    void setOriginal(bool original);
    evidence::ExportSpec spec() const;
    /// Review the detected tracks before the package is made.
    bool review() const;

    void accept() override;

private:
    void updateEstimate();
    std::unique_ptr<FootageFields> m_footage;
    QLineEdit* m_case = nullptr;
    QLineEdit* m_reason = nullptr;
    QCheckBox* m_redacted = nullptr;
    QCheckBox* m_faces = nullptr;
    QCheckBox* m_plates = nullptr;
    QCheckBox* m_thorough = nullptr;
    QLabel* m_estimate = nullptr;
    QCheckBox* m_zip = nullptr;
    catalog::CameraStore* m_cameraStore = nullptr;
    QComboBox* m_effect = nullptr;
    QCheckBox* m_original = nullptr;
    QCheckBox* m_review = nullptr;
    QLineEdit* m_folder = nullptr;
};

/// A supervisor approves releasing an original on this PC: their login and password.
class ApprovalDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ApprovalDialog(QWidget* parent = nullptr);
    QString login() const;
    QString password() const;

private:
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
};

} // namespace vigil::widgets
