// Users, roles and the audit log: the role matrix through the core API and through vigilctl,
// Argon2id hashes and no plain password in the data folder, lockout delays, and `audit verify`
// against rows edited, deleted, swapped and cut off with the sqlite3 command-line tool.
#include "core/catalog/catalog.h"
#include "core/runtime/app_context.h"
#include "core/runtime/data_dir.h"
#include "core/security/access.h"
#include "core/security/audit_actions.h"
#include "core/security/audit_log.h"
#include "core/security/user_store.h"
#include "support/process_run.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;
using security::Access;
using security::Permission;
using security::Role;

namespace {

const QString kVigilctl = QStringLiteral(VIGIL_BIN_DIR "/vigilctl");
const QString kAdminPassword = QStringLiteral("correct horse battery");
const QString kViewerPassword = QStringLiteral("viewer pass 1234");

using vigil::test::Run;
using vigil::test::run;

QProcessEnvironment env(const QString& name, const QString& value)
{
    QProcessEnvironment e;
    e.insert(name, value);
    return e;
}

std::unique_ptr<runtime::AppContext> openContext(const QString& data)
{
    runtime::AppContext::Options options;
    options.dataDir = data;
    options.logBaseName.clear();
    Result<std::unique_ptr<runtime::AppContext>> opened = runtime::AppContext::open(options);
    return opened ? std::move(opened).value() : nullptr;
}

/// Every byte of every file under `folder`.
QByteArray everyByte(const QString& folder)
{
    QByteArray all;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roleMatrixInCore();
    void roleMatrixThroughVigilctl();
    void passwordsAreArgon2idAndNowhereInPlain();
    void wrongPasswordsLockWithGrowingDelays();
    void keyFilesAreTheOwnersAlone();
    void transparencyReportCountsTheAuditRows();
    void auditVerifyFindsTampering_data();
    void auditVerifyFindsTampering();

private:
    QTemporaryDir m_tmp;
};

void TestSecurity::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty())
        QFAIL("the sqlite3 command-line tool is missing (tools/setup installs it)");
}

void TestSecurity::roleMatrixInCore()
{
    // The expected matrix, written out: a change to Access::roleHas must change this too.
    const QHash<Role, QList<Permission>> allowed {
            {Role::Administrator, Access::allPermissions()},
            {Role::Supervisor,
                    {Permission::ViewLive, Permission::ViewPlayback, Permission::Search,
                            Permission::ExportRedacted, Permission::ExportOriginal,
                            Permission::ApproveRelease, Permission::LiftPrivacyMask,
                            Permission::ViewAudit}},
            {Role::Clerk,
                    {Permission::ViewLive, Permission::ViewPlayback, Permission::Search,
                            Permission::ExportRedacted}},
            {Role::Viewer, {Permission::ViewLive}},
    };
    for (auto it = allowed.begin(); it != allowed.end(); ++it) {
        security::Principal who;
        who.userId = 7;
        who.login = QStringLiteral("someone");
        who.role = it.key();
        for (Permission p : Access::allPermissions()) {
            const Result<void> checked = Access::check(who, p);
            const bool expected = it.value().contains(p);
            QVERIFY2(bool(checked) == expected,
                    qPrintable(Access::roleWord(it.key()) + u' ' + Access::permissionName(p)));
            if (!expected) {
                QCOMPARE(checked.error().code, Error::Code::Forbidden);
                QVERIFY(checked.error().message.contains(Access::permissionName(p)));
            }
        }
    }
    // Per-camera access: a viewer of camera 1 only.
    security::Principal viewer;
    viewer.userId = 3;
    viewer.login = QStringLiteral("v");
    viewer.role = Role::Viewer;
    viewer.allCameras = false;
    viewer.cameraIds = {1};
    QVERIFY(Access::check(viewer, Permission::ViewLive, 1));
    const Result<void> other = Access::check(viewer, Permission::ViewLive, 3);
    QVERIFY(!other);
    QCOMPARE(other.error().code, Error::Code::Forbidden);
    // The setup mode (no administrator yet) may do everything.
    QVERIFY(Access::check(security::Principal::setupMode(), Permission::ManageUsers));
}

