#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace vigil::runtime {

/// `vigilctl service install|uninstall|status` for Vigil unpacked from a tarball: the recorder as
/// a systemd service, from the same unit the .deb installs (packaging/vigil-recorder.service).
/// Run as root it is a system service: user "vigil" (created when missing), data in
/// /var/lib/vigil, started at boot. Run as anyone else it is that user's service on their own
/// data folder, started when they log in (or at boot with `loginctl enable-linger`).
class ServiceInstaller
{
    Q_DECLARE_TR_FUNCTIONS(vigil::runtime::ServiceInstaller)

public:
    enum class Scope { System, User };

    struct Options
    {
        Scope scope = Scope::User;
        QString recorderPath; ///< absolute path of vigil-recorder
        QString dataDir; ///< the folder it records into; /var/lib/vigil for the system service
        QString unitDir; ///< where the unit goes: /etc/systemd/system or ~/.config/systemd/user
        QString systemctl = QStringLiteral("systemctl");
    };

    struct State
    {
        QString unitPath;
        bool installed = false;
        bool systemdRunning = false;
        QString enabled; ///< as `systemctl is-enabled` says; empty when systemd does not run
        QString active; ///< as `systemctl is-active` says
    };

    static constexpr char kUnitName[] = "vigil-recorder.service";
    static constexpr char kServiceUser[] = "vigil";

    /// System scope for root, user scope for anyone else; `recorderPath` and `dataDir` as given
    /// (the system scope always records /var/lib/vigil).
    static Options defaults(const QString& recorderPath, const QString& dataDir);
    /// The unit: the packaged one, with this installation's recorder and data folder (and, for a
    /// user service, without the system user and home protection).
    static QString unitText(const Options& options);

    /// Writes the unit, creates the system user and data folder when needed, and enables and
    /// starts the service. Lines of what it did go to `done`. When systemd does not run here,
    /// the unit stays written and the error says how to record meanwhile.
    static Result<void> install(const Options& options, QStringList* done);
    /// Stops and disables the service and removes the unit; footage and catalog stay.
    static Result<void> uninstall(const Options& options, QStringList* done);
    static State state(const Options& options);

private:
    static bool systemdRunning(const Options& options);
    static Result<QString> systemctl(const Options& options, const QStringList& args);
};

} // namespace vigil::runtime
