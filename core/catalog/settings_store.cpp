#include "core/catalog/settings_store.h"

#include "core/catalog/catalog.h"
#include "core/logging_categories.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <array>

namespace vigil::catalog {

namespace {

const std::array<SettingSpec, 17> kKnown = {{
        {settings::kUiLanguage, QMetaType::QString, QString(),
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Language of the user interface (en, es); empty follows the system"),
                {QString(), QStringLiteral("en"), QStringLiteral("es")}},
        {settings::kOnvifRewriteAddresses, QMetaType::Bool, true,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Use the address a camera was reached on instead of the (wrong) addresses "
                        "it advertises")},
        {settings::kOnvifDiscoveryInterfaces, QMetaType::QString, QString(),
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "IPv4 addresses of the network cards the camera search uses, separated by "
                        "commas (the card on the cameras' network); empty: every card")},
        {settings::kRecordingSegmentSeconds, QMetaType::Int, 60,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Length of a recording file in seconds (files are cut on keyframes)"),
                {}, 2, 3600},
        {settings::kRecordingOnlyWhileWindowOpen, QMetaType::Bool, false,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Record only while a Vigil window is open: the window starts the recorder "
                        "and closing it stops recording (off: the recorder runs on its own)")},
        {settings::kStorageQuotaMB, QMetaType::LongLong, 0,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Most space recordings may use, in MB; 0: no quota (free space still "
                        "applies)"),
                {}, 0, qint64(1) << 40},
        {settings::kStorageMinFreeMB, QMetaType::LongLong, 10240,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Free space to keep on the recordings disk, in MB (the smaller of this and "
                        "the percentage)"),
                {}, 0, qint64(1) << 40},
        {settings::kStorageMinFreePercent, QMetaType::Int, 5,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Free space to keep on the recordings disk, in percent of its size"),
                {}, 0, 90},
        {settings::kLiveLayout, QMetaType::QString, QString(),
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "The Live page's grid as last shown (JSON: columns and the camera of each "
                        "tile)")},
        {settings::kLiveSavedLayouts, QMetaType::QString, QString(),
                QT_TRANSLATE_NOOP(
                        "vigil::catalog::SettingsStore", "Live page grids saved by name (JSON)")},
        {settings::kSecurityIdleLockMinutes, QMetaType::Int, 15,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Minutes without use after which the window locks and asks for the "
                        "password again (0: never; once an administrator exists)"),
                {}, 0, 24 * 60},
        {settings::kSecurityReasonAgeDays, QMetaType::Int, 7,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Footage older than this many days is played back only with a reason, "
                        "which the audit log keeps (0: never asked)"),
                {}, 0, 3650},
        {settings::kRequestsDueDaysCourt, QMetaType::Int, 10,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Days to answer a court's request for footage"),
                {}, 1, 365},
        {settings::kRequestsDueDaysProsecutor, QMetaType::Int, 10,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Days to answer a prosecutor's request for footage"),
                {}, 1, 365},
        {settings::kRequestsDueDaysPolice, QMetaType::Int, 5,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Days to answer a police request for footage"),
                {}, 1, 365},
        {settings::kRequestsDueDaysCitizen, QMetaType::Int, 20,
                QT_TRANSLATE_NOOP("vigil::catalog::SettingsStore",
                        "Days to answer a citizen's public-records request"),
                {}, 1, 365},
        {settings::kRequestsDueDaysPress, QMetaType::Int, 20,
                QT_TRANSLATE_NOOP(
                        "vigil::catalog::SettingsStore", "Days to answer a request from the press"),
                {}, 1, 365},
}};

struct Encoded
{
    QString type;
    QString text;
};

std::optional<Encoded> encode(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return Encoded {QStringLiteral("bool"),
                value.toBool() ? QStringLiteral("true") : QStringLiteral("false")};
    case QMetaType::Int:
        return Encoded {QStringLiteral("int"), QString::number(value.toInt())};
    case QMetaType::LongLong:
        return Encoded {QStringLiteral("int64"), QString::number(value.toLongLong())};
    case QMetaType::Double:
        return Encoded {QStringLiteral("double"), QString::number(value.toDouble(), 'g', 17)};
    case QMetaType::QString:
        // A null QString would bind as SQL NULL; store the empty string instead.
        return Encoded {QStringLiteral("string"),
                value.toString().isNull() ? QStringLiteral("") : value.toString()};
    case QMetaType::QStringList:
        return Encoded {QStringLiteral("stringlist"),
                QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(value.toStringList()))
                                          .toJson(QJsonDocument::Compact))};
    case QMetaType::QByteArray:
        return Encoded {
                QStringLiteral("bytes"), QString::fromLatin1(value.toByteArray().toBase64())};
    case QMetaType::QDateTime:
        return Encoded {
                QStringLiteral("datetime"), value.toDateTime().toUTC().toString(Qt::ISODateWithMs)};
    default:
        return std::nullopt;
    }
}

