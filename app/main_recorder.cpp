#include "app/recorder_application.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication application(argc, argv);
    return vigil::app::runRecorder(application);
}
