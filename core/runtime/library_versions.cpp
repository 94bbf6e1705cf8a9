#include "core/runtime/library_versions.h"

#include "vigil_version.h"

#include <QSqlDatabase>
#include <QSqlQuery>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}
#include <opencv2/core/utility.hpp>
#include <sodium.h>

namespace vigil::runtime {

namespace {

QString avVersion(unsigned v)
{
    return QStringLiteral("%1.%2.%3")
            .arg(AV_VERSION_MAJOR(v))
            .arg(AV_VERSION_MINOR(v))
            .arg(AV_VERSION_MICRO(v));
}

QString sqliteVersion()
{
    const QString name = QStringLiteral("vigil-version-probe");
    QString version;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT sqlite_version()")) && query.next())
                version = query.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

} // namespace

LibraryVersions libraryVersions()
{
    LibraryVersions v;
    v.vigil = QStringLiteral(VIGIL_VERSION_STRING);
    v.qt = QString::fromLatin1(qVersion());
    v.ffmpeg = QStringLiteral("%1 (libavformat %2, libavcodec %3)")
                       .arg(QString::fromLatin1(av_version_info()), avVersion(avformat_version()),
                               avVersion(avcodec_version()));
    v.opencv = QString::fromStdString(cv::getVersionString());
    v.sqlite = sqliteVersion();
    v.sodium = QString::fromLatin1(sodium_version_string());
    return v;
}

QString versionLine()
{
    return QStringLiteral("vigil " VIGIL_VERSION_STRING);
}

} // namespace vigil::runtime
