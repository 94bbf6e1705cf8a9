#include "widgets/alerts/alerts_dialog.h"

#include "core/catalog/alert_store.h"
#include "core/catalog/camera_store.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil::widgets {

namespace {
constexpr int kIdRole = Qt::UserRole;
constexpr int kAcknowledgedRole = Qt::UserRole + 1;
} // namespace

AlertsDialog::AlertsDialog(
        catalog::AlertStore& alerts, catalog::CameraStore& cameras, QString who, QWidget* parent)
    : QDialog(parent)
    , m_alerts(alerts)
    , m_who(std::move(who))
{
    setWindowTitle(tr("Alerts"));
    setObjectName(QStringLiteral("alertsDialog"));
    resize(860, 460);

    m_camera = new QComboBox(this);
    m_camera->setObjectName(QStringLiteral("alertsCamera"));
    m_camera->addItem(tr("All cameras"), qint64(0));
    if (const auto list = cameras.list(); list) {
        for (const catalog::CameraRecord& c : list.value())
            m_camera->addItem(c.name, c.id);
    }
    connect(m_camera, &QComboBox::currentIndexChanged, this, &AlertsDialog::reload);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("alertsList"));
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("When"), tr("Camera"), tr("Acknowledged"), tr("What happened")});
    m_list->header()->setStretchLastSection(true);
    m_list->setWordWrap(true);

    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    m_acknowledge = new QPushButton(tr("Acknowledge"), this);
    m_acknowledge->setObjectName(QStringLiteral("alertsAcknowledge"));
    m_acknowledgeAll = new QPushButton(tr("Acknowledge all"), this);
    m_acknowledgeAll->setObjectName(QStringLiteral("alertsAcknowledgeAll"));
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsDialog::acknowledgeSelected);
    connect(m_acknowledgeAll, &QPushButton::clicked, this, &AlertsDialog::acknowledgeAll);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        bool any = false;
        for (const QTreeWidgetItem* item : m_list->selectedItems())
            any = any || !item->data(0, kAcknowledgedRole).toBool();
        m_acknowledge->setEnabled(any);
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Camera:"), this));
    top->addWidget(m_camera, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_acknowledge);
    bottom->addWidget(m_acknowledgeAll);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_problem);
    layout->addLayout(bottom);
    reload();
}

qint64 AlertsDialog::cameraFilter() const
{
    return m_camera->currentData().toLongLong();
}

void AlertsDialog::reload()
{
    m_list->clear();
    const Result<QList<catalog::AlertRecord>> alerts = m_alerts.list(cameraFilter());
    m_problem->setVisible(!alerts);
    if (!alerts) {
        m_problem->setText(alerts.error().message);
        return;
    }
    const QLocale locale;
    int open = 0;
    for (const catalog::AlertRecord& a : alerts.value()) {
        const bool done = a.acknowledgedMs > 0;
        open += done ? 0 : 1;
        auto* item = new QTreeWidgetItem(m_list,
                {locale.toString(QDateTime::fromMSecsSinceEpoch(a.atMs), QLocale::ShortFormat),
                        a.cameraId > 0 ? (a.cameraName.isEmpty() ? tr("Camera %1").arg(a.cameraId)
                                                                 : a.cameraName)
                                       : tr("Vigil"),
                        done ? tr("%1, %2").arg(
                                locale.toString(QDateTime::fromMSecsSinceEpoch(a.acknowledgedMs),
                                        QLocale::ShortFormat),
                                a.acknowledgedBy)
                             : tr("not yet"),
                        a.message});
        item->setData(0, kIdRole, a.id);
        item->setData(0, kAcknowledgedRole, done);
        item->setToolTip(3, a.message);
        if (!done) {
            QFont bold = item->font(0);
            bold.setBold(true);
            for (int column = 0; column < 4; ++column)
                item->setFont(column, bold);
        }
    }
    if (alerts->isEmpty())
        new QTreeWidgetItem(m_list, {QString(), QString(), QString(), tr("No alerts.")});
    for (int column : {0, 1, 2})
        m_list->resizeColumnToContents(column);
    m_acknowledge->setEnabled(false);
    m_acknowledgeAll->setEnabled(open > 0);
}

void AlertsDialog::acknowledgeSelected()
{
    for (const QTreeWidgetItem* item : m_list->selectedItems()) {
        if (item->data(0, kAcknowledgedRole).toBool())
            continue;
        if (const Result<void> done
                = m_alerts.acknowledge(item->data(0, kIdRole).toLongLong(), m_who);
                !done) {
            m_problem->setText(done.error().message);
            m_problem->show();
            return;
        }
    }
    reload();
    Q_EMIT acknowledged();
}

void AlertsDialog::acknowledgeAll()
{
    if (const Result<int> done = m_alerts.acknowledgeAll(m_who, cameraFilter()); !done) {
        m_problem->setText(done.error().message);
        m_problem->show();
        return;
    }
    reload();
    Q_EMIT acknowledged();
}

} // namespace vigil::widgets
