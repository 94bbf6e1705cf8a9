#include "core/setup/wizard_state.h"

#include "core/recording/record_schedule.h"

#include <QHostAddress>
#include <QUrl>

namespace vigil::setup {

namespace {

bool valid(const WizardState& state, int index)
{
    return index >= 0 && index < state.cameras.size();
}

/// Same device service: scheme, host, port and path (an XAddr may differ in letter case or a
/// trailing slash).
bool sameAddress(const QString& a, const QString& b)
{
    const QUrl x(a);
    const QUrl y(b);
    return !a.isEmpty() && x.scheme() == y.scheme()
            && x.host().compare(y.host(), Qt::CaseInsensitive) == 0 && x.port(80) == y.port(80)
            && x.path().section(u'/', 0, -1, QString::SectionSkipEmpty)
                       .compare(y.path().section(u'/', 0, -1, QString::SectionSkipEmpty),
                               Qt::CaseInsensitive)
            == 0;
}

/// Marks `c` when it is a camera Vigil already has (by discovery endpoint or address).
void markKnown(WizardCamera& c, const QList<KnownCamera>& known, const QString& endpoint)
{
    for (const KnownCamera& k : known) {
        const bool byEndpoint = !endpoint.isEmpty() && !k.endpoint.isEmpty()
                && k.endpoint.compare(endpoint, Qt::CaseInsensitive) == 0;
        if (byEndpoint || sameAddress(k.deviceUrl, c.address)) {
            c.known = k;
            c.knownMoved = !sameAddress(k.deviceUrl, c.address);
            c.selected = false;
            return;
        }
    }
}

} // namespace

WizardState Wizard::addDiscovered(WizardState state, const onvif::DiscoveredDevice& device)
{
    const QString address = device.preferredXAddr(state.rewriteAddresses);
    for (WizardCamera& c : state.cameras) {
        if (c.key == device.endpoint || (!address.isEmpty() && c.address == address)) {
            if (c.verification != Verification::Ok)
                c.address = address;
            return state;
        }
    }
    WizardCamera c;
    c.key = device.endpoint.isEmpty() ? address : device.endpoint;
    c.endpoint = device.endpoint;
    c.name = device.name;
    c.model = device.hardware;
    c.address = address;
    markKnown(c, state.known, device.endpoint);
    state.cameras << c;
    return state;
}

Result<WizardState> Wizard::addManual(WizardState state, const QString& text)
{
    const QString trimmed = text.trimmed();
    WizardCamera c;
    QUrl url(trimmed);
    if (url.scheme() == QLatin1String("rtsp") || url.scheme() == QLatin1String("rtsps")) {
        if (url.host().isEmpty())
            return Error {Error::Code::InvalidArgument,
                    tr("\"%1\" is not a camera address.").arg(trimmed), {}};
        c.isRtspUrl = true;
        // Credentials typed into the URL move to the camera's credentials.
        c.user = url.userName();
        c.password = url.password();
        url.setUserInfo(QString());
    } else {
        url = QUrl::fromUserInput(trimmed);
        if (!url.isValid() || url.host().isEmpty()
                || (url.scheme() != QLatin1String("http")
                        && url.scheme() != QLatin1String("https")))
            return Error {Error::Code::InvalidArgument,
                    tr("\"%1\" is not a camera address. Type an address such as 192.168.1.20, or "
                       "an rtsp:// URL.")
                            .arg(trimmed),
                    {}};
        if (url.path().isEmpty() || url.path() == QLatin1String("/"))
            url.setPath(QStringLiteral("/onvif/device_service"));
    }
    c.address = url.toString();
    c.key = c.address;
    c.name = url.host();
    for (const KnownCamera& k : state.known) {
        if (sameAddress(k.deviceUrl, c.address) || (c.isRtspUrl && k.deviceUrl == c.address))
            return Error {Error::Code::InvalidArgument,
                    tr("%1 is already in Vigil: camera %2, \"%3\".")
                            .arg(c.address)
                            .arg(k.id)
                            .arg(k.name),
                    {}};
    }
    for (const WizardCamera& known : state.cameras) {
        if (known.address == c.address)
            return Error {Error::Code::InvalidArgument,
                    tr("%1 is already in the list.").arg(c.address), {}};
    }
    state.cameras << c;
    return state;
}

WizardState Wizard::setSelected(WizardState state, int index, bool selected)
{
    // A camera Vigil already has where it answers cannot be added again.
    if (valid(state, index)
            && !(selected && state.cameras.at(index).known.id > 0
                    && !state.cameras.at(index).knownMoved))
        state.cameras[index].selected = selected;
    return state;
}

WizardState Wizard::setSharedCredentials(
        WizardState state, bool same, const QString& user, const QString& password)
{
    const bool changed = same != state.sameCredentials || user != state.sharedUser
            || password != state.sharedPassword;
    state.sameCredentials = same;
    state.sharedUser = user;
    state.sharedPassword = password;
    if (changed) {
        for (WizardCamera& c : state.cameras) {
            if (c.verification != Verification::Checking) {
                c.verification = Verification::NotChecked;
                c.verificationMessage.clear();
            }
        }
    }
    return state;
}

WizardState Wizard::setCameraCredentials(
        WizardState state, int index, const QString& user, const QString& password)
{
    if (!valid(state, index))
        return state;
    WizardCamera& c = state.cameras[index];
    if (c.user != user || c.password != password) {
        c.user = user;
        c.password = password;
        c.verification = Verification::NotChecked;
        c.verificationMessage.clear();
    }
    return state;
}

WizardState Wizard::verificationStarted(WizardState state, int index)
{
    if (valid(state, index)) {
        state.cameras[index].verification = Verification::Checking;
        state.cameras[index].verificationMessage = tr("Checking…");
    }
    return state;
}

WizardState Wizard::verificationFinished(
        WizardState state, int index, const Result<onvif::DeviceDescription>& result)
{
    if (!valid(state, index))
        return state;
    WizardCamera& c = state.cameras[index];
    if (!result) {
        c.verification = Verification::Failed;
        c.verificationMessage = result.error().message;
        c.device.reset();
        return state;
    }
    c.verification = Verification::Ok;
    c.device = result.value();
    c.mainProfile = result.value().mainProfile;
    c.subProfile = result.value().subProfile;
    if (!result.value().name.isEmpty())
        c.name = result.value().name;
    if (!result.value().info.model.isEmpty())
        c.model = QStringList {result.value().info.manufacturer, result.value().info.model}
                          .join(u' ')
                          .trimmed();
    c.verificationMessage = tr("Connected");
    if (c.mainProfile < 0) {
        c.verification = Verification::Failed;
        c.verificationMessage = tr("The camera offers no H.264 or H.265 stream to record.");
    }
    return state;
}

WizardState Wizard::chooseStream(WizardState state, int index, const QString& role, int profile)
{
    if (!valid(state, index) || !state.cameras.at(index).device)
        return state;
    WizardCamera& c = state.cameras[index];
    const int count = int(c.device->profiles.size());
    if (role == QLatin1String("main") && profile >= 0 && profile < count
            && c.device->profiles.at(profile).isVideoStream()) {
        c.mainProfile = profile;
        if (c.subProfile == profile)
            c.subProfile = -1;
    } else if (role == QLatin1String("sub") && profile >= -1 && profile < count
            && profile != c.mainProfile) {
        if (profile < 0 || c.device->profiles.at(profile).isVideoStream())
            c.subProfile = profile;
    }
    return state;
}

WizardState Wizard::setStorage(WizardState state, const QString& folder, qint64 freeBytes)
{
    state.storageFolder = folder;
    state.storageFreeBytes = freeBytes;
    return state;
}

WizardState Wizard::setRetentionDays(WizardState state, int days)
{
    state.retentionDays = qBound(1, days, 3650);
    return state;
}

WizardState Wizard::setRecordMode(WizardState state, int index, RecordMode mode)
{
    if (!valid(state, index))
        return state;
    WizardCamera& c = state.cameras[index];
    c.mode = mode;
    if (mode == RecordMode::Schedule && c.schedule.isEmpty())
        c.schedule = recording::RecordSchedule::officeHours().toString();
    return state;
}

WizardState Wizard::setSnapshot(WizardState state, const QString& key, const QByteArray& jpeg)
{
    for (WizardCamera& c : state.cameras) {
        if (c.key == key)
            c.snapshot = jpeg;
    }
    return state;
}

QList<int> Wizard::selected(const WizardState& state)
{
    QList<int> result;
    for (int i = 0; i < state.cameras.size(); ++i) {
        if (state.cameras.at(i).selected)
            result << i;
    }
    return result;
}

std::pair<QString, QString> Wizard::credentials(const WizardState& state, int index)
{
    if (!valid(state, index))
        return {};
    const WizardCamera& c = state.cameras.at(index);
    if (state.sameCredentials && !(c.isRtspUrl && !c.user.isEmpty()))
        return {state.sharedUser, state.sharedPassword};
    return {c.user, c.password};
}

bool Wizard::canLeaveDiscovery(const WizardState& state)
{
    return !selected(state).isEmpty();
}

bool Wizard::canLeaveCredentials(const WizardState& state)
{
    const QList<int> chosen = selected(state);
    return !chosen.isEmpty() && std::all_of(chosen.begin(), chosen.end(), [&](int i) {
        return state.cameras.at(i).verification == Verification::Ok
                || state.cameras.at(i).isRtspUrl;
    });
}

WizardState Wizard::setSchedule(WizardState state, int index, const QString& schedule)
{
    if (valid(state, index) && recording::RecordSchedule::parse(schedule))
        state.cameras[index].schedule = schedule;
    return state;
}

double Wizard::recordingShare(const WizardState& state, int index)
{
    if (!valid(state, index))
        return 0;
    const WizardCamera& c = state.cameras.at(index);
    switch (c.mode) {
    case RecordMode::Continuous:
        return 1.0;
    case RecordMode::Motion:
        return StorageEstimate::kMotionShare;
    case RecordMode::Schedule:
        break;
    }
    const recording::RecordSchedule plan
            = recording::RecordSchedule::parse(c.schedule).value_or(recording::RecordSchedule());
    return (plan.hoursIn(recording::RecordMode::Continuous)
                   + plan.hoursIn(recording::RecordMode::Motion) * StorageEstimate::kMotionShare)
            / (7 * 24);
}

StorageEstimate Wizard::estimate(const WizardState& state)
{
    StorageEstimate e;
    double bytesPerDay = 0;
    for (int i : selected(state)) {
        const WizardCamera& c = state.cameras.at(i);
        // The encoder's bitrate limit, else a typical 4 Mbit/s for a main stream.
        int kbps = 4096;
        if (c.device && c.mainProfile >= 0 && c.device->profiles.at(c.mainProfile).bitrateKbps > 0)
            kbps = c.device->profiles.at(c.mainProfile).bitrateKbps;
        // The sub stream is not recorded (it serves live tiles and scrubbing).
        bytesPerDay += kbps * 1000.0 / 8.0 * 86400.0 * recordingShare(state, i);
    }
    e.bytesPerDay = qint64(bytesPerDay);
    if (e.bytesPerDay > 0 && state.storageFreeBytes >= 0)
        e.daysThatFit = double(state.storageFreeBytes) / double(e.bytesPerDay);
    e.fits = e.bytesPerDay == 0 || e.daysThatFit >= state.retentionDays;
    return e;
}

} // namespace vigil::setup
