#include "core/export/evidence_report.h"

#include "core/export/evidence_package.h"
#include "core/redaction/video_file_p.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace vigil::evidence {

namespace {

/// The effect as the reader of the report says it.
QString effectName(const QString& key)
{
    if (key == QLatin1String("solid"))
        return EvidenceReport::tr("solid boxes");
    if (key == QLatin1String("pixelate"))
        return EvidenceReport::tr("pixelation");
    if (key == QLatin1String("blur"))
        return EvidenceReport::tr("strong blur");
    return key;
}

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString localTime(const QJsonValue& iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QStringLiteral("%1 (%2)").arg(
                   QLocale().toString(t.toLocalTime(), QLocale::LongFormat), iso.toString())
                       : iso.toString();
}

} // namespace

QList<QImage> EvidenceReport::pictures(const QString& video, int count, int width)
{
    QList<QPair<QString, double>> moments;
    for (int i = 0; i < count; ++i)
        moments.append({video, double(2 * i + 1) / double(2 * count)});
    return picturesAt(moments, width);
}

QList<QImage> EvidenceReport::picturesAt(const QList<QPair<QString, double>>& moments, int width)
{
    QList<QImage> out;
    std::unique_ptr<redaction::VideoFile> file;
    QString openPath;
    media::SwsPtr sws;
    for (const auto& [path, share] : moments) {
        if (!file || openPath != path) {
            // One decoding thread: a single keyframe comes out at once.
            Result<std::unique_ptr<redaction::VideoFile>> opened
                    = redaction::VideoFile::open(path, 1);
            if (!opened)
                continue;
            file = std::move(opened).value();
            openPath = path;
        }
        file->seekShare(share);
        Result<const AVFrame*> next = file->next();
        if (!next || !next.value())
            continue;
        const AVFrame* f = next.value();
        const int height = std::max(2, width * f->height / std::max(1, f->width));
        QImage picture(width, height, QImage::Format_RGB32);
        sws.reset(sws_getCachedContext(sws.release(), f->width, f->height, AVPixelFormat(f->format),
                width, height, AV_PIX_FMT_BGRA, SWS_AREA, nullptr, nullptr, nullptr));
        uint8_t* dst[1] = {picture.bits()};
        const int stride[1] = {int(picture.bytesPerLine())};
        sws_scale(sws.get(), f->data, f->linesize, 0, f->height, dst, stride);
        out << picture;
    }
    return out;
}

