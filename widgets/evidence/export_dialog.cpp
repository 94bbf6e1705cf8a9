#include "widgets/evidence/export_dialog.h"

#include "core/catalog/camera_store.h"
#include "core/redaction/analyzer.h"
#include "widgets/evidence/footage_fields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {

QString defaultFolder(const QString& caseNumber)
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    QString name = caseNumber.trimmed();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    return QDir(base).filePath(QStringLiteral("Vigil evidence/%1 %2")
                                       .arg(name.isEmpty() ? QStringLiteral("export") : name,
                                               QDateTime::currentDateTime().toString(
                                                       QStringLiteral("yyyy-MM-dd HHmm"))));
}

} // namespace

ExportDialog::ExportDialog(catalog::CameraStore& cameras, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New Export"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_footage = std::make_unique<FootageFields>(
            cameras, form, QStringLiteral("export"), tr("From:"), tr("To:"), this);
    m_case = new QLineEdit(this);
    m_case->setObjectName(QStringLiteral("exportCase"));
    m_case->setPlaceholderText(tr("Case or request number"));
    form->addRow(tr("Case:"), m_case);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("exportReason"));
    m_reason->setPlaceholderText(tr("Court order, records request…"));
    form->addRow(tr("Reason:"), m_reason);

    m_redacted = new QCheckBox(tr("Redacted video"), this);
    m_redacted->setObjectName(QStringLiteral("exportRedacted"));
    m_redacted->setChecked(true);
    m_faces = new QCheckBox(tr("Hide faces"), this);
    m_faces->setObjectName(QStringLiteral("exportFaces"));
    m_faces->setChecked(true);
    m_plates = new QCheckBox(tr("Hide licence plates and other text"), this);
    m_plates->setObjectName(QStringLiteral("exportPlates"));
    m_plates->setChecked(true);
    m_thorough = new QCheckBox(
            tr("Thorough: also small faces and the heads of people far away (several times "
               "slower)"),
            this);
    m_thorough->setObjectName(QStringLiteral("exportThorough"));
    m_estimate = new QLabel(this);
    m_estimate->setObjectName(QStringLiteral("exportEstimate"));
    m_estimate->setWordWrap(true);
    m_estimate->setEnabled(false); // greyed: a remark
    m_effect = new QComboBox(this);
    m_effect->setObjectName(QStringLiteral("exportEffect"));
    m_effect->addItem(tr("Solid boxes (cannot be undone)"), int(redaction::Effect::Solid));
    m_effect->addItem(tr("Pixelate"), int(redaction::Effect::Pixelate));
    m_effect->addItem(tr("Strong blur"), int(redaction::Effect::Blur));
    m_review = new QCheckBox(tr("Review what was found before the package is made"), this);
    m_review->setObjectName(QStringLiteral("exportReview"));
    m_review->setChecked(true);
    auto* redaction = new QVBoxLayout;
    redaction->addWidget(m_redacted);
    for (QWidget* w : std::initializer_list<QWidget*> {
                 m_faces, m_plates, m_thorough, m_estimate, m_effect, m_review}) {
        w->setContentsMargins(20, 0, 0, 0);
        redaction->addWidget(w);
        if (w != m_estimate)
            connect(m_redacted, &QCheckBox::toggled, w, &QWidget::setEnabled);
    }
    m_cameraStore = &cameras;
    m_footage->onChange([this] { updateEstimate(); });
    connect(m_thorough, &QCheckBox::toggled, this, &ExportDialog::updateEstimate);
    connect(m_redacted, &QCheckBox::toggled, this, &ExportDialog::updateEstimate);
    form->addRow(tr("Contents:"), redaction);
    m_original
            = new QCheckBox(tr("Original video, unredacted (needs a supervisor's approval)"), this);
    m_original->setObjectName(QStringLiteral("exportOriginal"));
    form->addRow(QString(), m_original);
    m_zip = new QCheckBox(tr("Also as one .zip file, to send or burn to a disc"), this);
    m_zip->setObjectName(QStringLiteral("exportZip"));
    form->addRow(QString(), m_zip);

    m_folder = new QLineEdit(defaultFolder({}), this);
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
                this, tr("Folder for the package"), QFileInfo(m_folder->text()).absolutePath());
        if (!dir.isEmpty())
            m_folder->setText(QDir(dir).filePath(QFileInfo(m_folder->text()).fileName()));
    });
    connect(m_case, &QLineEdit::textEdited, this, [this](const QString& text) {
        m_folder->setText(QDir(QFileInfo(m_folder->text()).absolutePath())
                                  .filePath(QFileInfo(defaultFolder(text)).fileName()));
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("New folder:"), folderRow);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::updateEstimate()
{
    if (!m_redacted->isChecked()) {
        m_estimate->clear();
        return;
    }
    const QList<qint64> ids = m_footage->checkedCameras();
    const qint64 videoMs = std::max<qint64>(0, m_footage->toMs() - m_footage->fromMs());
    qint64 standardMs = 0;
    qint64 thoroughMs = 0;
    if (const auto cameras = m_cameraStore->list(); cameras) {
        for (const catalog::CameraRecord& c : cameras.value()) {
            if (!ids.contains(c.id))
                continue;
            QSize size(1920, 1080);
            double fps = 25;
            for (const catalog::StreamRecord& s : c.streams) {
                if (s.role == QLatin1String("main") && s.width > 0) {
                    size = QSize(s.width, s.height);
                    fps = s.fps > 0 ? s.fps : fps;
                }
            }
            redaction::AnalysisOptions o;
            standardMs += redaction::Analyzer::estimateMs(videoMs, size, fps, o);
            o.thorough = true;
            thoroughMs += redaction::Analyzer::estimateMs(videoMs, size, fps, o);
        }
    }
    const auto span = [](qint64 ms) {
        const qint64 s = (ms + 999) / 1000;
        if (s < 90)
            return tr("%n second(s)", nullptr, int(s));
        if (s < 90 * 60)
            return tr("%n minute(s)", nullptr, int((s + 30) / 60));
        return tr("%n hour(s)", nullptr, int((s + 1800) / 3600));
    };
    m_estimate->setText(ids.isEmpty() ? QString()
                                      : tr("At most about %1 for this footage; thorough: about %2.")
                                                .arg(span(standardMs), span(thoroughMs)));
}

void ExportDialog::setRange(const QList<qint64>& cameraIds, qint64 fromMs, qint64 toMs)
{
    m_footage->setCameras(cameraIds);
    m_footage->setRange(fromMs, toMs);
    updateEstimate();
}

void ExportDialog::setCase(const QString& caseNumber, const QString& reason)
{
    m_case->setText(caseNumber);
    m_reason->setText(reason);
    m_folder->setText(QDir(QFileInfo(m_folder->text()).absolutePath())
                              .filePath(QFileInfo(defaultFolder(caseNumber)).fileName()));
}

void ExportDialog::setOriginal(bool original)
{
    m_original->setChecked(original);
}

evidence::ExportSpec ExportDialog::spec() const
{
    evidence::ExportSpec spec;
    spec.cameraIds = m_footage->checkedCameras();
    spec.fromMs = m_footage->fromMs();
    spec.toMs = m_footage->toMs();
    spec.caseNumber = m_case->text().trimmed();
    spec.reason = m_reason->text().trimmed();
    spec.redacted = m_redacted->isChecked() && (m_faces->isChecked() || m_plates->isChecked());
    spec.detect.faces = m_faces->isChecked();
    spec.detect.plates = m_plates->isChecked();
    spec.detect.thorough = m_thorough->isChecked();
    spec.effect = redaction::Effect(m_effect->currentData().toInt());
    spec.original = m_original->isChecked();
    spec.zip = m_zip->isChecked();
    spec.outDir = QDir::cleanPath(m_folder->text().trimmed());
    return spec;
}

bool ExportDialog::review() const
{
    return m_redacted->isChecked() && m_review->isChecked();
}

void ExportDialog::accept()
{
    const evidence::ExportSpec s = spec();
    QString problem;
    if (s.cameraIds.isEmpty())
        problem = tr("Choose at least one camera.");
    else if (s.toMs <= s.fromMs)
        problem = tr("The end must come after the start.");
    else if (s.caseNumber.isEmpty() || s.reason.isEmpty())
        problem = tr("Give the case or request number and the reason: both go into the package "
                     "and the audit log.");
    else if (!s.redacted && !s.original)
        problem = tr("Choose what the package holds: the redacted video, the original, or both.");
    else if (s.outDir.isEmpty() || QFileInfo::exists(s.outDir))
        problem = tr("Choose a new folder for the package.");
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), problem);
        return;
    }
    QDialog::accept();
}

ApprovalDialog::ApprovalDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Supervisor's Approval"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(tr("Releasing original, unredacted footage needs a supervisor. The "
                               "supervisor logs in here to approve this export; the approval is "
                               "written to the audit log."),
            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("approverLogin"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("approverPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Supervisor:"), m_login);
    form->addRow(tr("Password:"), m_password);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Approve"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString ApprovalDialog::login() const
{
    return m_login->text().trimmed();
}

QString ApprovalDialog::password() const
{
    return m_password->text();
}

} // namespace vigil::widgets
