#include "app/ctl_application.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

int main(int argc, char* argv[])
{
    // A PDF report lays out text, which needs fonts: a (windowless) GUI application then.
    bool pdf = false;
    for (int i = 1; i < argc; ++i) {
        const std::size_t n = std::strlen(argv[i]);
        pdf = pdf || (n > 4 && std::strcmp(argv[i] + n - 4, ".pdf") == 0)
                || std::strcmp(argv[i], "export") == 0; // an evidence package has a report.pdf
    }
    if (pdf && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> application = pdf
            ? std::make_unique<QGuiApplication>(argc, argv)
            : std::make_unique<QCoreApplication>(argc, argv);
    return vigil::app::runCtl(*application);
}
