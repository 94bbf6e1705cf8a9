#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace vigil::evidence {

/// What a replay found, camera by camera.
struct ReplayResult
{
    struct Camera
    {
        qint64 id = 0;
        QString redacted; ///< relative to the package
        QByteArray expected; ///< SHA-256 in the signed manifest (hex)
        QByteArray actual; ///< SHA-256 of the video rendered again
        bool originalRebuilt = false; ///< from the recordings: the package has no original
    };
    QList<Camera> cameras;
    bool identical() const
    {
        return !cameras.isEmpty()
                && std::all_of(cameras.cbegin(), cameras.cend(),
                        [](const Camera& c) { return c.expected == c.actual; });
    }
};

/// Renders a package's redacted videos again from its original and redaction.json, and
/// compares them with the package: anyone holding both can show that the redacted video is
/// exactly the original with the logged boxes hidden. A package without its original (a redacted
/// release) is replayed from the installation's recordings, made into the same original again
/// and checked against the manifest's hashes of the recordings and of the original.
class Replay
{
    Q_DECLARE_TR_FUNCTIONS(vigil::evidence::Replay)

public:
    /// `recordings`: the data folder's recordings (needed only without an original).
    static Result<ReplayResult> run(const QString& package, const QString& recordings = {});
};

} // namespace vigil::evidence
