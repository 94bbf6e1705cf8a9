#include "widgets/playback/bookmark_dialogs.h"

#include "core/playback/bookmarks.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace vigil::widgets {

namespace {

QDateTimeEdit* timeEdit(qint64 ms, QWidget* parent)
{
    auto* edit = new QDateTimeEdit(QDateTime::fromMSecsSinceEpoch(ms), parent);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    edit->setCalendarPopup(true);
    return edit;
}

QString cameraName(const QList<QPair<qint64, QString>>& cameras, qint64 id)
{
    if (id == 0)
        return BookmarkDialog::tr("Every camera");
    for (const auto& [camera, name] : cameras) {
        if (camera == id)
            return name;
    }
    return BookmarkDialog::tr("Camera %1").arg(id);
}

} // namespace

BookmarkDialog::BookmarkDialog(const catalog::BookmarkRecord& bookmark,
        const QList<QPair<qint64, QString>>& cameras, bool mayHold, QWidget* parent)
    : QDialog(parent)
    , m_bookmark(bookmark)
{
    setWindowTitle(bookmark.id ? tr("Edit Bookmark") : tr("Add Bookmark"));
    auto* form = new QFormLayout;
    m_start = timeEdit(bookmark.startMs, this);
    m_end = timeEdit(bookmark.endMs, this);
    form->addRow(tr("From:"), m_start);
    form->addRow(tr("To:"), m_end);
    m_camera = new QComboBox(this);
    m_camera->addItem(tr("Every camera"), qint64(0));
    for (const auto& [id, name] : cameras)
        m_camera->addItem(name, id);
    m_camera->setCurrentIndex(std::max(0, m_camera->findData(bookmark.cameraId)));
    form->addRow(tr("Camera:"), m_camera);
    m_title = new QLineEdit(bookmark.title, this);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setPlaceholderText(tr("What happened, e.g. \"Collision at the crossing\""));
    form->addRow(tr("Title:"), m_title);
    m_case = new QLineEdit(bookmark.caseNumber, this);
    m_case->setObjectName(QStringLiteral("caseNumber"));
    form->addRow(tr("Case number:"), m_case);
    m_note = new QPlainTextEdit(bookmark.note, this);
    m_note->setTabChangesFocus(true);
    form->addRow(tr("Note:"), m_note);
    m_hold = new QCheckBox(tr("Legal hold: retention never deletes this footage"), this);
    m_hold->setChecked(bookmark.legalHold);
    m_hold->setEnabled(mayHold);
    if (!mayHold)
        m_hold->setToolTip(tr("Only a supervisor or an administrator may change a legal hold."));
    form->addRow(QString(), m_hold);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_end->dateTime() < m_start->dateTime()) {
            QMessageBox::warning(this, windowTitle(), tr("A bookmark must end after it starts."));
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

catalog::BookmarkRecord BookmarkDialog::bookmark() const
{
    catalog::BookmarkRecord b = m_bookmark;
    b.startMs = m_start->dateTime().toMSecsSinceEpoch();
    b.endMs = m_end->dateTime().toMSecsSinceEpoch();
    b.cameraId = m_camera->currentData().toLongLong();
    b.title = m_title->text().trimmed();
    b.caseNumber = m_case->text().trimmed();
    b.note = m_note->toPlainText().trimmed();
    b.legalHold = m_hold->isChecked();
    return b;
}

BookmarksDialog::BookmarksDialog(playback::Bookmarks& bookmarks,
        QList<QPair<qint64, QString>> cameras, bool mayHold, QWidget* parent)
    : QDialog(parent)
    , m_bookmarks(bookmarks)
    , m_cameras(std::move(cameras))
    , m_mayHold(mayHold)
{
    setWindowTitle(tr("Bookmarks"));
    resize(760, 420);
    auto* layout = new QVBoxLayout(this);
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search titles, case numbers and notes"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::returnPressed, this, &BookmarksDialog::refresh);
    layout->addWidget(m_search);
    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels(
            {tr("Time"), tr("Camera"), tr("Title"), tr("Case"), tr("Legal hold")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && row < m_rows.size())
            Q_EMIT openRequested(m_rows.at(row).startMs, m_rows.at(row).cameraId);
    });
    layout->addWidget(m_table, 1);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(tr("Play"), this);
    connect(open, &QPushButton::clicked, this, [this] {
        if (const catalog::BookmarkRecord* b = selected())
            Q_EMIT openRequested(b->startMs, b->cameraId);
    });
    auto* edit = new QPushButton(tr("Edit…"), this);
    connect(edit, &QPushButton::clicked, this, &BookmarksDialog::editSelected);
    auto* remove = new QPushButton(tr("Delete"), this);
    connect(remove, &QPushButton::clicked, this, &BookmarksDialog::deleteSelected);
    auto* close = new QPushButton(tr("Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    buttons->addWidget(open);
    buttons->addWidget(edit);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(close);
    layout->addLayout(buttons);
    refresh();
}

void BookmarksDialog::refresh()
{
    const Result<QList<catalog::BookmarkRecord>> found = m_bookmarks.search(m_search->text(),
            std::numeric_limits<qint64>::min() / 2, std::numeric_limits<qint64>::max() / 2, {});
    m_error->setVisible(!found);
    if (!found) {
        m_error->setText(found.error().message);
        return;
    }
    m_rows = found.value();
    m_table->setRowCount(int(m_rows.size()));
    for (int r = 0; r < m_rows.size(); ++r) {
        const catalog::BookmarkRecord& b = m_rows.at(r);
        const QStringList cells {
                QLocale().toString(QDateTime::fromMSecsSinceEpoch(b.startMs), QLocale::ShortFormat),
                cameraName(m_cameras, b.cameraId), b.title, b.caseNumber,
                b.legalHold ? tr("Held") : QString()};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
}

const catalog::BookmarkRecord* BookmarksDialog::selected() const
{
    const int row = m_table->currentRow();
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

void BookmarksDialog::editSelected()
{
    const catalog::BookmarkRecord* b = selected();
    if (!b)
        return;
    BookmarkDialog dialog(*b, m_cameras, m_mayHold, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Result<void> saved = m_bookmarks.update(dialog.bookmark()); !saved)
        QMessageBox::warning(this, windowTitle(), saved.error().message);
    refresh();
}

void BookmarksDialog::deleteSelected()
{
    const catalog::BookmarkRecord* b = selected();
    if (!b)
        return;
    const QString question = b->legalHold
            ? tr("Delete the bookmark \"%1\"? Its legal hold ends with it, and retention may then "
                 "delete the footage.")
                      .arg(b->title)
            : tr("Delete the bookmark \"%1\"?").arg(b->title);
    if (QMessageBox::question(this, windowTitle(), question) != QMessageBox::Yes)
        return;
    if (const Result<void> removed = m_bookmarks.remove(b->id); !removed)
        QMessageBox::warning(this, windowTitle(), removed.error().message);
    refresh();
}

} // namespace vigil::widgets
