#include "core/export/evidence_package.h"

#include "core/security/installation_key.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>

#include <archive.h>
#include <archive_entry.h>
#include <memory>
#include <openssl/evp.h>

namespace vigil::evidence {

using security::InstallationKey;

namespace {

/// SHA-256 by libcrypto, which uses the processor's SHA instructions: gigabytes of video a
/// second. hex() is empty when libcrypto failed.
class Sha256
{
public:
    Sha256()
        : m_context(EVP_MD_CTX_new(), EVP_MD_CTX_free)
    {
        m_ok = m_context && EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr) == 1;
    }
    void add(const void* data, size_t length)
    {
        m_ok = m_ok && EVP_DigestUpdate(m_context.get(), data, length) == 1;
    }
    QByteArray hex()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!m_ok || EVP_DigestFinal_ex(m_context.get(), digest, &length) != 1)
            return {};
        return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
    }

private:
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> m_context;
    bool m_ok = false;
};

/// Where libarchive writes a .zip: the file, hashed on the way.
struct ZipSink
{
    QFile file;
    Sha256 hash;

    static la_ssize_t write(archive*, void* self, const void* data, size_t length)
    {
        auto* sink = static_cast<ZipSink*>(self);
        const qint64 n = sink->file.write(static_cast<const char*>(data), qint64(length));
        if (n > 0)
            sink->hash.add(data, size_t(n));
        return la_ssize_t(n);
    }
};

bool isSealFile(const QString& relative)
{
    return relative == QLatin1String(EvidencePackage::kManifest)
            || relative == QLatin1String(EvidencePackage::kSignature)
            || relative == QLatin1String(EvidencePackage::kPublicKey)
            || relative == QLatin1String(EvidencePackage::kSums);
}

/// Every file under `dir`, relative, with '/' separators, sorted.
QStringList filesUnder(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

Result<void> writeFile(const QString& path, const QByteArray& data)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit())
        return Error {Error::Code::NotWritable,
                EvidencePackage::tr("Cannot write \"%1\".").arg(QDir::toNativeSeparators(path)),
                out.errorString()};
    return {};
}

EvidencePackage::Verification failure(const QString& file, const QString& problem)
{
    EvidencePackage::Verification v;
    v.failedFile = file;
    v.problem = problem;
    return v;
}

/// SHA256SUMS: path → hash; nullopt when a line is not in sha256sum's format.
std::optional<QMap<QString, QByteArray>> parseSums(const QByteArray& text)
{
    QMap<QString, QByteArray> sums;
    for (const QByteArray& line : text.split('\n')) {
        if (line.isEmpty())
            continue;
        // "<64 hex>  <path>" (text mode) or "<64 hex> *<path>" (binary mode)
        if (line.size() < 67 || line.at(64) != ' ' || (line.at(65) != ' ' && line.at(65) != '*'))
            return std::nullopt;
        const QByteArray hash = line.left(64).toLower();
        if (QByteArray::fromHex(hash).size() != 32)
            return std::nullopt;
        sums.insert(QString::fromUtf8(line.mid(66)), hash);
    }
    return sums;
}

} // namespace

QByteArray EvidencePackage::sha256Hex(const QString& path, const std::atomic_bool* cancel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        if (cancel && cancel->load())
            return {};
        const qint64 n = file.read(buffer.data(), buffer.size());
        if (n < 0)
            return {};
        if (n == 0)
            break;
        hash.add(buffer.constData(), size_t(n));
    }
    return hash.hex();
}

QString EvidencePackage::verifyText(const QString& fingerprint)
{
    return tr("HOW TO CHECK THIS EVIDENCE PACKAGE\n"
              "\n"
              "This folder was made by Vigil. Its files can be checked with standard tools; no "
              "Vigil program is needed.\n"
              "\n"
              "1. Every file is unchanged:\n"
              "     sha256sum -c SHA256SUMS\n"
              "   Every line must end in \"OK\". (On Windows: certutil -hashfile FILE SHA256, and "
              "compare with the line for FILE.)\n"
              "\n"
              "2. The manifest is the one this installation signed:\n"
              "     openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json "
              "-sigfile manifest.sig\n"
              "   It must say \"Signature Verified Successfully\". manifest.json lists the SHA-256 "
              "of every file of the package and of every recorded file the footage came from.\n"
              "\n"
              "3. The key is the installation's:\n"
              "     openssl pkey -pubin -in public_key.pem -outform DER | sha256sum\n"
              "   must print the key's fingerprint:\n"
              "     %1\n"
              "   which the installation shows in Help > About Vigil (ask its owner to read it "
              "to you).\n"
              "\n"
              "4. With Vigil: \"vigilctl verify FOLDER\" does steps 1 and 2, and names the first "
              "file that does not hold. \"vigilctl redact --replay FOLDER\" renders the redacted "
              "video again from the original and redaction.json and compares the hashes.\n")
            .arg(fingerprint);
}

