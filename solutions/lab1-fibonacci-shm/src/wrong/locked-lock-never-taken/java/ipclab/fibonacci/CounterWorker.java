package ipclab.fibonacci;

import java.nio.file.Path;

import ipclab.fibonacci.SharedCounter.Mode;
import ipclab.ipc.Cli;
import ipclab.ipc.SharedLock;
import ipclab.ipc.SharedSegment;

import static ipclab.fibonacci.SharedCounter.COUNTER;
import static ipclab.fibonacci.SharedCounter.LOCK;

/**
 * Part B, one worker of {@link SharedCounter}: opens the counter's segment and adds 1 to the
 * counter K times in the given mode; prints nothing. {@link SharedCounter} starts P of them;
 * run by hand, it adds to a segment that already exists.
 *
 * <pre>
 * $ ./run CounterWorker /dev/shm/no-such-segment 1000 atomic
 * error: no shared memory segment at /dev/shm/no-such-segment
 * </pre>
 *
 * <p>Exit status 0; 1 if the segment is missing or smaller than the layout's 16 bytes; 2 for
 * bad arguments.
 */
public final class CounterWorker {
    static final String USAGE = "usage: CounterWorker <segment-path> <increments> <mode>   (increments from 0 to "
            + SharedCounter.MAX_INCREMENTS + ", mode unsafe, atomic or locked)";

    private CounterWorker() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(3, 3);
            Path path = Path.of(args.get(0));
            long increments = args.integer(1, "increments", 0, SharedCounter.MAX_INCREMENTS);
            Mode mode = Mode.parse(args.get(2));
            try (var shm = SharedSegment.open(path)) {
                if (shm.slots() < SharedCounter.SLOTS) {
                    throw new Cli.Failure("the segment at " + path + " has " + shm.byteSize()
                            + " bytes, too small for a counter and a lock");
                }
                addOnes(shm, increments, mode);
            }
            return Cli.OK;
        });
    }

    /** Adds 1 to the shared counter {@code increments} times, the way the mode says. */
    static void addOnes(SharedSegment shm, long increments, Mode mode) {
        switch (mode) {
            case UNSAFE -> {
                for (long i = 0; i < increments; i++) {
                    shm.set(COUNTER, shm.get(COUNTER) + 1);  // another process may write between these two
                }
            }
            case ATOMIC -> {
                for (long i = 0; i < increments; i++) {
                    shm.getAndAdd(COUNTER, 1);
                }
            }
            case LOCKED -> {
                SharedLock lock = shm.lock(LOCK);  // (mistake) getting the lock is not taking it
                for (long i = 0; i < increments; i++) {
                    shm.set(COUNTER, shm.get(COUNTER) + 1);
                }
            }
        }
    }
}
