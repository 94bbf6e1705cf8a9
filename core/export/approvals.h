#pragma once

#include "core/catalog/approval_store.h"
#include "core/export/export_job.h"
#include "core/result.h"
#include "core/security/access.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace vigil::security {
class Session;
}

namespace vigil::evidence {

/// An approval with the export it is for.
struct ApprovalInfo
{
    catalog::ApprovalRecord record;
    ExportSpec spec;
};

/// Approvals a supervisor gives later: a clerk who needs an original (unredacted) export while
/// no supervisor is at the PC asks; a supervisor grants or refuses it from their own login;
/// then the clerk's export of exactly that footage goes ahead (ExportSpec::approvalId), once.
/// Every step is checked and audited.
class Approvals
{
    Q_DECLARE_TR_FUNCTIONS(vigil::evidence::Approvals)

public:
    Approvals(catalog::Catalog& catalog, security::Session* session);

    /// Asks for an approval of `spec` (its original) as the session's user.
    Result<qint64> ask(const ExportSpec& spec);
    /// Grants or refuses, as the session's user: ApproveRelease on every camera, and not the
    /// person who asked.
    Result<void> decide(qint64 id, bool grant, const QString& note = {});
    Result<QList<ApprovalInfo>> list() const;

    /// The supervisor who granted `spec.approvalId` to `who`: the approval must be granted and
    /// unused, asked by `who`, and cover the cameras and time range of `spec`.
    static Result<security::Principal> approverFor(
            catalog::Catalog& catalog, const security::Principal& who, const ExportSpec& spec);

    static QJsonObject specJson(const ExportSpec& spec);
    static ExportSpec specFromJson(const QJsonObject& json);
    static QString statusName(const QString& status);

private:
    catalog::Catalog& m_catalog;
    security::Session* m_session;
};

} // namespace vigil::evidence