Result<void> EvidencePackage::seal(const QString& dir, QJsonObject manifest,
        const InstallationKey& key, const std::atomic_bool* cancel,
        const QHash<QString, QByteArray>& known)
{
    const QDir folder(dir);
    const QString fingerprint = key.fingerprint();
    if (Result<void> written
            = writeFile(folder.filePath(QLatin1String(kVerify)), verifyText(fingerprint).toUtf8());
            !written)
        return written;
    QJsonArray files;
    QByteArray sums;
    for (const QString& relative : filesUnder(dir)) {
        if (isSealFile(relative))
            continue;
        const QByteArray hash = known.contains(relative)
                ? known.value(relative)
                : sha256Hex(folder.filePath(relative), cancel);
        if (cancel && cancel->load())
            return Error {Error::Code::Cancelled, tr("The export was cancelled."), {}};
        if (hash.isEmpty())
            return Error {Error::Code::Io,
                    tr("Cannot read \"%1\".")
                            .arg(QDir::toNativeSeparators(folder.filePath(relative))),
                    {}};
        files.append(QJsonObject {{QStringLiteral("path"), relative},
                {QStringLiteral("sha256"), QString::fromLatin1(hash)},
                {QStringLiteral("bytes"), QFileInfo(folder.filePath(relative)).size()}});
        sums += hash + "  " + relative.toUtf8() + '\n';
    }
    manifest.insert(QStringLiteral("files"), files);
    manifest.insert(QStringLiteral("signing_key"),
            QJsonObject {{QStringLiteral("algorithm"), QStringLiteral("Ed25519")},
                    {QStringLiteral("fingerprint_sha256"), fingerprint},
                    {QStringLiteral("public_key"), QLatin1String(kPublicKey)}});
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
    const QByteArray signature = key.sign(manifestBytes);
    const QByteArray pem = key.publicKeyPem();
    const std::pair<const char*, const QByteArray*> seals[]
            = {{kManifest, &manifestBytes}, {kSignature, &signature}, {kPublicKey, &pem}};
    for (const auto& [name, data] : seals) {
        if (Result<void> written = writeFile(folder.filePath(QLatin1String(name)), *data); !written)
            return written;
        sums += QCryptographicHash::hash(*data, QCryptographicHash::Sha256).toHex() + "  "
                + QByteArray(name) + '\n';
    }
    return writeFile(folder.filePath(QLatin1String(kSums)), sums);
}

