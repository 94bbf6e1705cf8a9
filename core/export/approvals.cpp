#include "core/export/approvals.h"

#include "core/export/times_p.h"
#include "core/security/audit_actions.h"
#include "core/security/session.h"
#include "core/security/user_store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace vigil::evidence {

namespace audit = security::audit;
using security::Permission;

Approvals::Approvals(catalog::Catalog& catalog, security::Session* session)
    : m_catalog(catalog)
    , m_session(session)
{ }

QJsonObject Approvals::specJson(const ExportSpec& spec)
{
    QJsonArray cameras;
    for (qint64 id : spec.cameraIds)
        cameras.append(id);
    return QJsonObject {{QStringLiteral("cameras"), cameras},
            {QStringLiteral("from_ms"), spec.fromMs}, {QStringLiteral("to_ms"), spec.toMs},
            {QStringLiteral("case"), spec.caseNumber}, {QStringLiteral("reason"), spec.reason},
            {QStringLiteral("original"), spec.original},
            {QStringLiteral("redacted"), spec.redacted},
            {QStringLiteral("faces"), spec.detect.faces},
            {QStringLiteral("plates"), spec.detect.plates},
            {QStringLiteral("thorough"), spec.detect.thorough},
            {QStringLiteral("effect"), redaction::RedactionLog::effectKey(spec.effect)},
            {QStringLiteral("zip"), spec.zip}, {QStringLiteral("request"), spec.request}};
}

ExportSpec Approvals::specFromJson(const QJsonObject& json)
{
    ExportSpec spec;
    for (const QJsonValue& v : json.value(QLatin1String("cameras")).toArray())
        spec.cameraIds << v.toInteger();
    spec.fromMs = json.value(QLatin1String("from_ms")).toInteger();
    spec.toMs = json.value(QLatin1String("to_ms")).toInteger();
    spec.caseNumber = json.value(QLatin1String("case")).toString();
    spec.reason = json.value(QLatin1String("reason")).toString();
    spec.original = json.value(QLatin1String("original")).toBool();
    spec.redacted = json.value(QLatin1String("redacted")).toBool();
    spec.detect.faces = json.value(QLatin1String("faces")).toBool(true);
    spec.detect.plates = json.value(QLatin1String("plates")).toBool(true);
    spec.detect.thorough = json.value(QLatin1String("thorough")).toBool();
    spec.effect
            = redaction::RedactionLog::effectFromKey(json.value(QLatin1String("effect")).toString())
                      .value_or(redaction::Effect::Solid);
    spec.zip = json.value(QLatin1String("zip")).toBool();
    spec.request = json.value(QLatin1String("request")).toObject();
    return spec;
}

QString Approvals::statusName(const QString& status)
{
    if (status == QLatin1String("pending"))
        return tr("Waiting for a supervisor");
    if (status == QLatin1String("granted"))
        return tr("Granted: ready to export");
    if (status == QLatin1String("refused"))
        return tr("Refused");
    if (status == QLatin1String("used"))
        return tr("Exported");
    return status;
}

Result<qint64> Approvals::ask(const ExportSpec& spec)
{
    if (spec.cameraIds.isEmpty() || spec.toMs <= spec.fromMs)
        return Error {
                Error::Code::InvalidArgument, tr("Choose the cameras and the time range."), {}};
    catalog::ApprovalRecord r;
    if (m_session) {
        for (qint64 camera : spec.cameraIds)
            if (Result<void> allowed = m_session->check(
                        Permission::ExportRedacted, camera, QLatin1String(audit::kApprovalAsk));
                    !allowed)
                return allowed.error();
        r.requestedBy = m_session->principal().userId;
        r.requestedLogin = m_session->principal().login;
    }
    ExportSpec asked = spec;
    asked.original = true;
    r.requestedMs = QDateTime::currentMSecsSinceEpoch();
    r.spec = QJsonDocument(specJson(asked)).toJson(QJsonDocument::Compact);
    const Result<qint64> id = catalog::ApprovalStore(m_catalog).add(r);
    if (!id)
        return id;
    if (m_session) {
        const Result<qint64> written = m_session->audit(QLatin1String(audit::kApprovalAsk),
                QStringLiteral("approval %1").arg(id.value()),
                {{QStringLiteral("case"), spec.caseNumber},
                        {QStringLiteral("from"), isoUtc(spec.fromMs)},
                        {QStringLiteral("to"), isoUtc(spec.toMs)},
                        {QStringLiteral("cameras"),
                                specJson(asked).value(QLatin1String("cameras"))}},
                spec.cameraIds.size() == 1 ? spec.cameraIds.first() : 0);
        if (!written)
            return written.error();
    }
    return id;
}

