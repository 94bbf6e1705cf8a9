#include "widgets/playback/playback_tile.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace vigil::widgets {

namespace {

const QColor kBackground(0x1e, 0x1e, 0x1e);

} // namespace

PlaybackTile::PlaybackTile(const QString& name, QWidget* parent)
    : QWidget(parent)
    , m_name(name)
{
    setMinimumSize(160, 90);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(name);
}

void PlaybackTile::showFrame(const QVideoFrame& frame, qint64 utcMs)
{
    m_frame = frame;
    m_frameMs = utcMs;
    m_message.clear();
    update();
}

void PlaybackTile::showNoRecording(const QString& reason, qint64 nextMs)
{
    m_frame = QVideoFrame();
    m_message = reason;
    if (nextMs > 0)
        m_message += u'\n'
                + tr("Recording resumes at %1.")
                          .arg(QLocale().toString(
                                  QDateTime::fromMSecsSinceEpoch(nextMs), QLocale::ShortFormat));
    else
        m_message += u'\n' + tr("Nothing was recorded after this time.");
    update();
}

void PlaybackTile::showProblem(const QString& message)
{
    m_frame = QVideoFrame();
    m_message = message;
    update();
}

void PlaybackTile::resizeEvent(QResizeEvent*)
{
    Q_EMIT pictureSizeChanged(size() * devicePixelRatioF());
}

void PlaybackTile::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), kBackground);
    static const QVideoFrameFormat::PixelFormat rgb
            = QVideoFrameFormat::pixelFormatFromImageFormat(QImage::Format_RGB32);
    if (m_frame.isValid()) {
        if (m_frame.pixelFormat() == rgb && m_frame.map(QVideoFrame::ReadOnly)) {
            const QImage image(m_frame.bits(0), m_frame.width(), m_frame.height(),
                    m_frame.bytesPerLine(0), QImage::Format_RGB32);
            QRect target(QPoint(), m_frame.size().scaled(size(), Qt::KeepAspectRatio));
            target.moveCenter(rect().center());
            p.drawImage(target, image);
            m_frame.unmap();
        } else {
            QVideoFrame::PaintOptions options;
            options.backgroundColor = kBackground;
            m_frame.paint(&p, rect(), options);
        }
    } else if (!m_message.isEmpty()) {
        p.setPen(QColor(0xdd, 0xdd, 0xdd));
        p.drawText(
                rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    }
    // The camera and the recorded time, on a band at the top.
    const QString stamp = m_frame.isValid()
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_frameMs),
                    QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
            : QString();
    const int band = fontMetrics().height() + 6;
    p.fillRect(QRect(0, 0, width(), band), QColor(0, 0, 0, 150));
    p.setPen(Qt::white);
    p.drawText(QRect(6, 0, width() - 12, band), Qt::AlignVCenter | Qt::AlignLeft, m_name);
    p.drawText(QRect(6, 0, width() - 12, band), Qt::AlignVCenter | Qt::AlignRight, stamp);
}

} // namespace vigil::widgets
