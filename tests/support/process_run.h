#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace vigil::test {

/// What a program printed and how it ended.
struct Run
{
    int exitCode = -1; ///< -1: it crashed or did not end within a minute
    QString out;
    QString err;
};

/// Runs `program` to its end (a minute at most) with nothing on its standard input. `env`
/// is added to this process's environment; Vigil's own password variables are left out unless
/// given, so a developer's shell does not leak into a test.
inline Run run(const QString& program, const QStringList& args, const QProcessEnvironment& env = {})
{
    QProcess process;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("VIGIL_PASSWORD"));
    e.remove(QStringLiteral("VIGIL_NEW_PASSWORD"));
    e.remove(QStringLiteral("VIGIL_APPROVER_PASSWORD"));
    for (const QString& key : env.keys())
        e.insert(key, env.value(key));
    process.setProcessEnvironment(e);
    process.start(program, args);
    process.closeWriteChannel();
    Run r;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

} // namespace vigil::test