void TestSecurity::roleMatrixThroughVigilctl()
{
    const QString data = m_tmp.filePath(QStringLiteral("ctl"));
    const QStringList dir {QStringLiteral("--data-dir"), data};
    // Setup mode: works without login, and says so.
    Run r = run(kVigilctl, dir + QStringList {QStringLiteral("info")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.contains(QLatin1String("no administrator")), qPrintable(r.err));
    // The first user must be an administrator.
    r = run(kVigilctl,
            dir
                    + QStringList {QStringLiteral("user"), QStringLiteral("add"),
                            QStringLiteral("bob"), QStringLiteral("--role"),
                            QStringLiteral("viewer")},
            env(QStringLiteral("VIGIL_NEW_PASSWORD"), kViewerPassword));
    QCOMPARE(r.exitCode, 1);
    r = run(kVigilctl,
            dir
                    + QStringList {QStringLiteral("user"), QStringLiteral("add"),
                            QStringLiteral("alice"), QStringLiteral("--role"),
                            QStringLiteral("administrator")},
            env(QStringLiteral("VIGIL_NEW_PASSWORD"), kAdminPassword));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // From now on a login is needed …
    r = run(kVigilctl, dir + QStringList {QStringLiteral("camera"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("--login")), qPrintable(r.err));
    // … with the right password.
    const QStringList asAlice
            = dir + QStringList {QStringLiteral("--login"), QStringLiteral("alice")};
    r = run(kVigilctl, asAlice + QStringList {QStringLiteral("camera"), QStringLiteral("list")},
            env(QStringLiteral("VIGIL_PASSWORD"), QStringLiteral("wrong password")));
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QLatin1String("Wrong user name or password")), qPrintable(r.err));
    const QProcessEnvironment alice = env(QStringLiteral("VIGIL_PASSWORD"), kAdminPassword);
    r = run(kVigilctl, asAlice + QStringList {QStringLiteral("camera"), QStringLiteral("list")},
            alice);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QProcessEnvironment addBob = alice;
    addBob.insert(QStringLiteral("VIGIL_NEW_PASSWORD"), kViewerPassword);
    r = run(kVigilctl,
            asAlice
                    + QStringList {QStringLiteral("user"), QStringLiteral("add"),
                            QStringLiteral("bob"), QStringLiteral("--role"),
                            QStringLiteral("viewer")},
            addBob);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // A viewer is refused what viewers may not do, by the core check, with a reason.
    const QStringList asBob = dir + QStringList {QStringLiteral("--login"), QStringLiteral("bob")};
    const QProcessEnvironment bob = env(QStringLiteral("VIGIL_PASSWORD"), kViewerPassword);
    const QList<QStringList> refused {
            {QStringLiteral("camera"), QStringLiteral("remove"), QStringLiteral("1")},
            {QStringLiteral("settings"), QStringLiteral("set"),
                    QStringLiteral("recording/segmentSeconds"), QStringLiteral("30")},
            {QStringLiteral("user"), QStringLiteral("list")},
            {QStringLiteral("audit"), QStringLiteral("list")},
            {QStringLiteral("segments"), QStringLiteral("--camera"), QStringLiteral("1")},
    };
    for (const QStringList& command : refused) {
        r = run(kVigilctl, asBob + command, bob);
        QVERIFY2(r.exitCode == 3 && r.err.contains(QLatin1String("not allowed")),
                qPrintable(command.join(u' ') + QStringLiteral(": ") + r.err));
    }
    r = run(kVigilctl, asBob + QStringList {QStringLiteral("camera"), QStringLiteral("list")}, bob);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Disabled users cannot log in; they stay in the list (the audit log names them).
    r = run(kVigilctl,
            asAlice
                    + QStringList {QStringLiteral("user"), QStringLiteral("disable"),
                            QStringLiteral("bob")},
            alice);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = run(kVigilctl, asBob + QStringList {QStringLiteral("camera"), QStringLiteral("list")}, bob);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains(QLatin1String("disabled")), qPrintable(r.err));
    // The last administrator cannot be disabled.
    r = run(kVigilctl,
            asAlice
                    + QStringList {QStringLiteral("user"), QStringLiteral("disable"),
                            QStringLiteral("alice")},
            alice);
    QCOMPARE(r.exitCode, 3);

    // Everything above is in the audit log, and the chain holds.
    r = run(kVigilctl,
            asAlice
                    + QStringList {QStringLiteral("audit"), QStringLiteral("list"),
                            QStringLiteral("--json")},
            alice);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QStringList actions;
    for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8()).array())
        actions << v.toObject().value(QLatin1String("action")).toString();
    for (const char* expected : {"user_add", "login", "login_failed", "refused", "user_disable"}) {
        QVERIFY2(actions.contains(QLatin1String(expected)),
                qPrintable(
                        QLatin1String(expected) + QStringLiteral(" not in ") + actions.join(u',')));
    }
    QCOMPARE(actions.count(QStringLiteral("refused")), refused.size());
    r = run(kVigilctl, asAlice + QStringList {QStringLiteral("audit"), QStringLiteral("verify")},
            alice);
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
}

