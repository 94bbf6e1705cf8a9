#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace vigil::catalog {
class Catalog;
}

namespace vigil::security {

/// What a town can publish about its cameras' use over a period: counts only — no footage, no
/// person's name (the audit log's logins are not in it). Built from the catalog and the audit
/// log, so every count is a number of audit rows anyone with the log can recount.
struct TransparencyReport
{
    Q_DECLARE_TR_FUNCTIONS(vigil::security::TransparencyReport)

public:
    struct Camera
    {
        QString name;
        double hoursRecorded = 0; ///< main stream, within the period
        int retentionDays = 0; ///< 0: no age limit
    };
    struct Month
    {
        QString month; ///< "2026-11" (UTC)
        int liveViews = 0;
        int playbackSessions = 0;
        int searches = 0;
        int snapshots = 0;
        int exports = 0;
        int holdsPlaced = 0;
        int holdsReleased = 0;
        int masksLifted = 0;
        int failedLogins = 0;
        int retentionPasses = 0;
        int segmentsDeleted = 0;
    };

    qint64 fromMs = 0;
    qint64 toMs = 0;
    QList<Camera> cameras;
    qint64 quotaMB = 0;
    QList<Month> months;
    QMap<QString, int> exportsByLegalBasis;
    QMap<QString, int> exportsByRequester;

    static Result<TransparencyReport> build(catalog::Catalog& catalog, qint64 fromMs, qint64 toMs);
    QString toCsv() const;
    QJsonObject toJson() const;
    /// A page a town can publish (the same counts as toCsv()), in the current language.
    QString toHtml() const;
    /// Written as PDF, CSV or JSON by the file's extension (.pdf needs a QGuiApplication).
    Result<void> save(const QString& path) const;
};

} // namespace vigil::security
