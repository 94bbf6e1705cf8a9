#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QMetaType>
#include <QStringList>
#include <QVariant>

#include <span>

namespace vigil::catalog {

class Catalog;

/// A setting Vigil knows: its key, type, default and a translatable description (shown by
/// `vigilctl settings list` and in the Settings page).
struct SettingSpec
{
    const char* key;
    QMetaType::Type type;
    QVariant defaultValue;
    const char* description; ///< QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore", …)
    QStringList choices = {}; ///< the only values allowed; empty: any value of the type
    qint64 minimum = 0; ///< numbers only: the accepted range
    qint64 maximum = 0; ///< numbers only; 0 == minimum: no range
};

namespace settings {
inline constexpr char kUiLanguage[] = "ui/language";
inline constexpr char kOnvifRewriteAddresses[] = "onvif/rewriteAddresses";
inline constexpr char kOnvifDiscoveryInterfaces[] = "onvif/discoveryInterfaces";
inline constexpr char kRecordingSegmentSeconds[] = "recording/segmentSeconds";
inline constexpr char kRecordingOnlyWhileWindowOpen[] = "recording/onlyWhileWindowOpen";
inline constexpr char kStorageQuotaMB[] = "storage/quotaMB";
inline constexpr char kStorageMinFreeMB[] = "storage/minFreeMB";
inline constexpr char kStorageMinFreePercent[] = "storage/minFreePercent";
inline constexpr char kLiveLayout[] = "live/layout";
inline constexpr char kLiveSavedLayouts[] = "live/savedLayouts";
inline constexpr char kSecurityIdleLockMinutes[] = "security/idleLockMinutes";
inline constexpr char kSecurityReasonAgeDays[] = "security/reasonAgeDays";
/// Days to answer a records request, per requester type (the due date's default).
inline constexpr char kRequestsDueDaysCourt[] = "requests/dueDaysCourt";
inline constexpr char kRequestsDueDaysProsecutor[] = "requests/dueDaysProsecutor";
inline constexpr char kRequestsDueDaysPolice[] = "requests/dueDaysPolice";
inline constexpr char kRequestsDueDaysCitizen[] = "requests/dueDaysCitizen";
inline constexpr char kRequestsDueDaysPress[] = "requests/dueDaysPress";
} // namespace settings

/// Typed key/value settings stored in the catalog's `settings` table. Values keep their type
/// (bool, int, qint64, double, string, string list, bytes, date-time) across a round trip.
/// Runs on the thread that owns the catalog.
class SettingsStore
{
    Q_DECLARE_TR_FUNCTIONS(vigil::catalog::SettingsStore)

public:
    explicit SettingsStore(Catalog& catalog);

    /// The stored value, else the known default, else an invalid QVariant. A read error is
    /// logged and answered with the default: a setting never stops Vigil from starting.
    QVariant value(const QString& key) const;
    bool contains(const QString& key) const;
    Result<void> setValue(const QString& key, const QVariant& value);
    Result<void> remove(const QString& key);
    Result<QStringList> keys() const;

    static std::span<const SettingSpec> knownSettings();
    static const SettingSpec* spec(const QString& key);
    /// Parses user text (command line) into the type of a known setting.
    static Result<QVariant> parse(const QString& key, const QString& text);
    /// The IPv4 addresses of `onvif/discoveryInterfaces` ("192.168.1.10, 10.0.0.2"); empty:
    /// every network card.
    static QList<QHostAddress> discoveryInterfaces(const QString& text);

private:
    Catalog& m_catalog;
};

} // namespace vigil::catalog
