#include "widgets/evidence/redaction_editor.h"

#include "core/redaction/clip_frames.h"
#include "core/redaction/track_edit.h"
#include "widgets/evidence/clip_strip.h"
#include "widgets/evidence/frame_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace vigil::widgets {

using redaction::Shape;
using redaction::Track;
using redaction::TrackKind;

namespace {

QString kindName(const Track& t)
{
    switch (t.kind) {
    case TrackKind::Face:
        return RedactionEditor::tr("Face");
    case TrackKind::Plate:
        return RedactionEditor::tr("Plate or text");
    case TrackKind::Head:
        return RedactionEditor::tr("Head of a person far away");
    case TrackKind::Region:
        return t.shape == Shape::Ellipse ? RedactionEditor::tr("Drawn ellipse")
                                         : RedactionEditor::tr("Drawn rectangle");
    case TrackKind::Mask:
        return RedactionEditor::tr("Privacy mask");
    }
    return {};
}

QString clock(qint64 ms)
{
    const QLocale locale;
    return QStringLiteral("%1:%2")
            .arg(ms / 60000)
            .arg(locale.toString(double(ms % 60000) / 1000.0, 'f', 2)
                            .rightJustified(5, QLatin1Char('0')));
}

} // namespace

RedactionEditor::RedactionEditor(const QString& camera, const QString& video,
        const redaction::RedactionLog& log, const QList<QImage>& pictures, int position, Save save,
        QWidget* parent)
    : QDialog(parent)
    , m_camera(camera)
    , m_log(log)
    , m_save(std::move(save))
    , m_position(position)
{
    setWindowTitle(tr("Redaction of %1").arg(camera));
    setObjectName(QStringLiteral("redactionEditor"));
    for (qsizetype i = 0; i < log.tracks.size() && i < pictures.size(); ++i)
        m_pictures.insert(log.tracks.at(i).id, pictures.at(i));
    Result<std::unique_ptr<redaction::ClipFrames>> opened = redaction::ClipFrames::open(video);
    if (opened)
        m_clip = std::move(opened.value());

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Play or scrub the clip and decide what the package hides. Red "
                                "boxes are hidden; dashed white ones stay visible. Draw what no "
                                "detector knows (a house number, a screen) with the rectangle "
                                "or ellipse, and move it on other frames: it follows in between."),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* split = new QSplitter(Qt::Horizontal, this);
    // Left: the frame and how to move through the clip.
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new FrameView(left);
    m_view->setObjectName(QStringLiteral("frameView"));
    leftLayout->addWidget(m_view, 1);
    auto* tools = new QHBoxLayout;
    m_play = new QToolButton(left);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_play->setText(tr("Play"));
    m_play->setCheckable(true);
    auto* back = new QToolButton(left);
    back->setText(QStringLiteral("◀"));
    back->setToolTip(tr("Previous frame (Ctrl+Left)"));
    back->setAccessibleName(tr("Previous frame"));
    auto* forward = new QToolButton(left);
    forward->setText(QStringLiteral("▶"));
    forward->setToolTip(tr("Next frame (Ctrl+Right)"));
    forward->setAccessibleName(tr("Next frame"));
    m_slider = new QSlider(Qt::Horizontal, left);
    m_slider->setObjectName(QStringLiteral("positionSlider"));
    m_slider->setAccessibleName(tr("Position in the clip"));
    m_time = new QLabel(left);
    m_time->setObjectName(QStringLiteral("timeLabel"));
    tools->addWidget(m_play);
    tools->addWidget(back);
    tools->addWidget(forward);
    tools->addWidget(m_slider, 1);
    tools->addWidget(m_time);
    leftLayout->addLayout(tools);
    m_strip = new ClipStrip(left);
    m_strip->setToolTip(
            tr("Red: the selected tracks. Blue: muted sound. Green below: frames looked at."));
    leftLayout->addWidget(m_strip);
    auto* draw = new QHBoxLayout;
    m_rectangle = new QToolButton(left);
    m_rectangle->setObjectName(QStringLiteral("rectangleButton"));
    m_rectangle->setText(tr("Draw Rectangle"));
    m_rectangle->setCheckable(true);
    m_ellipse = new QToolButton(left);
    m_ellipse->setObjectName(QStringLiteral("ellipseButton"));
    m_ellipse->setText(tr("Draw Ellipse"));
    m_ellipse->setCheckable(true);
    m_preview = new QCheckBox(tr("Preview the result"), left);
    m_preview->setObjectName(QStringLiteral("previewBox"));
    m_preview->setToolTip(
            tr("Shows the frame exactly as the package will hold it, with the boxes hidden."));
    draw->addWidget(m_rectangle);
    draw->addWidget(m_ellipse);
    draw->addStretch(1);
    draw->addWidget(m_preview);
    leftLayout->addLayout(draw);

    // Right: the tracks and what to do with them.
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* showRow = new QHBoxLayout;
    m_show = new QComboBox(right);
    m_show->setObjectName(QStringLiteral("showBox"));
    m_show->addItem(tr("All tracks"));
    m_show->addItem(tr("Tracks on this frame"));
    m_show->addItem(tr("Tracks found only once (perhaps no face)"));
    showRow->addWidget(new QLabel(tr("Show:"), right));
    showRow->addWidget(m_show, 1);
    rightLayout->addLayout(showRow);
    m_table = new QTableWidget(0, 3, right);
    m_table->setObjectName(QStringLiteral("trackTable"));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(70);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(1, 104);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    rightLayout->addWidget(m_table, 1);
    auto* edits = new QGridLayout;
    const auto button = [&](const QString& name, const QString& text, const QString& tip) {
        auto* b = new QPushButton(text, right);
        b->setObjectName(name);
        b->setToolTip(tip);
        return b;
    };
    QPushButton* extend = button(QStringLiteral("extendButton"), tr("Extend to Here"),
            tr("The selected tracks reach the frame shown, their nearest box held."));
    QPushButton* cut = button(QStringLiteral("cutButton"), tr("Cut Here"),
            tr("The selected track becomes two: before the frame shown, and from it on."));
    QPushButton* merge = button(QStringLiteral("mergeButton"), tr("Merge"),
            tr("The selected tracks become one (one person picked up twice); the frames between "
               "them are hidden too."));
    QPushButton* remove = button(QStringLiteral("deleteButton"), tr("Delete"),
            tr("Removes the selected tracks. To leave something visible, uncheck it instead: "
               "the log then says so."));
    QPushButton* all = button(QStringLiteral("allButton"), tr("Check All"), {});
    edits->addWidget(extend, 0, 0);
    edits->addWidget(cut, 0, 1);
    edits->addWidget(merge, 0, 2);
    edits->addWidget(remove, 1, 0);
    edits->addWidget(all, 1, 1);
    rightLayout->addLayout(edits);

    auto* options = new QFormLayout;
    m_effect = new QComboBox(right);
    m_effect->setObjectName(QStringLiteral("effectBox"));
    m_effect->addItem(tr("Solid box (cannot be undone)"), int(redaction::Effect::Solid));
    m_effect->addItem(tr("Pixelate"), int(redaction::Effect::Pixelate));
    m_effect->addItem(tr("Strong blur"), int(redaction::Effect::Blur));
    m_effect->setCurrentIndex(m_effect->findData(int(m_log.effect)));
    options->addRow(tr("Effect:"), m_effect);
    m_invert = new QCheckBox(tr("Hide everything except the checked tracks"), right);
    m_invert->setObjectName(QStringLiteral("invertBox"));
    m_invert->setToolTip(tr("For a suspect among bystanders: only the checked tracks stay "
                            "visible. Privacy masks stay hidden."));
    m_invert->setChecked(m_log.invert);
    options->addRow(QString(), m_invert);
    m_sound = new QComboBox(right);
    m_sound->setObjectName(QStringLiteral("soundBox"));
    m_sound->addItem(tr("Remove the sound"), int(redaction::AudioMode::Remove));
    m_sound->addItem(tr("Keep the sound"), int(redaction::AudioMode::Keep));
    m_sound->setCurrentIndex(m_sound->findData(int(m_log.audio)));
    options->addRow(tr("Sound:"), m_sound);
    auto* mutes = new QHBoxLayout;
    m_mute = new QPushButton(tr("Mute from Here"), right);
    m_mute->setObjectName(QStringLiteral("muteButton"));
    m_unmute = new QPushButton(tr("Unmute All"), right);
    m_unmute->setObjectName(QStringLiteral("unmuteButton"));
    mutes->addWidget(m_mute);
    mutes->addWidget(m_unmute);
    options->addRow(QString(), mutes);
    m_muted = new QLabel(right);
    m_muted->setObjectName(QStringLiteral("mutedLabel"));
    m_muted->setWordWrap(true);
    options->addRow(QString(), m_muted);
    rightLayout->addLayout(options);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({760, 440});
    layout->addWidget(split, 1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("coverageLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto* bottom = new QHBoxLayout;
    m_saved = new QLabel(this);
    m_saved->setObjectName(QStringLiteral("savedLabel"));
    bottom->addWidget(m_saved, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Make the Package"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    buttons->button(QDialogButtonBox::Cancel)
            ->setToolTip(tr("Closes the editor without a package; the redaction is saved and "
                            "reopens where it was left."));
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    m_player = new QTimer(this);
    m_saver = new QTimer(this);
    m_saver->setSingleShot(true);
    m_saver->setInterval(800);
    connect(m_saver, &QTimer::timeout, this, &RedactionEditor::saveNow);

    const int frames = m_clip ? m_clip->frameCount() : std::max(1, m_log.frames);
    m_slider->setRange(0, frames - 1);
    m_slider->setPageStep(std::max(1, frames / 20));
    m_strip->frames = frames;
    m_strip->seek = [this](int f) { showFrame(f); };
    if (m_clip && frames > 1)
        m_player->setInterval(int(std::clamp<qint64>(m_clip->msAt(1) - m_clip->msAt(0), 10, 200)));
    else
        m_player->setInterval(40);

    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (v != m_position)
            showFrame(v);
    });
    connect(back, &QToolButton::clicked, this, [this] { showFrame(m_position - 1); });
    connect(forward, &QToolButton::clicked, this, [this] { showFrame(m_position + 1); });
    auto* left1 = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left), this);
    connect(left1, &QShortcut::activated, this, [this] { showFrame(m_position - 1); });
    auto* right1 = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right), this);
    connect(right1, &QShortcut::activated, this, [this] { showFrame(m_position + 1); });
    connect(m_play, &QToolButton::toggled, this, [this](bool on) {
        m_play->setText(on ? tr("Pause") : tr("Play"));
        if (on && m_position >= m_slider->maximum())
            showFrame(0);
        on ? m_player->start() : m_player->stop();
    });
    connect(m_player, &QTimer::timeout, this, [this] {
        if (m_position >= m_slider->maximum()) {
            m_play->setChecked(false);
            return;
        }
        showFrame(m_position + 1);
    });
    connect(m_rectangle, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_ellipse->setChecked(false);
        m_view->setTool(
                on ? FrameView::Tool::Rectangle
                   : (m_ellipse->isChecked() ? FrameView::Tool::Ellipse : FrameView::Tool::Select));
    });
    connect(m_ellipse, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_rectangle->setChecked(false);
        m_view->setTool(on ? FrameView::Tool::Ellipse
                           : (m_rectangle->isChecked() ? FrameView::Tool::Rectangle
                                                       : FrameView::Tool::Select));
    });
    connect(m_preview, &QCheckBox::toggled, this, [this] { showFrame(m_position); });
    connect(m_show, &QComboBox::currentIndexChanged, this, &RedactionEditor::filterRows);
    connect(m_view, &FrameView::regionDrawn, this, &RedactionEditor::drawRegion);
    connect(m_view, &FrameView::boxChanged, this, &RedactionEditor::moveBox);
    connect(m_view, &FrameView::trackClicked, this, [this](int id, bool add) {
        QList<int> ids = add ? selectedIds() : QList<int>();
        if (!ids.contains(id))
            ids << id;
        selectIds(ids);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_view->setSelected(selectedIds());
        updateSummary();
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (item->column() != 0 || item->row() >= m_log.tracks.size())
            return;
        const bool on = item->checkState() == Qt::Checked;
        if (m_log.tracks[item->row()].enabled == on)
            return;
        m_log.tracks[item->row()].enabled = on;
        changed();
    });
    connect(extend, &QPushButton::clicked, this, &RedactionEditor::extendSelected);
    connect(cut, &QPushButton::clicked, this, &RedactionEditor::cutSelected);
    connect(merge, &QPushButton::clicked, this, &RedactionEditor::mergeSelected);
    connect(remove, &QPushButton::clicked, this, &RedactionEditor::deleteSelected);
    connect(all, &QPushButton::clicked, this, [this] {
        for (Track& t : m_log.tracks)
            t.enabled = true;
        buildTable();
        changed();
    });
    connect(m_effect, &QComboBox::currentIndexChanged, this, [this] {
        m_log.effect = redaction::Effect(m_effect->currentData().toInt());
        changed();
    });
    connect(m_invert, &QCheckBox::toggled, this, [this](bool on) {
        m_log.invert = on;
        buildTable();
        changed();
    });
    connect(m_sound, &QComboBox::currentIndexChanged, this, [this] {
        m_log.audio = redaction::AudioMode(m_sound->currentData().toInt());
        changed();
    });
    connect(m_mute, &QPushButton::clicked, this, &RedactionEditor::toggleMute);
    connect(m_unmute, &QPushButton::clicked, this, [this] {
        m_log.muted.clear();
        m_muteStartMs = -1;
        changed();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (!m_clip) {
        auto* problem = new QLabel(opened.error().message, this);
        problem->setObjectName(QStringLiteral("problemLabel"));
        problem->setWordWrap(true);
        problem->setStyleSheet(QStringLiteral("color: #b00020;"));
        layout->insertWidget(1, problem);
        for (QWidget* w : std::initializer_list<QWidget*> {
                     m_view, m_play, m_slider, m_rectangle, m_ellipse, m_preview, m_mute})
            w->setEnabled(false);
    }
    buildTable();
    resize(1200, 760);
    showFrame(std::clamp(position, 0, frames - 1));
    m_dirty = false;
}

RedactionEditor::~RedactionEditor() = default;

void RedactionEditor::done(int result)
{
    m_player->stop();
    saveNow(); // closed or accepted: the redaction reopens as it is
    QDialog::done(result);
}

void RedactionEditor::showFrame(int index)
{
    if (!m_clip)
        return;
    index = std::clamp(index, 0, m_clip->frameCount() - 1);
    const bool moved = index != m_position;
    m_position = index;
    m_shown = m_clip->frame(index, m_preview->isChecked() ? &m_log : nullptr);
    m_view->setImage(m_shown, m_clip->size());
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setValue(index);
    }
    m_time->setText(
            tr("%1 / %2 · frame %3")
                    .arg(clock(m_clip->msAt(index)), clock(m_clip->msAt(m_clip->frameCount() - 1)))
                    .arg(index + 1));
    const bool firstLook = redaction::markSeen(m_log.seen, index);
    updateBoxes();
    updateSummary();
    if (m_show->currentIndex() == 1)
        filterRows();
    if (moved || firstLook) {
        // Where the editor is, and what was looked at, are saved too (not urgent).
        if (!m_saver->isActive())
            m_saver->start();
        m_dirty = true;
    }
}

