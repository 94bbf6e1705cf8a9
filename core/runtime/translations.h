#pragma once

#include <QLocale>
#include <QString>

namespace vigil::catalog {
class SettingsStore;
}

namespace vigil::runtime {

/// Loads Vigil's embedded translation (":/i18n/vigil_<lang>.qm") and Qt's own (standard buttons
/// and dialogs) for `locale` into the running QCoreApplication, replacing earlier ones.
/// English needs no file. Returns false when no Vigil translation exists for the locale.
bool installTranslations(const QLocale& locale);

/// The locale to use: `--lang` when given, else the saved `ui/language` setting, else the
/// system's.
QLocale chooseLocale(const QString& commandLineLang, const QString& savedLang);

/// Once the data folder is open: its saved `ui/language`, unless `--lang` (`commandLineLang`)
/// chose one. Every program of a folder speaks the language its people chose, the recorder's
/// alerts too.
void installFolderLanguage(const catalog::SettingsStore& settings, const QString& commandLineLang);

/// Languages Vigil ships, as codes ("en", "es").
QStringList availableLanguages();

/// A language's name in that language ("English", "Español"): how a language menu names it,
/// whatever the current interface language.
QString nativeLanguageName(const QString& code);

} // namespace vigil::runtime
