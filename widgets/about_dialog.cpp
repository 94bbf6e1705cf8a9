#include "widgets/about_dialog.h"

#include "core/runtime/library_versions.h"
#include "core/security/installation_key.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::widgets {

AboutDialog::AboutDialog(QWidget* parent, const QString& keysDir)
    : QDialog(parent)
{
    setWindowTitle(tr("About Vigil"));
    const runtime::LibraryVersions v = runtime::libraryVersions();

    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/vigil.svg")).pixmap(64, 64));
    header->addWidget(logo, 0, Qt::AlignTop);
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);
    intro->setText(QStringLiteral("<h2>Vigil %1</h2><p>%2</p><p>%3</p>")
                           .arg(v.vigil.toHtmlEscaped(),
                                   tr("Video management for small municipalities: cameras, "
                                      "recording, playback and evidence on one computer.")
                                           .toHtmlEscaped(),
                                   tr("Vigil talks only to the cameras you add. It never "
                                      "identifies people.")
                                           .toHtmlEscaped()));
    intro->setMinimumWidth(420);
    header->addWidget(intro, 1);
    layout->addLayout(header);

    const QList<std::pair<QString, QString>> rows = {
            {QStringLiteral("Qt"), v.qt},
            {QStringLiteral("FFmpeg"), v.ffmpeg},
            {QStringLiteral("OpenCV"), v.opencv},
            {QStringLiteral("SQLite"), v.sqlite},
            {QStringLiteral("libsodium"), v.sodium},
    };
    QString table = QStringLiteral("<table cellspacing='4'>");
    for (const auto& [name, version] : rows) {
        table += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                         .arg(name.toHtmlEscaped(), version.toHtmlEscaped());
        m_versions += name + QStringLiteral(": ") + version + u'\n';
    }
    table += QStringLiteral("</table>");
    m_versions.prepend(QStringLiteral("Vigil %1\n").arg(v.vigil));

    auto* versions = new QLabel(table, this);
    versions->setObjectName(QStringLiteral("aboutVersions"));
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(versions);

    if (!keysDir.isEmpty()) {
        // A court compares this with the fingerprint in a package's report and VERIFY.txt.
        const Result<security::InstallationKey> key = security::InstallationKey::open(keysDir);
        auto* fingerprint = new QLabel(this);
        fingerprint->setObjectName(QStringLiteral("aboutFingerprint"));
        fingerprint->setWordWrap(true);
        fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
        fingerprint->setText(
                QStringLiteral("<p><b>%1</b><br><tt>%2</tt></p>")
                        .arg(tr("Evidence signing key (SHA-256 fingerprint)").toHtmlEscaped(),
                                (key ? key->fingerprint() : key.error().message).toHtmlEscaped()));
        layout->addWidget(fingerprint);
        if (key)
            m_versions += tr("Evidence signing key: %1").arg(key->fingerprint()) + u'\n';
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy versions"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_versions); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace vigil::widgets