void TestSecurity::passwordsAreArgon2idAndNowhereInPlain()
{
    const QString data = m_tmp.filePath(QStringLiteral("hashes"));
    {
        const std::unique_ptr<runtime::AppContext> context = openContext(data);
        QVERIFY(context);
        security::UserStore users(context->catalog());
        QVERIFY(users.add(QStringLiteral("alice"), {}, Role::Administrator, kAdminPassword));
        QVERIFY(users.add(QStringLiteral("bob"), {}, Role::Clerk, kViewerPassword));
        const Result<security::Principal> ok
                = users.authenticate(QStringLiteral("bob"), kViewerPassword, 1000);
        QVERIFY(ok);
        QCOMPARE(ok->role, Role::Clerk);
        const Result<qint64> weak
                = users.add(QStringLiteral("carol"), {}, Role::Viewer, QStringLiteral("short"));
        QVERIFY(!weak);
        QCOMPARE(weak.error().code, Error::Code::InvalidArgument);
    }
    const Run hashes = run(QStringLiteral("sqlite3"),
            {data + QStringLiteral("/vigil.sqlite"),
                    QStringLiteral("SELECT password_hash FROM users")});
    QCOMPARE(hashes.exitCode, 0);
    const QStringList lines = hashes.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    for (const QString& h : lines)
        QVERIFY2(h.startsWith(QLatin1String("$argon2id$v=19$m=65536,t=2,p=1$")), qPrintable(h));
    QVERIFY(lines[0] != lines[1]);
    const QByteArray everything = everyByte(data);
    QVERIFY(!everything.isEmpty());
    QVERIFY(!everything.contains(kAdminPassword.toUtf8()));
    QVERIFY(!everything.contains(kViewerPassword.toUtf8()));
}

