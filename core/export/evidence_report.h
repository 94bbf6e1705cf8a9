#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace vigil::evidence {

/// `report.pdf` of an evidence package: the request, the cameras and times, the SHA-256 of the
/// videos, the signing key's fingerprint, a strip of pictures per camera (from the redacted video
/// when the package has one: a redacted release never shows what it hides), the redaction summary
/// and how to verify it all. Needs a QGuiApplication (text layout needs fonts): the window, or
/// vigilctl, which starts one without a window for exports.
class EvidenceReport
{
    Q_DECLARE_TR_FUNCTIONS(vigil::evidence::EvidenceReport)

public:
    struct Strip
    {
        QString camera;
        QList<QImage> pictures;
    };
    struct Input
    {
        QJsonObject manifest; ///< as it will be signed, without its `files`
        QString fingerprint;
        QList<QPair<QString, QByteArray>> hashes; ///< path in the package, SHA-256 (hex)
        QList<Strip> strips;
    };

    static Result<void> write(const QString& path, const Input& input);
    /// `count` pictures spread over a video, `width` pixels wide.
    static QList<QImage> pictures(const QString& video, int count, int width);
    /// The keyframe before each moment, given as a video and a share (0…1) of its length.
    static QList<QImage> picturesAt(const QList<QPair<QString, double>>& moments, int width);
};

} // namespace vigil::evidence
