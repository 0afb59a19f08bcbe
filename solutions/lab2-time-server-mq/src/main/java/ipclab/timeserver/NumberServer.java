package ipclab.timeserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import ipclab.ipc.Cli;
import ipclab.ipc.MessageQueue;

/**
 * The warm-up server: reads integers from stdin and sends each into a System V message queue
 * (type 1, decimal text), until {@code 0} or the end of input. The same bytes as the course's
 * Python server, so either end can be the Python program.
 *
 * <pre>
 * $ ./run NumberServer --key 4242
 * 5
 * 12
 * twelve
 * Input error, try again!
 * 0
 * $
 * </pre>
 *
 * <p>After sending {@code 0} it waits until the queue is empty (a client took everything) but
 * not more than {@value #DRAIN_SECONDS} s ({@code --timeout S} sets another limit), then removes
 * the queue: removing it at once would throw away what the client has not read yet.
 */
public final class NumberServer {
    static final String USAGE = "usage: NumberServer [--key K] [--timeout S]";
    static final long NUMBER_TYPE = 1;
    static final int DRAIN_SECONDS = 10;

    private NumberServer() {
    }

    public static void main(String[] argv) {
        Cli.run(() -> {
            var args = Cli.Args.parse(argv, USAGE, "--key", "--timeout").positional(0, 0);
            int key = args.key();
            long giveUpSeconds = timeoutSeconds(args, DRAIN_SECONDS);
            var queue = MessageQueue.create(key);
            Cli.removeOnExit(queue::remove);
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (true) {
                String line = in.readLine();
                var number = line == null ? Optional.of(BigInteger.ZERO) : parse(line);  // end of input counts as 0
                if (number.isEmpty()) {
                    System.out.println("Input error, try again!");
                    continue;
                }
                queue.send(NUMBER_TYPE, number.get().toString());
                if (number.get().signum() == 0) break;
            }
            queue.awaitEmpty(Duration.ofSeconds(giveUpSeconds));
            queue.remove();
            return Cli.OK;
        });
    }

    /** The seconds of {@code --timeout S} (1 to 3600), or the default. */
    static long timeoutSeconds(Cli.Args args, long otherwise) {
        String text = args.options().get("--timeout");
        return text == null ? otherwise : Cli.integer(text, "--timeout", 1, 3600);
    }

    static Optional<BigInteger> parse(String line) {
        try {
            return Optional.of(new BigInteger(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