void TestSecurity::wrongPasswordsLockWithGrowingDelays()
{
    QCOMPARE(security::UserStore::lockoutDelayMs(1), 0);
    QCOMPARE(security::UserStore::lockoutDelayMs(2), 0);
    QCOMPARE(security::UserStore::lockoutDelayMs(3), 5000);
    QCOMPARE(security::UserStore::lockoutDelayMs(4), 10000);
    QCOMPARE(security::UserStore::lockoutDelayMs(5), 20000);
    QCOMPARE(security::UserStore::lockoutDelayMs(40), 15 * 60 * 1000);

    const std::unique_ptr<runtime::AppContext> context
            = openContext(m_tmp.filePath(QStringLiteral("lockout")));
    QVERIFY(context);
    security::UserStore users(context->catalog());
    QVERIFY(users.add(QStringLiteral("alice"), {}, Role::Administrator, kAdminPassword));
    qint64 now = 1'000'000;
    const auto attempt = [&](const QString& password) {
        return users.authenticate(QStringLiteral("alice"), password, now);
    };
    QCOMPARE(attempt(QStringLiteral("nope nope")).error().code, Error::Code::AuthenticationFailed);
    QCOMPARE(attempt(QStringLiteral("nope nope")).error().code, Error::Code::AuthenticationFailed);
    QVERIFY(attempt(kAdminPassword)); // two failures: no delay; a success resets the count
    for (int i = 0; i < 3; ++i)
        QCOMPARE(attempt(QStringLiteral("nope nope")).error().code,
                Error::Code::AuthenticationFailed);
    // Third failure in a row: 5 s during which even the right password is refused.
    const Result<security::Principal> locked = attempt(kAdminPassword);
    QVERIFY(!locked);
    QCOMPARE(locked.error().code, Error::Code::Locked);
    QVERIFY2(locked.error().message.contains(QLatin1String("5 second")),
            qPrintable(locked.error().message));
    now += 5000;
    QCOMPARE(attempt(QStringLiteral("nope nope")).error().code, Error::Code::AuthenticationFailed);
    now += 9999; // the fourth failure waits 10 s
    QCOMPARE(attempt(kAdminPassword).error().code, Error::Code::Locked);
    now += 1;
    QVERIFY(attempt(kAdminPassword));
    // An unknown user gets the same answer as a wrong password.
    const Result<security::Principal> unknown
            = users.authenticate(QStringLiteral("mallory"), kAdminPassword, now);
    QCOMPARE(unknown.error().code, Error::Code::AuthenticationFailed);
    QCOMPARE(unknown.error().message, attempt(QStringLiteral("nope nope")).error().message);
}

