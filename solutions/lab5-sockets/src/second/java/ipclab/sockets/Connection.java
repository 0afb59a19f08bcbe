package ipclab.sockets;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end of a connection that Python's {@code multiprocessing.connection} understands: each
 * message is a 4-byte big-endian signed length and its bytes ({@code -1} and an 8-byte length
 * for messages over 2^31 - 1 bytes, which Python may send). One thread may send while another
 * receives: each direction has its own lock.
 *
 * <pre>{@code
 * try (Connection conn = Client.connect(address, key)) {
 *     conn.sendBytes("hello".getBytes(UTF_8));
 *     byte[] reply = conn.recvBytes();
 * }
 * }</pre>
 *
 * <p>No method declares a checked exception: I/O failures are {@link UncheckedIOException}s,
 * and a clean end of the stream between messages is one whose cause is an {@link EOFException}.
 */
public final class Connection implements AutoCloseable {
    /** The largest message {@link #recvBytes} accepts: 64 MiB. */
    public static final int MAX_MESSAGE = 64 << 20;

    private final SocketChannel channel;
    private final Lock sending = new ReentrantLock();
    private final Lock receiving = new ReentrantLock();

    Connection(SocketChannel channel) {
        this.channel = channel;
    }

    /** Sends one message. */
    public void sendBytes(byte[] message) {
        sending.lock();
        try {
            ByteIo.writeAll(channel, ByteBuffer.allocate(Integer.BYTES).putInt(0, message.length), ByteBuffer.wrap(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sending.unlock();
        }
    }

    /** Receives one message, waiting as long as it takes. */
    public byte[] recvBytes() {
        try {
            return receive(MAX_MESSAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives one message of at most {@code limit} bytes; a longer one is refused before its body is read. */
    byte[] receive(int limit) throws IOException {
        receiving.lock();
        try {
            var header = ByteBuffer.allocate(Long.BYTES).limit(Integer.BYTES);
            if (!ByteIo.fill(channel, header)) throw new EOFException("the peer closed the connection");
            long length = header.getInt(0);
            if (length == -1) {  // Python's form for a message over 2^31 - 1 bytes: an 8-byte length follows
                header.clear();
                if (!ByteIo.fill(channel, header)) throw new EOFException("the stream ended inside a message header");
                length = header.getLong(0);
            }
            if (length < 0 || length > limit) {
                throw new IOException("a message of " + length + " bytes announced; at most " + limit + " are accepted");
            }
            return ByteIo.exactly(channel, (int) length);
        } finally {
            receiving.unlock();
        }
    }

    /** The address of the other end. */
    SocketAddress peer() {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the connection; a receive or send blocked in another thread fails at once. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
