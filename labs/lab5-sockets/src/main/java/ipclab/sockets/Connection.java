package ipclab.sockets;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.channels.SocketChannel;

/**
 * One end of a connected stream socket that sends and receives whole messages (byte arrays),
 * in the framing of Python's {@code multiprocessing.connection.Connection}, so that either end
 * may be Python's {@code send_bytes}/{@code recv_bytes}.
 *
 * <pre>
 *  +-----------------------------+--------------------+
 *  | n: 4 bytes, signed, BE      | n bytes            |   n ≤ 2^31-1
 *  +-----------------------------+--------------------+
 *  | -1 (FF FF FF FF) | n: 8 bytes, BE | n bytes      |   larger messages (Python only)
 *  +------------------+----------------+--------------+
 * </pre>
 *
 * <pre>{@code
 * try (Connection conn = Client.connect(address, authkey)) {
 *     conn.sendBytes("hello".getBytes(UTF_8));
 *     byte[] reply = conn.recvBytes();          // waits for a whole message
 * }
 * }</pre>
 *
 * One thread may send while another receives. At most {@value #MAX_MESSAGE} bytes are accepted
 * in one message. I/O failures are {@link UncheckedIOException}; a clean end of the stream
 * between two messages is one whose cause is an {@link EOFException}.
 *
 * <p>You write this class (Part B, step 1).
 */
public final class Connection implements AutoCloseable {
    /** The largest message {@link #recvBytes()} accepts: 64 MiB. */
    public static final int MAX_MESSAGE = 64 << 20;

    private final SocketChannel channel;

    Connection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Sends one message, all of it. */
    public void sendBytes(byte[] message) {
        throw new UnsupportedOperationException("TODO: Connection.sendBytes: a 4-byte signed big-endian length, then the bytes");
    }

    /** Waits for the next whole message (at most 64 MiB). */
    public byte[] recvBytes() {
        return recvBytes(MAX_MESSAGE);
    }

    /**
     * Waits for the next whole message of at most {@code max} bytes; a larger one is not read
     * (an UncheckedIOException). A length of -1 is followed by an 8-byte length. A clean end of
     * the stream before a message: an UncheckedIOException whose cause is an {@link EOFException}.
     */
    byte[] recvBytes(int max) {
        throw new UnsupportedOperationException("TODO: Connection.recvBytes: read the header, check it, read the body");
    }

    SocketChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO: Connection.close");
    }
}
