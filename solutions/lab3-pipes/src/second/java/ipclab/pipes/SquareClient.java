package ipclab.pipes;

import java.lang.ProcessBuilder.Redirect;

import ipclab.ipc.ChildJvm;

/**
 * Has a {@link SquareWorker} child square 1 … count and prints the sum. One thread does it all,
 * never more than {@link #AHEAD} requests ahead of the answers: at most 1,024 requests (11 KB)
 * and their answers (16 KB) are in the pipes at once, well under what a pipe holds, so neither
 * side ever waits on a full pipe (writing everything first would deadlock from about 14,000).
 *
 * <pre>
 * $ ./run SquareClient 10
 * sum of squares 1..10 = 385
 * </pre>
 */
public final class SquareClient {
    static final int AHEAD = 1024;

    private SquareClient() {
    }

    public static void main(String[] argv) {
        Command.main("SquareClient <count>   (0 to 1000000)", argv, args -> {
            long count = Command.number(args, "count", 0, 1_000_000);
            Process worker = ChildJvm.builder(SquareWorker.class).redirectError(Redirect.INHERIT).start();
            Command.atExit(worker::destroyForcibly);
            long sum = 0;
            try (var pipe = new Channel(worker.getInputStream(), worker.getOutputStream())) {
                long sent = 0;
                for (long answered = 0; answered < count; answered++) {
                    while (sent < count && sent - answered < AHEAD) pipe.send(Long.toString(++sent));
                    String answer = pipe.receive().orElseThrow(() -> new Command.Trouble("the worker stopped answering"));
                    try {
                        sum += Long.parseLong(answer);
                    } catch (NumberFormatException e) {
                        throw new Command.Trouble("the worker answered '" + answer + "', not an integer");
                    }
                }
                pipe.send("END");
            }
            int status = worker.waitFor();
            if (status != 0) throw new Command.Trouble("the worker failed (exit status " + status + ")");
            System.out.println("sum of squares 1.." + count + " = " + sum);
        });
    }
}