Result<void> Approvals::decide(qint64 id, bool grant, const QString& note)
{
    catalog::ApprovalStore store(m_catalog);
    const Result<std::optional<catalog::ApprovalRecord>> found = store.find(id);
    if (!found)
        return found.error();
    if (!found.value())
        return Error {Error::Code::NotFound, tr("There is no such approval."), {}};
    const catalog::ApprovalRecord& r = *found.value();
    const ExportSpec spec = specFromJson(QJsonDocument::fromJson(r.spec).object());
    const char* action = grant ? audit::kApprovalGrant : audit::kApprovalRefuse;
    qint64 userId = 0;
    QString login;
    if (m_session) {
        for (qint64 camera : spec.cameraIds)
            if (Result<void> allowed
                    = m_session->check(Permission::ApproveRelease, camera, QLatin1String(action));
                    !allowed)
                return allowed.error();
        const security::Principal& me = m_session->principal();
        if (!me.isSetupMode() && me.userId == r.requestedBy)
            return Error {Error::Code::Forbidden,
                    tr("An original must be approved by someone other than the person who "
                       "exports it."),
                    {}};
        userId = me.userId;
        login = me.login;
    }
    if (Result<void> decided
            = store.decide(id, grant, userId, login, note, QDateTime::currentMSecsSinceEpoch());
            !decided)
        return decided;
    if (m_session) {
        const Result<qint64> written = m_session->audit(QLatin1String(action),
                QStringLiteral("approval %1").arg(id),
                {{QStringLiteral("asked_by"), r.requestedLogin},
                        {QStringLiteral("case"), spec.caseNumber}, {QStringLiteral("note"), note}},
                spec.cameraIds.size() == 1 ? spec.cameraIds.first() : 0);
        if (!written)
            return written.error();
    }
    return {};
}

Result<QList<ApprovalInfo>> Approvals::list() const
{
    const Result<QList<catalog::ApprovalRecord>> records = catalog::ApprovalStore(m_catalog).list();
    if (!records)
        return records.error();
    QList<ApprovalInfo> out;
    for (const catalog::ApprovalRecord& r : records.value())
        out.append({r, specFromJson(QJsonDocument::fromJson(r.spec).object())});
    return out;
}

Result<security::Principal> Approvals::approverFor(
        catalog::Catalog& catalog, const security::Principal& who, const ExportSpec& spec)
{
    const Result<std::optional<catalog::ApprovalRecord>> found
            = catalog::ApprovalStore(catalog).find(spec.approvalId);
    if (!found)
        return found.error();
    const auto refused = [](const QString& why) { return Error {Error::Code::Forbidden, why, {}}; };
    if (!found.value())
        return refused(tr("There is no such approval."));
    const catalog::ApprovalRecord& r = *found.value();
    if (r.status == QLatin1String("pending"))
        return refused(tr("No supervisor has granted this export yet."));
    if (r.status == QLatin1String("refused"))
        return refused(tr("A supervisor refused this export."));
    if (r.status != QLatin1String("granted"))
        return refused(tr("This approval was used already: each approval makes one package."));
    if (r.requestedBy != who.userId)
        return refused(tr("This approval was given to %1, not to you.").arg(r.requestedLogin));
    const ExportSpec asked = specFromJson(QJsonDocument::fromJson(r.spec).object());
    for (qint64 camera : spec.cameraIds)
        if (!asked.cameraIds.contains(camera))
            return refused(tr("The approval does not cover this camera."));
    if (spec.fromMs < asked.fromMs || spec.toMs > asked.toMs)
        return refused(tr("The approval does not cover this time range."));
    // The supervisor as they are now (a disabled account approves nothing).
    const Result<std::optional<security::UserRecord>> user
            = security::UserStore(catalog).find(r.decidedLogin);
    if (!user)
        return user.error();
    if (!user.value() || user.value()->disabled)
        return refused(tr("The supervisor who granted this approval can no longer approve."));
    return security::UserStore::principalOf(*user.value());
}

} // namespace vigil::evidence
