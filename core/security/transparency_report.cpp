#include "core/security/transparency_report.h"

#include "core/catalog/catalog.h"
#include "core/catalog/settings_store.h"
#include "core/runtime/csv.h"
#include "core/security/audit_actions.h"

#include <QDateTime>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextDocument>
#include <QTimeZone>

namespace vigil::security {

namespace {

QString monthOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM"));
}

} // namespace

Result<TransparencyReport> TransparencyReport::build(
        catalog::Catalog& catalog, qint64 fromMs, qint64 toMs)
{
    TransparencyReport r;
    r.fromMs = fromMs;
    r.toMs = toMs;
    const QSqlDatabase db = QSqlDatabase::database(catalog.connectionName(), false);

    // Cameras (not removed before the period), their retention and hours of main-stream footage
    // in the period.
    QSqlQuery cams(db);
    cams.prepare(QStringLiteral(
            "SELECT c.name, c.retention_days, COALESCE((SELECT SUM(MIN(s.end_ms, ?) - "
            "MAX(s.start_ms, "
            "?)) FROM segments s JOIN streams st ON st.id = s.stream_id WHERE s.camera_id = c.id "
            "AND st.role = 'main' AND s.start_ms < ? AND s.end_ms > ?), 0) FROM cameras c WHERE "
            "c.removed_ms IS NULL OR c.removed_ms > ? ORDER BY c.id"));
    cams.addBindValue(toMs);
    cams.addBindValue(fromMs);
    cams.addBindValue(toMs);
    cams.addBindValue(fromMs);
    cams.addBindValue(fromMs);
    if (!cams.exec())
        return catalog.sqlError(cams.lastError(), tr("reading the cameras"));
    while (cams.next())
        r.cameras << Camera {cams.value(0).toString(), cams.value(2).toDouble() / 3600000.0,
                cams.value(1).toInt()};
    QSqlQuery quota(db);
    quota.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    quota.addBindValue(QLatin1String(catalog::settings::kStorageQuotaMB));
    if (quota.exec() && quota.next())
        r.quotaMB = quota.value(0).toLongLong();

    // Every month of the period, even those with nothing in them.
    QMap<QString, Month> months;
    for (QDateTime m = QDateTime::fromMSecsSinceEpoch(fromMs, QTimeZone::utc());
            m.toMSecsSinceEpoch() < toMs; m = m.addMonths(1)) {
        const QString key = m.toString(QStringLiteral("yyyy-MM"));
        months[key].month = key;
    }
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    rows.prepare(QStringLiteral("SELECT at_ms, action, detail FROM audit_log WHERE at_ms >= ? AND "
                                "at_ms < ? ORDER BY id"));
    rows.addBindValue(fromMs);
    rows.addBindValue(toMs);
    if (!rows.exec())
        return catalog.sqlError(rows.lastError(), tr("reading the audit log"));
    while (rows.next()) {
        const QString key = monthOf(rows.value(0).toLongLong());
        Month& m = months[key];
        m.month = key;
        const QString action = rows.value(1).toString();
        const QJsonObject detail
                = QJsonDocument::fromJson(rows.value(2).toString().toUtf8()).object();
        if (action == QLatin1String(audit::kLiveStart)) {
            ++m.liveViews;
        } else if (action == QLatin1String(audit::kPlayback)) {
            ++m.playbackSessions;
        } else if (action == QLatin1String(audit::kSearch)) {
            ++m.searches;
        } else if (action == QLatin1String(audit::kSnapshot)) {
            ++m.snapshots;
        } else if (action == QLatin1String(audit::kExport)) {
            ++m.exports;
            ++r.exportsByLegalBasis[detail.value(QLatin1String("legal_basis")).toString()];
            ++r.exportsByRequester[detail.value(QLatin1String("requester_type")).toString()];
        } else if (action == QLatin1String(audit::kHoldAdd)) {
            ++m.holdsPlaced;
        } else if (action == QLatin1String(audit::kHoldRelease)) {
            ++m.holdsReleased;
        } else if (action == QLatin1String(audit::kMaskLift)) {
            ++m.masksLifted;
        } else if (action == QLatin1String(audit::kLoginFailed)) {
            ++m.failedLogins;
        } else if (action == QLatin1String(audit::kRetention)) {
            ++m.retentionPasses;
            m.segmentsDeleted += detail.value(QLatin1String("deleted_by_age")).toInt()
                    + detail.value(QLatin1String("deleted_for_space")).toInt();
        }
    }
    r.months = months.values();
    return r;
}

