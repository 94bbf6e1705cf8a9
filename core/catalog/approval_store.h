#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::catalog {

class Catalog;

/// A clerk's export of original (unredacted) footage waiting for a supervisor who was not at
/// the PC: asked, then granted or refused, then used by one export.
struct ApprovalRecord
{
    qint64 id = 0;
    qint64 requestedBy = 0; ///< users.id
    QString requestedLogin;
    qint64 requestedMs = 0;
    QByteArray spec; ///< the export asked for (JSON: cameras, range, case, reason…)
    QString status = QStringLiteral("pending"); ///< pending, granted, refused, used
    qint64 decidedBy = 0;
    QString decidedLogin;
    qint64 decidedMs = 0;
    QString note;
    qint64 usedMs = 0;
};

class ApprovalStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::ApprovalStore)

public:
    explicit ApprovalStore(Catalog& catalog);

    Result<qint64> add(const ApprovalRecord& approval);
    /// pending → granted or refused, once.
    Result<void> decide(qint64 id, bool grant, qint64 userId, const QString& login,
            const QString& note, qint64 nowMs);
    /// granted → used, once: one approval, one package.
    Result<void> markUsed(qint64 id, qint64 nowMs);
    Result<std::optional<ApprovalRecord>> find(qint64 id) const;
    /// Pending and granted ones first (oldest first), then the latest decided or used.
    Result<QList<ApprovalRecord>> list() const;

private:
    Catalog& m_catalog;
};

} // namespace vigil::catalog
