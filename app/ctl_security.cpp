#include "app/ctl_security.h"

#include "app/ctl_application.h"
#include "core/runtime/app_context.h"
#include "core/runtime/data_dir.h"
#include "core/security/audit_actions.h"
#include "core/security/audit_log.h"
#include "core/security/transparency_report.h"
#include "core/security/user_store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace vigil::app {

using security::Access;
using security::Permission;
using security::Principal;

CtlSecurity::CtlSecurity(QCommandLineParser& parser, runtime::AppContext& context, QTextStream& out,
        QTextStream& err)
    : m_parser(parser)
    , m_context(context)
    , m_out(out)
    , m_err(err)
{ }

bool CtlSecurity::handles(const QString& command)
{
    return command == QLatin1String("user") || command == QLatin1String("audit")
            || command == QLatin1String("report");
}

std::optional<Permission> CtlSecurity::permissionFor(
        const QString& command, const QStringList& args)
{
    const QString sub = args.value(0);
    if (command == QLatin1String("camera") || command == QLatin1String("record")
            || command == QLatin1String("catalog"))
        return sub == QLatin1String("list") ? Permission::ViewLive : Permission::ManageCameras;
    if (command == QLatin1String("settings"))
        return sub == QLatin1String("list") || sub == QLatin1String("get")
                ? std::nullopt
                : std::optional<Permission>(Permission::ManageCameras);
    if (command == QLatin1String("user"))
        return sub == QLatin1String("passwd") ? std::nullopt // their own; checked below
                                              : std::optional<Permission>(Permission::ManageUsers);
    if (command == QLatin1String("audit") || command == QLatin1String("report"))
        return Permission::ViewAudit;
    if (command == QLatin1String("segments") || command == QLatin1String("storage"))
        return Permission::Search;
    if (command == QLatin1String("hold") || command == QLatin1String("export"))
        return Permission::ExportRedacted;
    if (command == QLatin1String("alerts") && !sub.isEmpty())
        return Permission::ManageCameras;
    return std::nullopt;
}

bool CtlSecurity::changes(const QString& command, const QStringList& args)
{
    const QString sub = args.value(0);
    if (command == QLatin1String("camera"))
        return sub != QLatin1String("list");
    if (command == QLatin1String("settings"))
        return sub == QLatin1String("set") || sub == QLatin1String("unset");
    if (command == QLatin1String("hold") || command == QLatin1String("catalog"))
        return true;
    if (command == QLatin1String("alerts"))
        return !sub.isEmpty();
    return false; // user: written by the command itself; record: the recorder's own rows
}

std::optional<QString> CtlSecurity::readSecret(const QString& prompt, QTextStream& err)
{
#ifdef Q_OS_UNIX
    const bool tty = ::isatty(STDIN_FILENO);
    termios saved {};
    if (tty && ::tcgetattr(STDIN_FILENO, &saved) == 0) {
        err << prompt << Qt::flush;
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        QTextStream in(stdin);
        const QString secret = in.readLine();
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << Qt::endl;
        return secret;
    }
#else
    Q_UNUSED(prompt);
    Q_UNUSED(err);
#endif
    QTextStream in(stdin);
    QString line;
    if (!in.readLineInto(&line))
        return std::nullopt;
    return line;
}

std::optional<QString> CtlSecurity::readPasswordFile(const QString& path, QTextStream& err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << tr("vigilctl: cannot read the password file \"%1\": %2")
                        .arg(file.fileName(), file.errorString())
            << Qt::endl;
        return std::nullopt;
    }
    return QString::fromUtf8(file.readLine(4096)).remove(u'\n').remove(u'\r');
}

bool CtlSecurity::written(const Result<qint64>& row)
{
    if (!row)
        m_err << tr("vigilctl: the audit log cannot be written: %1").arg(row.error().message)
              << Qt::endl;
    return bool(row);
}

int CtlSecurity::fail(const QString& message, int code)
{
    m_err << tr("vigilctl: %1").arg(message) << Qt::endl;
    return code;
}

