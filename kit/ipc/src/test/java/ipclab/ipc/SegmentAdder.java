package ipclab.ipc;

import java.nio.file.Path;

/** A child for the tests: adds 1 to slot 0 of a segment {@code count} times, atomically or under the lock in slot 1. */
public final class SegmentAdder {
    public static void main(String[] args) {
        long count = Long.parseLong(args[1]);
        try (var shm = SharedSegment.open(Path.of(args[0]))) {
            var lock = shm.lock(1);
            for (long i = 0; i < count; i++) {
                if (args[2].equals("atomic")) {
                    shm.getAndAdd(0, 1);
                } else {
                    lock.lock();
                    try {
                        shm.set(0, shm.get(0) + 1);
                    } finally {
                        lock.unlock();
                    }
                }
            }
        }
    }
}