void TestSecurity::keyFilesAreTheOwnersAlone()
{
    const QString data = m_tmp.filePath(QStringLiteral("modes"));
    QString keys;
    {
        const std::unique_ptr<runtime::AppContext> context = openContext(data);
        QVERIFY(context);
        keys = context->dataDir().keysPath();
        security::AuditLog log(context->catalog(), keys);
        QVERIFY(log.append(security::Principal::setupMode(), QStringLiteral("test"), {}));
    }
    const QStringList files = QDir(keys).entryList(QDir::Files);
    QVERIFY2(files.contains(QStringLiteral("audit-signing.key")), qPrintable(files.join(u',')));
    // A restore by hand leaves them readable by everyone …
    const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther;
    QVERIFY(QFile::setPermissions(keys,
            everyone | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    for (const QString& f : files)
        QVERIFY(QFile::setPermissions(keys + u'/' + f, everyone));
    // … and the next start puts that right.
    QVERIFY(openContext(data));
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QVERIFY(!(QFileInfo(keys).permissions() & others));
    for (const QString& f : files) {
        const QFileInfo info(keys + u'/' + f);
        QVERIFY2(!(info.permissions() & others), qPrintable(f));
        QVERIFY(info.permissions() & QFileDevice::ReadOwner);
    }
}

void TestSecurity::transparencyReportCountsTheAuditRows()
{
    const QString data = m_tmp.filePath(QStringLiteral("report"));
    {
        const std::unique_ptr<runtime::AppContext> context = openContext(data);
        QVERIFY(context);
        security::AuditLog log(context->catalog(), context->dataDir().keysPath());
        const auto add = [&](const char* action, int times, const QJsonObject& detail = {}) {
            for (int i = 0; i < times; ++i) {
                if (!log.appendAs(0, QStringLiteral("alice"), QLatin1String(action),
                            QStringLiteral("camera 1"), detail, 1))
                    return false;
            }
            return true;
        };
        QVERIFY(add(security::audit::kLiveStart, 5));
        QVERIFY(add(security::audit::kPlayback, 3));
        QVERIFY(add(security::audit::kExport, 2,
                {{QStringLiteral("legal_basis"), QStringLiteral("court order")},
                        {QStringLiteral("requester_type"), QStringLiteral("court")}}));
        QVERIFY(add(security::audit::kExport, 1,
                {{QStringLiteral("legal_basis"), QStringLiteral("public records request")},
                        {QStringLiteral("requester_type"), QStringLiteral("citizen")}}));
        QVERIFY(add(security::audit::kLoginFailed, 4));
        QVERIFY(add(security::audit::kHoldAdd, 1));
        QVERIFY(add(security::audit::kMaskLift, 2));
        QVERIFY(add(security::audit::kRetention, 2,
                {{QStringLiteral("deleted_by_age"), 7}, {QStringLiteral("deleted_for_space"), 1}}));
    }
    const QString json = m_tmp.filePath(QStringLiteral("report.json"));
    const QString csv = m_tmp.filePath(QStringLiteral("report.csv"));
    const QString pdf = m_tmp.filePath(QStringLiteral("report.pdf"));
    const QString from = QDateTime::currentDateTimeUtc().addDays(-40).toString(Qt::ISODate);
    const QString to = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    for (const QString& out : {json, csv, pdf}) {
        const Run r = run(kVigilctl,
                {QStringLiteral("--data-dir"), data, QStringLiteral("report"),
                        QStringLiteral("transparency"), QStringLiteral("--from"), from,
                        QStringLiteral("--to"), to, QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    // Each count is the number of audit rows of its kind (recounted from `audit list`).
    const Run listed = run(kVigilctl,
            {QStringLiteral("--data-dir"), data, QStringLiteral("audit"), QStringLiteral("list"),
                    QStringLiteral("--json")});
    QHash<QString, int> rows;
    for (const QJsonValue& v : QJsonDocument::fromJson(listed.out.toUtf8()).array())
        ++rows[v.toObject().value(QLatin1String("action")).toString()];
    QFile file(json);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray months = report.value(QLatin1String("months")).toArray();
    QVERIFY(months.size() >= 2); // 40 days back: at least two months, the older ones empty
    QHash<QString, int> summed;
    for (const QJsonValue& m : months) {
        for (const QString& key : m.toObject().keys()) {
            if (key != QLatin1String("month"))
                summed[key] += m.toObject().value(key).toInt();
        }
    }
    QCOMPARE(summed.value(QStringLiteral("live_views")), rows.value(QStringLiteral("live_start")));
    QCOMPARE(summed.value(QStringLiteral("playback_sessions")),
            rows.value(QStringLiteral("playback")));
    QCOMPARE(summed.value(QStringLiteral("exports")), rows.value(QStringLiteral("export")));
    QCOMPARE(summed.value(QStringLiteral("failed_logins")),
            rows.value(QStringLiteral("login_failed")));
    QCOMPARE(summed.value(QStringLiteral("holds_placed")), rows.value(QStringLiteral("hold_add")));
    QCOMPARE(summed.value(QStringLiteral("masks_lifted")), rows.value(QStringLiteral("mask_lift")));
    QCOMPARE(summed.value(QStringLiteral("retention_passes")),
            rows.value(QStringLiteral("retention")));
    QCOMPARE(summed.value(QStringLiteral("segments_deleted_by_retention")), 16);
    QCOMPARE(rows.value(QStringLiteral("live_start")), 5);
    const QJsonObject basis = report.value(QLatin1String("exports_by_legal_basis")).toObject();
    QCOMPARE(basis.value(QLatin1String("court order")).toInt(), 2);
    QCOMPARE(basis.value(QLatin1String("public records request")).toInt(), 1);
    QCOMPARE(report.value(QLatin1String("exports_by_requester"))
                     .toObject()
                     .value(QLatin1String("citizen"))
                     .toInt(),
            1);
    // Counts only: no person's name.
    QFile text(csv);
    QVERIFY(text.open(QIODevice::ReadOnly));
    const QByteArray csvBytes = text.readAll();
    QVERIFY(csvBytes.contains("live_views,5"));
    QVERIFY(!csvBytes.contains("alice"));
    QVERIFY(!QJsonDocument(report).toJson().contains("alice"));
    // The page a town publishes: a PDF any reader opens.
    QFile document(pdf);
    QVERIFY(document.open(QIODevice::ReadOnly));
    QCOMPARE(document.read(5), QByteArray("%PDF-"));
    QVERIFY(document.size() > 1000);
}

void TestSecurity::auditVerifyFindsTampering_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("intact") << QString() << QString();
    QTest::newRow("edited") << QStringLiteral(
            "UPDATE audit_log SET object = 'camera 9' WHERE id = 3")
                            << QStringLiteral("Row 3 was changed");
    QTest::newRow("deleted") << QStringLiteral("DELETE FROM audit_log WHERE id = 4")
                             << QStringLiteral("Row 4 was deleted");
    QTest::newRow("swapped") << QStringLiteral("UPDATE audit_log SET id = -2 WHERE id = 2; "
                                               "UPDATE audit_log SET id = 2 WHERE id = 5; "
                                               "UPDATE audit_log SET id = 5 WHERE id = -2")
                             << QStringLiteral("Row 2 ");
    QTest::newRow("truncated") << QStringLiteral("DELETE FROM audit_log WHERE id >= 5")
                               << QStringLiteral("The log was cut: it ends at row 4");
    // Cut, then Vigil writes on (the next login, the next live view): the new rows do not
    // cover the cut; the checkpoint keeps what it recorded.
    QTest::newRow("truncated, then written on")
            << QStringLiteral("DELETE FROM audit_log WHERE id >= 5")
            << QStringLiteral("Row 6 is not the row the checkpoint recorded");
}

void TestSecurity::auditVerifyFindsTampering()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    const QString data = m_tmp.filePath(
            QStringLiteral("audit-%1").arg(QLatin1String(QTest::currentDataTag())));
    {
        const std::unique_ptr<runtime::AppContext> context = openContext(data);
        QVERIFY(context);
        security::AuditLog log(context->catalog(), context->dataDir().keysPath());
        for (int i = 1; i <= 6; ++i) {
            const Result<qint64> id
                    = log.append(security::Principal::setupMode(), QStringLiteral("live_start"),
                            QStringLiteral("camera %1").arg(i), {{QStringLiteral("n"), i}}, i);
            QVERIFY(id);
            QCOMPARE(id.value(), qint64(i));
        }
        const Result<security::AuditLog::Verification> v = log.verify();
        QVERIFY(v);
        QVERIFY2(v->intact, qPrintable(v->problem));
        QCOMPARE(v->rows, 6);
    }
    if (!sql.isEmpty()) {
        const Run tamper
                = run(QStringLiteral("sqlite3"), {data + QStringLiteral("/vigil.sqlite"), sql});
        QVERIFY2(tamper.exitCode == 0, qPrintable(tamper.err));
    }
    if (QByteArray(QTest::currentDataTag()).endsWith("written on")) {
        const std::unique_ptr<runtime::AppContext> context = openContext(data);
        QVERIFY(context);
        security::AuditLog log(context->catalog(), context->dataDir().keysPath());
        for (int i = 0; i < 3; ++i)
            QVERIFY(log.append(security::Principal::setupMode(), QStringLiteral("login"),
                    QStringLiteral("window")));
    }
    const Run verify = run(kVigilctl,
            {QStringLiteral("--data-dir"), data, QStringLiteral("audit"),
                    QStringLiteral("verify")});
    if (expected.isEmpty()) {
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
        QVERIFY(verify.out.contains(QLatin1String("intact")));
        return;
    }
    QVERIFY2(verify.exitCode == 1, qPrintable(verify.out + verify.err));
    QVERIFY2(verify.out.contains(expected), qPrintable(verify.out));
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
