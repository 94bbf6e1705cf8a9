#include "core/catalog/keyframes.h"

#include <QtEndian>

namespace vigil::catalog {

namespace {

constexpr int kKeyframeEntryBytes = 12;
constexpr uchar kCompactKeyframes = 0xfe;

void putVarint(QByteArray& out, qint64 signedValue)
{
    // Zigzag: small magnitudes of either sign take few bytes.
    quint64 v = (quint64(signedValue) << 1) ^ quint64(signedValue >> 63);
    while (v >= 0x80) {
        out.append(char(v | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

bool getVarint(const QByteArray& in, qsizetype& at, qint64& value)
{
    quint64 v = 0;
    for (int shift = 0; shift < 64 && at < in.size(); shift += 7) {
        const uchar byte = uchar(in.at(at++));
        v |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            value = qint64(v >> 1) ^ -qint64(v & 1);
            return true;
        }
    }
    return false;
}

/// Packs `count` entries that `entry(i)` gives, without a list in between (the upgrade to
/// version 5 packs millions).
template<typename Entry>
QByteArray pack(qsizetype count, Entry entry)
{
    QByteArray blob;
    blob.reserve(4 + count * 6);
    blob.append(char(kCompactKeyframes));
    putVarint(blob, count);
    // Offsets as the change of their step (keyframes come at a steady interval: mostly 0, one
    // byte); byte positions as their step.
    KeyframeEntry previous;
    qint64 previousStep = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const KeyframeEntry k = entry(i);
        const qint64 step = qint64(k.offsetMs) - previous.offsetMs;
        putVarint(blob, step - previousStep);
        putVarint(blob, k.bytePos - previous.bytePos);
        previous = k;
        previousStep = step;
    }
    if (blob.size() % kKeyframeEntryBytes == 0)
        blob.append('\0'); // never the size of a table in the first format
    return blob;
}

/// Entry `i` of a table in the first format: fixed 12-byte entries.
KeyframeEntry firstFormatEntry(const QByteArray& blob, qsizetype i)
{
    const uchar* in = reinterpret_cast<const uchar*>(blob.constData()) + i * kKeyframeEntryBytes;
    return {qFromLittleEndian<qint32>(in), qFromLittleEndian<qint64>(in + 4)};
}

} // namespace

QByteArray packKeyframes(const QList<KeyframeEntry>& keyframes)
{
    return pack(keyframes.size(), [&](qsizetype i) { return keyframes.at(i); });
}

QList<KeyframeEntry> unpackKeyframes(const QByteArray& blob)
{
    QList<KeyframeEntry> keyframes;
    if (blob.size() % kKeyframeEntryBytes == 0) {
        // The first format (catalogs from before version 5).
        keyframes.reserve(blob.size() / kKeyframeEntryBytes);
        for (qsizetype i = 0; i < blob.size() / kKeyframeEntryBytes; ++i)
            keyframes << firstFormatEntry(blob, i);
        return keyframes;
    }
    if (uchar(blob.at(0)) != kCompactKeyframes)
        return keyframes;
    qsizetype at = 1;
    qint64 count = 0;
    if (!getVarint(blob, at, count) || count < 0 || count > blob.size())
        return keyframes;
    qint64 offsetMs = 0;
    qint64 offsetStep = 0;
    qint64 bytePos = 0;
    for (qint64 i = 0; i < count; ++i) {
        qint64 stepChange = 0;
        qint64 posStep = 0;
        if (!getVarint(blob, at, stepChange) || !getVarint(blob, at, posStep))
            break;
        // Wrapping sums: a damaged blob gives wrong entries, never undefined behaviour.
        offsetStep = qint64(quint64(offsetStep) + quint64(stepChange));
        offsetMs = qint64(quint64(offsetMs) + quint64(offsetStep));
        bytePos = qint64(quint64(bytePos) + quint64(posStep));
        keyframes << KeyframeEntry {qint32(offsetMs), bytePos};
    }
    return keyframes;
}

QByteArray compactKeyframes(const QByteArray& blob)
{
    if (blob.isEmpty() || blob.size() % kKeyframeEntryBytes != 0)
        return blob;
    return pack(blob.size() / kKeyframeEntryBytes,
            [&](qsizetype i) { return firstFormatEntry(blob, i); });
}

} // namespace vigil::catalog
