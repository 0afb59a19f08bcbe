package ipclab.fibonacci;

import java.nio.file.Path;

import ipclab.ipc.Cli;
import ipclab.ipc.SharedSegment;

/**
 * Part A, the child of "The Fibonacci return": opens a shared-memory segment that already
 * exists, writes F(0) … F(n-1) into its slots 0 … n-1 and prints nothing. Its parent,
 * {@link FibonacciParent}, reads the numbers once the child has exited. It never creates,
 * resizes or removes the segment, and never writes past slot n-1.
 *
 * <pre>
 * $ ./run FibonacciChild /dev/shm/no-such-segment 10
 * error: no shared memory segment at /dev/shm/no-such-segment
 * </pre>
 *
 * <p>Exit status 0; 1 if the segment is missing or smaller than 8·n bytes; 2 for bad arguments.
 *
 * <p>The argument checks are done for you: open the segment in {@link #main} and write
 * {@link #writeSequence}.
 */
public final class FibonacciChild {
    static final String USAGE = "usage: FibonacciChild <segment-path> <n>   (n from 0 to " + FibonacciParent.MAX_N + ")";

    private FibonacciChild() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(2, 2);
            Path path = Path.of(args.get(0));
            int n = (int) args.integer(1, "n", 0, FibonacciParent.MAX_N);
            // TODO: open the segment at path (SharedSegment.open, in a try-with-resources: it must exist
            //  already; a missing one becomes "error: …" and exit status 1 by itself), then writeSequence(shm, n).
            throw new UnsupportedOperationException("TODO: FibonacciChild.main: open the segment at " + path
                    + " and write " + n + " numbers into it");
        });
    }

    /**
     * Writes F(0) … F(n-1) (F(0) = 0, F(1) = 1) into slots 0 … n-1 of the segment, and nothing
     * anywhere else. A segment with fewer than n slots is an error the user should read about:
     * {@code throw new Cli.Failure("…")} before writing anything.
     */
    static void writeSequence(SharedSegment shm, int n) {
        throw new UnsupportedOperationException("TODO: FibonacciChild.writeSequence (see its Javadoc and the handout, part A)");
    }
}
