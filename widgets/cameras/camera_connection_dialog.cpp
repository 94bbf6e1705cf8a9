#include "widgets/cameras/camera_connection_dialog.h"

#include "widgets/cameras/stream_text.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace vigil::widgets {

CameraConnectionDialog::CameraConnectionDialog(
        const catalog::CameraRecord& camera, setup::CameraEditor& editor, QWidget* parent)
    : QDialog(parent)
    , m_camera(camera)
    , m_editor(editor)
{
    setWindowTitle(tr("Connection of %1").arg(camera.name));
    auto* layout = new QVBoxLayout(this);

    auto* login = new QGroupBox(tr("Login"), this);
    auto* form = new QFormLayout(login);
    form->addRow(tr("Address:"),
            new QLabel(QUrl(camera.address()).toString(QUrl::RemoveUserInfo), login));
    m_user = new QLineEdit(camera.username, login);
    m_user->setObjectName(QStringLiteral("connectionUser"));
    form->addRow(tr("User name:"), m_user);
    m_password = new QLineEdit(login);
    m_password->setObjectName(QStringLiteral("connectionPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    if (const Result<QString> stored = editor.storedPassword(camera); stored)
        m_password->setText(stored.value());
    form->addRow(tr("Password:"), m_password);
    auto* checkRow = new QHBoxLayout;
    m_checkButton = new QPushButton(tr("Check with the Camera"), login);
    m_checkButton->setObjectName(QStringLiteral("connectionCheck"));
    checkRow->addWidget(m_checkButton);
    m_status = new QLabel(login);
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setWordWrap(true);
    checkRow->addWidget(m_status, 1);
    form->addRow(checkRow);
    layout->addWidget(login);

    auto* streams = new QGroupBox(tr("Streams"), this);
    auto* streamsForm = new QFormLayout(streams);
    m_main = new QComboBox(streams);
    m_main->setObjectName(QStringLiteral("connectionMain"));
    streamsForm->addRow(tr("Main stream (recorded):"), m_main);
    m_sub = new QComboBox(streams);
    m_sub->setObjectName(QStringLiteral("connectionSub"));
    streamsForm->addRow(tr("Sub stream (live grid, quick scrubbing):"), m_sub);
    m_recordSub = new QCheckBox(tr("Record the sub stream too"), streams);
    const catalog::StreamRecord* sub = camera.stream(u"sub");
    m_recordSub->setChecked(sub && sub->record);
    streamsForm->addRow(QString(), m_recordSub);
    streams->setVisible(!camera.deviceUrl.isEmpty());
    layout->addWidget(streams);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_checkButton, &QPushButton::clicked, this, &CameraConnectionDialog::check);
    connect(m_user, &QLineEdit::textEdited, this, &CameraConnectionDialog::loginEdited);
    connect(m_password, &QLineEdit::textEdited, this, &CameraConnectionDialog::loginEdited);
    connect(m_main, &QComboBox::activated, this, &CameraConnectionDialog::render);
    connect(m_sub, &QComboBox::activated, this, &CameraConnectionDialog::render);
    connect(&m_editor, &setup::CameraEditor::checked, this, &CameraConnectionDialog::onChecked);
    render();
    check(); // with what Vigil has: shows whether it still works, and the streams to choose from
}

QPushButton* CameraConnectionDialog::saveButton() const
{
    return m_buttons->button(QDialogButtonBox::Save);
}

void CameraConnectionDialog::check()
{
    m_checked.reset();
    m_checkedLogin = m_user->text().trimmed() + u'\n' + m_password->text();
    m_status->setText(tr("Checking with the camera…"));
    m_editor.check(m_camera, m_user->text().trimmed(), m_password->text());
    render();
}

void CameraConnectionDialog::loginEdited()
{
    // A login that was not checked is not saved.
    m_checked.reset();
    m_status->setText(tr("Check the new login with the camera before saving it."));
    render();
}

void CameraConnectionDialog::onChecked(const Result<setup::ConnectionCheck>& result)
{
    if (m_checkedLogin != m_user->text().trimmed() + u'\n' + m_password->text())
        return; // an answer about a login no longer typed
    if (!result) {
        m_status->setText(tr("Not changed: %1").arg(result.error().message));
        render();
        return;
    }
    const setup::ConnectionCheck& found = result.value();
    if (found.cameraId != m_camera.id)
        return;
    m_checked = found;
    m_status->setText(tr("The camera accepts this login."));
    m_main->clear();
    m_sub->clear();
    if (found.device) {
        m_sub->addItem(tr("none"), -1);
        const QList<onvif::MediaProfile>& profiles = found.device->profiles;
        for (int p = 0; p < profiles.size(); ++p) {
            if (!profiles.at(p).isVideoStream())
                continue;
            const QString text = StreamText::of(profiles.at(p));
            m_main->addItem(text, p);
            m_sub->addItem(text, p);
        }
        m_main->setCurrentIndex(m_main->findData(
                setup::CameraEditor::currentProfile(m_camera, *found.device, u"main")));
        m_sub->setCurrentIndex(qMax(0,
                m_sub->findData(
                        setup::CameraEditor::currentProfile(m_camera, *found.device, u"sub"))));
    }
    render();
}

void CameraConnectionDialog::render()
{
    const bool checking = m_editor.isChecking();
    m_checkButton->setEnabled(!checking);
    const bool hasStreams = m_checked && m_checked->device;
    m_main->setEnabled(hasStreams);
    m_sub->setEnabled(hasStreams);
    const bool twoStreams = hasStreams && m_sub->currentData().toInt() >= 0;
    m_recordSub->setEnabled(twoStreams);
    const bool distinct = !twoStreams || m_sub->currentData() != m_main->currentData();
    saveButton()->setEnabled(m_checked.has_value() && !checking && distinct
            && (!m_checked->device || m_main->currentIndex() >= 0));
    saveButton()->setToolTip(
            m_checked ? QString() : tr("Saved once the camera has accepted the login."));
}

void CameraConnectionDialog::accept()
{
    if (!m_checked)
        return;
    const int main = m_checked->device ? m_main->currentData().toInt() : -1;
    const int sub = m_checked->device ? m_sub->currentData().toInt() : -1;
    const Result<void> saved
            = m_editor.saveConnection(*m_checked, main, sub, m_recordSub->isChecked());
    if (!saved) {
        QMessageBox::warning(this, tr("Connection not saved"), saved.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace vigil::widgets
