#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

class QDateTimeEdit;
class QFormLayout;
class QListWidget;
class QWidget;

namespace vigil::catalog {
class CameraStore;
}

namespace vigil::widgets {

/// The cameras and time range of some footage, as rows of a form: the export and request
/// dialogs ask for the same. The widgets are named `<prefix>Cameras`, `<prefix>From` and
/// `<prefix>To`; the range starts as the last hour.
class FootageFields
{
    Q_DECLARE_TR_FUNCTIONS(vigil::widgets::FootageFields)

public:
    FootageFields(catalog::CameraStore& cameras, QFormLayout* form, const QString& prefix,
            const QString& fromLabel, const QString& toLabel, QWidget* parent);

    QList<qint64> checkedCameras() const;
    void setCameras(const QList<qint64>& ids);
    qint64 fromMs() const;
    qint64 toMs() const;
    void setRange(qint64 fromMs, qint64 toMs);
    /// Called whenever the cameras or the range change.
    void onChange(const std::function<void()>& changed);

private:
    QListWidget* m_cameras = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
};

} // namespace vigil::widgets
