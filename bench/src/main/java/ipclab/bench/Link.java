package ipclab.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * One end of a two-way message link between the benchmark and its peer process, over one of
 * the mechanisms the kit teaches. A message is a byte array; its first byte is an {@link Ops}
 * code that tells the peer what to do with it.
 */
interface Link extends AutoCloseable {
    /** How long a side waits for the other before it calls the run failed. */
    Duration PATIENCE = Duration.ofSeconds(20);

    void send(byte[] message) throws IOException;

    /** The next message, or empty if none came within the timeout (a pipe ignores it: a dead peer closes it). */
    Optional<byte[]> poll(Duration timeout) throws IOException;

    /** The next message; an {@link IOException} if the other side said nothing for {@link #PATIENCE}. */
    default byte[] receive() throws IOException {
        return poll(PATIENCE).orElseThrow(() -> new IOException("the peer did not answer within " + PATIENCE.toSeconds() + " s"));
    }

    @Override
    default void close() throws IOException {
    }
}
