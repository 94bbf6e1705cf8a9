#pragma once

#include <QtGlobal>

#include <atomic>

namespace vigil::media {

/// Sends FFmpeg's messages to Vigil's log (warnings and worse, secrets masked; never to a
/// terminal). Installed once per process; safe to call again.
void installAvLog();
/// No single libav allocation may exceed 256 MB (av_max_alloc): a damaged or hostile file whose
/// index claims a billion entries fails to open instead of taking the computer's memory (found
/// by fuzz_segment: 10 KB of MP4 made libavformat ask for 2.8 GB). Called by installAvLog() and
/// before libavformat reads a recording; idempotent.
void limitAvAllocations();

/// While it lives, the packets FFmpeg reports lost ("RTP: missed N packets") on the input
/// `context` (an AVFormatContext) are added to `counter`: each connection counts its own losses,
/// however many cameras one process reads.
class AvLossCounter
{
public:
    AvLossCounter(const void* context, std::atomic<qint64>* counter);
    ~AvLossCounter();
    AvLossCounter(const AvLossCounter&) = delete;
    AvLossCounter& operator=(const AvLossCounter&) = delete;

private:
    const void* m_context;
};

} // namespace vigil::media
