#include "core/runtime/log_file.h"

#include "core/runtime/secret_masking.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>

#include <memory>

namespace vigil::runtime {

namespace {

struct State
{
    QMutex mutex;
    LogFile::Options options;
    std::unique_ptr<QFile> file;
    QtMessageHandler previous = nullptr;
    bool installed = false;
};

State& state()
{
    static State s;
    return s;
}

QString pathFor(const LogFile::Options& o, int index)
{
    return index == 0 ? QStringLiteral("%1/%2.log").arg(o.directory, o.baseName)
                      : QStringLiteral("%1/%2.%3.log").arg(o.directory, o.baseName).arg(index);
}

char levelLetter(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 'D';
    case QtInfoMsg:
        return 'I';
    case QtWarningMsg:
        return 'W';
    case QtCriticalMsg:
        return 'E';
    case QtFatalMsg:
        return 'F';
    }
    return '?';
}

// QtMsgType's values are not ordered by severity (QtInfoMsg is 4).
int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 4;
}

// Called with the mutex held.
void rotate(State& s)
{
    s.file->close();
    QFile::remove(pathFor(s.options, s.options.keepFiles));
    for (int i = s.options.keepFiles - 1; i >= 0; --i)
        QFile::rename(pathFor(s.options, i), pathFor(s.options, i + 1));
    s.file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void handler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QString masked = maskSecrets(message);
    State& s = state();
    QtMessageHandler forward = nullptr;
    {
        QMutexLocker locker(&s.mutex);
        if (s.file && s.file->isOpen()) {
            const QString line
                    = QStringLiteral("%1 %2 %3: %4\n")
                              .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
                              .arg(QLatin1Char(levelLetter(type)))
                              .arg(QLatin1String(context.category ? context.category : "default"),
                                      masked);
            s.file->write(line.toUtf8());
            s.file->flush();
            if (s.file->size() >= s.options.maxBytes)
                rotate(s);
        }
        if (severity(type) >= severity(s.options.consoleMinLevel))
            forward = s.previous;
    }
    if (forward)
        forward(type, context, masked);
}

} // namespace

bool LogFile::install(const Options& options)
{
    State& s = state();
    QMutexLocker locker(&s.mutex);
    if (!QDir().mkpath(options.directory))
        return false;
    auto file = std::make_unique<QFile>(pathFor(options, 0));
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    s.options = options;
    s.options.keepFiles = qMax(1, options.keepFiles);
    s.file = std::move(file);
    if (!s.installed) {
        s.previous = qInstallMessageHandler(handler);
        s.installed = true;
    }
    return true;
}

void LogFile::uninstall()
{
    State& s = state();
    QMutexLocker locker(&s.mutex);
    if (s.installed) {
        qInstallMessageHandler(s.previous);
        s.installed = false;
        s.previous = nullptr;
    }
    s.file.reset();
}

QString LogFile::currentPath()
{
    State& s = state();
    QMutexLocker locker(&s.mutex);
    return s.file ? s.file->fileName() : QString();
}

} // namespace vigil::runtime
