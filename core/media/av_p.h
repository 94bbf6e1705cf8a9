#pragma once

// Owners of libav objects, for core's .cpp files only (a private header: it exposes FFmpeg,
// which vigil_core links PRIVATE). Every libav object core allocates is held by one of these
// from the line that allocates it; no raw owning pointer is passed around.

#include <QString>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libswscale/swscale.h>
}

#include <memory>

namespace vigil::media {

struct PacketFree
{
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct FrameFree
{
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct CodecContextFree
{
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct CodecParametersFree
{
    void operator()(AVCodecParameters* p) const { avcodec_parameters_free(&p); }
};
struct ParserClose
{
    void operator()(AVCodecParserContext* p) const { av_parser_close(p); }
};
struct SwsFree
{
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
/// An input opened by avformat_open_input() (or allocated for it).
struct InputClose
{
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
/// An output from avformat_alloc_output_context2(). Its I/O context (pb) is not freed with it:
/// hold that in an IoContextPtr, destroyed after the output.
struct OutputFree
{
    void operator()(AVFormatContext* c) const { avformat_free_context(c); }
};
/// A custom I/O context from avio_alloc_context(), with the buffer it was given.
struct IoContextFree
{
    void operator()(AVIOContext* io) const
    {
        if (io)
            av_freep(&io->buffer);
        avio_context_free(&io);
    }
};

using PacketPtr = std::unique_ptr<AVPacket, PacketFree>;
using FramePtr = std::unique_ptr<AVFrame, FrameFree>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFree>;
using CodecParametersPtr = std::unique_ptr<AVCodecParameters, CodecParametersFree>;
using ParserPtr = std::unique_ptr<AVCodecParserContext, ParserClose>;
using SwsPtr = std::unique_ptr<SwsContext, SwsFree>;
using InputPtr = std::unique_ptr<AVFormatContext, InputClose>;
using OutputPtr = std::unique_ptr<AVFormatContext, OutputFree>;
using IoContextPtr = std::unique_ptr<AVIOContext, IoContextFree>;

inline PacketPtr allocPacket()
{
    return PacketPtr(av_packet_alloc());
}
inline FramePtr allocFrame()
{
    return FramePtr(av_frame_alloc());
}

/// An AVDictionary of options, freed with it. Pass out() to the libav call that takes an
/// AVDictionary** (it consumes the options it knows and leaves the others).
class Dictionary
{
public:
    Dictionary() = default;
    ~Dictionary() { av_dict_free(&m_dict); }
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;

    void set(const char* key, const char* value) { av_dict_set(&m_dict, key, value, 0); }
    void set(const char* key, qint64 value) { av_dict_set_int(&m_dict, key, value, 0); }
    AVDictionary** out() { return &m_dict; }
    AVDictionary* get() const { return m_dict; }

private:
    AVDictionary* m_dict = nullptr;
};

/// FFmpeg's text for an error code (AVERROR(…)), in the locale's encoding.
inline QString avErrorText(int code)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buffer, sizeof buffer);
    return QString::fromLocal8Bit(buffer);
}

} // namespace vigil::media