void RedactionEditor::updateBoxes()
{
    QList<FrameView::Box> boxes;
    if (!m_preview->isChecked()) {
        for (const Track& t : std::as_const(m_log.tracks)) {
            const auto found = t.boxes.constFind(m_position);
            if (found != t.boxes.cend())
                boxes.append({t.id, found.value(), t.shape, t.enabled});
        }
    }
    m_view->setInverted(m_log.invert);
    m_view->setBoxes(boxes);
    m_view->setSelected(selectedIds());
}

void RedactionEditor::updateSummary()
{
    const redaction::Coverage c = redaction::coverageOf(m_log);
    const QString text = m_log.invert
            ? tr("Looked at %1 of %2 frames · %3 tracks left visible, %4 hidden with the rest · "
                 "something visible on %5 frames · %6 frames where no detector found anything")
            : tr("Looked at %1 of %2 frames · %3 tracks hidden, %4 left visible · something "
                 "hidden on %5 frames · %6 frames where no detector found anything");
    m_summary->setText(text.arg(c.framesSeen)
                               .arg(c.frames)
                               .arg(c.tracksOn)
                               .arg(c.tracksOff)
                               .arg(c.framesHidden)
                               .arg(c.framesWithoutDetection));
    QStringList muted;
    m_strip->muted.clear();
    for (const redaction::TimeRange& r : std::as_const(m_log.muted)) {
        muted << tr("%1 – %2").arg(clock(r.fromMs), clock(r.toMs));
        if (m_clip)
            m_strip->muted.append({m_clip->indexAt(r.fromMs), m_clip->indexAt(r.toMs - 1)});
    }
    const bool keep = m_log.audio == redaction::AudioMode::Keep;
    m_mute->setEnabled(keep);
    m_unmute->setEnabled(keep && !m_log.muted.isEmpty());
    m_mute->setText(m_muteStartMs >= 0 ? tr("End the Mute Here") : tr("Mute from Here"));
    m_muted->setText(!keep            ? tr("The package has no sound.")
                    : muted.isEmpty() ? tr("The sound is kept whole.")
                                      : tr("Muted: %1").arg(muted.join(QLatin1String(", "))));
    m_strip->position = m_position;
    m_strip->seen = m_log.seen;
    m_strip->selected.clear();
    for (int id : selectedIds()) {
        const int i = indexOf(id);
        if (i >= 0 && !m_log.tracks.at(i).boxes.isEmpty())
            m_strip->selected.append(
                    {m_log.tracks.at(i).firstFrame(), m_log.tracks.at(i).lastFrame()});
    }
    m_strip->update();
}

