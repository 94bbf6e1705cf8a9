#include "core/export/export_queue.h"

#include <QDateTime>
#include <QMetaObject>
#include <QPointer>

namespace vigil::evidence {

ExportQueue::ExportQueue(ExportPaths paths, QObject* parent)
    : QObject(parent)
    , m_paths(std::move(paths))
{ }

ExportQueue::~ExportQueue()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

Result<int> ExportQueue::enqueue(const security::Principal& who, const ExportSpec& spec,
        const std::optional<security::Principal>& approver)
{
    if (Result<void> allowed = ExportJob::authorize(who, spec, approver); !allowed)
        return allowed.error();
    ExportTask task;
    task.id = m_nextId++;
    task.spec = spec;
    m_tasks << task;
    m_pending << Pending {task.id, who, approver};
    Q_EMIT taskChanged(task.id);
    if (!m_running)
        startNext();
    return task.id;
}

std::optional<ExportTask> ExportQueue::task(int id) const
{
    for (const ExportTask& t : m_tasks)
        if (t.id == id)
            return t;
    return std::nullopt;
}

void ExportQueue::cancel(int id)
{
    if (id == m_running && m_cancel) {
        m_cancel->store(true);
        return;
    }
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).id != id)
            continue;
        m_pending.removeAt(i);
        for (ExportTask& t : m_tasks)
            if (t.id == id)
                t.state = ExportTask::State::Cancelled;
        Q_EMIT taskChanged(id);
        return;
    }
}

void ExportQueue::startNext()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (m_pending.isEmpty()) {
        m_running = 0;
        return;
    }
    const Pending next = m_pending.takeFirst();
    m_running = next.id;
    std::optional<ExportTask> task = this->task(next.id);
    for (ExportTask& t : m_tasks) {
        if (t.id == next.id) {
            t.state = ExportTask::State::Running;
            t.startedMs = QDateTime::currentMSecsSinceEpoch();
        }
    }
    Q_EMIT taskChanged(next.id);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> cancel = m_cancel;
    const ExportPaths paths = m_paths;
    const ExportSpec spec = task->spec;
    const int id = next.id;
    QPointer<ExportQueue> self(this);
    m_thread = QThread::create([=] {
        ExportJob job(paths, next.who, spec);
        if (next.approver)
            job.setApprover(*next.approver);
        qint64 lastReport = 0;
        const Result<ExportSummary> result
                = job.run(cancel.get(), [&](double share, const QString& step) {
                      // At most ten reports a second reach the window.
                      const qint64 now = QDateTime::currentMSecsSinceEpoch();
                      if (now - lastReport < 100 && share < 1.0)
                          return;
                      lastReport = now;
                      QMetaObject::invokeMethod(
                              self,
                              [=] {
                                  if (self)
                                      self->progressed(id, share, step);
                              },
                              Qt::QueuedConnection);
                  });
        QMetaObject::invokeMethod(
                self,
                [=] {
                    if (self)
                        self->finished(id, result);
                },
                Qt::QueuedConnection);
    });
    m_thread->start();
}

void ExportQueue::progressed(int id, double share, const QString& step)
{
    for (ExportTask& t : m_tasks) {
        if (t.id != id || t.state != ExportTask::State::Running)
            continue;
        t.progress = share;
        t.step = step;
        const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - t.startedMs;
        t.remainingMs = share > 0.02 ? qint64(double(elapsed) * (1.0 - share) / share) : -1;
    }
    Q_EMIT taskChanged(id);
}

void ExportQueue::finished(int id, const Result<ExportSummary>& result)
{
    for (ExportTask& t : m_tasks) {
        if (t.id != id)
            continue;
        t.remainingMs = -1;
        if (result) {
            t.state = ExportTask::State::Done;
            t.progress = 1.0;
            t.summary = result.value();
        } else if (result.error().code == Error::Code::Cancelled) {
            t.state = ExportTask::State::Cancelled;
        } else {
            t.state = ExportTask::State::Failed;
            t.error = result.error().message;
        }
    }
    Q_EMIT taskChanged(id);
    startNext();
}

} // namespace vigil::evidence
