#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <atomic>

namespace vigil::security {
class InstallationKey;
}

namespace vigil::evidence {

/// An evidence package is a folder anyone can check with standard tools:
///
/// - `manifest.json`: what the package is (request, cameras, times, who made it) and the SHA-256
///   of every other file in it (`files`) and of every recorded file it came from;
/// - `manifest.sig`: the installation's Ed25519 signature of manifest.json, as 64 raw bytes;
/// - `public_key.pem`: the key that signed it, so that
///   `openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json -sigfile
///   manifest.sig` checks it;
/// - `SHA256SUMS`: every file but itself, in `sha256sum -c` format;
/// - `VERIFY.txt`: these steps in plain words.
class EvidencePackage
{
    Q_DECLARE_TR_FUNCTIONS(vigil::evidence::EvidencePackage)

public:
    static constexpr char kManifest[] = "manifest.json";
    static constexpr char kSignature[] = "manifest.sig";
    static constexpr char kPublicKey[] = "public_key.pem";
    static constexpr char kSums[] = "SHA256SUMS";
    static constexpr char kVerify[] = "VERIFY.txt";

    /// Seals the files in `dir`: writes VERIFY.txt, then the manifest (`manifest` with `files`
    /// and `signing_key` added), its signature, the public key and SHA256SUMS.
    /// `known`: SHA-256 (hex) of files already hashed, by path relative to `dir`.
    static Result<void> seal(const QString& dir, QJsonObject manifest,
            const security::InstallationKey& key, const std::atomic_bool* cancel = nullptr,
            const QHash<QString, QByteArray>& known = {});

    struct Verification
    {
        bool intact = false;
        QString failedFile; ///< relative to the package: the first file that does not hold
        QString problem; ///< translated
        int filesChecked = 0;
        QString fingerprint; ///< of the key that signed the manifest
    };
    /// Checks the signature, then every file against the signed manifest, then SHA256SUMS
    /// against the files; any file in the folder that the manifest does not list fails too.
    static Result<Verification> verify(const QString& dir);

    /// SHA-256 of a file, in lowercase hex; an empty array when it cannot be read.
    static QByteArray sha256Hex(const QString& path, const std::atomic_bool* cancel = nullptr);
    /// The package folder `dir` as one .zip file at `zipPath`, the folder's name its root
    /// (files stored as they are: video does not compress). Written beside and renamed when
    /// complete. Its SHA-256 (hex), taken as it was written.
    static Result<QByteArray> zip(
            const QString& dir, const QString& rootName, const QString& zipPath);
    /// VERIFY.txt for a key with this fingerprint.
    static QString verifyText(const QString& fingerprint);
};

} // namespace vigil::evidence
