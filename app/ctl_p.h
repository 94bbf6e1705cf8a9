#pragma once

// vigilctl's command runner, shared by the files that implement its commands (private to app/).

#include "core/onvif/device_probe.h"
#include "core/result.h"
#include "core/runtime/app_context.h"
#include "core/runtime/log_file.h"
#include "core/security/access.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

#include <memory>
#include <optional>

namespace vigil::app {

class CtlSecurity;

/// Runs one vigilctl command line: parses it, opens the data folder, checks who runs it and
/// dispatches. Camera and ONVIF commands are in ctl_cameras.cpp; the rest in
/// ctl_application.cpp and the Ctl* helpers.
class Ctl
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::Ctl)

public:
    ~Ctl()
    {
        if (m_ownsLog)
            runtime::LogFile::uninstall();
    }
    int run(const QStringList& arguments);

private:
    int runCommand(const QString& command, const QStringList& args, const security::Principal& who,
            CtlSecurity& security);
    int info();
    int settingsCommand(const QStringList& args);
    int discover();
    int probe(const QStringList& args);
    int cameraCommand(const QStringList& args);
    int cameraAdd(const QString& address);
    std::optional<Result<onvif::DeviceDescription>> runProbe(
            const QUrl& url, const QString& password);
    /// --timeout for calls to a camera: "" when valid (or absent), else what is wrong.
    QString probeTimeoutProblem() const;
    bool rewriteAddresses() const;
    /// The camera password: --password, --password-file, $VIGIL_CAMERA_PASSWORD, or asked for
    /// on the terminal when --user is given; nullopt (with the message said) when unreadable.
    std::optional<QString> cameraPassword(const QString& fallback = {});
    int usage(const QString& message);
    int failed(const Error& error);
    void printJson(const QJsonObject& object);

    QCommandLineParser m_parser;
    std::unique_ptr<runtime::AppContext> m_context;
    QTextStream m_out {stdout};
    bool m_ownsLog = false;
    QTextStream m_err {stderr};
};

} // namespace vigil::app
