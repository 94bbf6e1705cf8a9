#include "core/media/rtsp_stream_parser.h"

#include "core/media/packet.h"

#include <QtEndian>

#include <algorithm>

namespace vigil::media {

namespace {

/// Larger gaps in RTP sequence numbers are restarts or garbage, not counted as lost packets.
constexpr int kMaxCountedLoss = 1000;
const QByteArray kStartCode("\x00\x00\x00\x01", 4);

} // namespace

QByteArray RtspStreamParser::Response::header(const char* name) const
{
    for (const auto& [key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

QList<QByteArray> RtspStreamParser::Response::headerValues(const char* name) const
{
    QList<QByteArray> values;
    for (const auto& [key, value] : headers) {
        if (key == name)
            values << value;
    }
    return values;
}

Result<char*> RtspStreamParser::reserve(qsizetype bytes)
{
    if (m_pos > 0 && (m_pos > kReadBlock || m_pos == m_buffer.size())) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    if (m_buffer.size() - m_pos > kMaxBuffer)
        return Error {Error::Code::Protocol, tr("The camera sent data Vigil cannot read."),
                QStringLiteral("unframed data")};
    m_filled = m_buffer.size();
    m_buffer.resize(m_filled + bytes);
    return m_buffer.data() + m_filled;
}

void RtspStreamParser::received(qsizetype bytes)
{
    m_buffer.resize(m_filled + qBound<qsizetype>(0, bytes, m_buffer.size() - m_filled));
}

Result<void> RtspStreamParser::feed(QByteArrayView bytes)
{
    Result<char*> room = reserve(bytes.size());
    if (!room)
        return room.error();
    std::copy(bytes.begin(), bytes.end(), room.value());
    received(bytes.size());
    return {};
}

bool RtspStreamParser::takeInterleaved()
{
    if (m_buffer.size() - m_pos < 4)
        return false;
    const int len = qFromBigEndian<quint16>(m_buffer.constData() + m_pos + 2);
    if (m_buffer.size() - m_pos < 4 + len)
        return false;
    const auto* data = reinterpret_cast<const uchar*>(m_buffer.constData() + m_pos + 4);
    const char channel = m_buffer.at(m_pos + 1);
    if (channel == 0)
        handleRtp(data, len);
    else if (channel == 1)
        handleRtcp(data, len);
    m_pos += 4 + len;
    return true;
}

std::optional<Result<RtspStreamParser::Response>> RtspStreamParser::takeResponse()
{
    while (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '$') {
        if (!takeInterleaved())
            return std::nullopt;
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n", m_pos);
    if (end < 0 || end - m_pos > kMaxHeaders) {
        if (m_buffer.size() - m_pos > kMaxHeaders)
            return malformed(QStringLiteral("response headers over %1 bytes").arg(kMaxHeaders));
        return std::nullopt;
    }
    const QList<QByteArray> lines = m_buffer.mid(m_pos, end - m_pos).split('\n');
    Response r;
    const QList<QByteArray> status = lines.value(0).trimmed().split(' ');
    r.code = status.value(1).toInt();
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = lines[i].left(colon).trimmed().toLower();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        r.headers.append({key, value});
        if (key == "content-length") {
            bool ok = !value.isEmpty() && std::all_of(value.begin(), value.end(), [](char c) {
                return c >= '0' && c <= '9';
            });
            const qint64 length = ok ? value.toLongLong(&ok) : -1;
            if (!ok || length > kMaxBody)
                return malformed(QStringLiteral("Content-Length: %1")
                                         .arg(QString::fromLatin1(value.left(40))));
            contentLength = qsizetype(length);
        }
    }
    if (m_buffer.size() - (end + 4) < contentLength)
        return std::nullopt;
    r.body = m_buffer.mid(end + 4, contentLength);
    m_pos = end + 4 + contentLength;
    return Result<Response>(std::move(r));
}

Result<bool> RtspStreamParser::process()
{
    bool progressed = false;
    while (m_pos < m_buffer.size() && m_ready.empty()) {
        const char first = m_buffer.at(m_pos);
        if (first == '$') {
            if (!takeInterleaved())
                break;
        } else if (first == 'R') { // a response (keep-alive answers)
            const std::optional<Result<Response>> taken = takeResponse();
            if (!taken)
                break;
            if (!*taken)
                return taken->error();
        } else { // out of step: find the next packet
            const qsizetype next = m_buffer.indexOf('$', m_pos + 1);
            m_pos = next < 0 ? m_buffer.size() : next;
        }
        progressed = true;
    }
    return progressed;
}

std::optional<RtspStreamParser::Frame> RtspStreamParser::takeFrame()
{
    if (m_ready.empty())
        return std::nullopt;
    Frame f = std::move(m_ready.front());
    m_ready.pop_front();
    return f;
}

Result<RtspStreamParser::VideoDescription> RtspStreamParser::describeVideo(const QByteArray& sdp)
{
    // Exactly one H.264 video stream, nothing else (audio goes through FFmpeg).
    int media = 0;
    bool h264 = false;
    VideoDescription video;
    QByteArray sprop;
    for (const QByteArray& raw : sdp.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith("m=")) {
            ++media;
            if (!line.startsWith("m=video"))
                return Error {Error::Code::Unsupported, tr("The stream has audio or data."), {}};
        } else if (media == 1 && line.startsWith("a=rtpmap:")) {
            h264 = line.contains(" H264/90000");
        } else if (media == 1 && line.startsWith("a=control:")) {
            video.control = line.mid(10);
        } else if (media == 1 && line.startsWith("a=fmtp:")) {
            for (const QByteArray& param : line.mid(line.indexOf(' ') + 1).split(';')) {
                if (param.trimmed().startsWith("sprop-parameter-sets="))
                    sprop = param.trimmed().mid(21);
            }
        }
    }
    if (media != 1 || !h264)
        return Error {Error::Code::Unsupported, tr("The stream is not H.264 video alone."), {}};
    for (const QByteArray& set : sprop.split(',')) {
        const QByteArray nal = QByteArray::fromBase64(set.trimmed());
        if (!nal.isEmpty())
            video.parameterSets << nal;
    }
    return video;
}

void RtspStreamParser::noteParameterSet(const QByteArray& nal)
{
    if (!nal.isEmpty())
        noteNal(reinterpret_cast<const uchar*>(nal.constData()), int(nal.size()));
}

Error RtspStreamParser::malformed(const QString& detail) const
{
    return Error {
            Error::Code::Protocol, tr("The camera sent an answer Vigil cannot read."), detail};
}

// ---- RTP ----

qint64 RtspStreamParser::extend(quint32 ts)
{
    if (!m_haveTime) {
        m_haveTime = true;
        m_lastTs = ts;
        m_lastExt = 0;
        return 0;
    }
    m_lastExt += qint32(ts - m_lastTs);
    m_lastTs = ts;
    return m_lastExt;
}

void RtspStreamParser::finishAccessUnit()
{
    // After a loss, frames refer to what was lost: skip them until the next keyframe.
    if (m_auBroken)
        m_waitForKeyframe = true;
    else if (m_auKeyframe)
        m_waitForKeyframe = false;
    // The next frame gets room for about as much at once: growing by RTP payloads would copy
    // it again at every doubling (16 cameras' frames are copied often enough).
    m_sizeHint = qMax(m_accessUnit.size(), m_sizeHint - m_sizeHint / 16);
    if (!m_accessUnit.isEmpty() && !m_waitForKeyframe)
        m_ready.push_back(Frame {std::move(m_accessUnit), extend(m_auTimestamp), m_auKeyframe});
    m_accessUnit = QByteArray();
    m_accessUnit.reserve(m_sizeHint + m_sizeHint / 4 + Packet::padding()); // adopted, not copied
    m_auKeyframe = false;
    m_auBroken = false;
    m_inFragment = false;
    m_oversized = false;
}

void RtspStreamParser::noteNal(const uchar* nal, int size)
{
    const int type = nal[0] & 0x1f;
    if (type == 5)
        m_auKeyframe = true;
    else if (type == 7)
        m_sps = kStartCode + QByteArray(reinterpret_cast<const char*>(nal), size);
    else if (type == 8)
        m_pps = kStartCode + QByteArray(reinterpret_cast<const char*>(nal), size);
}

void RtspStreamParser::appendNal(const uchar* nal, int size)
{
    if (size <= 0 || !roomFor(size + kStartCode.size()))
        return;
    noteNal(nal, size);
    m_accessUnit += kStartCode;
    m_accessUnit.append(reinterpret_cast<const char*>(nal), size);
}

/// Whether the frame being assembled can grow by `bytes`; a frame that would outgrow
/// kMaxAccessUnit (fragments that never end) is dropped, with everything up to its end.
bool RtspStreamParser::roomFor(qsizetype bytes)
{
    if (m_oversized)
        return false;
    if (m_accessUnit.size() + bytes <= kMaxAccessUnit)
        return true;
    m_accessUnit.clear();
    m_accessUnit.squeeze();
    m_oversized = true;
    m_auBroken = true;
    m_inFragment = false;
    ++m_oversizedFrames;
    return false;
}

void RtspStreamParser::handleRtp(const uchar* p, int len)
{
    if (len < 12 || (p[0] >> 6) != 2)
        return;
    const bool padding = p[0] & 0x20;
    const bool extension = p[0] & 0x10;
    const int csrc = p[0] & 0x0f;
    const bool marker = p[1] & 0x80;
    const int seq = qFromBigEndian<quint16>(p + 2);
    const quint32 ts = qFromBigEndian<quint32>(p + 4);
    int offset = 12 + 4 * csrc;
    if (extension) {
        if (len < offset + 4)
            return;
        offset += 4 + 4 * qFromBigEndian<quint16>(p + offset + 2);
    }
    int end = len;
    if (padding)
        end -= p[len - 1];
    if (end <= offset)
        return;
    if (m_lastSeq < 0 || seq == ((m_lastSeq + 1) & 0xffff)) {
        m_lastSeq = seq; // in order; a jump not followed (a stray packet) is forgotten
        m_jumpSeq = -1;
    } else if (m_jumpSeq >= 0 && seq == ((m_jumpSeq + 1) & 0xffff)) {
        // The stream goes on from where it jumped: the packets in between were lost. A few
        // hundred is loss; a wild jump is a sequence that restarted, which says nothing of how
        // much was lost.
        const int missing = (m_jumpSeq - m_lastSeq - 1) & 0xffff;
        if (missing < kMaxCountedLoss)
            m_lost += missing;
        m_lastSeq = seq;
        m_jumpSeq = -1;
    } else {
        // Loss, a restart or garbage: told apart by the next packet. Garbage's number, even
        // just behind or ahead of the stream's, never moves the stream's position.
        m_jumpSeq = seq;
        m_auBroken = true; // a frame with a hole decodes wrongly: drop it
    }
    if (!m_accessUnit.isEmpty() && ts != m_auTimestamp)
        finishAccessUnit();
    m_auTimestamp = ts;
    const uchar* payload = p + offset;
    const int size = end - offset;
    const int type = payload[0] & 0x1f;
    if (type >= 1 && type <= 23) {
        appendNal(payload, size);
    } else if (type == 24) { // STAP-A
        int at = 1;
        while (at + 2 <= size) {
            const int nalSize = qFromBigEndian<quint16>(payload + at);
            at += 2;
            if (at + nalSize > size)
                break;
            appendNal(payload + at, nalSize);
            at += nalSize;
        }
    } else if (type == 28 && size > 2) { // FU-A
        const bool start = payload[1] & 0x80;
        const bool endOfNal = payload[1] & 0x40;
        if (start && roomFor(kStartCode.size() + 1)) {
            const uchar header = uchar((payload[0] & 0xe0) | (payload[1] & 0x1f));
            m_accessUnit += kStartCode;
            m_accessUnit += char(header);
            noteNal(&header, 1);
            m_inFragment = true;
        } else if (!start && !m_inFragment) {
            m_auBroken = true;
        }
        if (m_inFragment && roomFor(size - 2))
            m_accessUnit.append(reinterpret_cast<const char*>(payload + 2), size - 2);
        if (endOfNal)
            m_inFragment = false;
    }
    if (marker)
        finishAccessUnit();
}

void RtspStreamParser::handleRtcp(const uchar* p, int len)
{
    int at = 0;
    while (at + 4 <= len) {
        const int type = p[at + 1];
        const int words = qFromBigEndian<quint16>(p + at + 2);
        const int size = 4 * (words + 1);
        if (at + size > len)
            break;
        if (type == 200 && size >= 28 && m_haveTime) { // sender report
            const quint32 msw = qFromBigEndian<quint32>(p + at + 8);
            const quint32 lsw = qFromBigEndian<quint32>(p + at + 12);
            const quint32 ts = qFromBigEndian<quint32>(p + at + 16);
            const qint64 ntpMs
                    = (qint64(msw) - 2208988800LL) * 1000 + qint64((quint64(lsw) * 1000) >> 32);
            const qint64 ext = m_lastExt + qint32(ts - m_lastTs);
            m_wallOfZeroMs = ntpMs - ext / 90;
        }
        at += size;
    }
}

} // namespace vigil::media