std::optional<Principal> CtlSecurity::session(
        const QString& command, const QStringList& args, int* exitCode)
{
    security::UserStore users(m_context.catalog());
    security::AuditLog log(m_context.catalog(), m_context.dataDir().keysPath());
    const Result<bool> hasAdmin = users.hasAdministrator();
    if (!hasAdmin) {
        *exitCode = fail(hasAdmin.error().message, ExitFailed);
        return std::nullopt;
    }
    if (!hasAdmin.value()) {
        if (!(command == QLatin1String("user") && args.value(0) == QLatin1String("add")))
            m_err << tr("vigilctl: no administrator exists yet, so nothing is protected. Add one "
                        "with \"vigilctl user add NAME --role administrator\".")
                  << Qt::endl;
        return Principal::setupMode();
    }
    const QString login = m_parser.value(QStringLiteral("login"));
    if (login.isEmpty()) {
        *exitCode = fail(tr("log in with --login USER (the password from $VIGIL_PASSWORD, "
                            "--login-password-file or the terminal)."),
                ExitUsage);
        return std::nullopt;
    }
    const std::optional<QString> password = loginPassword(m_parser, login, m_err, exitCode);
    if (!password)
        return std::nullopt;
    const Result<Principal> who
            = users.authenticate(login, *password, QDateTime::currentMSecsSinceEpoch());
    if (!who) {
        written(log.appendAs(0, login, QLatin1String(security::audit::kLoginFailed),
                QStringLiteral("vigilctl"), {{QStringLiteral("reason"), who.error().message}}));
        *exitCode = fail(who.error().message, ExitFailed);
        return std::nullopt;
    }
    // Nothing happens that the audit log does not hold.
    if (!written(log.append(who.value(), QLatin1String(security::audit::kLogin),
                QStringLiteral("vigilctl"), {{QStringLiteral("command"), command}}))) {
        *exitCode = ExitFailed;
        return std::nullopt;
    }
    if (const std::optional<Permission> needed = permissionFor(command, args)) {
        if (const Result<void> allowed = Access::check(who.value(), *needed); !allowed) {
            written(log.append(who.value(), QLatin1String(security::audit::kRefused), command,
                    {{QStringLiteral("arguments"), QJsonArray::fromStringList(args)}}));
            *exitCode = fail(allowed.error().message, ExitFailed);
            return std::nullopt;
        }
    }
    m_credentials = {login, *password};
    return who.value();
}

std::optional<QString> CtlSecurity::loginPassword(
        QCommandLineParser& parser, const QString& login, QTextStream& err, int* exitCode)
{
    std::optional<QString> password;
    if (qEnvironmentVariableIsSet("VIGIL_PASSWORD")) {
        password = qEnvironmentVariable("VIGIL_PASSWORD");
    } else if (parser.isSet(QStringLiteral("login-password-file"))) {
        password = readPasswordFile(parser.value(QStringLiteral("login-password-file")), err);
        if (!password) {
            *exitCode = ExitUsage;
            return std::nullopt;
        }
    } else {
        password = readSecret(tr("Vigil password for %1: ").arg(login), err);
    }
    if (!password) {
        err << tr("vigilctl: %1").arg(tr("no password given for %1.").arg(login)) << Qt::endl;
        *exitCode = ExitUsage;
    }
    return password;
}

void CtlSecurity::audit(const Principal& who, const QString& command, const QStringList& args)
{
    security::AuditLog log(m_context.catalog(), m_context.dataDir().keysPath());
    const QString action = command + u'_' + args.value(0);
    qint64 camera = 0;
    if (command == QLatin1String("camera") && args.size() > 1)
        camera = args.value(1).toLongLong();
    QJsonObject detail {{QStringLiteral("arguments"), QJsonArray::fromStringList(args.mid(1))}};
    if (m_parser.isSet(QStringLiteral("camera")))
        camera = m_parser.value(QStringLiteral("camera")).toLongLong();
    for (const char* option : {"case", "note", "from", "to", "mode", "name"}) {
        if (m_parser.isSet(QLatin1String(option)))
            detail.insert(QLatin1String(option), m_parser.value(QLatin1String(option)));
    }
    written(log.append(who, action, args.mid(1).join(u' '), detail, camera));
}

int CtlSecurity::run(const QString& command, const QStringList& args, const Principal& who)
{
    if (command == QLatin1String("user"))
        return user(args, who);
    if (command == QLatin1String("report"))
        return report(args);
    return auditCommand(args);
}

std::optional<QString> CtlSecurity::newPassword()
{
    if (qEnvironmentVariableIsSet("VIGIL_NEW_PASSWORD"))
        return qEnvironmentVariable("VIGIL_NEW_PASSWORD");
    const std::optional<QString> first = readSecret(tr("New password: "), m_err);
    if (!first)
        return std::nullopt;
#ifdef Q_OS_UNIX
    if (::isatty(STDIN_FILENO)) {
        const std::optional<QString> again = readSecret(tr("The same password again: "), m_err);
        if (again != first) {
            m_err << tr("vigilctl: the two passwords differ.") << Qt::endl;
            return std::nullopt;
        }
    }
#endif
    return first;
}