QString TransparencyReport::toCsv() const
{
    QStringList lines;
    const auto day = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
    };
    lines << QStringLiteral("section,item,value");
    lines << QStringLiteral("period,from,%1").arg(day(fromMs));
    lines << QStringLiteral("period,to,%1").arg(day(toMs));
    lines << QStringLiteral("storage,quota_mb,%1").arg(quotaMB);
    lines << QStringLiteral("cameras,count,%1").arg(cameras.size());
    for (const Camera& c : cameras) {
        // The item is one cell: a name with a comma or a quote is quoted whole.
        lines << QStringLiteral("camera,%1,%2")
                         .arg(runtime::csvCell(c.name + QStringLiteral(" hours_recorded")))
                         .arg(c.hoursRecorded, 0, 'f', 1);
        lines << QStringLiteral("camera,%1,%2")
                         .arg(runtime::csvCell(c.name + QStringLiteral(" retention_days")))
                         .arg(c.retentionDays);
    }
    for (const Month& m : months) {
        const QList<QPair<const char*, int>> counts {{"live_views", m.liveViews},
                {"playback_sessions", m.playbackSessions}, {"searches", m.searches},
                {"snapshots", m.snapshots}, {"exports", m.exports}, {"holds_placed", m.holdsPlaced},
                {"holds_released", m.holdsReleased}, {"masks_lifted", m.masksLifted},
                {"failed_logins", m.failedLogins}, {"retention_passes", m.retentionPasses},
                {"segments_deleted_by_retention", m.segmentsDeleted}};
        for (const auto& [name, value] : counts)
            lines << QStringLiteral("month %1,%2,%3").arg(m.month, QLatin1String(name)).arg(value);
    }
    for (auto it = exportsByLegalBasis.begin(); it != exportsByLegalBasis.end(); ++it)
        lines << QStringLiteral("exports by legal basis,%1,%2")
                         .arg(runtime::csvCell(it.key()))
                         .arg(it.value());
    for (auto it = exportsByRequester.begin(); it != exportsByRequester.end(); ++it)
        lines << QStringLiteral("exports by requester,%1,%2")
                         .arg(runtime::csvCell(it.key()))
                         .arg(it.value());
    return lines.join(u'\n') + u'\n';
}

QJsonObject TransparencyReport::toJson() const
{
    QJsonArray cams;
    for (const Camera& c : cameras)
        cams.append(QJsonObject {{QStringLiteral("name"), c.name},
                {QStringLiteral("hours_recorded"), c.hoursRecorded},
                {QStringLiteral("retention_days"), c.retentionDays}});
    QJsonArray ms;
    for (const Month& m : months)
        ms.append(QJsonObject {{QStringLiteral("month"), m.month},
                {QStringLiteral("live_views"), m.liveViews},
                {QStringLiteral("playback_sessions"), m.playbackSessions},
                {QStringLiteral("searches"), m.searches},
                {QStringLiteral("snapshots"), m.snapshots}, {QStringLiteral("exports"), m.exports},
                {QStringLiteral("holds_placed"), m.holdsPlaced},
                {QStringLiteral("holds_released"), m.holdsReleased},
                {QStringLiteral("masks_lifted"), m.masksLifted},
                {QStringLiteral("failed_logins"), m.failedLogins},
                {QStringLiteral("retention_passes"), m.retentionPasses},
                {QStringLiteral("segments_deleted_by_retention"), m.segmentsDeleted}});
    QJsonObject basis;
    for (auto it = exportsByLegalBasis.begin(); it != exportsByLegalBasis.end(); ++it)
        basis.insert(it.key(), it.value());
    QJsonObject requester;
    for (auto it = exportsByRequester.begin(); it != exportsByRequester.end(); ++it)
        requester.insert(it.key(), it.value());
    return {{QStringLiteral("from_ms"), fromMs}, {QStringLiteral("to_ms"), toMs},
            {QStringLiteral("quota_mb"), quotaMB}, {QStringLiteral("cameras"), cams},
            {QStringLiteral("months"), ms}, {QStringLiteral("exports_by_legal_basis"), basis},
            {QStringLiteral("exports_by_requester"), requester}};
}

