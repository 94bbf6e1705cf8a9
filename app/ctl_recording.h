#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace vigil::runtime {
class AppContext;
}

namespace vigil::app {

/// `vigilctl record | segments | storage | catalog rebuild | hold add`: the recording engine
/// and the footage it keeps, without a GUI.
class CtlRecording
{
    Q_DECLARE_TR_FUNCTIONS(vigil::app::CtlRecording)

public:
    CtlRecording(const QCommandLineParser& parser, runtime::AppContext& context, QTextStream& out,
            QTextStream& err);

    /// Commands that need the data folder to themselves (the instance lock).
    static bool needsExclusive(const QString& command, const QStringList& args);
    static bool handles(const QString& command);
    int run(const QString& command, const QStringList& args);
    /// `vigilctl camera record ID …`: a camera's record mode, schedule, pre/post-roll, retention.
    int cameraRecord(const QString& id);

private:
    int record();
    int segments();
    int storage();
    int rebuild();
    int holdAdd();
    bool parseTime(const char* option, qint64* ms);
    int usage(const QString& message);
    int failed(const QString& message);

    const QCommandLineParser& m_parser;
    runtime::AppContext& m_context;
    QTextStream& m_out;
    QTextStream& m_err;
    bool m_json = false;
};

} // namespace vigil::app
