package ipclab.fibonacci;

import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import ipclab.ipc.ChildJvm;
import ipclab.ipc.Cli;
import ipclab.ipc.SharedSegment;

/**
 * Part A, the parent of "The Fibonacci return": creates a shared-memory segment of n 64-bit
 * slots, starts {@link FibonacciChild} as a separate JVM to fill it, waits for the child to
 * finish, prints F(0) … F(n-1) as it finds them in the segment, and removes the segment.
 *
 * <pre>
 * $ ./run FibonacciParent 10
 * 0 1 1 2 3 5 8 13 21 34
 * $ ./run FibonacciParent 94
 * error: n must be an integer from 0 to 93, got '94'
 * </pre>
 *
 * <p>Exit status 0; 1 if the child failed ({@code error: child process failed (exit status S)});
 * 2 for a bad n. The segment is gone when the program exits, however it exits. Cost: two JVM
 * start-ups; the sequence itself is n additions.
 */
public final class FibonacciParent {
    /** n numbers are F(0) … F(n-1); F(92) is the last one a signed 64-bit slot can hold. */
    public static final int MAX_N = 93;
    static final String USAGE = "usage: FibonacciParent <n>   (n from 0 to " + MAX_N + ")";

    private FibonacciParent() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(1, 1);
            int n = (int) args.integer(0, "n", 0, MAX_N);
            System.out.println(sequenceFromChild(n));
            return Cli.OK;
        });
    }

    /** Lets a child JVM write the first n Fibonacci numbers into shared memory and returns them as one line. */
    static String sequenceFromChild(int n) throws InterruptedException {
        Path path = SharedSegment.newPath("fib");
        Cli.removeOnExit(() -> SharedSegment.remove(path));  // on success, on error, on Ctrl-C
        try (var shm = SharedSegment.create(path, (long) n * Long.BYTES)) {
            Process child = ChildJvm.start(FibonacciChild.class, path.toString(), Integer.toString(n));
            Cli.removeOnExit(() -> child.destroyForcibly().waitFor(10, TimeUnit.SECONDS));  // never outlive us, even on Ctrl-C
            child.waitFor();
            // the child has exited: every slot it wrote is in the shared pages now
            var line = new StringJoiner(" ");
            for (int i = 0; i < n; i++) line.add(Long.toString(shm.get(i)));
            return line.toString();
        }
    }
}
