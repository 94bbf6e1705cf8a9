#pragma once

#include <QDialog>

class QDateEdit;
class QLabel;

namespace vigil::security {
class Session;
}

namespace vigil::widgets {

/// Settings ▸ Transparency Report: counts a town can publish about its cameras' use over a
/// period (PDF for people, CSV for spreadsheets). Needs the "view audit log" permission.
class TransparencyDialog : public QDialog
{
    Q_OBJECT

public:
    explicit TransparencyDialog(security::Session& session, QWidget* parent = nullptr);

    /// Writes the report of the chosen period to `path` (.pdf or .csv); false (said in the
    /// dialog) when it cannot.
    bool save(const QString& path);

private:
    security::Session& m_session;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace vigil::widgets
