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
            try (var shm = SharedSegment.open(path)) {
                writeSequence(shm, n);
            }
            return Cli.OK;
        });
    }

    /** Writes F(0) … F(n-1) into slots 0 … n-1, using the segment itself as the array. */
    static void writeSequence(SharedSegment shm, int n) {
        if (shm.slots() < n) {
            throw new Cli.Failure("the segment at " + shm.path() + " has " + shm.byteSize() + " bytes, "
                    + "too small for " + n + " numbers (" + (long) n * Long.BYTES + " bytes)");
        }
        for (int i = 0; i < n; i++) {
            // slots 0 … i-1 hold F(0) … F(i-1); for i ≤ 92 the sum fits in a long
            shm.set(i, i < 2 ? 1 : Math.addExact(shm.get(i - 1), shm.get(i - 2)));  // starts at F(1): off by one
        }
    }
}
