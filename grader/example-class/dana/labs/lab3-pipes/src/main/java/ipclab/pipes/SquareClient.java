package ipclab.pipes;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import ipclab.ipc.ChildJvm;
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
 *   (sends on a thread,
 *    reads on main)  <--------[ pipe, 64 KiB ]---------
 *                              answers: 1, 4, 9, ...
 * </pre>
 *
 * Writing every request before reading any answer deadlocks once both pipes are full (the
 * worker blocks on a full answer pipe and stops reading, so the client blocks on a full request
 * pipe): the requests are sent on their own thread while this one reads the answers.
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

    /** Has the worker square 1 … count, prints the sum of the answers, returns the exit status. */
    static int run(long count) throws Exception {
        Process worker = ChildJvm.builder(SquareWorker.class).redirectError(Redirect.INHERIT).start();
        Cli.removeOnExit(worker::destroyForcibly);
        long sum;
        try (var channel = new Channel(worker.getInputStream(), worker.getOutputStream())) {
            for (long i = 1; i <= count; i++) channel.send(Long.toString(i));  // all requests first...
            channel.send(Channel.END);
            sum = sumOfAnswers(channel, count);                                 // ...then the answers: deadlock
        }
        int status = worker.waitFor();
        if (status != 0) throw Cli.childFailed(status);
        System.out.println("sum of squares 1.." + count + " = " + sum);
        return Cli.OK;
    }

    private static long sumOfAnswers(Channel channel, long count) throws IOException {
        long sum = 0;  // at most 333333833333500000 for count = 1000000: fits in a long
        for (long received = 0; received < count; received++) {
            final long soFar = received;
            String answer = channel.receive().orElseThrow(() -> new Cli.Failure(
                    "the worker closed the pipe after " + soFar + " of " + count + " answers"));
            try {
                sum += Long.parseLong(answer);
            } catch (NumberFormatException e) {
                throw new Cli.Failure("the worker answered '" + answer + "', not an integer");
            }
        }
        return sum;
    }

    private static void awaitSent(FutureTask<Void> requests) throws IOException, InterruptedException {
        try {
            requests.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        }
    }
}
