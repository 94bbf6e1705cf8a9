#include "core/export/replay.h"

#include "core/export/evidence_package.h"
#include "core/export/original_remux.h"
#include "core/redaction/redaction_log.h"
#include "core/redaction/renderer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace vigil::evidence {

namespace {

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                       : QJsonObject();
}

qint64 utcMs(const QJsonValue& v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

} // namespace

Result<ReplayResult> Replay::run(const QString& package, const QString& recordings)
{
    const Result<EvidencePackage::Verification> verified = EvidencePackage::verify(package);
    if (!verified)
        return verified.error();
    if (!verified->intact)
        return Error {Error::Code::Corrupt,
                tr("The package does not hold (%1: %2): a replay would prove nothing.")
                        .arg(verified->failedFile, verified->problem),
                {}};
    const QDir dir(package);
    const QJsonObject manifest = readJson(dir.filePath(QLatin1String(EvidencePackage::kManifest)));
    const QJsonObject redaction = readJson(dir.filePath(QStringLiteral("redaction.json")));
    if (redaction.isEmpty())
        return Error {Error::Code::NotFound,
                tr("The package has no redaction log (redaction.json): it holds no redacted "
                   "video."),
                {}};
    QHash<QString, QByteArray> hashes;
    for (const QJsonValue& v : manifest.value(QLatin1String("files")).toArray())
        hashes.insert(v.toObject().value(QLatin1String("path")).toString(),
                v.toObject().value(QLatin1String("sha256")).toString().toLatin1());
    QHash<qint64, QJsonObject> cameras;
    for (const QJsonValue& v : manifest.value(QLatin1String("cameras")).toArray())
        cameras.insert(v.toObject().value(QLatin1String("id")).toInteger(), v.toObject());

    QTemporaryDir scratch;
    if (!scratch.isValid())
        return Error {Error::Code::NotWritable, tr("No temporary folder can be made."), {}};
    ReplayResult result;
    for (const QJsonValue& value : redaction.value(QLatin1String("cameras")).toArray()) {
        const QJsonObject logJson = value.toObject();
        Result<redaction::RedactionLog> log = redaction::RedactionLog::fromJson(logJson);
        if (!log)
            return log.error();
        ReplayResult::Camera camera;
        camera.id = logJson.value(QLatin1String("camera")).toInteger();
        camera.redacted = logJson.value(QLatin1String("redacted")).toString();
        camera.expected = hashes.value(camera.redacted);
        const QJsonObject entry = cameras.value(camera.id);
        QString original;
        if (!log->original.isEmpty()) {
            original = dir.filePath(log->original);
        } else {
            // Made again from the recordings, each checked against the manifest first.
            if (recordings.isEmpty())
                return Error {Error::Code::NotFound,
                        tr("The package has no original: the replay needs the installation's "
                           "recordings (run it on the PC that made the package)."),
                        {}};
            QList<SourceSegment> sources;
            for (const QJsonValue& r : entry.value(QLatin1String("recordings")).toArray()) {
                const QJsonObject o = r.toObject();
                const QString path
                        = QDir(recordings).filePath(o.value(QLatin1String("path")).toString());
                const QByteArray sha = o.value(QLatin1String("sha256")).toString().toLatin1();
                if (!sha.isEmpty() && EvidencePackage::sha256Hex(path) != sha)
                    return Error {Error::Code::Corrupt,
                            tr("The recording \"%1\" is not the one the package was made from.")
                                    .arg(QDir::toNativeSeparators(path)),
                            {}};
                sources << SourceSegment {path, utcMs(o.value(QLatin1String("start_utc"))),
                        utcMs(o.value(QLatin1String("end_utc")))};
            }
            original = scratch.filePath(QStringLiteral("original-%1.mp4").arg(camera.id));
            const Result<RemuxResult> rebuilt
                    = OriginalRemux::run(sources, utcMs(manifest.value(QLatin1String("from_utc"))),
                            utcMs(manifest.value(QLatin1String("to_utc"))), original);
            if (!rebuilt)
                return rebuilt.error();
            camera.originalRebuilt = true;
        }
        if (EvidencePackage::sha256Hex(original) != log->originalSha256)
            return Error {Error::Code::Corrupt,
                    tr("The original of camera %1 is not the one the redaction log was made "
                       "from.")
                            .arg(camera.id),
                    {}};
        const QString rendered = scratch.filePath(QStringLiteral("redacted-%1.mp4").arg(camera.id));
        if (Result<void> done = redaction::Renderer::run(original, log.value(), rendered); !done)
            return done.error();
        camera.actual = EvidencePackage::sha256Hex(rendered);
        result.cameras << camera;
    }
    return result;
}

} // namespace vigil::evidence