Result<void> EvidenceReport::write(const QString& path, const Input& in)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Error {Error::Code::Unsupported,
                tr("The package's report (a PDF) needs Vigil's window or vigilctl."), {}};
    const QJsonObject& m = in.manifest;
    QTextDocument document;
    QString html
            = QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans'; font-size: 9pt\">");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(tr("Evidence package")));
    const auto row = [&](const QString& label, const QString& value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(esc(label), esc(value));
    };
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
    row(tr("Case"), m.value(QLatin1String("case")).toString());
    row(tr("Reason"), m.value(QLatin1String("reason")).toString());
    const QJsonObject request = m.value(QLatin1String("request")).toObject();
    if (!request.isEmpty()) {
        row(tr("Request"), request.value(QLatin1String("number")).toString());
        row(tr("Requester"), request.value(QLatin1String("requester")).toString());
        row(tr("Legal basis"), request.value(QLatin1String("legal_basis")).toString());
    }
    row(tr("From"), localTime(m.value(QLatin1String("from_utc"))));
    row(tr("To"), localTime(m.value(QLatin1String("to_utc"))));
    const QJsonObject by = m.value(QLatin1String("exported_by")).toObject();
    row(tr("Exported by"), by.value(QLatin1String("login")).toString());
    const QJsonObject approver = m.value(QLatin1String("original_approved_by")).toObject();
    if (!approver.isEmpty())
        row(tr("Original approved by"), approver.value(QLatin1String("login")).toString());
    row(tr("Made"), localTime(m.value(QLatin1String("created_utc"))));
    row(tr("Vigil version"), m.value(QLatin1String("vigil_version")).toString());
    row(tr("Signing key fingerprint (SHA-256)"), in.fingerprint);
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Cameras")));
    int pictureId = 0;
    for (const QJsonValue& v : m.value(QLatin1String("cameras")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString name = c.value(QLatin1String("name")).toString();
        html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\" cellpadding=\"2\">")
                        .arg(esc(tr("%1 (camera %2)")
                                         .arg(name)
                                         .arg(c.value(QLatin1String("id")).toInteger())));
        if (c.contains(QLatin1String("first_frame_utc"))) {
            row(tr("First frame"), localTime(c.value(QLatin1String("first_frame_utc"))));
            row(tr("Last frame"), localTime(c.value(QLatin1String("last_frame_utc"))));
            row(tr("Video"),
                    QStringLiteral("%1 %2×%3")
                            .arg(c.value(QLatin1String("codec")).toString())
                            .arg(c.value(QLatin1String("width")).toInt())
                            .arg(c.value(QLatin1String("height")).toInt()));
            row(tr("Recorded files"),
                    QString::number(c.value(QLatin1String("recordings")).toArray().size()));
        } else {
            row(tr("Footage"), tr("Nothing was recorded in this time range."));
        }
        const QJsonObject redaction = c.value(QLatin1String("redaction")).toObject();
        if (!redaction.isEmpty()) {
            QString text
                    = tr("%1 face tracks, %2 plate and text tracks, %3 drawn regions, %4 "
                         "privacy masks; effect: %5")
                              .arg(redaction.value(QLatin1String("face_tracks")).toInt())
                              .arg(redaction.value(QLatin1String("plate_tracks")).toInt())
                              .arg(redaction.value(QLatin1String("region_tracks")).toInt())
                              .arg(redaction.value(QLatin1String("privacy_masks")).toInt())
                              .arg(effectName(redaction.value(QLatin1String("effect")).toString()));
            if (redaction.value(QLatin1String("invert")).toBool())
                text += QLatin1Char(' ')
                        + tr("(inverted: everything hidden except the chosen tracks)");
            text += QLatin1String("; ")
                    + (redaction.value(QLatin1String("audio")).toString() == QLatin1String("keep")
                                    ? tr("sound kept, %n stretch(es) muted", nullptr,
                                            redaction.value(QLatin1String("muted")).toInt())
                                    : tr("sound removed"));
            row(tr("Redaction"), text);
        }
        html += QStringLiteral("</table>");
        for (const Strip& strip : in.strips) {
            if (strip.camera != name)
                continue;
            html += QStringLiteral("<p>");
            for (const QImage& picture : strip.pictures) {
                const QString url = QStringLiteral("picture:%1").arg(++pictureId);
                document.addResource(QTextDocument::ImageResource, QUrl(url), picture);
                // Both sides: with only the width, the picture keeps its height and is squeezed.
                html += QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\"> ")
                                .arg(url)
                                .arg(picture.width() / 3)
                                .arg(picture.height() / 3);
            }
            html += QStringLiteral("</p>");
        }
    }
    html += QStringLiteral("<h2>%1</h2><table cellspacing=\"0\" cellpadding=\"2\">")
                    .arg(esc(tr("Files and their SHA-256")));
    for (const auto& [file, hash] : in.hashes)
        html += QStringLiteral("<tr><td>%1</td><td><tt>%2</tt></td></tr>")
                        .arg(esc(file), QString::fromLatin1(hash));
    html += QStringLiteral("</table><p>%1</p>")
                    .arg(esc(tr("manifest.json lists these and every other file of the package, "
                                "with the SHA-256 of each recorded file the footage came from.")));
    html += QStringLiteral(
            "<h2>%1</h2><p style=\"white-space: pre-wrap; font-family: 'DejaVu Sans Mono'; "
            "font-size: 7pt\">%2</p>")
                    .arg(esc(tr("How to verify")),
                            esc(EvidencePackage::verifyText(in.fingerprint)));
    html += QStringLiteral("</body></html>");
    document.setHtml(html);

    QPdfWriter pdf(path);
    pdf.setTitle(tr("Evidence package %1").arg(m.value(QLatin1String("case")).toString()));
    pdf.setCreator(QStringLiteral("Vigil"));
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    document.print(&pdf);
    if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0)
        return Error {Error::Code::Io,
                tr("\"%1\" cannot be written.").arg(QDir::toNativeSeparators(path)), {}};
    return {};
}

} // namespace vigil::evidence
