#pragma once

#include <QDialog>

namespace vigil::widgets {

/// Help ▸ About Vigil: what Vigil is, its version and the versions of the libraries it runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    /// `keysDir`: the data folder's keys, for the fingerprint of the key that signs evidence
    /// packages (empty: not shown).
    explicit AboutDialog(QWidget* parent, const QString& keysDir = {});

    /// The text of the versions table, for tests and for copying into a support request.
    QString versionsText() const { return m_versions; }

private:
    QString m_versions;
};

} // namespace vigil::widgets
