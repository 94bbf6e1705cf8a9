#pragma once

// A catalog with cameras and segments for tests of the segment index (tst_segment_index and
// its crash helper).

#include "core/catalog/camera_store.h"
#include "core/catalog/segment_store.h"

#include <QRandomGenerator>

namespace vigil::test {

/// Adds `count` plain RTSP cameras (ids 1 … count), each with a recorded main stream; false on
/// any failure.
inline bool addSegmentCameras(catalog::Catalog& catalog, int count)
{
    catalog::CameraStore cameras(catalog);
    for (int c = 1; c <= count; ++c) {
        catalog::CameraRecord r;
        r.uuid = QStringLiteral("rtsp:index-%1").arg(c);
        r.name = QStringLiteral("Camera %1").arg(c);
        r.retentionDays = 30;
        catalog::StreamRecord main;
        main.role = QStringLiteral("main");
        main.uri = QStringLiteral("rtsp://127.0.0.1:9/camera%1").arg(c);
        r.streams << main;
        if (!cameras.add(r))
            return false;
    }
    return true;
}

/// A closed 60-s segment of `camera` starting at `startMs`, named as the recorder names it.
inline catalog::SegmentRecord segmentOf(
        catalog::SegmentStore& store, qint64 camera, qint64 startMs, qint64 bytes)
{
    catalog::SegmentRecord s;
    s.cameraId = camera;
    s.streamId = store.streamId(camera, QStringLiteral("main")).value();
    s.path = catalog::segmentPath(camera, QStringLiteral("main"), startMs);
    s.startMs = startMs;
    s.endMs = startMs + 60000;
    s.bytes = bytes;
    s.state = QStringLiteral("closed");
    return s;
}

/// One random change of the index: a new file (open or closed), a file closed with its final
/// size, or a file deleted. `next` is the next start time to use (advanced).
inline bool randomChange(catalog::SegmentStore& store, int cameras, qint64& next)
{
    QRandomGenerator* random = QRandomGenerator::global();
    const qint64 camera = 1 + random->bounded(cameras);
    switch (random->bounded(4)) {
    case 0:
    case 1: {
        catalog::SegmentRecord s = segmentOf(store, camera, next, random->bounded(1, 1000000));
        next += 60000;
        if (random->bounded(8) == 0) // a name that was taken, which the index stores whole
            s.path.replace(QLatin1String(".mp4"), QLatin1String("-1.mp4"));
        if (random->bounded(2) == 0)
            s.state = QStringLiteral("open");
        return bool(store.insert(s));
    }
    case 2: {
        const auto some = store.list(camera, 0, next);
        if (!some || some->isEmpty())
            return bool(some);
        catalog::SegmentRecord s = some->at(random->bounded(int(some->size())));
        s.bytes = random->bounded(1, 2000000);
        s.state = QStringLiteral("closed");
        return bool(store.update(s));
    }
    default: {
        const auto some = store.list(camera, 0, next);
        if (!some || some->isEmpty())
            return bool(some);
        return bool(store.removeById(some->at(random->bounded(int(some->size()))).id));
    }
    }
}

} // namespace vigil::test
