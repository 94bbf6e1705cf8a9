#include "widgets/empty_state.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil::widgets {

EmptyState::EmptyState(
        const QIcon& icon, const QString& title, const QString& text, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);

    auto* iconLabel = new QLabel(this);
    iconLabel->setPixmap(icon.pixmap(96, 96, QIcon::Disabled));
    iconLabel->setAlignment(Qt::AlignCenter);
    layout->addWidget(iconLabel);

    m_title = new QLabel(title, this);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_text = new QLabel(text, this);
    m_text->setObjectName(QStringLiteral("emptyStateText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setMaximumWidth(560);
    m_text->setForegroundRole(QPalette::PlaceholderText);
    // Centred by stretches, not by an alignment flag: a layout item with an alignment ignores
    // height-for-width, and the wrapped text would be cut to one line.
    auto* textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(m_text, 100);
    textRow->addStretch(1);
    layout->addLayout(textRow);

    m_buttons = new QVBoxLayout;
    m_buttons->setAlignment(Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addLayout(m_buttons);
    layout->addStretch(3);
}

QPushButton* EmptyState::addAction(QAction* action)
{
    auto* button = new QPushButton(action->icon(), action->text(), this);
    button->setMinimumWidth(200);
    auto sync = [button, action] {
        button->setText(action->text());
        button->setEnabled(action->isEnabled());
        button->setToolTip(action->statusTip().isEmpty() ? action->toolTip() : action->statusTip());
    };
    sync();
    connect(action, &QAction::changed, button, sync);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    m_buttons->addWidget(button, 0, Qt::AlignHCenter);
    return button;
}

QString EmptyState::title() const
{
    return m_title->text();
}

QString EmptyState::text() const
{
    return m_text->text();
}

void EmptyState::setTitle(const QString& title)
{
    m_title->setText(title);
}

void EmptyState::setText(const QString& text)
{
    m_text->setText(text);
}

} // namespace vigil::widgets
