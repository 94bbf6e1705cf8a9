#pragma once

#include "core/export/export_job.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

namespace vigil::evidence {

/// An export as the window shows it.
struct ExportTask
{
    enum class State { Queued, Running, Done, Failed, Cancelled };
    int id = 0;
    ExportSpec spec;
    State state = State::Queued;
    double progress = 0; ///< 0…1
    QString step; ///< what it is doing (translated)
    qint64 startedMs = 0;
    qint64 remainingMs = -1; ///< estimated; -1 while unknown
    QString error; ///< translated, when Failed
    ExportSummary summary; ///< when Done
};

/// The window's exports: checked when queued, then run one after the other on a thread of their
/// own (an export never waits on the window, and the recorder never waits on an export), each
/// with its progress, an estimate of the time left, and cancel (which leaves nothing behind).
class ExportQueue : public QObject
{
    Q_OBJECT

public:
    explicit ExportQueue(ExportPaths paths, QObject* parent = nullptr);
    ~ExportQueue() override;

    /// Refused at once (Forbidden…) when `who` may not make it; else its id.
    Result<int> enqueue(const security::Principal& who, const ExportSpec& spec,
            const std::optional<security::Principal>& approver = std::nullopt);
    void cancel(int id);
    QList<ExportTask> tasks() const { return m_tasks; }
    std::optional<ExportTask> task(int id) const;

Q_SIGNALS:
    void taskChanged(int id);

private:
    void startNext();
    void progressed(int id, double share, const QString& step);
    void finished(int id, const Result<ExportSummary>& result);

    struct Pending
    {
        int id;
        security::Principal who;
        std::optional<security::Principal> approver;
    };
    ExportPaths m_paths;
    QList<ExportTask> m_tasks;
    QList<Pending> m_pending;
    int m_nextId = 1;
    int m_running = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QThread* m_thread = nullptr;
};

} // namespace vigil::evidence
