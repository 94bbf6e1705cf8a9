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
    explicit TerminationWatcher(QObject* parent = nullptr);
    ~TerminationWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace vigil::runtime
