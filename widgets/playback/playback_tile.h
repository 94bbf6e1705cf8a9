#pragma once

#include <QVideoFrame>
#include <QWidget>

namespace vigil::widgets {

/// One camera's picture in playback: the recorded frame with the camera's name and the time it
/// was recorded, or why there is none at that time.
class PlaybackTile : public QWidget
{
    Q_OBJECT

public:
    explicit PlaybackTile(const QString& name, QWidget* parent = nullptr);

    void showFrame(const QVideoFrame& frame, qint64 utcMs);
    void showNoRecording(const QString& reason, qint64 nextMs);
    void showProblem(const QString& message);
    qint64 frameTime() const { return m_frameMs; }
    /// What the tile says instead of a picture ("" while it shows one).
    QString message() const { return m_message; }

Q_SIGNALS:
    /// The tile's size in device pixels changed: frames should come at that size.
    void pictureSizeChanged(QSize size);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QString m_name;
    QVideoFrame m_frame;
    qint64 m_frameMs = 0;
    QString m_message;
};

} // namespace vigil::widgets
