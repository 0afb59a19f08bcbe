package ipclab.sockets;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
 */
public final class Connection implements AutoCloseable {
    /** The largest message {@link #recvBytes()} accepts: 64 MiB. */
    public static final int MAX_MESSAGE = 64 << 20;

    private final SocketChannel channel;
    private final Object sending = new Object();
    private final Object receiving = new Object();

    Connection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Sends one message, all of it. */
    public void sendBytes(byte[] message) {
        var frame = ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).flip();
        synchronized (sending) {
            try {
                while (frame.hasRemaining()) channel.write(frame);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot send: " + e.getMessage(), e);
            }
        }
    }

    /** Waits for the next whole message (at most 64 MiB). */
    public byte[] recvBytes() {
        return recvBytes(MAX_MESSAGE);
    }

    /** Waits for the next whole message of at most {@code max} bytes; a larger one is not read. */
    byte[] recvBytes(int max) {
        synchronized (receiving) {
            try {
                var header = ByteBuffer.allocate(4);
                if (!fill(header)) {
                    if (header.position() == 0) throw new EOFException("the connection was closed");
                    throw new EOFException("the connection was closed inside a message header");
                }
                long length = header.flip().getInt();
                if (length == -1) {
                    var longHeader = ByteBuffer.allocate(8);
                    if (!fill(longHeader)) throw new EOFException("the connection was closed inside a message header");
                    length = longHeader.flip().getLong();
                }
                if (length < 0 || length > max) {
                    throw new IOException("a message announces " + length + " bytes; at most " + max + " are accepted");
                }
                var body = ByteBuffer.allocate((int) length);
                if (!fill(body)) throw new EOFException("the connection was closed inside a message");
                return body.array();
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
    }

    private boolean fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) return false;
        }
        return true;
    }

    SocketChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
