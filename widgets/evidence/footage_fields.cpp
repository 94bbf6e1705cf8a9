#include "widgets/evidence/footage_fields.h"

#include "core/catalog/camera_store.h"

#include <QDateTime>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QListWidget>

namespace vigil::widgets {

FootageFields::FootageFields(catalog::CameraStore& cameras, QFormLayout* form,
        const QString& prefix, const QString& fromLabel, const QString& toLabel, QWidget* parent)
{
    m_cameras = new QListWidget(parent);
    m_cameras->setObjectName(prefix + QStringLiteral("Cameras"));
    m_cameras->setMaximumHeight(120);
    if (const Result<QList<catalog::CameraRecord>> list = cameras.list(); list) {
        for (const catalog::CameraRecord& c : list.value()) {
            auto* item = new QListWidgetItem(c.name, m_cameras);
            item->setData(Qt::UserRole, c.id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }
    form->addRow(tr("Cameras:"), m_cameras);
    // Whole seconds, as shown: the same times typed again are the same range (a saved
    // redaction of it reopens).
    QDateTime now = QDateTime::currentDateTime();
    now = now.addMSecs(-now.time().msec());
    m_from = new QDateTimeEdit(now.addSecs(-3600), parent);
    m_from->setObjectName(prefix + QStringLiteral("From"));
    m_to = new QDateTimeEdit(now, parent);
    m_to->setObjectName(prefix + QStringLiteral("To"));
    for (QDateTimeEdit* edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
    }
    form->addRow(fromLabel, m_from);
    form->addRow(toLabel, m_to);
}

QList<qint64> FootageFields::checkedCameras() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_cameras->count(); ++i) {
        if (m_cameras->item(i)->checkState() == Qt::Checked)
            ids << m_cameras->item(i)->data(Qt::UserRole).toLongLong();
    }
    return ids;
}

void FootageFields::setCameras(const QList<qint64>& ids)
{
    for (int i = 0; i < m_cameras->count(); ++i) {
        QListWidgetItem* item = m_cameras->item(i);
        item->setCheckState(
                ids.contains(item->data(Qt::UserRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
}

qint64 FootageFields::fromMs() const
{
    return m_from->dateTime().toMSecsSinceEpoch();
}

qint64 FootageFields::toMs() const
{
    return m_to->dateTime().toMSecsSinceEpoch();
}

void FootageFields::setRange(qint64 fromMs, qint64 toMs)
{
    // Widened to whole seconds, as shown.
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs - fromMs % 1000));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch((toMs + 999) / 1000 * 1000));
}

void FootageFields::onChange(const std::function<void()>& changed)
{
    QObject::connect(m_cameras, &QListWidget::itemChanged, m_cameras, [changed] { changed(); });
    QObject::connect(m_from, &QDateTimeEdit::dateTimeChanged, m_from, [changed] { changed(); });
    QObject::connect(m_to, &QDateTimeEdit::dateTimeChanged, m_to, [changed] { changed(); });
}

} // namespace vigil::widgets
