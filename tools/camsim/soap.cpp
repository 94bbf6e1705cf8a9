#include "soap.h"

#include "core/onvif/xml_tree.h"

#include <QRegularExpression>

namespace vigil::camsim::soap {

QString envelope(const QString& body, const QString& header)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
                          "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                          "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                          "xmlns:tt=\"http://www.onvif.org/ver10/schema\" "
                          "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" "
                          "xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\" "
                          "xmlns:tr2=\"http://www.onvif.org/ver20/media/wsdl\" "
                          "xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\" "
                          "xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\" "
                          "xmlns:ter=\"http://www.onvif.org/ver10/error\" "
                          "xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\" "
                          "xmlns:tns1=\"http://www.onvif.org/ver10/topics\" "
                          "xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\" "
                          "xmlns:wstop=\"http://docs.oasis-open.org/wsn/t-1\" "
                          "xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                          "%1<env:Body>%2</env:Body></env:Envelope>\n")
            .arg(header.isEmpty() ? QString()
                                  : QStringLiteral("<env:Header>%1</env:Header>").arg(header),
                    body);
}

QString fault(const QString& code, const QString& subcode, const QString& reason,
        const QString& subsubcode)
{
    const QString inner = subsubcode.isEmpty()
            ? QString()
            : QStringLiteral("<env:Subcode><env:Value>%1</env:Value></env:Subcode>")
                      .arg(subsubcode);
    return envelope(
            QStringLiteral("<env:Fault><env:Code><env:Value>%1</env:Value>"
                           "<env:Subcode><env:Value>%2</env:Value>%3</env:Subcode></env:Code>"
                           "<env:Reason><env:Text xml:lang=\"en\">%4</env:Text></env:Reason>"
                           "</env:Fault>")
                    .arg(code, subcode, inner, onvif::xmlEscape(reason)));
}

qint64 parseDuration(const QString& text)
{
    static const QRegularExpression re(
            QStringLiteral(R"(^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$)"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch() || text.trimmed() == QLatin1String("P")
            || text.trimmed() == QLatin1String("PT"))
        return -1;
    const double seconds = m.captured(1).toDouble() * 86400 + m.captured(2).toDouble() * 3600
            + m.captured(3).toDouble() * 60 + m.captured(4).toDouble();
    return qint64(seconds * 1000);
}

} // namespace vigil::camsim::soap
