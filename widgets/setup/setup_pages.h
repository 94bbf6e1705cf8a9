#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace vigil::security {
class Session;
}

namespace vigil::widgets {

class PasswordFields;
class SetupWizard;

/// Pages of SetupWizard. Each renders the wizard's state and turns user actions into state
/// changes through setup::Wizard; none keeps state of its own beyond its widgets.
class SetupPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SetupPage(SetupWizard* wizard);

protected:
    /// Redraws from the wizard's state; called whenever it changes while the page is shown.
    virtual void render() { }
    SetupWizard* m_wizard;
};

/// The setup mode's first page: the administrator, whose login protects everything after.
class AdministratorSetupPage : public SetupPage
{
    Q_OBJECT
public:
    AdministratorSetupPage(security::Session& session, SetupWizard* wizard);
    /// Creates the administrator and logs in as them; false (said on the page) when refused.
    bool validatePage() override;
    QLineEdit* loginField() const { return m_login; }
    PasswordFields* passwordFields() const { return m_password; }

private:
    security::Session& m_session;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_name = nullptr;
    PasswordFields* m_password = nullptr;
    QLabel* m_error = nullptr;
};

class WelcomeSetupPage : public SetupPage
{
    Q_OBJECT
public:
    explicit WelcomeSetupPage(SetupWizard* wizard);
};

class DiscoverSetupPage : public SetupPage
{
    Q_OBJECT
public:
    explicit DiscoverSetupPage(SetupWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    QTreeWidget* list() const { return m_list; }

private:
    void render() override;
    void addManual();
    void scanRange();
    QTreeWidget* m_list = nullptr;
    QLabel* m_status = nullptr;
    QLineEdit* m_manual = nullptr;
    QLineEdit* m_rangeFrom = nullptr;
    QLineEdit* m_rangeTo = nullptr;
    QPushButton* m_scan = nullptr;
    bool m_rendering = false;
};

class CredentialsSetupPage : public SetupPage
{
    Q_OBJECT
public:
    explicit CredentialsSetupPage(SetupWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    QLineEdit* userEdit() const { return m_user; }
    QLineEdit* passwordEdit() const { return m_password; }
    QPushButton* checkButton() const { return m_check; }

private:
    void render() override;
    void credentialsEdited();
    QCheckBox* m_same = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_check = nullptr;
    bool m_rendering = false;
};

class StreamsSetupPage : public SetupPage
{
    Q_OBJECT
public:
    explicit StreamsSetupPage(SetupWizard* wizard);
    void initializePage() override;

private:
    void render() override;
    QTableWidget* m_table = nullptr;
};

class StorageSetupPage : public SetupPage
{
    Q_OBJECT
public:
    explicit StorageSetupPage(SetupWizard* wizard);
    void initializePage() override;

private:
    void render() override;
    void setFolder(const QString& folder);
    QLabel* m_folder = nullptr;
    QLabel* m_free = nullptr;
    QSpinBox* m_days = nullptr;
    QLabel* m_estimate = nullptr;
};

class RecordingSetupPage : public SetupPage
{
    Q_OBJECT
public:
    explicit RecordingSetupPage(SetupWizard* wizard);
    void initializePage() override;
    QTableWidget* table() const { return m_table; }
    /// Opens the schedule editor of the camera at `index` (of the wizard's cameras).
    void editSchedule(int index);

private:
    void render() override;
    QTableWidget* m_table = nullptr;
    QLabel* m_estimate = nullptr;
};

class SummarySetupPage : public SetupPage
{
    Q_OBJECT
public:
    explicit SummarySetupPage(SetupWizard* wizard);
    void initializePage() override;

private:
    QTextBrowser* m_report = nullptr;
};

} // namespace vigil::widgets
