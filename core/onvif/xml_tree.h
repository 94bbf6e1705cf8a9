#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>

namespace vigil::onvif {

/// A small read-only XML element tree for SOAP messages: namespace-aware, prefix-agnostic
/// (elements are matched by local name, optionally by namespace URI), whitespace-trimmed text.
/// Built with QXmlStreamReader, with limits on size and depth so hostile input cannot exhaust
/// memory. Used by the ONVIF client and by the camera simulator.
class XmlElement
{
    Q_DECLARE_TR_FUNCTIONS(vigil::onvif::XmlElement)

public:
    struct Limits
    {
        qsizetype maxBytes = 4 * 1024 * 1024;
        int maxDepth = 64;
        int maxElements = 100'000;
    };

    /// Parses a document; nullopt on malformed XML or when a limit is hit, with a reason in
    /// `error` (technical, English: for logs and SOAP faults).
    static std::optional<XmlElement> parse(const QByteArray& xml, QString* error = nullptr);
    static std::optional<XmlElement> parse(
            const QByteArray& xml, const Limits& limits, QString* error);

    QString localName() const { return m_localName; }
    QString namespaceUri() const { return m_namespaceUri; }
    /// The element's own text, trimmed.
    QString text() const { return m_text; }
    QString attribute(QStringView localName) const;

    const QList<XmlElement>& children() const { return m_children; }
    /// First child with this local name (any namespace), or nullptr.
    const XmlElement* child(QStringView localName) const;
    const XmlElement* child(QStringView namespaceUri, QStringView localName) const;
    /// Follows a path of local names: path({u"Body", u"GetProfiles"}).
    const XmlElement* path(std::initializer_list<QStringView> localNames) const;
    /// Trimmed text of the descendant at `path`, or `fallback`.
    QString textAt(
            std::initializer_list<QStringView> localNames, const QString& fallback = {}) const;
    QList<const XmlElement*> childrenNamed(QStringView localName) const;
    /// First descendant (depth-first) with this local name.
    const XmlElement* find(QStringView localName) const;

private:
    QString m_localName;
    QString m_namespaceUri;
    QString m_text;
    QList<std::pair<QString, QString>> m_attributes;
    QList<XmlElement> m_children;
};

/// Escapes text for element content and attribute values.
QString xmlEscape(QStringView text);

} // namespace vigil::onvif
