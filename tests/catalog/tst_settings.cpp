// Settings: typed round trip through the catalog, persistence, defaults, command-line parsing.
#include "core/catalog/catalog.h"
#include "core/catalog/settings_store.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using vigil::Error;
using vigil::catalog::Catalog;
using vigil::catalog::SettingsStore;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTrip_data();
    void roundTrip();
    void overwriteChangesType();
    void defaultsAndUnknownKeys();
    void removeAndKeys();
    void rejectsUnsupportedType();
    void parseForCommandLine_data();
    void parseForCommandLine();

private:
    std::unique_ptr<Catalog> openCatalog();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSettings::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<Catalog> TestSettings::openCatalog()
{
    auto catalog = Catalog::open(m_dir->filePath(QStringLiteral("vigil.sqlite")));
    if (!catalog)
        return nullptr;
    return std::move(catalog).value();
}

void TestSettings::roundTrip_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::newRow("bool true") << QVariant(true);
    QTest::newRow("bool false") << QVariant(false);
    QTest::newRow("int") << QVariant(-42);
    QTest::newRow("int64 beyond double precision") << QVariant(qint64(9007199254740993LL));
    QTest::newRow("double") << QVariant(0.1 + 0.2);
    QTest::newRow("string") << QVariant(QStringLiteral("Ayuntamiento de Peñíscola — cámara 3"));
    QTest::newRow("empty string") << QVariant(QString());
    QTest::newRow("string list") << QVariant(
            QStringList {QStringLiteral("a,b"), QStringLiteral("\"q\""), QString()});
    QTest::newRow("bytes") << QVariant(QByteArray("\x00\x01\xff binary", 11));
    QTest::newRow("date-time") << QVariant(
            QDateTime::fromMSecsSinceEpoch(1'700'000'000'123, Qt::UTC));
}

void TestSettings::roundTrip()
{
    QFETCH(QVariant, value);
    const QString key = QStringLiteral("test/value");
    {
        auto catalog = openCatalog();
        QVERIFY(catalog);
        SettingsStore settings(*catalog);
        QVERIFY(settings.setValue(key, value));
        QCOMPARE(settings.value(key), value);
    }
    // And again after closing and reopening the file.
    auto catalog = openCatalog();
    QVERIFY(catalog);
    const QVariant back = SettingsStore(*catalog).value(key);
    QCOMPARE(back.typeId(), value.typeId());
    QCOMPARE(back, value);
}

void TestSettings::overwriteChangesType()
{
    auto catalog = openCatalog();
    QVERIFY(catalog);
    SettingsStore settings(*catalog);
    QVERIFY(settings.setValue(QStringLiteral("k"), 5));
    QVERIFY(settings.setValue(QStringLiteral("k"), QStringLiteral("five")));
    QCOMPARE(settings.value(QStringLiteral("k")), QVariant(QStringLiteral("five")));
    QCOMPARE(settings.keys().value(), QStringList {QStringLiteral("k")});
}

void TestSettings::defaultsAndUnknownKeys()
{
    auto catalog = openCatalog();
    QVERIFY(catalog);
    SettingsStore settings(*catalog);
    QVERIFY(!settings.value(QStringLiteral("no/such/key")).isValid());
    QVERIFY(!settings.contains(QLatin1String(vigil::catalog::settings::kUiLanguage)));
    QCOMPARE(settings.value(QLatin1String(vigil::catalog::settings::kUiLanguage)),
            QVariant(QString()));
    QVERIFY(SettingsStore::spec(QLatin1String(vigil::catalog::settings::kUiLanguage)));
    QVERIFY(!SettingsStore::spec(QStringLiteral("no/such/key")));
}

void TestSettings::removeAndKeys()
{
    auto catalog = openCatalog();
    QVERIFY(catalog);
    SettingsStore settings(*catalog);
    QVERIFY(settings.setValue(QStringLiteral("b"), 1));
    QVERIFY(settings.setValue(QStringLiteral("a"), 2));
    QCOMPARE(settings.keys().value(), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(settings.remove(QStringLiteral("a")));
    QCOMPARE(settings.keys().value(), QStringList {QStringLiteral("b")});
    QVERIFY(!settings.value(QStringLiteral("a")).isValid());
}

void TestSettings::rejectsUnsupportedType()
{
    auto catalog = openCatalog();
    QVERIFY(catalog);
    SettingsStore settings(*catalog);
    const vigil::Result<void> saved
            = settings.setValue(QStringLiteral("size"), QVariant(QSize(1, 2)));
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, Error::Code::InvalidArgument);
    QVERIFY(!settings.contains(QStringLiteral("size")));
    QVERIFY(!settings.setValue(QString(), 1));
}

void TestSettings::parseForCommandLine_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("language") << QStringLiteral("ui/language") << QStringLiteral("es") << true
                              << QVariant(QStringLiteral("es"));
    QTest::newRow("language follows system")
            << QStringLiteral("ui/language") << QString() << true << QVariant(QString());
    QTest::newRow("language not shipped")
            << QStringLiteral("ui/language") << QStringLiteral("fr") << false << QVariant();
    QTest::newRow("unknown key") << QStringLiteral("ui/colour") << QStringLiteral("red") << false
                                 << QVariant();
}

void TestSettings::parseForCommandLine()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QVariant, expected);
    const vigil::Result<QVariant> parsed = SettingsStore::parse(key, text);
    QCOMPARE(parsed.ok(), valid);
    if (valid)
        QCOMPARE(parsed.value(), expected);
    else
        QVERIFY(!parsed.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
