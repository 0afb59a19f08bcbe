package ipclab.timeserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import ipclab.ipc.MessageQueue;

/**
 * The number relay's server (second solution): sends every integer line of stdin into the queue
 * as decimal text of type 1, wire-compatible with the course's Python client. On {@code 0} or
 * the end of input it sends {@code 0}, lets the client drain the queue (at most 10 s, or
 * {@code --timeout S}), then removes it.
 *
 * <pre>
 * $ ./run NumberServer --key 4242
 * 5
 * five
 * Input error, try again!
 * 0
 * </pre>
 */
public final class NumberServer {
    /** An integer line: optional spaces, an optional sign, ASCII digits. */
    static final Pattern INTEGER = Pattern.compile("\\s*[+-]?[0-9]+\\s*");
    private static final long NUMBER = 1;
    private static final int DEFAULT_DRAIN_SECONDS = 10;

    private NumberServer() {
    }

    public static void main(String[] argv) {
        Command.main(argv, "NumberServer [--key K] [--timeout S]", Set.of("--key", "--timeout"), options -> {
            int key = options.key();
            int drainSeconds = options.seconds(DEFAULT_DRAIN_SECONDS);
            var relay = MessageQueue.create(key);
            Command.atExit(relay);
            var lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            BigInteger last;
            do {
                String line = lines.readLine();
                if (line != null && !INTEGER.matcher(line).matches()) {
                    System.out.println("Input error, try again!");
                    last = null;
                    continue;
                }
                last = line == null ? BigInteger.ZERO : new BigInteger(line.strip());
                relay.send(NUMBER, last.toString());
            } while (last == null || last.signum() != 0);
            relay.awaitEmpty(Duration.ofSeconds(drainSeconds));
            relay.remove();
        });
    }
}
