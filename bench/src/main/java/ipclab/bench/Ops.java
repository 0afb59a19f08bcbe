package ipclab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the peer does with a message, said by its first byte; the rest is filler ({@code x}, so
 * that the message is also valid text for the text-only {@code ProcessQueue}).
 *
 * <pre>
 *  0        1                                   n
 *  +--------+-----------------------------------+
 *  | op     | filler: n-1 bytes of 'x'          |
 *  +--------+-----------------------------------+
 *  op: E echo it back · S sink it (count it) · C answer the count so far (decimal text) and
 *      reset it · Q quit
 * </pre>
 */
final class Ops {
    static final byte ECHO = 'E';
    static final byte SINK = 'S';
    static final byte COUNT = 'C';
    static final byte QUIT = 'Q';

    private Ops() {
    }

    static byte[] message(byte op, int bytes) {
        byte[] m = new byte[Math.max(1, bytes)];
        Arrays.fill(m, (byte) 'x');
        m[0] = op;
        return m;
    }

    static byte[] countReply(long count) {
        return Long.toString(count).getBytes(StandardCharsets.US_ASCII);
    }

    static long parseCount(byte[] reply) throws IOException {
        try {
            return Long.parseLong(new String(reply, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new IOException("the peer answered a count request with " + reply.length + " bytes that are not a count");
        }
    }

    /**
     * The peer's side: answers messages until {@code Q}; returns normally then. A peer that waits
     * gives up when its parent process is gone.
     */
    static void serve(Link link) throws IOException {
        var parent = ProcessHandle.current().parent();
        long count = 0;
        while (true) {
            var next = link.poll(java.time.Duration.ofSeconds(1));
            if (next.isEmpty()) {
                if (parent.isEmpty() || !parent.get().isAlive()) throw new IOException("the benchmark process is gone");
                continue;
            }
            byte[] m = next.get();
            switch (m[0]) {
                case ECHO -> link.send(m);
                case SINK -> count++;
                case COUNT -> {
                    link.send(countReply(count));
                    count = 0;
                }
                case QUIT -> {
                    return;
                }
                default -> throw new IOException("unknown op " + m[0]);
            }
        }
    }
}
