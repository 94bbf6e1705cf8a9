#pragma once

#include <QObject>

class QSocketNotifier;

namespace vigil::runtime {

/// Turns SIGTERM and SIGINT into a clean QCoreApplication::quit(), so a service manager or Ctrl+C
/// stops Vigil the way closing its window does (segments closed, catalog flushed). Uses the
/// self-pipe pattern: the signal handler only writes a byte; the event loop does the rest.
/// One instance per process, created on the main thread.
class TerminationWatcher : public QObject
{
    Q_OBJECT

public:
    enum class Hangup {
        Default, ///< SIGHUP keeps its default action
        Reload, ///< SIGHUP emits reloadRequested() (services: "read your configuration again")
    };
    explicit TerminationWatcher(QObject* parent = nullptr, Hangup hangup = Hangup::Default);
    ~TerminationWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);
    void reloadRequested();

private:
    QSocketNotifier* m_notifier = nullptr;
    bool m_reloadOnHangup = false;
};

} // namespace vigil::runtime
