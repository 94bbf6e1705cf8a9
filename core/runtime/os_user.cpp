#include "core/runtime/os_user.h"

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace vigil::runtime {

QString osUserName()
{
#ifdef Q_OS_UNIX
    if (const passwd* entry = ::getpwuid(::geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return QStringLiteral("uid %1").arg(::geteuid());
#else
    return qEnvironmentVariable("USERNAME");
#endif
}

} // namespace vigil::runtime
