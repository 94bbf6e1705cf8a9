#include "core/onvif/xml_tree.h"

#include <QXmlStreamReader>

namespace vigil::onvif {

std::optional<XmlElement> XmlElement::parse(const QByteArray& xml, QString* error)
{
    return parse(xml, Limits {}, error);
}

std::optional<XmlElement> XmlElement::parse(
        const QByteArray& xml, const Limits& limits, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<XmlElement> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (xml.size() > limits.maxBytes)
        return fail(QStringLiteral("document larger than %1 bytes").arg(limits.maxBytes));

    QByteArrayView data(xml);
    // MTOM/XOP answers (GetSystemBackup, GetSystemLog) arrive as MIME multipart: the SOAP part is
    // the XML between the first boundary's headers and the next boundary.
    if (data.trimmed().startsWith("--")) {
        const QByteArrayView trimmed = data.trimmed();
        const qsizetype eol = trimmed.indexOf('\n');
        const QByteArray boundary
                = trimmed.first(eol < 0 ? trimmed.size() : eol).trimmed().toByteArray();
        const qsizetype xmlStart = trimmed.indexOf("<?xml");
        if (xmlStart < 0)
            return fail(QStringLiteral("multipart message without an XML part"));
        const qsizetype partEnd = trimmed.indexOf(boundary, xmlStart);
        data = trimmed.sliced(xmlStart, (partEnd < 0 ? trimmed.size() : partEnd) - xmlStart);
    }
    // Some firmwares send garbage (NUL bytes, stray text) before the XML: start at the first '<'.
    const qsizetype start = data.indexOf('<');
    if (start < 0)
        return fail(QStringLiteral("no XML element"));
    QXmlStreamReader reader(data.sliced(start).toByteArray());

    std::optional<XmlElement> root;
    QList<XmlElement*> stack;
    int elements = 0;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement: {
            if (++elements > limits.maxElements)
                return fail(QStringLiteral("more than %1 elements").arg(limits.maxElements));
            if (stack.size() >= limits.maxDepth)
                return fail(QStringLiteral("nesting deeper than %1").arg(limits.maxDepth));
            XmlElement element;
            element.m_localName = reader.name().toString();
            element.m_namespaceUri = reader.namespaceUri().toString();
            const QXmlStreamAttributes attributes = reader.attributes();
            for (const QXmlStreamAttribute& a : attributes)
                element.m_attributes.append({a.name().toString(), a.value().toString()});
            if (stack.isEmpty()) {
                if (root)
                    return fail(QStringLiteral("more than one root element"));
                root = std::move(element);
                stack.push_back(&*root);
            } else {
                stack.last()->m_children.append(std::move(element));
                stack.push_back(&stack.last()->m_children.last());
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (!stack.isEmpty()) {
                stack.last()->m_text = stack.last()->m_text.trimmed();
                stack.pop_back();
            }
            break;
        case QXmlStreamReader::DTD:
            // SOAP forbids DTDs; refusing them also rules out entity-expansion attacks.
            return fail(QStringLiteral("document type declarations are not allowed"));
        case QXmlStreamReader::Characters:
            if (!stack.isEmpty())
                stack.last()->m_text += reader.text();
            break;
        default:
            break;
        }
    }
    if (reader.hasError()) {
        // Trailing garbage after a complete root element is tolerated.
        if (!(root && stack.isEmpty() && reader.error() == QXmlStreamReader::NotWellFormedError))
            return fail(reader.errorString());
    }
    if (!root)
        return fail(QStringLiteral("empty document"));
    if (!stack.isEmpty())
        return fail(QStringLiteral("document ends inside <%1>").arg(stack.last()->m_localName));
    return root;
}

QString XmlElement::attribute(QStringView localName) const
{
    for (const auto& [name, value] : m_attributes) {
        if (name == localName)
            return value;
    }
    return {};
}

const XmlElement* XmlElement::child(QStringView localName) const
{
    for (const XmlElement& c : m_children) {
        if (c.m_localName == localName)
            return &c;
    }
    return nullptr;
}

const XmlElement* XmlElement::child(QStringView namespaceUri, QStringView localName) const
{
    for (const XmlElement& c : m_children) {
        if (c.m_localName == localName && c.m_namespaceUri == namespaceUri)
            return &c;
    }
    return nullptr;
}

const XmlElement* XmlElement::path(std::initializer_list<QStringView> localNames) const
{
    const XmlElement* current = this;
    for (QStringView name : localNames) {
        current = current->child(name);
        if (!current)
            return nullptr;
    }
    return current;
}

QString XmlElement::textAt(
        std::initializer_list<QStringView> localNames, const QString& fallback) const
{
    const XmlElement* e = path(localNames);
    return e ? e->text() : fallback;
}

QList<const XmlElement*> XmlElement::childrenNamed(QStringView localName) const
{
    QList<const XmlElement*> result;
    for (const XmlElement& c : m_children) {
        if (c.m_localName == localName)
            result.append(&c);
    }
    return result;
}

const XmlElement* XmlElement::find(QStringView localName) const
{
    for (const XmlElement& c : m_children) {
        if (c.m_localName == localName)
            return &c;
        if (const XmlElement* deeper = c.find(localName))
            return deeper;
    }
    return nullptr;
}

QString xmlEscape(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&apos;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace vigil::onvif
