#pragma once

#include "core/catalog/bookmark_store.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace vigil::playback {
class Bookmarks;
}

namespace vigil::widgets {

/// Makes or edits one bookmark: its time span, camera, title, case number, note and legal hold.
class BookmarkDialog : public QDialog
{
    Q_OBJECT

public:
    /// `cameras`: (id, name) of the cameras it may be put on; id 0 stands for every camera.
    BookmarkDialog(const catalog::BookmarkRecord& bookmark,
            const QList<QPair<qint64, QString>>& cameras, bool mayHold, QWidget* parent);
    catalog::BookmarkRecord bookmark() const;

private:
    catalog::BookmarkRecord m_bookmark;
    QDateTimeEdit* m_start = nullptr;
    QDateTimeEdit* m_end = nullptr;
    QComboBox* m_camera = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_case = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QCheckBox* m_hold = nullptr;
};

/// The bookmarks: a search over titles, case numbers and notes, then edit, delete, or open one
/// in playback (double-click).
class BookmarksDialog : public QDialog
{
    Q_OBJECT

public:
    BookmarksDialog(playback::Bookmarks& bookmarks, QList<QPair<qint64, QString>> cameras,
            bool mayHold, QWidget* parent);
    QTableWidget* table() const { return m_table; }
    QLineEdit* searchField() const { return m_search; }
    void refresh();

Q_SIGNALS:
    void openRequested(qint64 utcMs, qint64 cameraId);

private:
    void editSelected();
    void deleteSelected();
    const catalog::BookmarkRecord* selected() const;

    playback::Bookmarks& m_bookmarks;
    QList<QPair<qint64, QString>> m_cameras;
    bool m_mayHold = false;
    QLineEdit* m_search = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_error = nullptr;
    QList<catalog::BookmarkRecord> m_rows;
};

} // namespace vigil::widgets
