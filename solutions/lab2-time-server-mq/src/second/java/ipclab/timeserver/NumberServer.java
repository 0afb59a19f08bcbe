package ipclab.timeserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import ipclab.ipc.IpcException;
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
            drain(relay, TimeUnit.SECONDS.toNanos(drainSeconds));
            relay.remove();
        });
    }

    /**
     * Gives the client up to {@code patienceNanos} to take what is left, looking at the queue
     * after pauses that grow from 1 ms to 64 ms: quick when the client is, cheap when it is not.
     */
    private static void drain(MessageQueue relay, long patienceNanos) {
        long start = System.nanoTime();
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        try {
            while (relay.size() > 0) {
                long left = patienceNanos - (System.nanoTime() - start);
                if (left <= 0) return;
                LockSupport.parkNanos(Math.min(pause, left));
                pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(64));
            }
        } catch (IpcException.QueueRemovedException removedBySomeoneElse) {
            // nothing left to drain
        }
    }
}
