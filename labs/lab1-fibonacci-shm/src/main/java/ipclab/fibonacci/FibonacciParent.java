package ipclab.fibonacci;

import ipclab.ipc.Cli;

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
 * 2 for a bad n. The segment is gone when the program exits, however it exits.
 *
 * <p>The argument checks are done for you: write {@link #sequenceFromChild(int)}.
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

    /**
     * Lets a child JVM write the first n Fibonacci numbers into shared memory and returns them
     * as one line: F(0) … F(n-1) separated by single spaces, {@code ""} for n = 0. This process
     * computes no Fibonacci number itself: every number it returns was read from the segment.
     *
     * <ul>
     *   <li>The segment: a fresh path from {@code SharedSegment.newPath("fib")}, n slots of 8
     *       bytes, created with {@code SharedSegment.create}. Register its removal with
     *       {@code Cli.removeOnExit} so that it is removed however the program ends.</li>
     *   <li>The child: {@code ChildJvm.start(FibonacciChild.class, <path>, <n>)}. Register with
     *       {@code Cli.removeOnExit} what stops it (kill it, then wait for it), so that Ctrl-C on
     *       the parent does not leave it running.</li>
     *   <li>Wait for the child. An exit status other than 0:
     *       {@code throw Cli.childFailed(status)}. Only then read the slots.</li>
     * </ul>
     *
     * @throws InterruptedException if this thread is interrupted while it waits for the child
     */
    static String sequenceFromChild(int n) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: FibonacciParent.sequenceFromChild (see its Javadoc and the handout, part A)");
    }
}
