package ipclab.fibonacci;

import java.util.Locale;

import ipclab.ipc.Cli;

/**
 * Part B: shared state needs synchronisation. Creates a shared 64-bit counter set to 0, starts
 * P {@link CounterWorker} JVMs that each add 1 to it K times in the given mode, waits for all of
 * them, prints what the counter should hold and what it holds, and removes the segment.
 *
 * <pre>
 * $ ./run SharedCounter 4 1000000 unsafe
 * expected=4000000 actual=2303861
 * $ ./run SharedCounter 4 1000000 atomic
 * expected=4000000 actual=4000000
 * $ ./run SharedCounter 4 1000000 locked
 * expected=4000000 actual=4000000
 * </pre>
 *
 * <p>The segment every process maps:
 * <pre>
 *  offset 0            8            16
 *         +------------+------------+
 *         |  counter   |    lock    |    counter: the sum so far
 *         +------------+------------+    lock: a SharedLock, 0 while nobody holds it
 * </pre>
 *
 * <p>Exit status 0; 1 if a worker failed ({@code error: child process failed (exit status S)}),
 * the other workers are then stopped; 2 for bad arguments.
 *
 * <p>The argument checks and the output are done for you: write {@link #count}.
 */
public final class SharedCounter {
    public static final int MAX_PROCESSES = 16;
    public static final long MAX_INCREMENTS = 10_000_000;
    /** Slot numbers of the layout above. */
    static final int COUNTER = 0;
    static final int LOCK = 1;
    static final int SLOTS = 2;
    static final String USAGE = "usage: SharedCounter <processes> <increments> <mode>   (processes from 1 to "
            + MAX_PROCESSES + ", increments from 0 to " + MAX_INCREMENTS + ", mode unsafe, atomic or locked)";

    private SharedCounter() {
    }

    /** How a worker adds 1 to the counter. */
    public enum Mode {
        /** A plain read, then a plain write: two processes may read the same value, and one +1 is lost. */
        UNSAFE,
        /** One atomic read-modify-write instruction ({@code SharedSegment.getAndAdd}). */
        ATOMIC,
        /** A plain read and write while holding a lock that every process shares. */
        LOCKED;

        /** The mode named on a command line, or a usage error that lists the modes. */
        public static Mode parse(String text) {
            for (Mode mode : values()) {
                if (mode.toString().equals(text)) return mode;
            }
            throw new Cli.UsageException("error: mode must be one of unsafe, atomic, locked, got '" + text + "'");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(3, 3);
            int processes = (int) args.integer(0, "processes", 1, MAX_PROCESSES);
            long increments = args.integer(1, "increments", 0, MAX_INCREMENTS);
            Mode mode = Mode.parse(args.get(2));
            long actual = count(processes, increments, mode);
            System.out.println("expected=" + processes * increments + " actual=" + actual);
            return Cli.OK;
        });
    }

    /**
     * Runs {@code processes} workers on a fresh shared counter and returns its final value.
     *
     * <ul>
     *   <li>A segment of {@link #SLOTS} slots at {@code SharedSegment.newPath("counter")}, all
     *       zero when created; its removal registered with {@code Cli.removeOnExit}.</li>
     *   <li>Start every worker first ({@code ChildJvm.start(CounterWorker.class, <path>,
     *       <increments>, <mode>)}), registering how to stop each one, and only then wait for
     *       them: started and awaited one by one, they would never run at the same time.</li>
     *   <li>A worker with an exit status other than 0: {@code throw Cli.childFailed(status)}.</li>
     * </ul>
     *
     * @throws InterruptedException if this thread is interrupted while it waits for the workers
     */
    static long count(int processes, long increments, Mode mode) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: SharedCounter.count (see its Javadoc and the handout, part B)");
    }
}
