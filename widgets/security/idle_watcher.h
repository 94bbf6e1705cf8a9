#pragma once

#include <QObject>
#include <QTimer>

namespace vigil::widgets {

/// Says when nobody has used the application (keys, mouse, wheel, touch) for a while: the
/// window then locks. Watches every window of the application.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    /// 0: never idle.
    void setTimeout(int milliseconds);
    int timeout() const { return m_timeoutMs; }
    /// Starts counting again (after an unlock).
    void restart();

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    int m_timeoutMs = 0;
};

} // namespace vigil::widgets
