#pragma once

#include "core/redaction/redaction_log.h"
#include "core/result.h"

#include <QDialog>
#include <QHash>
#include <QImage>
#include <QList>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QTableWidget;
class QTimer;
class QToolButton;

namespace vigil::redaction {
class ClipFrames;
}

namespace vigil::widgets {

class ClipStrip;
class FrameView;

/// The redaction editor: a person plays and scrubs a camera's clip with what the detectors
/// followed drawn over it, and decides what the package hides. One row per track (picture,
/// kind, when, hidden or not); tracks are extended to the current frame, cut there, merged and
/// deleted; regions no detector knows (a house number, a screen) are drawn as rectangles or
/// ellipses and moved on other frames (keyframes, interpolated between). The effect, an
/// inverted redaction (everything hidden but the chosen tracks), the sound (removed, kept,
/// stretches muted), a preview of the result and a coverage summary. Every change is saved
/// (the `save` callback) so that the redaction reopens exactly.
class RedactionEditor : public QDialog
{
    Q_OBJECT

public:
    using Save = std::function<Result<void>(const redaction::RedactionLog&, int position)>;

    RedactionEditor(const QString& camera, const QString& video, const redaction::RedactionLog& log,
            const QList<QImage>& pictures, int position, Save save, QWidget* parent = nullptr);
    ~RedactionEditor() override;

    /// What was decided.
    redaction::RedactionLog log() const { return m_log; }
    int position() const { return m_position; }
    void showFrame(int index);

    FrameView* view() const { return m_view; }
    QTableWidget* table() const { return m_table; }
    /// The frame as shown (for tests: the preview is what the package will hold).
    QImage shownImage() const { return m_shown; }

    void done(int result) override;

private:
    void buildTable();
    void filterRows();
    void updateBoxes();
    void updateSummary();
    void changed(); ///< saves a moment later
    void saveNow();
    QList<int> selectedIds() const;
    void selectIds(const QList<int>& ids);
    int indexOf(int trackId) const;
    int nextId() const;
    QImage pictureAt(const QRect& box) const;

    void extendSelected();
    void cutSelected();
    void mergeSelected();
    void deleteSelected();
    void drawRegion(const QRect& box, redaction::Shape shape);
    void moveBox(int trackId, const QRect& box);
    void toggleMute();

    QString m_camera;
    redaction::RedactionLog m_log;
    QHash<int, QImage> m_pictures; ///< by track id
    Save m_save;
    std::unique_ptr<redaction::ClipFrames> m_clip;
    int m_position = 0;
    QImage m_shown;
    qint64 m_muteStartMs = -1;
    bool m_dirty = false;

    FrameView* m_view = nullptr;
    ClipStrip* m_strip = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_time = nullptr;
    QToolButton* m_play = nullptr;
    QTimer* m_player = nullptr;
    QTimer* m_saver = nullptr;
    QTableWidget* m_table = nullptr;
    QComboBox* m_effect = nullptr;
    QCheckBox* m_invert = nullptr;
    QCheckBox* m_preview = nullptr;
    QComboBox* m_show = nullptr;
    QComboBox* m_sound = nullptr;
    QPushButton* m_mute = nullptr;
    QPushButton* m_unmute = nullptr;
    QLabel* m_muted = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_saved = nullptr;
    QToolButton* m_rectangle = nullptr;
    QToolButton* m_ellipse = nullptr;
};

} // namespace vigil::widgets
