// Changes a catalog's segment index at random, as fast as it can, until it is killed
// (tst_segment_index::totalsSurviveACrash kills it with SIGKILL in the middle of a change).
// Usage: segment_churn_helper CATALOG CAMERAS [inserts]: with "inserts", only new files are
// indexed, as a recorder does (tst_segment_index::retentionClearsABacklog…).
#include "core/catalog/catalog.h"
#include "segment_fixture.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3 && argc != 4)
        return 2;
    const bool onlyInserts = argc == 4;
    auto catalog = vigil::catalog::Catalog::open(QString::fromLocal8Bit(argv[1]));
    if (!catalog)
        return 1;
    vigil::catalog::SegmentStore store(*catalog.value());
    const int cameras = QByteArray(argv[2]).toInt();
    qint64 next = 1000000000000; // after what an earlier run left
    const auto earlier = store.all();
    if (!earlier)
        return 1;
    for (const vigil::catalog::SegmentRecord& s : earlier.value())
        next = qMax(next, s.startMs + 60000);
    for (long changes = 0;; ++changes) {
        if (onlyInserts) {
            const qint64 camera = 1 + changes % cameras;
            if (!store.insert(vigil::test::segmentOf(store, camera, next, 100)))
                return 1;
            next += 60000;
        } else if (!vigil::test::randomChange(store, cameras, next)) {
            return 1;
        }
        if (changes == 200) {
            std::printf("changing\n");
            std::fflush(stdout);
        }
    }
}
