#include "app/ctl_evidence.h"

#include "app/ctl_application.h"
#include "app/ctl_security.h"
#include "core/catalog/catalog.h"
#include "core/export/evidence_package.h"
#include "core/export/export_job.h"
#include "core/export/replay.h"
#include "core/runtime/app_context.h"
#include "core/runtime/data_dir.h"
#include "core/security/session.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace vigil::app {

namespace {

std::optional<qint64> parseTime(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

} // namespace

bool CtlEvidence::handles(const QString& command)
{
    return command == QLatin1String("export") || command == QLatin1String("verify")
            || command == QLatin1String("redact");
}

int CtlEvidence::replay(const QStringList& args, const QString& dataDir, bool json,
        QTextStream& out, QTextStream& err)
{
    if (args.size() != 2 || args.first() != QLatin1String("--replay")) {
        err << tr("vigilctl: %1").arg(tr("use: redact --replay FOLDER (an evidence package)."))
            << Qt::endl;
        return ExitUsage;
    }
    const Result<runtime::DataDir> dir = runtime::DataDir::openForReading(
            dataDir.isEmpty() ? runtime::DataDir::defaultPath() : dataDir);
    const Result<evidence::ReplayResult> r
            = evidence::Replay::run(args.at(1), dir ? dir->recordingsPath() : QString());
    if (!r) {
        err << tr("vigilctl: %1").arg(r.error().message) << Qt::endl;
        return 1;
    }
    QJsonArray cameras;
    for (const evidence::ReplayResult::Camera& c : r->cameras) {
        cameras.append(QJsonObject {{QStringLiteral("camera"), c.id},
                {QStringLiteral("redacted"), c.redacted},
                {QStringLiteral("expected_sha256"), QString::fromLatin1(c.expected)},
                {QStringLiteral("replayed_sha256"), QString::fromLatin1(c.actual)},
                {QStringLiteral("identical"), c.expected == c.actual},
                {QStringLiteral("original_rebuilt"), c.originalRebuilt}});
        if (json)
            continue;
        (c.expected == c.actual ? out : err) << (c.expected == c.actual
                        ? tr("%1: identical (SHA-256 %2)")
                                  .arg(c.redacted, QString::fromLatin1(c.actual))
                        : tr("%1: DIFFERENT: the package has %2, the replay made %3")
                                  .arg(c.redacted, QString::fromLatin1(c.expected),
                                          QString::fromLatin1(c.actual)))
                                             << Qt::endl;
    }
    if (json)
        out << QString::fromUtf8(
                QJsonDocument(QJsonObject {{QStringLiteral("identical"), r->identical()},
                                      {QStringLiteral("cameras"), cameras}})
                        .toJson(QJsonDocument::Indented));
    return r->identical() ? ExitOk : 1;
}

int CtlEvidence::verify(const QStringList& args, bool json, QTextStream& out, QTextStream& err)
{
    if (args.size() != 1) {
        err << tr("vigilctl: %1").arg(tr("use: verify FOLDER (an evidence package).")) << Qt::endl;
        return ExitUsage;
    }
    const Result<evidence::EvidencePackage::Verification> v
            = evidence::EvidencePackage::verify(args.first());
    if (!v) {
        err << tr("vigilctl: %1").arg(v.error().message) << Qt::endl;
        return 1;
    }
    if (json) {
        out << QString::fromUtf8(
                QJsonDocument(QJsonObject {{QStringLiteral("intact"), v->intact},
                                      {QStringLiteral("failed_file"), v->failedFile},
                                      {QStringLiteral("problem"), v->problem},
                                      {QStringLiteral("files_checked"), v->filesChecked},
                                      {QStringLiteral("fingerprint"), v->fingerprint}})
                        .toJson(QJsonDocument::Indented));
    } else if (v->intact) {
        out << tr("The package holds: the signature matches the manifest, and all %n file(s) "
                  "match their SHA-256.",
                nullptr, v->filesChecked)
            << Qt::endl
            << tr("Signed by the key with the fingerprint %1.").arg(v->fingerprint) << Qt::endl;
    } else {
        err << tr("vigilctl: the package does not hold: %1 (%2)").arg(v->failedFile, v->problem)
            << Qt::endl;
    }
    return v->intact ? ExitOk : 1;
}

int CtlEvidence::exportPackage(QCommandLineParser& parser, runtime::AppContext& context,
        const security::Principal& who, QTextStream& out, QTextStream& err)
{
    const auto usage = [&](const QString& message) {
        err << tr("vigilctl: %1").arg(message) << Qt::endl;
        return int(ExitUsage);
    };
    evidence::ExportSpec spec;
    for (const QString& part :
            parser.value(QStringLiteral("camera")).split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return usage(tr("export needs --camera ID[,ID…] (vigilctl camera list)."));
        spec.cameraIds << id;
    }
    if (spec.cameraIds.isEmpty())
        return usage(tr("export needs --camera ID[,ID…] (vigilctl camera list)."));
    const std::optional<qint64> from = parseTime(parser.value(QStringLiteral("from")));
    const std::optional<qint64> to = parseTime(parser.value(QStringLiteral("to")));
    if (!from || !to)
        return usage(tr("export needs --from and --to, like 2026-11-29T14:30 (local time) or "
                        "2026-11-29T13:30:00Z (UTC)."));
    spec.fromMs = *from;
    spec.toMs = *to;
    spec.outDir = parser.value(QStringLiteral("out"));
    spec.caseNumber = parser.value(QStringLiteral("case")).trimmed();
    spec.reason = parser.value(QStringLiteral("reason")).trimmed();
    if (spec.outDir.isEmpty())
        return usage(tr("export needs --out FOLDER (a new folder for the package)."));
    if (spec.caseNumber.isEmpty() || spec.reason.isEmpty())
        return usage(tr("export needs --case (the case or request number) and --reason."));
    spec.original = parser.isSet(QStringLiteral("original"));
    spec.zip = parser.isSet(QStringLiteral("zip"));
    if (parser.isSet(QStringLiteral("redact"))) {
        spec.redacted = true;
        spec.detect.faces = false;
        spec.detect.plates = false;
        for (const QString& what :
                parser.value(QStringLiteral("redact")).split(u',', Qt::SkipEmptyParts)) {
            if (what.trimmed() == QLatin1String("faces"))
                spec.detect.faces = true;
            else if (what.trimmed() == QLatin1String("plates"))
                spec.detect.plates = true;
            else if (what.trimmed() != QLatin1String("none"))
                return usage(tr("--redact takes faces, plates or both (faces,plates), or none."));
        }
        spec.detect.thorough = parser.isSet(QStringLiteral("thorough"));
        const std::optional<redaction::Effect> effect
                = redaction::RedactionLog::effectFromKey(parser.value(QStringLiteral("effect")));
        if (!effect)
            return usage(tr("--effect takes solid, pixelate or blur."));
        spec.effect = *effect;
    }
    if (!spec.original && !spec.redacted)
        return usage(tr("export needs --redact (a redacted video), --original, or both."));
    spec.outDir = QDir(spec.outDir).absolutePath();

    evidence::ExportJob job({context.catalog().path(), context.dataDir().recordingsPath(),
                                    context.dataDir().keysPath()},
            who, spec);
    if (parser.isSet(QStringLiteral("approver"))) {
        // A supervisor at the same PC approves releasing the original.
        const QString login = parser.value(QStringLiteral("approver"));
        std::optional<QString> password;
        if (qEnvironmentVariableIsSet("VIGIL_APPROVER_PASSWORD"))
            password = qEnvironmentVariable("VIGIL_APPROVER_PASSWORD");
        else
            password = CtlSecurity::readSecret(tr("Vigil password for %1: ").arg(login), err);
        if (!password)
            return usage(tr("The approver's password could not be read."));
        const Result<security::Principal> approver = security::Session::authenticate(
                context.catalog(), context.dataDir().keysPath(), login, *password,
                QStringLiteral("export approval"), {{QStringLiteral("case"), spec.caseNumber}});
        if (!approver) {
            err << tr("vigilctl: %1").arg(approver.error().message) << Qt::endl;
            return ExitFailed;
        }
        job.setApprover(approver.value());
    }
    QString lastStep;
    const Result<evidence::ExportSummary> done = job.run(nullptr, [&](double, const QString& step) {
        if (step != lastStep)
            err << step << Qt::endl;
        lastStep = step;
    });
    if (!done) {
        err << tr("vigilctl: %1").arg(done.error().message) << Qt::endl;
        return ExitFailed;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        out << QString::fromUtf8(QJsonDocument(
                QJsonObject {{QStringLiteral("out"), done->outDir},
                        {QStringLiteral("manifest_sha256"),
                                QString::fromLatin1(done->manifestSha256)},
                        {QStringLiteral("fingerprint"), done->fingerprint},
                        {QStringLiteral("files"), QJsonArray::fromStringList(done->files)},
                        {QStringLiteral("zip"), done->zip}})
                                         .toJson(QJsonDocument::Indented));
    } else {
        out << tr("Evidence package written to %1 (%n file(s)).", nullptr, int(done->files.size()))
                        .arg(QDir::toNativeSeparators(done->outDir))
            << Qt::endl
            << tr("Manifest SHA-256: %1").arg(QString::fromLatin1(done->manifestSha256)) << Qt::endl
            << tr("Signed by the key with the fingerprint %1.").arg(done->fingerprint) << Qt::endl;
        if (!done->zip.isEmpty())
            out << tr("The same package as one file: %1").arg(QDir::toNativeSeparators(done->zip))
                << Qt::endl;
    }
    return ExitOk;
}

} // namespace vigil::app