QVariant decode(const QString& type, const QString& text)
{
    if (type == QLatin1String("bool"))
        return text == QLatin1String("true");
    if (type == QLatin1String("int"))
        return text.toInt();
    if (type == QLatin1String("int64"))
        return text.toLongLong();
    if (type == QLatin1String("double"))
        return text.toDouble();
    if (type == QLatin1String("string"))
        return text;
    if (type == QLatin1String("stringlist")) {
        QStringList list;
        const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
        for (const QJsonValue& v : array)
            list << v.toString();
        return list;
    }
    if (type == QLatin1String("bytes"))
        return QByteArray::fromBase64(text.toLatin1());
    if (type == QLatin1String("datetime"))
        return QDateTime::fromString(text, Qt::ISODateWithMs);
    qCWarning(lcCatalog) << "setting has unknown type" << type;
    return {};
}

} // namespace

SettingsStore::SettingsStore(Catalog& catalog)
    : m_catalog(catalog)
{ }

std::span<const SettingSpec> SettingsStore::knownSettings()
{
    return kKnown;
}

const SettingSpec* SettingsStore::spec(const QString& key)
{
    for (const SettingSpec& s : kKnown) {
        if (key == QLatin1String(s.key))
            return &s;
    }
    return nullptr;
}

QVariant SettingsStore::value(const QString& key) const
{
    const SettingSpec* known = spec(key);
    const QVariant fallback = known ? known->defaultValue : QVariant();
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT type, value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec()) {
        qCWarning(lcCatalog) << "cannot read setting" << key << query.lastError().text();
        return fallback;
    }
    if (!query.next())
        return fallback;
    return decode(query.value(0).toString(), query.value(1).toString());
}

bool SettingsStore::contains(const QString& key) const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("SELECT 1 FROM settings WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next();
}

Result<void> SettingsStore::setValue(const QString& key, const QVariant& value)
{
    if (key.isEmpty())
        return Error {Error::Code::InvalidArgument, tr("A setting needs a name."), {}};
    const std::optional<Encoded> encoded = encode(value);
    if (!encoded) {
        return Error {Error::Code::InvalidArgument,
                tr("The setting \"%1\" cannot hold a value of type %2.")
                        .arg(key, QString::fromLatin1(value.typeName())),
                {}};
    }
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral(
            "INSERT INTO settings (key, type, value, updated_ms) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET type = excluded.type, value = excluded.value, "
            "updated_ms = excluded.updated_ms"));
    query.addBindValue(key);
    query.addBindValue(encoded->type);
    query.addBindValue(encoded->text);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("saving the setting \"%1\"").arg(key));
    return {};
}

Result<void> SettingsStore::remove(const QString& key)
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    query.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec())
        return m_catalog.sqlError(query.lastError(), tr("removing the setting \"%1\"").arg(key));
    return {};
}

Result<QStringList> SettingsStore::keys() const
{
    QSqlQuery query(QSqlDatabase::database(m_catalog.connectionName(), false));
    if (!query.exec(QStringLiteral("SELECT key FROM settings ORDER BY key")))
        return m_catalog.sqlError(query.lastError(), tr("listing the settings"));
    QStringList result;
    while (query.next())
        result << query.value(0).toString();
    return result;
}

QList<QHostAddress> SettingsStore::discoveryInterfaces(const QString& text)
{
    QList<QHostAddress> addresses;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        const QHostAddress address(part.trimmed());
        if (address.protocol() == QAbstractSocket::IPv4Protocol)
            addresses << address;
    }
    return addresses;
}

Result<QVariant> SettingsStore::parse(const QString& key, const QString& text)
{
    const SettingSpec* known = spec(key);
    if (!known) {
        return Error {Error::Code::NotFound,
                tr("There is no setting called \"%1\". \"vigilctl settings list\" shows them all.")
                        .arg(key),
                {}};
    }
    QVariant value(text);
    if (known->type == QMetaType::Bool) {
        const QString t = text.trimmed().toLower();
        if (t != QLatin1String("true") && t != QLatin1String("false"))
            return Error {
                    Error::Code::InvalidArgument, tr("\"%1\" takes true or false.").arg(key), {}};
        return QVariant(t == QLatin1String("true"));
    }
    if (!value.convert(QMetaType(known->type))) {
        return Error {Error::Code::InvalidArgument,
                tr("\"%1\" is not a valid value for \"%2\".").arg(text, key), {}};
    }
    if (known->maximum != known->minimum
            && (value.toLongLong() < known->minimum || value.toLongLong() > known->maximum)) {
        return Error {Error::Code::InvalidArgument,
                tr("\"%1\" takes a number from %2 to %3.")
                        .arg(key)
                        .arg(known->minimum)
                        .arg(known->maximum),
                {}};
    }
    if (key == QLatin1String(settings::kOnvifDiscoveryInterfaces)) {
        const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
        for (const QString& part : parts) {
            const QHostAddress address(part.trimmed());
            if (address.protocol() != QAbstractSocket::IPv4Protocol) {
                return Error {Error::Code::InvalidArgument,
                        tr("\"%1\" takes IPv4 addresses of this computer separated by commas, "
                           "not \"%2\".")
                                .arg(key, part.trimmed()),
                        {}};
            }
        }
    }
    if (!known->choices.isEmpty() && !known->choices.contains(value.toString())) {
        QStringList shown;
        for (const QString& choice : known->choices)
            shown << (choice.isEmpty() ? QStringLiteral("\"\"") : choice);
        return Error {Error::Code::InvalidArgument,
                tr("\"%1\" is not a valid value for \"%2\"; use one of: %3.")
                        .arg(text, key, shown.join(QLatin1String(", "))),
                {}};
    }
    return value;
}

} // namespace vigil::catalog
