#pragma once

#include "widgets/feature_page.h"
#include "widgets/page_context.h"

class QComboBox;
class QLabel;
class QTableWidget;

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
    QTableWidget* cameraTable() const { return m_cameraTable; }
    /// Opens the recording settings of the camera in `row` of the table; saved when accepted.
    void editRecording(int row);

Q_SIGNALS:
    /// A camera's recording settings were saved: the recorder should pick them up.
    void camerasChanged();

public:
    QComboBox* languageCombo() const { return m_language; }

private:
    void saveLanguage();
    void updateStorage();
    void updateCameras();

    PageContext m_context;
    EmptyState* m_camerasEmpty = nullptr;
    QTableWidget* m_cameraTable = nullptr;
    QWidget* m_cameraButtons = nullptr;
    QString m_camerasShown; ///< what the table shows, to rebuild it only when it changes
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QLabel* m_storage = nullptr;
};

} // namespace vigil::widgets
