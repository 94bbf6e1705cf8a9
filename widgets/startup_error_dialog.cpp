#include "widgets/startup_error_dialog.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace vigil::widgets {

void showStartupError(const Error& error, QWidget* parent)
{
    QMessageBox box(QMessageBox::Critical,
            QCoreApplication::translate("vigil::widgets::StartupError", "Vigil cannot start"),
            error.message, QMessageBox::Close, parent);
    box.setObjectName(QStringLiteral("startupError"));
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.exec();
}

} // namespace vigil::widgets
