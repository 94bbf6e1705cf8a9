#include <QSqlQuery>

#include <libavformat/avformat.h>
