#include "widgets/evidence/review_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {

QString kindName(redaction::TrackKind kind)
{
    switch (kind) {
    case redaction::TrackKind::Face:
        return ReviewDialog::tr("Face");
    case redaction::TrackKind::Plate:
        return ReviewDialog::tr("Plate or text");
    case redaction::TrackKind::Head:
        return ReviewDialog::tr("Head");
    case redaction::TrackKind::Region:
        return ReviewDialog::tr("Region");
    }
    return {};
}

} // namespace

ReviewDialog::ReviewDialog(const QString& camera, const redaction::RedactionLog& log,
        const QList<QImage>& pictures, qint64 durationMs, QWidget* parent)
    : QDialog(parent)
    , m_log(log)
{
    setWindowTitle(tr("Review the Redaction of %1").arg(camera));
    resize(640, 560);
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(tr("Each row is something the detectors followed through the clip: "
                               "%n track(s). Checked rows are hidden in the package. Uncheck only "
                               "what may stay visible — public signage, a false detection.",
                                    nullptr, int(log.tracks.size())),
            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    m_table = new QTableWidget(int(log.tracks.size()), 4, this);
    m_table->setObjectName(QStringLiteral("reviewTable"));
    m_table->setHorizontalHeaderLabels({tr("Hide"), tr("Picture"), tr("What"), tr("When")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(100);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    const double msPerFrame = log.frames > 0 ? double(durationMs) / log.frames : 40.0;
    const QLocale locale;
    for (int row = 0; row < log.tracks.size(); ++row) {
        const redaction::Track& t = log.tracks.at(row);
        auto* hide = new QTableWidgetItem;
        hide->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        hide->setCheckState(t.enabled ? Qt::Checked : Qt::Unchecked);
        m_table->setItem(row, 0, hide);
        auto* picture = new QLabel(m_table);
        if (row < pictures.size() && !pictures.at(row).isNull())
            picture->setPixmap(QPixmap::fromImage(pictures.at(row)));
        m_table->setCellWidget(row, 1, picture);
        m_table->setItem(row, 2, new QTableWidgetItem(kindName(t.kind)));
        const double from = t.firstFrame() * msPerFrame / 1000.0;
        const double to = (t.lastFrame() + 1) * msPerFrame / 1000.0;
        m_table->setItem(row, 3,
                new QTableWidgetItem(
                        tr("%1 s – %2 s (%n frame(s))", nullptr, int(t.boxes.size()))
                                .arg(locale.toString(from, 'f', 1), locale.toString(to, 'f', 1))));
    }
    layout->addWidget(m_table, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Make the Package"));
    QPushButton* all = buttons->addButton(tr("Hide All"), QDialogButtonBox::ActionRole);
    connect(all, &QPushButton::clicked, this, [this] {
        for (int row = 0; row < m_table->rowCount(); ++row)
            m_table->item(row, 0)->setCheckState(Qt::Checked);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

redaction::RedactionLog ReviewDialog::log() const
{
    redaction::RedactionLog log = m_log;
    for (int row = 0; row < m_table->rowCount() && row < log.tracks.size(); ++row)
        log.tracks[row].enabled = m_table->item(row, 0)->checkState() == Qt::Checked;
    return log;
}

} // namespace vigil::widgets
