#include "app/gui_application.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    if (const std::optional<int> exitCode = vigil::app::runWithoutDisplay(argc, argv))
        return *exitCode;
    QApplication application(argc, argv);
    return vigil::app::runGui(application);
}
