#pragma once

// A synchronous SOAP/HTTP helper for tests: one POST, its status, headers and parsed body.

#include "core/onvif/ws_security.h"
#include "core/onvif/xml_tree.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace vigil::test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QByteArray> wwwAuthenticate;
    QByteArray contentType;
    qint64 elapsedMs = 0;

    std::optional<onvif::XmlElement> xml() const { return onvif::XmlElement::parse(body); }
    /// "ter:NotAuthorized" style subcode of a SOAP fault, empty when not a fault.
    QString faultSubcode() const
    {
        const auto doc = xml();
        if (!doc)
            return {};
        const onvif::XmlElement* code
                = doc->path({u"Body", u"Fault", u"Code", u"Subcode", u"Value"});
        return code ? code->text() : QString();
    }
};

inline HttpResult httpRequest(const QByteArray& method, const QString& url,
        const QByteArray& body = {}, const QList<std::pair<QByteArray, QByteArray>>& headers = {},
        int timeoutMs = 30000)
{
    QNetworkAccessManager manager;
    QNetworkRequest request {QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/soap+xml; charset=utf-8"));
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    QNetworkReply* reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    HttpResult result;
    result.elapsedMs = QDateTime::currentMSecsSinceEpoch() - started;
    if (!reply->isFinished()) {
        reply->abort();
        delete reply;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.contentType = reply->rawHeader("Content-Type");
    for (const auto& [name, value] : reply->rawHeaderPairs()) {
        if (name.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
            result.wwwAuthenticate += value.split('\n');
    }
    delete reply;
    return result;
}

/// A SOAP 1.2 envelope around `body`, with a UsernameToken header when `token` is set.
inline QByteArray soapEnvelope(const QString& body, const onvif::UsernameToken* token = nullptr)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                          "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                          "xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\" "
                          "xmlns:trt=\"http://www.onvif.org/ver10/media/wsdl\" "
                          "xmlns:tr2=\"http://www.onvif.org/ver20/media/wsdl\" "
                          "xmlns:tptz=\"http://www.onvif.org/ver20/ptz/wsdl\" "
                          "xmlns:tev=\"http://www.onvif.org/ver10/events/wsdl\" "
                          "xmlns:wsnt=\"http://docs.oasis-open.org/wsn/b-2\" "
                          "xmlns:tt=\"http://www.onvif.org/ver10/schema\">"
                          "<s:Header>%1</s:Header><s:Body>%2</s:Body></s:Envelope>")
            .arg(token ? token->securityHeaderXml() : QString(), body)
            .toUtf8();
}

inline HttpResult soapCall(const QString& url, const QString& body,
        const onvif::UsernameToken* token = nullptr,
        const QList<std::pair<QByteArray, QByteArray>>& headers = {})
{
    return httpRequest("POST", url, soapEnvelope(body, token), headers);
}

} // namespace vigil::test
