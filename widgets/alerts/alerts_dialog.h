#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace vigil::catalog {
class AlertStore;
class CameraStore;
} // namespace vigil::catalog

namespace vigil::widgets {

/// The alert list: newest first, per camera or all, each with when, which camera and what; a
/// person acknowledges one or all of them (who and when are kept).
class AlertsDialog : public QDialog
{
    Q_OBJECT

public:
    AlertsDialog(catalog::AlertStore& alerts, catalog::CameraStore& cameras, QString who,
            QWidget* parent = nullptr);

    /// Reads the alerts again (the recorder raised one).
    void reload();

Q_SIGNALS:
    void acknowledged();

private:
    void acknowledgeSelected();
    void acknowledgeAll();
    qint64 cameraFilter() const;

    catalog::AlertStore& m_alerts;
    QString m_who;
    QComboBox* m_camera = nullptr;
    QTreeWidget* m_list = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_acknowledge = nullptr;
    QPushButton* m_acknowledgeAll = nullptr;
};

} // namespace vigil::widgets
