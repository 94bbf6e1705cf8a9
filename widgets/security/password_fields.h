#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace vigil::widgets {

/// A new password typed twice, checked against Vigil's rules (UserStore::passwordProblem).
class PasswordFields : public QWidget
{
    Q_OBJECT

public:
    explicit PasswordFields(QWidget* parent = nullptr);

    QLineEdit* first() const { return m_first; }
    QLineEdit* second() const { return m_second; }
    /// The password, or "" with `*problem` saying what is wrong with it.
    QString password(QString* problem) const;
    void clear();

private:
    QLineEdit* m_first = nullptr;
    QLineEdit* m_second = nullptr;
};

/// The red line under a form that says what went wrong (hidden until then).
QLabel* makeErrorLabel(QWidget* parent);
void showError(QLabel* label, const QString& message);

} // namespace vigil::widgets
