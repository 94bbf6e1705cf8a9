#pragma once

#include "core/control/control_protocol.h"
#include "core/result.h"
#include "core/security/access.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace vigil::runtime {
class AppContext;
}

namespace vigil::app {

/// vigilctl's logins and its `user` and `audit` commands.
///
/// Once an administrator exists every command runs as a logged-in user (`--login USER`, the
/// password from $VIGIL_PASSWORD, `--login-password-file F` or the terminal) and is checked
/// against that user's role; until then vigilctl runs in the setup mode and says so.
class CtlSecurity
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CtlSecurity)

public:
    CtlSecurity(QCommandLineParser& parser, runtime::AppContext& context, QTextStream& out,
            QTextStream& err);

    static bool handles(const QString& command);
    /// The permission a command needs beyond a login; nullopt: any logged-in user.
    static std::optional<security::Permission> permissionFor(
            const QString& command, const QStringList& args);
    /// Commands that change something: written to the audit log when they succeed.
    static bool changes(const QString& command, const QStringList& args);

    /// Who runs `command`: the logged-in user, or the setup mode. nullopt when refused (the
    /// reason said on stderr; `*exitCode` set).
    std::optional<security::Principal> session(
            const QString& command, const QStringList& args, int* exitCode);
    int run(const QString& command, const QStringList& args, const security::Principal& who);
    /// One audit row for a command that succeeded.
    void audit(const security::Principal& who, const QString& command, const QStringList& args);

    /// The password of `--login USER`: $VIGIL_PASSWORD, `--login-password-file F` or the
    /// terminal; nullopt (the reason said, `*exitCode` set) when there is none.
    static std::optional<QString> loginPassword(
            QCommandLineParser& parser, const QString& login, QTextStream& err, int* exitCode);
    /// The login that session() checked, for the recorder's control channel (empty in the
    /// setup mode).
    control::Credentials credentials() const { return m_credentials; }

    /// A secret typed on the terminal without echo, or the first line of standard input when
    /// it is not a terminal; nullopt when there is none.
    static std::optional<QString> readSecret(const QString& prompt, QTextStream& err);
    /// The first line of a password file; nullopt (with the reason said) when unreadable.
    static std::optional<QString> readPasswordFile(const QString& path, QTextStream& err);

private:
    int user(const QStringList& args, const security::Principal& who);
    int auditCommand(const QStringList& args);
    int report(const QStringList& args);
    std::optional<QString> newPassword();
    int fail(const QString& message, int code);
    /// Says so when an audit row could not be written.
    bool written(const Result<qint64>& row);

    QCommandLineParser& m_parser;
    runtime::AppContext& m_context;
    QTextStream& m_out;
    QTextStream& m_err;
    control::Credentials m_credentials;
};

} // namespace vigil::app
