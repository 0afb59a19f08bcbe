package ipclab.fibonacci;

import java.nio.file.Path;

import ipclab.ipc.SharedLock;
import ipclab.ipc.SharedSegment;

/**
 * Part B's worker, second solution: adds 1 to the counter in slot 0 of a segment, K times, in
 * one of the three modes. {@link SharedCounter} starts one JVM of it per process.
 */
public final class CountingProcess {
    static final String USAGE = "usage: CountingProcess <segment-path> <increments> <unsafe|atomic|locked>";

    private CountingProcess() {
    }

    public static void main(String[] args) {
        Frame.run(USAGE, () -> {
            Frame.expect(args, 3);
            long times = Frame.number(args[1], "increments", 0, SharedCounter.MOST_INCREMENTS);
            String mode = SharedCounter.mode(args[2]);
            try (var memory = SharedSegment.open(Path.of(args[0]))) {
                if (memory.byteSize() < 2 * Long.BYTES) throw new Frame.Failed(args[0] + " is too small for a counter and its lock");
                switch (mode) {
                    case "unsafe" -> {
                        for (long i = 0; i < times; i++) memory.set(0, memory.get(0) + 1);
                    }
                    case "atomic" -> {
                        for (long i = 0; i < times; i++) {
                            long seen;
                            do {
                                seen = memory.getAcquire(0);
                            } while (!memory.compareAndSet(0, seen, seen + 1));  // nobody wrote between read and swap
                        }
                    }
                    default -> {
                        SharedLock lock = memory.lock(1);
                        for (long i = 0; i < times; i++) {
                            lock.lock();
                            try {
                                memory.set(0, memory.get(0) + 1);
                            } finally {
                                lock.unlock();
                            }
                        }
                    }
                }
            }
            return 0;
        });
    }
}
