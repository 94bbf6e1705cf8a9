#include "core/export/requests.h"

#include "core/catalog/bookmark_store.h"
#include "core/catalog/redaction_project_store.h"
#include "core/catalog/settings_store.h"
#include "core/security/audit_actions.h"
#include "core/security/session.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigil::evidence {

namespace audit = security::audit;
using security::Permission;

Requests::Requests(catalog::Catalog& catalog, security::Session* session)
    : m_catalog(catalog)
    , m_session(session)
{ }

QStringList Requests::requesterTypes()
{
    return {QStringLiteral("court"), QStringLiteral("prosecutor"), QStringLiteral("police"),
            QStringLiteral("citizen"), QStringLiteral("press")};
}

QString Requests::requesterTypeName(const QString& type)
{
    if (type == QLatin1String("court"))
        return tr("Court");
    if (type == QLatin1String("prosecutor"))
        return tr("Prosecutor");
    if (type == QLatin1String("police"))
        return tr("Police");
    if (type == QLatin1String("citizen"))
        return tr("Citizen");
    if (type == QLatin1String("press"))
        return tr("Press");
    return type;
}

QStringList Requests::statuses()
{
    return {QStringLiteral("new"), QStringLiteral("redaction"), QStringLiteral("approval"),
            QStringLiteral("released"), QStringLiteral("refused")};
}

QString Requests::statusName(const QString& status)
{
    if (status == QLatin1String("new"))
        return tr("New");
    if (status == QLatin1String("redaction"))
        return tr("In redaction");
    if (status == QLatin1String("approval"))
        return tr("Awaiting approval");
    if (status == QLatin1String("released"))
        return tr("Released");
    if (status == QLatin1String("refused"))
        return tr("Refused");
    return status;
}

bool Requests::closes(const QString& status)
{
    return status == QLatin1String("released") || status == QLatin1String("refused");
}

qint64 Requests::dueMs(
        const catalog::SettingsStore& settings, const QString& type, qint64 receivedMs)
{
    const char* key = catalog::settings::kRequestsDueDaysCitizen;
    if (type == QLatin1String("court"))
        key = catalog::settings::kRequestsDueDaysCourt;
    else if (type == QLatin1String("prosecutor"))
        key = catalog::settings::kRequestsDueDaysProsecutor;
    else if (type == QLatin1String("police"))
        key = catalog::settings::kRequestsDueDaysPolice;
    else if (type == QLatin1String("press"))
        key = catalog::settings::kRequestsDueDaysPress;
    const int days = settings.value(QLatin1String(key)).toInt();
    return QDateTime::fromMSecsSinceEpoch(receivedMs).addDays(days).toMSecsSinceEpoch();
}

Result<void> Requests::audit(
        const QString& action, const catalog::RequestRecord& r, qint64 cameraId)
{
    if (!m_session)
        return {};
    QJsonArray cameras;
    for (const catalog::RequestFootage& f : r.footage)
        cameras.append(f.cameraId);
    const Result<qint64> written = m_session->audit(action, r.number,
            {{QStringLiteral("request"), r.id}, {QStringLiteral("status"), r.status},
                    {QStringLiteral("requester_type"), r.requesterType},
                    {QStringLiteral("legal_basis"), r.legalBasis},
                    {QStringLiteral("due"),
                            QDateTime::fromMSecsSinceEpoch(r.dueMs, Qt::UTC).toString(Qt::ISODate)},
                    {QStringLiteral("cameras"), cameras}},
            cameraId);
    if (!written)
        return written.error();
    return {};
}

