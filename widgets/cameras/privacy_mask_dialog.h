#pragma once

#include "core/media/privacy_mask.h"

#include <QDialog>
#include <QImage>
#include <QPolygonF>

#include <memory>

class QLabel;
class QVideoSink;

namespace vigil::catalog {
class CameraStore;
}
namespace vigil::control {
class LiveChannel;
class LiveFeed;
} // namespace vigil::control
namespace vigil::security {
class Session;
}

namespace vigil::widgets {

/// Where the masks are drawn: the camera's picture, the masks over it, the shape being drawn.
/// Click adds a corner; double-click (or a click on the first corner) closes the shape; the
/// right button takes the last corner back.
class MaskCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit MaskCanvas(QWidget* parent = nullptr);

    void setPicture(const QImage& picture);
    void setPolygons(const QList<QPolygonF>& polygons);
    QList<QPolygonF> polygons() const { return m_polygons; }
    /// The corners clicked so far of the shape being drawn (picture coordinates 0…1).
    QPolygonF drawing() const { return m_drawing; }
    /// Adds a corner at `point` (picture coordinates 0…1), as a click there does.
    void addCorner(QPointF point);
    /// Closes the shape being drawn (three corners at least).
    bool closeShape();
    void removeLast();
    QSize sizeHint() const override { return {640, 360}; }

Q_SIGNALS:
    void changed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

private:
    QRectF pictureRect() const;
    QPointF toPicture(QPointF widgetPoint) const;
    QPointF toWidget(QPointF picturePoint) const;

    QImage m_picture;
    QList<QPolygonF> m_polygons;
    QPolygonF m_drawing;
};

/// Settings ▸ Cameras ▸ Privacy Masks: a neighbour's window, a garden, a school yard — hidden in
/// black from everything Vigil shows, records for export, analyses. Drawn on the camera's
/// current picture; saved (checked and audited) into the catalog, and the recorder applies them
/// to every live view at once.
class PrivacyMaskDialog : public QDialog
{
    Q_OBJECT

public:
    PrivacyMaskDialog(security::Session& session, catalog::CameraStore& cameras, qint64 cameraId,
            const QString& cameraName, const QString& masks, control::LiveChannel* live,
            QWidget* parent = nullptr);
    ~PrivacyMaskDialog() override;

    MaskCanvas* canvas() const { return m_canvas; }
    QLabel* errorLabel() const { return m_error; }
    void accept() override;

private:
    security::Session& m_session;
    catalog::CameraStore& m_cameras;
    qint64 m_cameraId = 0;
    MaskCanvas* m_canvas = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_error = nullptr;
    std::unique_ptr<control::LiveFeed> m_feed;
    std::unique_ptr<QVideoSink> m_sink;
};

} // namespace vigil::widgets