void RedactionEditor::buildTable()
{
    const QList<int> selected = selectedIds();
    const QSignalBlocker blocker(m_table);
    m_table->setHorizontalHeaderLabels(
            {m_log.invert ? tr("Show") : tr("Hide"), tr("Picture"), tr("Track")});
    m_table->setRowCount(int(m_log.tracks.size()));
    for (int row = 0; row < m_log.tracks.size(); ++row) {
        const Track& t = m_log.tracks.at(row);
        auto* check = new QTableWidgetItem;
        check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        check->setCheckState(t.enabled ? Qt::Checked : Qt::Unchecked);
        check->setData(Qt::UserRole, t.id);
        m_table->setItem(row, 0, check);
        auto* picture = new QLabel(m_table);
        const QImage image = m_pictures.value(t.id);
        if (!image.isNull())
            picture->setPixmap(QPixmap::fromImage(
                    image.scaled(QSize(96, 64), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        picture->setAlignment(Qt::AlignCenter);
        m_table->setCellWidget(row, 1, picture);
        QStringList lines {kindName(t)};
        if (m_clip && !t.boxes.isEmpty())
            lines << tr("%1 – %2").arg(
                    clock(m_clip->msAt(t.firstFrame())), clock(m_clip->msAt(t.lastFrame())))
                  << (t.hits > 0 ? tr("%n frame(s), found on %1", nullptr, int(t.boxes.size()))
                                             .arg(tr("%n of them", nullptr, t.hits))
                                 : tr("%n frame(s)", nullptr, int(t.boxes.size())));
        if (!t.keyframes.isEmpty() && t.manual)
            lines << tr("%n keyframe(s)", nullptr, int(t.keyframes.size()));
        auto* what = new QTableWidgetItem(lines.join(QLatin1Char('\n')));
        what->setToolTip(t.manual ? tr("Drawn by a person") : tr("Found by a detector"));
        m_table->setItem(row, 2, what);
    }
    selectIds(selected);
    filterRows();
    updateBoxes();
    updateSummary();
}

void RedactionEditor::filterRows()
{
    const int show = m_show->currentIndex();
    for (int row = 0; row < m_log.tracks.size(); ++row) {
        const Track& t = m_log.tracks.at(row);
        const bool hidden = (show == 1 && !t.boxes.contains(m_position))
                || (show == 2 && (t.manual || t.hits != 1));
        m_table->setRowHidden(row, hidden);
    }
}

QList<int> RedactionEditor::selectedIds() const
{
    QList<int> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        if (index.row() < m_log.tracks.size())
            ids << m_log.tracks.at(index.row()).id;
    return ids;
}

void RedactionEditor::selectIds(const QList<int>& ids)
{
    m_table->clearSelection();
    for (int id : ids) {
        const int row = indexOf(id);
        if (row < 0)
            continue;
        m_table->selectionModel()->select(m_table->model()->index(row, 0),
                QItemSelectionModel::Select | QItemSelectionModel::Rows);
        m_table->scrollToItem(m_table->item(row, 0));
    }
    m_view->setSelected(ids);
}

int RedactionEditor::indexOf(int trackId) const
{
    for (int i = 0; i < m_log.tracks.size(); ++i)
        if (m_log.tracks.at(i).id == trackId)
            return i;
    return -1;
}

int RedactionEditor::nextId() const
{
    int id = 0;
    for (const Track& t : m_log.tracks)
        id = std::max(id, t.id);
    return id + 1;
}

QImage RedactionEditor::pictureAt(const QRect& box) const
{
    if (!m_clip)
        return {};
    const QImage frame = m_clip->frame(m_position);
    const QRect around
            = box.adjusted(-box.width() / 3, -box.height() / 3, box.width() / 3, box.height() / 3)
                      .intersected(frame.rect());
    return frame.copy(around).scaledToHeight(96, Qt::SmoothTransformation);
}

void RedactionEditor::changed()
{
    m_dirty = true;
    m_saver->start();
    if (m_preview->isChecked()) {
        showFrame(m_position); // the frame rendered again, boxes and summary with it
    } else {
        updateBoxes();
        updateSummary();
    }
}

void RedactionEditor::saveNow()
{
    m_saver->stop();
    if (!m_dirty || !m_save)
        return;
    const Result<void> saved = m_save(m_log, m_position);
    m_dirty = !saved;
    m_saved->setText(saved
                    ? tr("Saved at %1")
                              .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat))
                    : tr("Not saved: %1").arg(saved.error().message));
}

void RedactionEditor::extendSelected()
{
    for (int id : selectedIds()) {
        const int i = indexOf(id);
        if (i >= 0)
            redaction::extendTo(m_log.tracks[i], m_position);
    }
    buildTable();
    changed();
}

void RedactionEditor::cutSelected()
{
    const QList<int> ids = selectedIds();
    if (ids.size() != 1) {
        QMessageBox::information(this, windowTitle(), tr("Select one track to cut."));
        return;
    }
    const int i = indexOf(ids.first());
    std::optional<Track> rest = redaction::splitAt(m_log.tracks[i], m_position, nextId());
    if (!rest) {
        QMessageBox::information(this, windowTitle(),
                tr("Go to a frame inside the track, after its first, to cut it there."));
        return;
    }
    m_pictures.insert(rest->id, m_pictures.value(ids.first()));
    const int id = rest->id;
    m_log.tracks.insert(i + 1, *rest);
    buildTable();
    selectIds({id});
    changed();
}

void RedactionEditor::mergeSelected()
{
    const QList<int> ids = selectedIds();
    if (ids.size() < 2) {
        QMessageBox::information(this, windowTitle(), tr("Select two tracks or more to merge."));
        return;
    }
    QList<Track> picked;
    for (int id : ids)
        picked << m_log.tracks.at(indexOf(id));
    std::sort(picked.begin(), picked.end(),
            [](const Track& a, const Track& b) { return a.firstFrame() < b.firstFrame(); });
    Track merged = picked.first();
    for (qsizetype k = 1; k < picked.size(); ++k)
        merged = redaction::merge(merged, picked.at(k));
    const int at = indexOf(merged.id);
    m_log.tracks[at] = merged;
    for (qsizetype k = 1; k < picked.size(); ++k) {
        m_log.tracks.removeAt(indexOf(picked.at(k).id));
        m_pictures.remove(picked.at(k).id);
    }
    buildTable();
    selectIds({merged.id});
    changed();
}

void RedactionEditor::deleteSelected()
{
    const QList<int> ids = selectedIds();
    for (int id : ids) {
        m_log.tracks.removeAt(indexOf(id));
        m_pictures.remove(id);
    }
    buildTable();
    changed();
}

void RedactionEditor::drawRegion(const QRect& box, Shape shape)
{
    const int last = (m_clip ? m_clip->frameCount() : m_log.frames) - 1;
    const Track t = redaction::drawnRegion(nextId(), shape, box, m_position, m_position, last);
    m_pictures.insert(t.id, pictureAt(box));
    m_log.tracks.append(t);
    m_rectangle->setChecked(false);
    m_ellipse->setChecked(false);
    buildTable();
    selectIds({t.id});
    changed();
}

void RedactionEditor::moveBox(int trackId, const QRect& box)
{
    const int i = indexOf(trackId);
    if (i < 0)
        return;
    redaction::setKeyframe(m_log.tracks[i], m_position, box);
    buildTable();
    selectIds({trackId});
    changed();
}

void RedactionEditor::toggleMute()
{
    if (!m_clip)
        return;
    const qint64 here = m_clip->msAt(m_position);
    if (m_muteStartMs < 0) {
        m_muteStartMs = here;
        updateSummary();
        return;
    }
    // The stretch runs to the end of the frame shown; overlapping stretches become one.
    const qint64 frameMs = m_position + 1 < m_clip->frameCount()
            ? m_clip->msAt(m_position + 1) - here
            : m_player->interval();
    redaction::TimeRange added {
            std::min(m_muteStartMs, here), std::max(m_muteStartMs, here) + frameMs};
    m_muteStartMs = -1;
    QList<redaction::TimeRange> ranges = m_log.muted;
    ranges << added;
    std::sort(ranges.begin(), ranges.end(),
            [](const auto& a, const auto& b) { return a.fromMs < b.fromMs; });
    m_log.muted.clear();
    for (const redaction::TimeRange& r : ranges) {
        if (!m_log.muted.isEmpty() && r.fromMs <= m_log.muted.last().toMs)
            m_log.muted.last().toMs = std::max(m_log.muted.last().toMs, r.toMs);
        else
            m_log.muted << r;
    }
    changed();
}

} // namespace vigil::widgets
