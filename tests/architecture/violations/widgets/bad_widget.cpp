#include <libavformat/avformat.h>
#include <QSqlQuery>
