#include "widgets/cameras/privacy_mask_dialog.h"

#include "core/catalog/camera_store.h"
#include "core/control/live_feed.h"
#include "core/security/camera_admin.h"
#include "core/security/session.h"
#include "widgets/security/password_fields.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>
#include <QVideoSink>

namespace vigil::widgets {

MaskCanvas::MaskCanvas(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("maskCanvas"));
    setMinimumSize(480, 270);
    setCursor(Qt::CrossCursor);
}

void MaskCanvas::setPicture(const QImage& picture)
{
    m_picture = picture;
    update();
}

void MaskCanvas::setPolygons(const QList<QPolygonF>& polygons)
{
    m_polygons = polygons;
    m_drawing.clear();
    update();
    Q_EMIT changed();
}

QRectF MaskCanvas::pictureRect() const
{
    const QSizeF picture = m_picture.isNull() ? QSizeF(16, 9) : QSizeF(m_picture.size());
    const QSizeF fitted = picture.scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(
            QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

QPointF MaskCanvas::toPicture(QPointF p) const
{
    const QRectF r = pictureRect();
    return QPointF(qBound(0.0, (p.x() - r.left()) / r.width(), 1.0),
            qBound(0.0, (p.y() - r.top()) / r.height(), 1.0));
}

QPointF MaskCanvas::toWidget(QPointF p) const
{
    const QRectF r = pictureRect();
    return QPointF(r.left() + p.x() * r.width(), r.top() + p.y() * r.height());
}

void MaskCanvas::addCorner(QPointF point)
{
    m_drawing << point;
    update();
}

bool MaskCanvas::closeShape()
{
    if (m_drawing.size() < 3)
        return false;
    m_polygons << m_drawing;
    m_drawing.clear();
    update();
    Q_EMIT changed();
    return true;
}

void MaskCanvas::removeLast()
{
    if (!m_drawing.isEmpty())
        m_drawing.removeLast();
    else if (!m_polygons.isEmpty())
        m_polygons.removeLast();
    update();
    Q_EMIT changed();
}

void MaskCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Dark));
    const QRectF r = pictureRect();
    if (m_picture.isNull()) {
        painter.setPen(palette().color(QPalette::BrightText));
        painter.drawText(r, Qt::AlignCenter | Qt::TextWordWrap,
                tr("Waiting for the camera's picture… Masks can be drawn meanwhile."));
    } else {
        painter.drawImage(r, m_picture);
    }
    painter.setRenderHint(QPainter::Antialiasing);
    const auto mapped = [this](const QPolygonF& polygon) {
        QPolygonF out;
        for (const QPointF& p : polygon)
            out << toWidget(p);
        return out;
    };
    painter.setPen(QPen(QColor(255, 200, 0), 2));
    painter.setBrush(QColor(0, 0, 0, 200)); // what the mask hides, nearly as it will look
    for (const QPolygonF& polygon : std::as_const(m_polygons))
        painter.drawPolygon(mapped(polygon));
    if (!m_drawing.isEmpty()) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(255, 200, 0), 2, Qt::DashLine));
        painter.drawPolyline(mapped(m_drawing));
        painter.setBrush(QColor(255, 200, 0));
        for (const QPointF& p : mapped(m_drawing))
            painter.drawEllipse(p, 4, 4);
    }
}

void MaskCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::RightButton) {
        removeLast();
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    // A click on the first corner closes the shape.
    if (m_drawing.size() >= 3
            && QLineF(toWidget(m_drawing.first()), event->position()).length() < 8) {
        closeShape();
        return;
    }
    addCorner(toPicture(event->position()));
}

void MaskCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        closeShape();
}

PrivacyMaskDialog::PrivacyMaskDialog(security::Session& session, catalog::CameraStore& cameras,
        qint64 cameraId, const QString& cameraName, const QString& masks,
        control::LiveChannel* live, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_cameras(cameras)
    , m_cameraId(cameraId)
{
    setObjectName(QStringLiteral("privacyMaskDialog"));
    setWindowTitle(tr("Privacy Masks of %1").arg(cameraName));
    auto* layout = new QVBoxLayout(this);
    m_note = new QLabel(tr("Draw over what this camera must never show — a neighbour's window, "
                           "a garden. Click to place corners; double-click to close a shape; "
                           "right-click takes the last corner back. Masked areas are black in "
                           "live view, recordings shown, snapshots, analytics and exports."),
            this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    m_canvas = new MaskCanvas(this);
    if (const std::optional<media::PrivacyMask> mask = media::PrivacyMask::fromJson(masks))
        m_canvas->setPolygons(mask->polygons());
    layout->addWidget(m_canvas, 1);
    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    auto* row = new QHBoxLayout;
    auto* undo = new QPushButton(tr("Remove Last"), this);
    connect(undo, &QPushButton::clicked, m_canvas, &MaskCanvas::removeLast);
    auto* clear = new QPushButton(tr("Remove All"), this);
    connect(clear, &QPushButton::clicked, m_canvas, [this] { m_canvas->setPolygons({}); });
    row->addWidget(undo);
    row->addWidget(clear);
    row->addStretch();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PrivacyMaskDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PrivacyMaskDialog::reject);
    row->addWidget(buttons);
    layout->addLayout(row);
    resize(820, 600);

    // The camera's current picture (from the recorder, as everyone sees it).
    if (live) {
        m_sink = std::make_unique<QVideoSink>();
        m_feed = std::make_unique<control::LiveFeed>(*live, cameraId, QStringLiteral("main"));
        m_feed->setVideoSink(m_sink.get());
        connect(m_sink.get(), &QVideoSink::videoFrameChanged, this, [this] {
            const QImage picture = m_feed->lastPicture();
            if (picture.isNull())
                return;
            m_canvas->setPicture(picture);
            m_feed->setActive(false); // one picture is enough
        });
        m_feed->setActive(true);
    }
}

PrivacyMaskDialog::~PrivacyMaskDialog() = default;

void PrivacyMaskDialog::accept()
{
    const media::PrivacyMask mask(m_canvas->polygons());
    if (const Result<void> saved
            = security::CameraAdmin(&m_session, m_cameras)
                      .setPrivacyMasks(m_cameraId, mask.toJson(), int(mask.polygons().size()));
            !saved) {
        showError(m_error, saved.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace vigil::widgets
