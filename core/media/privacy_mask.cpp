#include "core/media/privacy_mask.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>

#include <cstring>

namespace vigil::media {

namespace {

/// Runs of non-zero bytes of each row of an 8-bit picture.
template<typename Masked>
void collectSpans(int width, int height, Masked masked, auto& spans)
{
    for (int y = 0; y < height; ++y) {
        int x = 0;
        while (x < width) {
            while (x < width && !masked(x, y))
                ++x;
            const int start = x;
            while (x < width && masked(x, y))
                ++x;
            if (x > start)
                spans.push_back({y, start, x - start});
        }
    }
}

} // namespace

PrivacyMask::PrivacyMask(QList<QPolygonF> polygons)
    : m_polygons(std::move(polygons))
{ }

QString PrivacyMask::toJson() const
{
    if (m_polygons.isEmpty())
        return {};
    QJsonArray all;
    for (const QPolygonF& polygon : m_polygons) {
        QJsonArray points;
        for (const QPointF& p : polygon)
            points.append(QJsonArray {p.x(), p.y()});
        all.append(points);
    }
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}

std::optional<PrivacyMask> PrivacyMask::fromJson(const QString& json, QString* error)
{
    const auto fail = [error](const QString& why) -> std::optional<PrivacyMask> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (json.trimmed().isEmpty())
        return PrivacyMask();
    QJsonParseError parse {};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isArray())
        return fail(tr("The privacy masks are not a list of polygons."));
    QList<QPolygonF> polygons;
    for (const QJsonValue& polygonValue : doc.array()) {
        const QJsonArray points = polygonValue.toArray();
        if (points.size() < 3)
            return fail(tr("A privacy mask needs at least three corners."));
        QPolygonF polygon;
        for (const QJsonValue& pointValue : points) {
            const QJsonArray xy = pointValue.toArray();
            const double x = xy.at(0).toDouble(-1);
            const double y = xy.at(1).toDouble(-1);
            if (xy.size() != 2 || x < 0 || x > 1 || y < 0 || y > 1)
                return fail(tr("A privacy mask's corner lies outside the picture."));
            polygon << QPointF(x, y);
        }
        polygons << polygon;
    }
    return PrivacyMask(std::move(polygons));
}

const PrivacyMask::Raster& PrivacyMask::raster(QSize size)
{
    if (m_raster.size == size)
        return m_raster;
    m_raster = Raster {size, {}, {}};
    QImage shape(size, QImage::Format_RGB32);
    shape.fill(Qt::black);
    {
        QPainter painter(&shape);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(Qt::white, 1)); // the outline too: edge pixels are masked
        painter.setBrush(Qt::white);
        for (const QPolygonF& polygon : std::as_const(m_polygons)) {
            QPolygonF scaled;
            for (const QPointF& p : polygon)
                scaled << QPointF(p.x() * size.width(), p.y() * size.height());
            painter.drawPolygon(scaled);
        }
    }
    const auto at = [&shape](int x, int y) {
        return (reinterpret_cast<const quint32*>(shape.constScanLine(y))[x] & 0xffffffu) != 0;
    };
    collectSpans(size.width(), size.height(), at, m_raster.luma);
    const int cw = (size.width() + 1) / 2;
    const int ch = (size.height() + 1) / 2;
    collectSpans(
            cw, ch,
            [&](int x, int y) {
                for (int dy = 0; dy < 2; ++dy) {
                    for (int dx = 0; dx < 2; ++dx) {
                        const int px = 2 * x + dx;
                        const int py = 2 * y + dy;
                        if (px < size.width() && py < size.height() && at(px, py))
                            return true;
                    }
                }
                return false;
            },
            m_raster.chroma);
    return m_raster;
}

void PrivacyMask::applyYuv420(
        uint8_t* const planes[3], const int strides[3], QSize size, bool fullRange)
{
    if (isEmpty() || size.isEmpty())
        return;
    const Raster& r = raster(size);
    const uint8_t black = fullRange ? 0 : 16;
    for (const Span& s : r.luma)
        std::memset(planes[0] + qsizetype(s.row) * strides[0] + s.start, black, size_t(s.length));
    for (const Span& s : r.chroma) {
        std::memset(planes[1] + qsizetype(s.row) * strides[1] + s.start, 128, size_t(s.length));
        std::memset(planes[2] + qsizetype(s.row) * strides[2] + s.start, 128, size_t(s.length));
    }
}

void PrivacyMask::applyRgb32(uint8_t* bits, int stride, QSize size)
{
    if (isEmpty() || size.isEmpty())
        return;
    for (const Span& s : raster(size).luma) {
        auto* row = reinterpret_cast<quint32*>(bits + qsizetype(s.row) * stride);
        std::fill(row + s.start, row + s.start + s.length, 0xff000000u);
    }
}

void PrivacyMask::apply(QImage& image)
{
    if (isEmpty() || image.isNull())
        return;
    if (image.format() != QImage::Format_RGB32 && image.format() != QImage::Format_ARGB32)
        image = image.convertToFormat(QImage::Format_RGB32);
    applyRgb32(image.bits(), int(image.bytesPerLine()), image.size());
}

PrivacyMask PrivacyMask::forCatalog(const QString& json, QString* error)
{
    const std::optional<PrivacyMask> mask = fromJson(json, error);
    return mask
            ? *mask
            : PrivacyMask({QPolygonF {QPointF(0, 0), QPointF(1, 0), QPointF(1, 1), QPointF(0, 1)}});
}

} // namespace vigil::media
