package ipclab.timeserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import ipclab.ipc.Cli;
import ipclab.ipc.MessageQueue;

/**
 * A client of the {@link TimeServer}: reads message types from stdin, {@code 1} to ask the
 * time, {@code 2} to stop the server. It sends its process id with each time request and takes
 * only the reply of type 3 + pid, so that any number of clients can share the one queue.
 *
 * <pre>
 * $ ./run TimeClient --key 4242
 * 1 = what time is it?, 2 = stop the server: 1
 * Sun Nov 22 02:15:07 2026
 * 1 = what time is it?, 2 = stop the server: 7
 * Input error, try again!
 * 1 = what time is it?, 2 = stop the server: 2
 * stop request sent
 * </pre>
 *
 * <p>The prompt is printed only when stdin is a terminal (that part is done for you). The
 * client never waits forever: no reply in {@value #REPLY_SECONDS} s (or the S seconds of
 * {@code --timeout S}) is
 * {@code error: no reply from the time server}; the queue removed while it waits (or sends) is
 * {@code error: the time server stopped}. Throw a {@link Cli.Failure} with the message and
 * {@link Cli#run} prints the {@code error: } line and exits with status 1.
 */
public final class TimeClient {
    static final String USAGE = "usage: TimeClient [--key K] [--timeout S]";
    static final int REPLY_SECONDS = 5;
    private static final String PROMPT = "1 = what time is it?, 2 = stop the server: ";

    private TimeClient() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--key", "--timeout").positional(0, 0);
            int key = args.key();
            var replyWithin = Duration.ofSeconds(NumberServer.timeoutSeconds(args, REPLY_SECONDS));
            var queue = openQueue(key);
            long pid = ProcessHandle.current().pid();
            var console = System.console();
            boolean interactive = console != null && console.isTerminal();
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (true) {
                if (interactive) {
                    System.out.print(PROMPT);
                    System.out.flush();
                }
                String line = in.readLine();
                if (line == null) {
                    if (interactive) System.out.println();
                    return Cli.OK;
                }
                switch (line.strip()) {
                    case "1" -> System.out.println(askTime(queue, pid, replyWithin));
                    case "2" -> {
                        sendStop(queue);
                        System.out.println("stop request sent");
                        return Cli.OK;
                    }
                    default -> System.out.println("Input error, try again!");
                }
            }
        });
    }

    /**
     * Opens the existing queue (never creates one); none: {@code error: no time server is
     * running on key K}.
     */
    private static MessageQueue openQueue(int key) {
        throw new UnsupportedOperationException("TODO: TimeClient.openQueue");
    }

    /** Sends a time request with our pid and waits (at most {@code within}: 5 s unless {@code --timeout S}) for the reply addressed to us. */
    private static String askTime(MessageQueue queue, long pid, Duration within) {
        throw new UnsupportedOperationException("TODO: TimeClient.askTime");
    }

    /** Sends a stop request. */
    private static void sendStop(MessageQueue queue) {
        throw new UnsupportedOperationException("TODO: TimeClient.sendStop");
    }
}
