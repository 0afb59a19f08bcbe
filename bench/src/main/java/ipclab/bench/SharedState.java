package ipclab.bench;

import java.util.List;

import ipclab.bench.Result.Language;
import ipclab.bench.Result.Section;
import ipclab.ipc.SharedSegment;

/**
 * One update of a number in shared memory, the two ways Lab 1 teaches: an atomic add, and a
 * plain read and write inside a {@code SharedLock}. Measured without contention, so it is the
 * floor; set it beside a round trip to a process that owns the number (a manager, or a server
 * over a queue) to see why the course says shared memory is faster.
 */
final class SharedState {
    private SharedState() {
    }

    static List<Result> run(Settings s, Resources resources, Progress progress) throws Exception {
        var path = resources.freshSegment("state");
        try (var shm = SharedSegment.create(path, 2 * Long.BYTES)) {
            var lock = shm.lock(1);
            var atomic = PerOp.measure(() -> shm.getAndAdd(0, 1), 1000, s);
            var locked = PerOp.measure(() -> {
                lock.lock();
                try {
                    shm.set(0, shm.get(0) + 1);
                } finally {
                    lock.unlock();
                }
            }, 1000, s);
            return List.of(
                    progress.done(new Result(Section.STATE, "SharedSegment.getAndAdd (atomic)", Language.JAVA, "", 0, 1, atomic)),
                    progress.done(new Result(Section.STATE, "SharedLock, then get + set", Language.JAVA, "locked", 0, 1, locked)));
        } finally {
            SharedSegment.remove(path);
        }
    }
}