QString TransparencyReport::toHtml() const
{
    const auto day = [](qint64 ms) {
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).date(), QLocale::LongFormat);
    };
    const auto esc = [](const QString& text) { return text.toHtmlEscaped(); };
    QString html = QStringLiteral("<html><body style=\"font-family: sans-serif;\">");
    html += QStringLiteral("<h1>%1</h1>").arg(esc(tr("Transparency report of the town's cameras")));
    html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("From %1 to %2. Counts only: no footage, no "
                                "person's name. Every number can be recounted "
                                "from the audit log, which proves it was not "
                                "edited.")
                                     .arg(day(fromMs), day(toMs))));
    html += QStringLiteral("<h2>%1</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">")
                    .arg(esc(tr("%n camera(s)", nullptr, int(cameras.size()))));
    html += QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th></tr>")
                    .arg(esc(tr("Camera")), esc(tr("Hours recorded")), esc(tr("Kept for")));
    for (const Camera& c : cameras) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td>%3</td></tr>")
                        .arg(esc(c.name), QLocale().toString(c.hoursRecorded, 'f', 1),
                                esc(c.retentionDays > 0 ? tr("%n day(s)", nullptr, c.retentionDays)
                                                        : tr("no age limit")));
    }
    html += QStringLiteral("</table><p>%1</p>")
                    .arg(esc(quotaMB > 0 ? tr("Recordings may use at most %1 MB.").arg(quotaMB)
                                         : tr("No storage quota: the disk's free space limits "
                                              "recordings.")));
    html += QStringLiteral("<h2>%1</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">")
                    .arg(esc(tr("Use per month")));
    const QStringList heads {tr("Month"), tr("Live views"), tr("Playback sessions"), tr("Searches"),
            tr("Snapshots"), tr("Exports"), tr("Holds placed"), tr("Holds released"),
            tr("Masks lifted"), tr("Failed logins"), tr("Footage files deleted by retention")};
    html += QStringLiteral("<tr>");
    for (const QString& h : heads)
        html += QStringLiteral("<th>%1</th>").arg(esc(h));
    html += QStringLiteral("</tr>");
    for (const Month& m : months) {
        html += QStringLiteral("<tr><td>%1</td>").arg(esc(m.month));
        for (int value :
                {m.liveViews, m.playbackSessions, m.searches, m.snapshots, m.exports, m.holdsPlaced,
                        m.holdsReleased, m.masksLifted, m.failedLogins, m.segmentsDeleted})
            html += QStringLiteral("<td align=\"right\">%1</td>").arg(value);
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    const auto breakdown = [&](const QString& title, const QMap<QString, int>& counts) {
        if (counts.isEmpty())
            return;
        html += QStringLiteral("<h2>%1</h2><ul>").arg(esc(title));
        for (auto it = counts.begin(); it != counts.end(); ++it)
            html += QStringLiteral("<li>%1: %2</li>").arg(esc(it.key())).arg(it.value());
        html += QStringLiteral("</ul>");
    };
    breakdown(tr("Exports by legal basis"), exportsByLegalBasis);
    breakdown(tr("Exports by requester"), exportsByRequester);
    html += QStringLiteral("</body></html>");
    return html;
}

Result<void> TransparencyReport::save(const QString& path) const
{
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".pdf"))) {
        if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
            return Error {
                    Error::Code::Unsupported, tr("A PDF needs Vigil's window or vigilctl."), {}};
        QPdfWriter pdf(path);
        pdf.setTitle(tr("Transparency report"));
        pdf.setCreator(QStringLiteral("Vigil"));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        QTextDocument document;
        document.setHtml(toHtml());
        document.print(&pdf);
        if (!QFileInfo(path).isFile() || QFileInfo(path).size() == 0)
            return Error {Error::Code::Io, tr("\"%1\" cannot be written.").arg(path), {}};
        return {};
    }
    QByteArray bytes;
    if (lower.endsWith(QLatin1String(".csv")))
        bytes = toCsv().toUtf8();
    else if (lower.endsWith(QLatin1String(".json")))
        bytes = QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
    else
        return Error {Error::Code::InvalidArgument,
                tr("A transparency report is written as .pdf, .csv or .json."), {}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error {Error::Code::Io,
                tr("\"%1\" cannot be written: %2").arg(path, file.errorString()), {}};
    return {};
}

} // namespace vigil::security
