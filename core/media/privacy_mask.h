#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QPolygonF>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace vigil::media {

/// A camera's privacy masks (a neighbour's window, a garden): polygons in picture coordinates
/// 0…1, so that the same masks fit the main and the sub stream. Applied to every picture Vigil
/// decodes — live tiles, snapshots, thumbnails, analytics input, exports — after decoding and
/// before anything else sees it. Masked pixels are solid black (Y = 16 or 0, U = V = 128): blur
/// and pixelation can be undone, black cannot. A chroma sample is blacked out when any of the
/// four picture pixels it covers is masked, so no colour seeps out at the edges.
///
/// The shape is rasterised once per picture size; apply*() then only fills spans. Not
/// thread-safe: each decoder holds its own copy.
class PrivacyMask
{
    Q_DECLARE_TR_FUNCTIONS(vigil::media::PrivacyMask)

public:
    PrivacyMask() = default;
    explicit PrivacyMask(QList<QPolygonF> polygons);

    bool isEmpty() const { return m_polygons.isEmpty(); }
    const QList<QPolygonF>& polygons() const { return m_polygons; }

    /// The catalog's form: a JSON array of polygons, each an array of [x, y] in 0…1;
    /// "" for no mask.
    QString toJson() const;
    /// Reads toJson()'s form; nullopt with `*error` set when it is not one (a polygon needs
    /// three points, coordinates lie in 0…1).
    static std::optional<PrivacyMask> fromJson(const QString& json, QString* error = nullptr);
    /// The mask to apply for the catalog's `json`: masks that cannot be read hide the whole
    /// picture rather than nothing (`*error` says why).
    static PrivacyMask forCatalog(const QString& json, QString* error = nullptr);

    /// Blacks out a YUV 4:2:0 picture in place (planes Y, U, V of `size`).
    void applyYuv420(uint8_t* const planes[3], const int strides[3], QSize size, bool fullRange);
    /// Blacks out an RGB32 / ARGB32 picture in place.
    void applyRgb32(uint8_t* bits, int stride, QSize size);
    void apply(QImage& image);

private:
    struct Span
    {
        int row;
        int start;
        int length;
    };
    struct Raster
    {
        QSize size;
        std::vector<Span> luma; ///< runs of masked pixels
        std::vector<Span> chroma; ///< runs of masked 2×2 blocks (4:2:0 chroma samples)
    };
    const Raster& raster(QSize size);

    QList<QPolygonF> m_polygons;
    Raster m_raster;
};

} // namespace vigil::media
