#include "core/recording/camera_motion_events.h"

#include "core/logging_categories.h"
#include "core/onvif/onvif_parsers.h"

namespace vigil::recording {

namespace {

constexpr int kMaxBackoffMs = 60'000;
constexpr int kPullSeconds = 5;
constexpr int kClientTimeoutMs = 15'000;

} // namespace

CameraMotionEvents::CameraMotionEvents(const QUrl& deviceUrl, const QString& user,
        const QString& password, bool rewriteAddresses, QObject* parent)
    : QObject(parent)
    , m_client(deviceUrl, user, password)
{
    m_client.setRewriteAddresses(rewriteAddresses);
    m_client.setTimeoutMs(kClientTimeoutMs);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &CameraMotionEvents::findEventService);
}

CameraMotionEvents::~CameraMotionEvents()
{
    if (m_subscription)
        m_subscription->stop();
}

void CameraMotionEvents::start()
{
    findEventService();
}

void CameraMotionEvents::retryLater(const QString& problem)
{
    setWorking(false, problem);
    m_retry.start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, kMaxBackoffMs);
}

void CameraMotionEvents::findEventService()
{
    // Tokens are dated in the camera's clock; a camera that hides its clock still gets ours.
    m_client.syncClock([this](Result<qint64>) {
        const QString device = m_client.deviceUrl().toString();
        m_client.call(device,
                QStringLiteral("<GetServices xmlns=\"%1\"><IncludeCapability>false"
                               "</IncludeCapability></GetServices>")
                        .arg(QLatin1String(onvif::ns::kDevice)),
                [this, device](Result<onvif::XmlElement> services) {
                    if (services) {
                        const QString url = onvif::parseServices(services.value())
                                                    .value(QLatin1String(onvif::ns::kEvents));
                        if (!url.isEmpty())
                            return subscribe(m_client.rewrite(url));
                    } else if (services.error().code == Error::Code::Unreachable
                            || services.error().code == Error::Code::Timeout
                            || services.error().code == Error::Code::AuthenticationFailed) {
                        return retryLater(services.error().message);
                    }
                    // Older cameras: GetCapabilities only.
                    m_client.call(device,
                            QStringLiteral("<GetCapabilities xmlns=\"%1\"><Category>Events"
                                           "</Category></GetCapabilities>")
                                    .arg(QLatin1String(onvif::ns::kDevice)),
                            [this](Result<onvif::XmlElement> capabilities) {
                                if (!capabilities)
                                    return retryLater(capabilities.error().message);
                                const QString url
                                        = onvif::parseCapabilities(capabilities.value())
                                                  .value(QLatin1String(onvif::ns::kEvents));
                                if (url.isEmpty())
                                    return retryLater(tr("the camera at %1 offers no ONVIF events")
                                                              .arg(m_client.displayAddress()));
                                subscribe(m_client.rewrite(url));
                            });
                });
    });
}

void CameraMotionEvents::subscribe(const QString& eventsUrl)
{
    m_subscription = std::make_unique<onvif::EventSubscription>(&m_client, eventsUrl);
    // A pull waits for events up to its timeout: well inside the client's own timeout.
    m_subscription->setPullTimeoutSeconds(kPullSeconds);
    connect(m_subscription.get(), &onvif::EventSubscription::subscribed, this, [this] {
        m_backoffMs = 1000;
        setWorking(true);
    });
    connect(m_subscription.get(), &onvif::EventSubscription::failed, this,
            [this](const Error& error) { setWorking(false, error.message); });
    connect(m_subscription.get(), &onvif::EventSubscription::motionChanged, this,
            &CameraMotionEvents::motionChanged);
    m_subscription->start();
}

void CameraMotionEvents::setWorking(bool working, const QString& problem)
{
    if (m_reported && working == m_working)
        return;
    m_reported = true;
    m_working = working;
    qCInfo(lcRecording) << "motion events of" << m_client.displayAddress()
                        << (working ? "work" : "fail:") << problem;
    Q_EMIT workingChanged(working, problem);
}

} // namespace vigil::recording
