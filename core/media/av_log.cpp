#include "core/media/av_log.h"

#include "core/logging_categories.h"
#include "core/media/av_p.h"
#include "core/runtime/secret_masking.h"

#include <cstdarg>
#include <cstring>
#include <map>
#include <mutex>

extern "C" {
#include <libavutil/log.h>
#include <libavutil/mem.h>
}

namespace vigil::media {

namespace {

struct Counters
{
    std::mutex mutex;
    std::map<const void*, std::atomic<qint64>*> byContext;
};

Counters& counters()
{
    static Counters c;
    return c;
}

void avLogCallback(void* avcl, int level, const char* fmt, va_list args)
{
    if (fmt && std::strncmp(fmt, "RTP: missed %d packet", 21) == 0) {
        va_list copy;
        va_copy(copy, args);
        const int missed = va_arg(copy, int);
        va_end(copy);
        Counters& c = counters();
        std::lock_guard lock(c.mutex);
        if (const auto it = c.byContext.find(avcl); it != c.byContext.end() && missed > 0)
            *it->second += missed;
    }
    if (level > AV_LOG_WARNING)
        return;
    char line[1024];
    int prefix = 1;
    av_log_format_line2(avcl, level, fmt, args, line, sizeof line, &prefix);
    const QString text = runtime::maskSecrets(QString::fromUtf8(line).trimmed());
    if (!text.isEmpty())
        qCInfo(lcRecording, "ffmpeg: %s", qUtf8Printable(text));
}

} // namespace

void installAvLog()
{
    limitAvAllocations();
    static std::once_flag once;
    std::call_once(once, [] { av_log_set_callback(&avLogCallback); });
}

void limitAvAllocations()
{
    // Far above anything Vigil needs: an 8K picture is 50 MB, a minute's index a few KB.
    static std::once_flag once;
    std::call_once(once, [] { av_max_alloc(size_t(256) << 20); });
}

AvLossCounter::AvLossCounter(const void* context, std::atomic<qint64>* counter)
    : m_context(context)
{
    Counters& c = counters();
    std::lock_guard lock(c.mutex);
    c.byContext[context] = counter;
}

AvLossCounter::~AvLossCounter()
{
    Counters& c = counters();
    std::lock_guard lock(c.mutex);
    c.byContext.erase(m_context);
}

} // namespace vigil::media