int CtlSecurity::user(const QStringList& args, const Principal& who)
{
    security::UserStore users(m_context.catalog());
    security::AuditLog log(m_context.catalog(), m_context.dataDir().keysPath());
    const QString sub = args.value(0);
    const QString name = args.value(1);
    const bool json = m_parser.isSet(QStringLiteral("json"));
    if (sub == QLatin1String("list") && args.size() == 1) {
        const Result<QList<security::UserRecord>> all = users.list();
        if (!all)
            return fail(all.error().message, ExitFailed);
        QJsonArray array;
        for (const security::UserRecord& u : all.value()) {
            if (json) {
                QJsonArray cameras;
                for (qint64 id : u.cameraIds)
                    cameras.append(id);
                array.append(QJsonObject {{QStringLiteral("login"), u.login},
                        {QStringLiteral("display_name"), u.displayName},
                        {QStringLiteral("role"), Access::roleWord(u.role)},
                        {QStringLiteral("disabled"), u.disabled},
                        {QStringLiteral("last_login_ms"), u.lastLoginMs},
                        {QStringLiteral("failed_logins"), u.failedLogins},
                        {QStringLiteral("all_cameras"), u.allCameras},
                        {QStringLiteral("cameras"), cameras}});
                continue;
            }
            m_out << QStringLiteral("%1  %2  %3%4")
                             .arg(u.login, -16)
                             .arg(Access::roleName(u.role), -14)
                             .arg(u.disabled ? tr("disabled") : tr("enabled"))
                             .arg(u.displayName.isEmpty() ? QString()
                                                          : QStringLiteral("  ") + u.displayName)
                  << Qt::endl;
        }
        if (json)
            m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    if (name.isEmpty() || args.size() != 2)
        return fail(tr("usage: vigilctl user add NAME --role ROLE | user list | user disable "
                       "NAME | user enable NAME | user passwd NAME"),
                ExitUsage);
    if (sub == QLatin1String("add")) {
        const std::optional<security::Role> role
                = Access::roleFromWord(m_parser.value(QStringLiteral("role")));
        if (!role)
            return fail(tr("--role takes administrator, supervisor, clerk or viewer."), ExitUsage);
        if (who.isSetupMode() && *role != security::Role::Administrator)
            return fail(tr("the first user must be an administrator (--role administrator)."),
                    ExitUsage);
        const std::optional<QString> password = newPassword();
        if (!password)
            return fail(tr("no password given for the new user."), ExitUsage);
        const Result<qint64> added
                = users.add(name, m_parser.value(QStringLiteral("display-name")), *role, *password);
        if (!added)
            return fail(added.error().message, ExitFailed);
        if (!written(log.append(who, QStringLiteral("user_add"), name,
                    {{QStringLiteral("role"), Access::roleWord(*role)}})))
            return ExitFailed;
        m_out << tr("User %1 added (%2).").arg(name, Access::roleName(*role)) << Qt::endl;
        return ExitOk;
    }
    if (sub == QLatin1String("disable") || sub == QLatin1String("enable")) {
        const bool disable = sub == QLatin1String("disable");
        if (const Result<void> done = users.setDisabled(name, disable); !done)
            return fail(done.error().message, ExitFailed);
        if (!written(log.append(who,
                    disable ? QStringLiteral("user_disable") : QStringLiteral("user_enable"),
                    name)))
            return ExitFailed;
        m_out << (disable ? tr("User %1 disabled.") : tr("User %1 enabled.")).arg(name) << Qt::endl;
        return ExitOk;
    }
    if (sub == QLatin1String("passwd")) {
        if (!who.isSetupMode() && who.login != name) {
            if (const Result<void> allowed = Access::check(who, Permission::ManageUsers); !allowed)
                return fail(allowed.error().message, ExitFailed);
        }
        const std::optional<QString> password = newPassword();
        if (!password)
            return fail(tr("no new password given."), ExitUsage);
        if (const Result<void> done = users.setPassword(name, *password); !done)
            return fail(done.error().message, ExitFailed);
        if (!written(log.append(who, QStringLiteral("user_passwd"), name)))
            return ExitFailed;
        m_out << tr("Password of %1 changed.").arg(name) << Qt::endl;
        return ExitOk;
    }
    return fail(tr("unknown user command \"%1\".").arg(sub), ExitUsage);
}

int CtlSecurity::report(const QStringList& args)
{
    const auto time = [this](const char* option, qint64 fallback) -> std::optional<qint64> {
        if (!m_parser.isSet(QLatin1String(option)))
            return fallback;
        const QDateTime t
                = QDateTime::fromString(m_parser.value(QLatin1String(option)), Qt::ISODate);
        if (!t.isValid())
            return std::nullopt;
        return t.toMSecsSinceEpoch();
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const std::optional<qint64> from = time("from", now - 365LL * 86400000);
    const std::optional<qint64> to = time("to", now);
    const QString out = m_parser.value(QStringLiteral("out"));
    if (args.value(0) != QLatin1String("transparency") || args.size() != 1 || !from || !to
            || *to <= *from
            || !(out.endsWith(QLatin1String(".csv")) || out.endsWith(QLatin1String(".json"))
                    || out.endsWith(QLatin1String(".pdf"))))
        return fail(tr("usage: vigilctl report transparency --from T --to T --out "
                       "FILE.pdf|FILE.csv|FILE.json "
                       "(times like 2026-01-01 or 2026-01-01T00:00Z)"),
                ExitUsage);
    const Result<security::TransparencyReport> report
            = security::TransparencyReport::build(m_context.catalog(), *from, *to);
    if (!report)
        return fail(report.error().message, ExitFailed);
    if (const Result<void> saved = report->save(out); !saved)
        return fail(saved.error().message, ExitFailed);
    m_out << tr("Transparency report written to %1.").arg(out) << Qt::endl;
    return ExitOk;
}

int CtlSecurity::auditCommand(const QStringList& args)
{
    security::AuditLog log(m_context.catalog(), m_context.dataDir().keysPath());
    const QString sub = args.value(0);
    if (sub == QLatin1String("verify")) {
        const Result<security::AuditLog::Verification> v = log.verify();
        if (!v)
            return fail(v.error().message, ExitFailed);
        if (m_parser.isSet(QStringLiteral("json"))) {
            m_out << QString::fromUtf8(
                    QJsonDocument(QJsonObject {
                                          {QStringLiteral("intact"), v->intact},
                                          {QStringLiteral("rows"), v->rows},
                                          {QStringLiteral("broken_row"), v->brokenRowId},
                                          {QStringLiteral("problem"), v->problem},
                                  })
                            .toJson(QJsonDocument::Indented));
        } else if (v->intact) {
            m_out << tr("The audit log is intact: %n row(s), none changed, removed or reordered.",
                    nullptr, int(v->rows))
                  << Qt::endl;
        } else {
            m_out << tr("The audit log was tampered with: %1").arg(v->problem) << Qt::endl;
        }
        return v->intact ? ExitOk : 1;
    }
    if (sub != QLatin1String("list") || args.size() != 1)
        return fail(tr("usage: vigilctl audit list [--by USER] [--action A] [--camera ID] | audit "
                       "verify"),
                ExitUsage);
    security::AuditFilter filter;
    filter.login = m_parser.value(QStringLiteral("by"));
    filter.action = m_parser.value(QStringLiteral("action"));
    filter.cameraId = m_parser.value(QStringLiteral("camera")).toLongLong();
    const Result<QList<security::AuditEntry>> entries = log.list(filter);
    if (!entries)
        return fail(entries.error().message, ExitFailed);
    if (m_parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const security::AuditEntry& e : entries.value()) {
            array.append(QJsonObject {{QStringLiteral("id"), e.id},
                    {QStringLiteral("at_ms"), e.atMs}, {QStringLiteral("user"), e.login},
                    {QStringLiteral("action"), e.action}, {QStringLiteral("object"), e.object},
                    {QStringLiteral("detail"), QJsonDocument::fromJson(e.detail.toUtf8()).object()},
                    {QStringLiteral("camera"), e.cameraId},
                    {QStringLiteral("hash"), QString::fromLatin1(e.hash.toHex())}});
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    for (const security::AuditEntry& e : entries.value()) {
        m_out << QStringLiteral("%1  %2  %3  %4  %5")
                         .arg(e.id, 6)
                         .arg(QDateTime::fromMSecsSinceEpoch(e.atMs).toString(Qt::ISODate))
                         .arg(e.login, -12)
                         .arg(e.action, -16)
                         .arg(e.object)
              << Qt::endl;
    }
    return ExitOk;
}

} // namespace vigil::app
