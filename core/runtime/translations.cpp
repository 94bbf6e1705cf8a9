#include "core/runtime/translations.h"

#include "core/catalog/settings_store.h"
#include "core/logging_categories.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTranslator>

#include <cstring>
#include <memory>
#include <vector>

namespace vigil::runtime {

namespace {

std::vector<std::unique_ptr<QTranslator>>& installed()
{
    static std::vector<std::unique_ptr<QTranslator>> translators;
    return translators;
}

/// The English text is the source text, written with "(s)" where a count decides the plural
/// ("%n frame(s)"); this picks the form: "1 frame", "2 frames", "1 stretch", "3 stretches".
class EnglishPlurals : public QTranslator
{
public:
    QString translate(const char*, const char* source, const char*, int n) const override
    {
        if (n < 0 || !source || !std::strchr(source, '('))
            return {};
        static const QRegularExpression plural(QStringLiteral("(\\w)\\((s|es)\\)"));
        QString text = QString::fromUtf8(source);
        if (!text.contains(plural))
            return {};
        text.replace(plural, n == 1 ? QStringLiteral("\\1") : QStringLiteral("\\1\\2"));
        return text;
    }
    bool isEmpty() const override { return false; }
};

} // namespace

bool installTranslations(const QLocale& locale)
{
    for (auto& t : installed())
        QCoreApplication::removeTranslator(t.get());
    installed().clear();
    QLocale::setDefault(locale);

    auto vigil = std::make_unique<QTranslator>();
    // An installed .qm (<prefix>/share/vigil/translations) before the one built in, so that an
    // updated translation needs no rebuild.
    const QString installedDir = QDir(QCoreApplication::applicationDirPath())
                                         .filePath(QStringLiteral("../share/vigil/translations"));
    const bool found
            = vigil->load(locale, QStringLiteral("vigil"), QStringLiteral("_"), installedDir)
            || vigil->load(
                    locale, QStringLiteral("vigil"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (found) {
        QCoreApplication::installTranslator(vigil.get());
        installed().push_back(std::move(vigil));
    } else {
        auto english = std::make_unique<EnglishPlurals>();
        QCoreApplication::installTranslator(english.get());
        installed().push_back(std::move(english));
    }

    auto qt = std::make_unique<QTranslator>();
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        installed().push_back(std::move(qt));
    }
    qCDebug(lcRuntime) << "ui language" << locale.name() << (found ? "translated" : "english");
    return found;
}

QLocale chooseLocale(const QString& commandLineLang, const QString& savedLang)
{
    if (!commandLineLang.isEmpty())
        return QLocale(commandLineLang);
    if (!savedLang.isEmpty())
        return QLocale(savedLang);
    return QLocale::system();
}

void installFolderLanguage(const catalog::SettingsStore& settings, const QString& commandLineLang)
{
    if (!commandLineLang.isEmpty())
        return;
    const QString saved = settings.value(QLatin1String(catalog::settings::kUiLanguage)).toString();
    if (!saved.isEmpty())
        installTranslations(chooseLocale({}, saved));
}

QStringList availableLanguages()
{
    QStringList languages {QStringLiteral("en")};
    const QStringList files
            = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("vigil_*.qm")});
    for (const QString& file : files)
        languages << file.mid(6, file.size() - 9);
    return languages;
}

QString nativeLanguageName(const QString& code)
{
    // QLocale's CLDR names carry the region ("español de España"); a language menu wants the
    // plain language name, capitalised as at the start of a sentence.
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("es"))
        return QStringLiteral("Español");
    QString name = QLocale(code).nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name;
}

} // namespace vigil::runtime
