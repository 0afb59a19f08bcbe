package ipclab.pipes;

import ipclab.ipc.Cli;

/**
 * A two-way pipe without deadlock: starts {@link SquareWorker} as a child JVM, sends it
 * 1 … count and {@code END} on one pipe while it reads the squares back on the other, and
 * prints their sum.
 *
 * <pre>
 * $ java ipclab.pipes.SquareClient 10
 * sum of squares 1..10 = 385
 * $ java ipclab.pipes.SquareClient 1000000
 * sum of squares 1..1000000 = 333333833333500000
 * </pre>
 *
 * <pre>
 *            requests: 1, 2, 3, ... END
 *   client  ---------[ pipe, 64 KiB ]--------->  worker
 *           <--------[ pipe, 64 KiB ]---------
 *                  answers: 1, 4, 9, ...
 * </pre>
 *
 * Exit status 0; 1 if the worker failed; 2 if count is not an integer from 0 to 1000000.
 */
public final class SquareClient {
    static final int MAX_COUNT = 1_000_000;
    private static final String USAGE = "usage: SquareClient <count>   (0 <= count <= " + MAX_COUNT + ")";

    private SquareClient() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE).positional(1, 1);
            long count = args.integer(0, "count", 0, MAX_COUNT);
            return run(count);
        });
    }

    /**
     * Starts the worker ({@code ipclab.ipc.ChildJvm.builder(SquareWorker.class)}, its stderr
     * inherited), talks to it through a {@link Channel} on its stdout and stdin, prints
     * {@code sum of squares 1..<count> = <S>}, waits for the worker and returns 0 (a worker that
     * failed: {@code throw Cli.childFailed(status)}).
     *
     * <p>It must finish for count = 1,000,000. Sending every number before reading any answer
     * deadlocks once both pipes are full (read the handout's Part B first): send on another
     * thread while this one reads the answers.
     */
    static int run(long count) throws Exception {
        throw new UnsupportedOperationException("TODO: SquareClient.run: start SquareWorker, send 1..count and END, sum the answers");
    }
}
