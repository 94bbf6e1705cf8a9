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

} // namespace

QByteArray packKeyframes(const QList<KeyframeEntry>& keyframes)
{
    QByteArray blob;
    blob.reserve(2 + keyframes.size() * 6);
    blob.append(char(kCompactKeyframes));
    putVarint(blob, keyframes.size());
    // Offsets as the change of their step (keyframes come at a steady interval: mostly 0, one
    // byte); byte positions as their step.
    KeyframeEntry previous;
    qint64 previousStep = 0;
    for (const KeyframeEntry& k : keyframes) {
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

QList<KeyframeEntry> unpackKeyframes(const QByteArray& blob)
{
    QList<KeyframeEntry> keyframes;
    if (blob.size() % kKeyframeEntryBytes == 0) {
        // The first format (catalogs from before version 4): fixed 12-byte entries.
        const uchar* in = reinterpret_cast<const uchar*>(blob.constData());
        for (qsizetype i = 0; i + kKeyframeEntryBytes <= blob.size(); i += kKeyframeEntryBytes) {
            keyframes << KeyframeEntry {
                    qFromLittleEndian<qint32>(in + i), qFromLittleEndian<qint64>(in + i + 4)};
        }
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
    return packKeyframes(unpackKeyframes(blob));
}

} // namespace vigil::catalog
