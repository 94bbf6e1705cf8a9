#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace vigil::catalog {

class Catalog;

/// A redaction in progress: a camera's clip over a time range, what the reviewer decided (the
/// redaction log as JSON, with the tracks, drawn regions, effect, sound) and where they were.
/// Saved as they work, so that the editor reopens exactly where it was left; tied to the
/// clip's SHA-256, so that it never applies to other footage.
struct RedactionProjectRecord
{
    qint64 id = 0;
    qint64 cameraId = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 requestId = 0; ///< 0: not for a records request
    QByteArray originalSha256; ///< hex, of the clip the frames count in
    QByteArray log; ///< RedactionLog::toJson()
    int position = 0; ///< the frame the editor showed
    qint64 updatedMs = 0;
    qint64 updatedBy = 0;
};

class RedactionProjectStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::RedactionProjectStore)

public:
    explicit RedactionProjectStore(Catalog& catalog);

    /// Saves the project of its camera, range and clip (replacing what was saved of it).
    Result<qint64> save(const RedactionProjectRecord& project);
    Result<std::optional<RedactionProjectRecord>> find(
            qint64 cameraId, qint64 startMs, qint64 endMs, const QByteArray& originalSha256) const;

private:
    Catalog& m_catalog;
};

} // namespace vigil::catalog