Result<qint64> Requests::create(catalog::RequestRecord r)
{
    r.number = r.number.trimmed();
    if (r.number.isEmpty())
        return Error {Error::Code::InvalidArgument, tr("A request needs its number."), {}};
    if (!requesterTypes().contains(r.requesterType))
        return Error {Error::Code::InvalidArgument, tr("Choose who asks for the footage."), {}};
    for (const catalog::RequestFootage& f : std::as_const(r.footage)) {
        if (f.endMs <= f.startMs)
            return Error {Error::Code::InvalidArgument,
                    tr("The footage asked for must end after it starts."), {}};
        if (m_session) {
            if (Result<void> allowed = m_session->check(
                        Permission::ExportRedacted, f.cameraId, QLatin1String(audit::kRequestAdd));
                    !allowed)
                return allowed.error();
        }
    }
    r.status = QStringLiteral("new");
    r.closedMs = 0;
    if (m_session && !m_session->principal().isSetupMode())
        r.createdBy = m_session->principal().userId;
    catalog::RequestStore store(m_catalog);
    const Result<qint64> id = store.add(r);
    if (!id)
        return id.error();
    r.id = id.value();
    if (Result<void> written = audit(QLatin1String(audit::kRequestAdd), r); !written)
        return written.error();
    // Its footage is held while it is open.
    catalog::BookmarkStore bookmarks(m_catalog);
    for (catalog::RequestFootage& f : r.footage) {
        catalog::BookmarkRecord hold;
        hold.cameraId = f.cameraId;
        hold.startMs = f.startMs;
        hold.endMs = f.endMs;
        hold.title = tr("Request %1").arg(r.number);
        hold.caseNumber = r.number;
        hold.note = requesterTypeName(r.requesterType) + QStringLiteral(": ") + r.requester;
        hold.legalHold = true;
        const Result<qint64> holdId = bookmarks.add(hold);
        if (!holdId)
            return holdId.error();
        f.holdId = holdId.value();
        if (Result<qint64> row = store.addFootage(r.id, f); !row)
            return row.error();
        if (Result<void> written = audit(QLatin1String(audit::kHoldAdd), r, f.cameraId); !written)
            return written.error();
    }
    return r.id;
}

Result<void> Requests::setStatus(qint64 id, const QString& status)
{
    if (!statuses().contains(status))
        return Error {
                Error::Code::InvalidArgument, tr("Unknown request status \"%1\".").arg(status), {}};
    catalog::RequestStore store(m_catalog);
    const Result<std::optional<catalog::RequestRecord>> found = store.find(id);
    if (!found)
        return found.error();
    if (!found.value())
        return Error {Error::Code::NotFound, tr("There is no request %1.").arg(id), {}};
    catalog::RequestRecord r = *found.value();
    if (!r.isOpen())
        return Error {Error::Code::InvalidArgument,
                tr("Request %1 is closed (%2).").arg(r.number, statusName(r.status)), {}};
    if (m_session) {
        for (const catalog::RequestFootage& f : std::as_const(r.footage)) {
            if (Result<void> allowed = m_session->check(Permission::ExportRedacted, f.cameraId,
                        QLatin1String(audit::kRequestStatus));
                    !allowed)
                return allowed;
        }
    }
    r.status = status;
    if (closes(status))
        r.closedMs = QDateTime::currentMSecsSinceEpoch();
    if (Result<void> written = audit(QLatin1String(audit::kRequestStatus), r); !written)
        return written;
    if (Result<void> saved = store.update(r); !saved)
        return saved;
    if (!r.isOpen()) {
        // Closed: its holds end (retention may delete the footage once it is due).
        catalog::BookmarkStore bookmarks(m_catalog);
        for (const catalog::RequestFootage& f : std::as_const(r.footage)) {
            if (f.holdId <= 0)
                continue;
            if (Result<void> written = audit(QLatin1String(audit::kHoldRelease), r, f.cameraId);
                    !written)
                return written;
            if (Result<void> cleared = store.setHold(f.id, 0); !cleared)
                return cleared;
            if (Result<void> removed = bookmarks.remove(f.holdId); !removed)
                return removed;
        }
    }
    return {};
}

Result<QList<catalog::RequestRecord>> Requests::list() const
{
    return catalog::RequestStore(m_catalog).list();
}

Result<void> Requests::saveRedaction(qint64 cameraId, qint64 fromMs, qint64 toMs, qint64 requestId,
        const redaction::RedactionLog& log, int position)
{
    catalog::RedactionProjectRecord p;
    if (m_session) {
        if (Result<void> allowed = m_session->check(
                    Permission::ExportRedacted, cameraId, QLatin1String(audit::kRedactionSave));
                !allowed)
            return allowed.error();
        if (!m_session->principal().isSetupMode())
            p.updatedBy = m_session->principal().userId;
    }
    p.cameraId = cameraId;
    p.startMs = fromMs;
    p.endMs = toMs;
    p.requestId = requestId;
    p.originalSha256 = log.originalSha256;
    p.log = QJsonDocument(log.toJson()).toJson(QJsonDocument::Compact);
    p.position = position;
    p.updatedMs = QDateTime::currentMSecsSinceEpoch();
    const Result<qint64> saved = catalog::RedactionProjectStore(m_catalog).save(p);
    if (!saved)
        return saved.error();
    return {};
}

} // namespace vigil::evidence