Result<EvidencePackage::Verification> EvidencePackage::verify(const QString& dir)
{
    const QDir folder(dir);
    if (!QFileInfo(dir).isDir())
        return Error {Error::Code::NotFound,
                tr("There is no folder \"%1\".").arg(QDir::toNativeSeparators(dir)), {}};
    const auto read = [&](const char* name) -> std::optional<QByteArray> {
        QFile f(folder.filePath(QLatin1String(name)));
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        return f.readAll();
    };
    const std::optional<QByteArray> manifestBytes = read(kManifest);
    const std::optional<QByteArray> signature = read(kSignature);
    const std::optional<QByteArray> pem = read(kPublicKey);
    const std::optional<QByteArray> sumsText = read(kSums);
    for (const auto& [name, data] :
            {std::pair {kManifest, &manifestBytes}, std::pair {kSignature, &signature},
                    std::pair {kPublicKey, &pem}, std::pair {kSums, &sumsText}}) {
        if (!*data)
            return failure(QLatin1String(name), tr("%1 is missing.").arg(QLatin1String(name)));
    }
    const std::optional<QMap<QString, QByteArray>> sums = parseSums(*sumsText);
    // When the signature fails, SHA256SUMS (not signed, but written with the rest) tells which
    // of the three was damaged; when all three still match it, the manifest was edited.
    const auto blame = [&]() -> QString {
        for (const auto& [name, data] : {std::pair {kManifest, &manifestBytes},
                     std::pair {kSignature, &signature}, std::pair {kPublicKey, &pem}}) {
            const QByteArray actual
                    = QCryptographicHash::hash(**data, QCryptographicHash::Sha256).toHex();
            if (sums && sums->value(QLatin1String(name)) != actual)
                return QLatin1String(name);
        }
        return QLatin1String(kManifest);
    };
    const std::optional<QByteArray> publicKey = InstallationKey::publicKeyFromPem(*pem);
    if (!publicKey)
        return failure(QLatin1String(kPublicKey),
                tr("public_key.pem does not hold an Ed25519 public key."));
    if (!InstallationKey::verify(*publicKey, *manifestBytes, *signature)) {
        const QString file = blame();
        return failure(
                file, tr("The signature does not match the manifest: %1 was changed.").arg(file));
    }
    QJsonParseError parseError;
    const QJsonObject manifest = QJsonDocument::fromJson(*manifestBytes, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return failure(QLatin1String(kManifest),
                tr("manifest.json is not valid JSON: %1").arg(parseError.errorString()));

    Verification v;
    v.fingerprint = InstallationKey::fingerprintOf(*publicKey);
    QMap<QString, QByteArray> listed;
    const QJsonArray files = manifest.value(QLatin1String("files")).toArray();
    for (const QJsonValue& value : files) {
        const QJsonObject file = value.toObject();
        const QString relative = file.value(QLatin1String("path")).toString();
        const QByteArray expected = file.value(QLatin1String("sha256")).toString().toLatin1();
        listed.insert(relative, expected);
        const QString path = folder.filePath(relative);
        if (relative.isEmpty() || relative.contains(QLatin1String("..")) || !QFile::exists(path))
            return failure(relative, tr("%1 is missing.").arg(relative));
        if (sha256Hex(path) != expected)
            return failure(relative,
                    tr("%1 was changed: its SHA-256 is not the one in the signed manifest.")
                            .arg(relative));
        ++v.filesChecked;
    }
    for (const QString& relative : filesUnder(dir)) {
        if (!isSealFile(relative) && !listed.contains(relative))
            return failure(relative,
                    tr("%1 was added: the signed manifest does not list it.").arg(relative));
    }
    // SHA256SUMS is for the standard tool: it must say what the signed manifest says.
    if (!sums)
        return failure(QLatin1String(kSums), tr("SHA256SUMS is not in sha256sum's format."));
    QMap<QString, QByteArray> expectedSums = listed;
    for (const auto& [name, data] : {std::pair {kManifest, &manifestBytes},
                 std::pair {kSignature, &signature}, std::pair {kPublicKey, &pem}})
        expectedSums.insert(QLatin1String(name),
                QCryptographicHash::hash(**data, QCryptographicHash::Sha256).toHex());
    if (*sums != expectedSums)
        return failure(
                QLatin1String(kSums), tr("SHA256SUMS does not agree with the signed manifest."));
    v.intact = true;
    return v;
}

Result<QByteArray> EvidencePackage::zip(
        const QString& dir, const QString& rootName, const QString& zipPath)
{
    const QString partial = zipPath + QStringLiteral(".partial");
    const auto cannot = [&](const QString& detail) {
        QFile::remove(partial);
        return Error {Error::Code::NotWritable,
                tr("The .zip file \"%1\" cannot be written.")
                        .arg(QDir::toNativeSeparators(zipPath)),
                detail};
    };
    ZipSink sink;
    sink.file.setFileName(partial);
    if (!sink.file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return cannot(sink.file.errorString());
    std::unique_ptr<archive, int (*)(archive*)> out(archive_write_new(), archive_write_free);
    if (archive_write_set_format_zip(out.get()) != ARCHIVE_OK
            || archive_write_set_options(out.get(), "zip:compression=store") != ARCHIVE_OK
            || archive_write_set_bytes_in_last_block(out.get(), 1) != ARCHIVE_OK // no padding
            || archive_write_open(out.get(), &sink, nullptr, &ZipSink::write, nullptr)
                    != ARCHIVE_OK)
        return cannot(QString::fromUtf8(archive_error_string(out.get())));
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (const QString& name : std::as_const(files)) {
        QFile in(QDir(dir).filePath(name));
        if (!in.open(QIODevice::ReadOnly))
            return cannot(in.errorString());
        std::unique_ptr<archive_entry, void (*)(archive_entry*)> entry(
                archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname_utf8(
                entry.get(), QString(rootName + u'/' + name).toUtf8().constData());
        archive_entry_set_size(entry.get(), in.size());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), QFileInfo(in).lastModified().toSecsSinceEpoch(), 0);
        if (archive_write_header(out.get(), entry.get()) != ARCHIVE_OK)
            return cannot(QString::fromUtf8(archive_error_string(out.get())));
        for (;;) {
            const qint64 n = in.read(buffer.data(), buffer.size());
            if (n < 0)
                return cannot(in.errorString());
            if (n == 0)
                break;
            if (archive_write_data(out.get(), buffer.constData(), size_t(n)) != n)
                return cannot(QString::fromUtf8(archive_error_string(out.get())));
        }
    }
    if (archive_write_close(out.get()) != ARCHIVE_OK)
        return cannot(QString::fromUtf8(archive_error_string(out.get())));
    if (!sink.file.flush())
        return cannot(sink.file.errorString());
    sink.file.close();
    QFile::remove(zipPath);
    if (!QFile::rename(partial, zipPath))
        return cannot(tr("renaming it failed"));
    return sink.hash.hex();
}

} // namespace vigil::evidence
