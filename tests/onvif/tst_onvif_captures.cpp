// Real cameras' recorded answers (tests/data/onvif-captures) replayed by a small HTTP server on a
// random high port of 127.0.0.1, and probed end to end by Vigil's ONVIF client: a camera behind
// port forwarding, or whose HTTP port was changed, must be usable where it was reached.
//
// The captures name the cameras' LAN addresses, so this test runs only inside a network namespace
// that has nothing but loopback (tests/netns/loopback_only.sh): a wrong rewrite then fails here
// instead of sending a packet to someone's network.
#include "core/onvif/device_probe.h"
#include "core/onvif/onvif_parsers.h"
#include "http_server.h"

#include <QDir>
#include <QFile>
#include <QNetworkInterface>
#include <QTest>

using namespace vigil;

namespace {

QString capturesDir()
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/data/onvif-captures");
}

/// The captures' folder for the service an operation belongs to, from its namespace.
QString serviceFolder(const QString& ns)
{
    if (ns == QLatin1String(onvif::ns::kDevice))
        return QStringLiteral("core");
    if (ns == QLatin1String(onvif::ns::kMedia) || ns == QLatin1String(onvif::ns::kMedia2))
        return QStringLiteral("media");
    if (ns == QLatin1String(onvif::ns::kEvents))
        return QStringLiteral("events");
    if (ns == QLatin1String(onvif::ns::kPtz))
        return QStringLiteral("ptz");
    if (ns.contains(QLatin1String("analytics")))
        return QStringLiteral("analytics");
    return {};
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QByteArray kNotSupported
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
          "xmlns:ter=\"http://www.onvif.org/ver10/error\"><s:Body><s:Fault><s:Code>"
          "<s:Value>s:Receiver</s:Value><s:Subcode><s:Value>ter:ActionNotSupported</s:Value>"
          "</s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en\">not captured</s:Text>"
          "</s:Reason></s:Fault></s:Body></s:Envelope>";

/// Answers each operation with what the real camera answered: its Response when one was
/// captured, else its captured fault, else ActionNotSupported.
class Replay
{
public:
    explicit Replay(const QString& vendor)
        : m_dir(capturesDir() + u'/' + vendor)
        , m_server([this](const camsim::HttpRequest& request, camsim::HttpServer::Respond respond) {
            respond(answer(request));
        })
    { }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.port(); }
    QStringList operations() const { return m_operations; }
    QStringList paths() const { return m_paths; }

private:
    camsim::HttpResponse answer(const camsim::HttpRequest& request)
    {
        camsim::HttpResponse response;
        const std::optional<onvif::XmlElement> envelope = onvif::XmlElement::parse(request.body);
        const onvif::XmlElement* body = envelope ? onvif::soapBody(*envelope) : nullptr;
        if (!body || body->children().isEmpty()) {
            response.status = 400;
            response.body = kNotSupported;
            return response;
        }
        const onvif::XmlElement& operation = body->children().first();
        m_operations << operation.localName();
        m_paths << QString::fromUtf8(request.path());
        const QString base = m_dir + u'/' + serviceFolder(operation.namespaceUri()) + u'/'
                + operation.localName();
        if (QFile::exists(base + QStringLiteral(".Response.xml"))) {
            response.body = readFile(base + QStringLiteral(".Response.xml"));
        } else {
            response.status = 500;
            response.body = QFile::exists(base + QStringLiteral(".Error.xml"))
                    ? readFile(base + QStringLiteral(".Error.xml"))
                    : kNotSupported;
        }
        return response;
    }

    QString m_dir;
    camsim::HttpServer m_server;
    QStringList m_operations;
    QStringList m_paths;
};

Result<onvif::DeviceDescription> probe(const QUrl& url, bool rewrite)
{
    onvif::DeviceProbe p {url, QStringLiteral("admin"), QStringLiteral("12345")};
    p.client().setTimeoutMs(5000);
    p.client().setRewriteAddresses(rewrite);
    std::optional<Result<onvif::DeviceDescription>> result;
    QObject::connect(&p, &onvif::DeviceProbe::finished, &p,
            [&result](const Result<onvif::DeviceDescription>& r) { result = r; });
    p.start();
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error {Error::Code::Timeout, QStringLiteral("probe never finished"), {}};
    return *result;
}

