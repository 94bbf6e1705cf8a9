#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace vigil::widgets {

/// What an area shows while it has nothing to show: an icon, a title saying what will appear
/// here, a sentence on how to get there, and optional buttons for the next step.
class EmptyState : public QWidget
{
    Q_OBJECT

public:
    EmptyState(const QIcon& icon, const QString& title, const QString& text, QWidget* parent);

    /// Adds a button that mirrors `action` (text, enabled state, tooltip) and triggers it.
    QPushButton* addAction(QAction* action);

    QString title() const;
    QString text() const;
    void setTitle(const QString& title);
    void setText(const QString& text);

private:
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    QVBoxLayout* m_buttons = nullptr;
};

} // namespace vigil::widgets
