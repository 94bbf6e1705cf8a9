#pragma once

// A person at the keyboard for widget tests: every 50 ms looks at the active modal dialog (or
// none) and acts on it with `step`, until `step` says it is done. Modal dialogs run their own
// event loop, so a test cannot act on them after exec() was called; this can.

#include <QApplication>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace vigil::test {

class ModalUser : public QObject
{
public:
    explicit ModalUser(std::function<bool(QWidget*)> step)
        : m_step(std::move(step))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (!m_done)
                m_done = m_step(QApplication::activeModalWidget());
        });
        m_timer.start(50);
    }
    bool done() const { return m_done; }

private:
    std::function<bool(QWidget*)> m_step;
    QTimer m_timer;
    bool m_done = false;
};

} // namespace vigil::test
