#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

class QComboBox;
class QLabel;

namespace vigil::widgets {

class EmptyState;

/// Settings: cameras, language, and where Vigil keeps its data.
class SettingsPage : public FeaturePage
{
    Q_OBJECT

public:
    SettingsPage(const PageContext& context, QWidget* parent);

    PageId id() const override { return PageId::Settings; }
    QString title() const override;
    QIcon icon() const override;

    EmptyState* camerasEmptyState() const { return m_camerasEmpty; }
    QComboBox* languageCombo() const { return m_language; }

private:
    void saveLanguage();
    void updateStorage();

    PageContext m_context;
    EmptyState* m_camerasEmpty = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QLabel* m_storage = nullptr;
};

} // namespace vigil::widgets
