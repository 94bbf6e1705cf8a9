#include "core/control/control_protocol.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QtEndian>

namespace vigil::control {

QByteArray encodeMessage(const QJsonObject& message)
{
    const QByteArray payload = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray frame(5, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size() + 1), frame.data());
    frame[4] = char(FrameKind::Message);
    return frame + payload;
}

QList<QJsonObject> FrameReader::feed(const QByteArray& bytes)
{
    QList<QJsonObject> messages;
    if (!m_error.isEmpty())
        return messages;
    m_buffer += bytes;
    qsizetype at = 0;
    while (m_buffer.size() - at >= 4) {
        const quint32 length = qFromBigEndian<quint32>(m_buffer.constData() + at);
        if (length == 0 || length > kMaxFrameBytes) {
            m_error = tr("A message of %1 bytes was refused (the most is %2).")
                              .arg(length)
                              .arg(kMaxFrameBytes);
            break;
        }
        if (m_buffer.size() - at - 4 < qsizetype(length))
            break; // the rest has not arrived yet
        const quint8 kind = quint8(m_buffer.at(at + 4));
        const QByteArray payload = m_buffer.mid(at + 5, length - 1);
        at += 4 + length;
        if (kind != quint8(FrameKind::Message)) {
            m_error = tr("A frame of unknown kind %1 was refused.").arg(kind);
            break;
        }
        QJsonParseError parse;
        const QJsonDocument document = QJsonDocument::fromJson(payload, &parse);
        if (parse.error != QJsonParseError::NoError || !document.isObject()
                || !document.object().value(QLatin1String("type")).isString()) {
            m_error = tr("A message that is not a JSON object with a type was refused.");
            break;
        }
        messages << document.object();
    }
    if (!m_error.isEmpty())
        m_buffer.clear();
    else
        m_buffer.remove(0, at);
    return messages;
}

QString socketPath(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("recorder.sock"));
}

} // namespace vigil::control
