package ipclab.fibonacci;

import java.nio.file.Path;

import ipclab.fibonacci.SharedCounter.Mode;
import ipclab.ipc.Cli;
import ipclab.ipc.SharedSegment;

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
 *
 * <p>The argument checks are done for you: open the segment in {@link #main} and write
 * {@link #addOnes}.
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
            // TODO: open the segment at path (try-with-resources); fewer than SharedCounter.SLOTS slots:
            //  throw new Cli.Failure("…"); then addOnes(shm, increments, mode).
            throw new UnsupportedOperationException("TODO: CounterWorker.main: open the segment at " + path
                    + " and add 1 to its counter " + increments + " times (" + mode + ")");
        });
    }

    /**
     * Adds 1 to the counter in slot {@code SharedCounter.COUNTER}, {@code increments} times:
     * <ul>
     *   <li>{@code unsafe}: read the slot, then write the value + 1 (two separate accesses);</li>
     *   <li>{@code atomic}: one atomic add;</li>
     *   <li>{@code locked}: the same read and write as {@code unsafe}, while holding the
     *       {@code SharedLock} that lives in slot {@code SharedCounter.LOCK}, unlocked in a
     *       {@code finally}.</li>
     * </ul>
     */
    static void addOnes(SharedSegment shm, long increments, Mode mode) {
        switch (mode) {
            case UNSAFE -> throw new UnsupportedOperationException("TODO: CounterWorker.addOnes, unsafe");
            case ATOMIC -> throw new UnsupportedOperationException("TODO: CounterWorker.addOnes, atomic");
            case LOCKED -> throw new UnsupportedOperationException("TODO: CounterWorker.addOnes, locked");
        }
    }
}
