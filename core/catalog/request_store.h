#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace vigil::catalog {

class Catalog;

/// Footage a request asks for: a camera and a time range, held while the request is open.
struct RequestFootage
{
    qint64 id = 0;
    qint64 cameraId = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 holdId = 0; ///< the legal-hold bookmark; 0 once released
};

/// A records request: a court, prosecutor, the police, a citizen or the press asking for footage.
struct RequestRecord
{
    qint64 id = 0;
    QString number;
    QString requesterType; ///< court, prosecutor, police, citizen, press
    QString requester;
    QString legalBasis;
    qint64 receivedMs = 0;
    qint64 dueMs = 0;
    QString status = QStringLiteral("new"); ///< new, redaction, approval, released, refused
    QString notes;
    qint64 createdBy = 0;
    qint64 closedMs = 0; ///< 0 while open
    QList<RequestFootage> footage;

    bool isOpen() const { return closedMs == 0; }
};

class RequestStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::RequestStore)

public:
    explicit RequestStore(Catalog& catalog);

    Result<qint64> add(const RequestRecord& request);
    Result<qint64> addFootage(qint64 requestId, const RequestFootage& footage);
    Result<void> setHold(qint64 footageId, qint64 holdId);
    Result<void> update(const RequestRecord& request); ///< its fields, not its footage
    /// Open ones first by due date, then closed ones, newest first.
    Result<QList<RequestRecord>> list() const;
    Result<std::optional<RequestRecord>> find(qint64 id) const;

private:
    Result<QList<RequestFootage>> footageOf(qint64 requestId) const;
    Catalog& m_catalog;
};

} // namespace vigil::catalog
