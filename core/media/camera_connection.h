#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QUrl>

#include <functional>

namespace vigil::media {

/// What went wrong with a camera's stream, said the same way whichever reader (Vigil's RTSP
/// client or FFmpeg's) met it. `url` is shown without its credentials.
class CameraErrors
{
    Q_DECLARE_TR_FUNCTIONS(vigil::media::CameraErrors)

public:
    static Error unreachable(const QUrl& url, const QString& detail, bool timedOut = false);
    static Error refusedLogin(const QUrl& url, const QString& detail = {});
    static Error streamNotOffered(const QUrl& url, const QString& detail = {});
    static Error streamEnded(const QUrl& url, const QString& detail = {});
    /// `during`: what Vigil was doing ("receiving video"), translated.
    static Error stoppedAnswering(const QUrl& url, const QString& during, const QString& detail);
    static Error unreadable(const QUrl& url, const QString& during, const QString& detail);
};

/// Connects to the URL's host and port (554, RTSP's, when it names none): a non-blocking,
/// close-on-exec socket the caller owns and closes. Waits at most `timeoutMs`, and stops waiting
/// as soon as `stop` (asked every 200 ms) says so.
Result<int> connectTcp(const QUrl& url, int timeoutMs, const std::function<bool()>& stop = {});

} // namespace vigil::media
