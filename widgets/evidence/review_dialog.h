#pragma once

#include "core/redaction/redaction_log.h"

#include <QDialog>
#include <QImage>
#include <QList>

class QTableWidget;

namespace vigil::widgets {

/// A person reviews what the detectors followed through a camera's clip before the package is
/// made: one row per track (its picture, what it is, when), hidden unless unchecked. Unchecking
/// is for what may stay visible (public signage, a false detection); the log says who decided.
class ReviewDialog : public QDialog
{
    Q_OBJECT

public:
    /// `durationMs`: the clip's length, to show when each track is.
    ReviewDialog(const QString& camera, const redaction::RedactionLog& log,
            const QList<QImage>& pictures, qint64 durationMs, QWidget* parent = nullptr);
    /// The log with each track on or off as decided.
    redaction::RedactionLog log() const;
    QTableWidget* table() const { return m_table; }

private:
    redaction::RedactionLog m_log;
    QTableWidget* m_table = nullptr;
};

} // namespace vigil::widgets