/// The RTSP port each captured GetStreamUri names (554 when it names none).
int capturedRtspPort(const QString& vendor)
{
    const std::optional<onvif::XmlElement> xml = onvif::XmlElement::parse(readFile(
            capturesDir() + u'/' + vendor + QStringLiteral("/media/GetStreamUri.Response.xml")));
    return xml ? QUrl(onvif::parseMediaUri(*xml)).port(554) : -1;
}

} // namespace

class TestOnvifCaptures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void probedOnAnyPort_data();
    void probedOnAnyPort();
    void withoutRewriteTheErrorNamesTheAddress();
};

void TestOnvifCaptures::initTestCase()
{
    // Refuse to serve the captures anywhere but in a loopback-only namespace.
    for (const QNetworkInterface& i : QNetworkInterface::allInterfaces()) {
        if (!i.flags().testFlag(QNetworkInterface::IsLoopBack)) {
            QFAIL(qPrintable(QStringLiteral("interface %1 exists: run this test through "
                                            "tests/netns/loopback_only.sh")
                                     .arg(i.name())));
        }
    }
    QVERIFY(QDir(capturesDir()).exists());
}

void TestOnvifCaptures::probedOnAnyPort_data()
{
    QTest::addColumn<QString>("vendor");
    for (const QString& vendor : QDir(capturesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        QTest::newRow(qPrintable(vendor)) << vendor;
}

void TestOnvifCaptures::probedOnAnyPort()
{
    QFETCH(QString, vendor);
    Replay replay(vendor);
    QVERIFY(replay.listen());
    QVERIFY(replay.port() != 80);
    const QUrl reached(
            QStringLiteral("http://127.0.0.1:%1/onvif/device_service").arg(replay.port()));

    const Result<onvif::DeviceDescription> result = probe(reached, true);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().fullText()));
    const onvif::DeviceDescription& d = result.value();

    // Every service lives on the server that was reached.
    QVERIFY(!d.services.isEmpty());
    for (auto it = d.services.cbegin(); it != d.services.cend(); ++it) {
        const QUrl service(it.value());
        QCOMPARE(service.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(service.port(), int(replay.port()));
    }
    // Every stream is on the reached host, on the camera's own RTSP port.
    QVERIFY(d.mainProfile >= 0);
    int streams = 0;
    for (const onvif::MediaProfile& p : d.profiles) {
        if (p.streamUri.isEmpty())
            continue;
        ++streams;
        const QUrl stream(p.streamUri);
        QCOMPARE(stream.scheme(), QStringLiteral("rtsp"));
        QCOMPARE(stream.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(stream.port(554), capturedRtspPort(vendor));
        if (!p.snapshotUri.isEmpty()) {
            // The snapshots of these cameras are served by their ONVIF HTTP server.
            const QUrl snapshot(p.snapshotUri);
            QCOMPARE(snapshot.host(), QStringLiteral("127.0.0.1"));
            QCOMPARE(snapshot.port(), int(replay.port()));
        }
    }
    QCOMPARE(streams, d.profiles.size());
    // The media calls reached the replay server, at the captured services' paths.
    QVERIFY(replay.operations().contains(QStringLiteral("GetProfiles")));
    QVERIFY(replay.operations().contains(QStringLiteral("GetStreamUri")));
}

void TestOnvifCaptures::withoutRewriteTheErrorNamesTheAddress()
{
    // Taken at their word, the Hikvision's services are at 10.10.1.60:80: in this namespace
    // nothing can be reached there, and the message says which address failed.
    Replay replay(QStringLiteral("hikvision"));
    QVERIFY(replay.listen());
    const Result<onvif::DeviceDescription> result = probe(
            QUrl(QStringLiteral("http://127.0.0.1:%1/onvif/device_service").arg(replay.port())),
            false);
    QVERIFY(!result);
    QVERIFY2(result.error().message.contains(QStringLiteral("10.10.1.60:80")),
            qPrintable(result.error().fullText()));
}

QTEST_GUILESS_MAIN(TestOnvifCaptures)
#include "tst_onvif_captures.moc"
