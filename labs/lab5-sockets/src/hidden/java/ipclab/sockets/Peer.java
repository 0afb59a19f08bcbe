package ipclab.sockets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import ipclab.testkit.Timing;

/**
 * The test's own end of a stream socket, written byte by byte as a hostile or careful peer
 * would: raw writes, and reads that wait at most a given time (each wait counted from when the
 * test starts it, and stretched by {@link Timing}). Both framings of the lab are here: Lab 3's
 * (Part A, unsigned length) and Python's (Parts B and C, signed length).
 */
final class Peer implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;

    private Peer(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.key = channel.register(selector, SelectionKey.OP_READ);
    }

    static Peer connect(SocketAddress address) {
        try {
            return new Peer(SocketChannel.open(address));
        } catch (IOException e) {
            throw new UncheckedIOException("the test cannot connect to " + address, e);
        }
    }

    /** Writes all the bytes (waiting while the socket's buffer is full, at most 30 s). */
    Peer write(byte[] bytes) {
        var buffer = ByteBuffer.wrap(bytes);
        long deadline = System.nanoTime() + Timing.scaled(Duration.ofSeconds(30)).toNanos();
        try {
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    key.interestOps(SelectionKey.OP_WRITE);
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) throw new AssertionError("the server read nothing for 30 s");
                    selector.select(left);
                    selector.selectedKeys().clear();
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("the test cannot write to the server: " + e.getMessage(), e);
        }
    }

    /** Exactly n bytes, or an AssertionError when they do not come within the time or the stream ends. */
    byte[] read(int n, Duration within, String what) {
        var buffer = ByteBuffer.allocate(n);
        long deadline = System.nanoTime() + Timing.scaled(within).toNanos();
        try {
            while (buffer.hasRemaining()) {
                int got = channel.read(buffer);
                if (got < 0)
                    throw new AssertionError(
                            "the connection was closed before " + what + " came (" + buffer.position() + " of " + n + " bytes)");
                if (got > 0) continue;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0)
                    throw new AssertionError(
                            what + " did not come within " + within.toSeconds() + " s (" + buffer.position() + " of " + n + " bytes)");
                selector.select(left);
                selector.selectedKeys().clear();
            }
            return buffer.array();
        } catch (IOException e) {
            throw new AssertionError("the connection broke before " + what + " came: " + e.getMessage(), e);
        }
    }

    /** Whether the other side closed the connection within the time (what it sent before is skipped). */
    boolean closedWithin(Duration within) {
        var buffer = ByteBuffer.allocate(8192);
        long deadline = System.nanoTime() + Timing.scaled(within).toNanos();
        try {
            while (true) {
                buffer.clear();
                int got = channel.read(buffer);
                if (got < 0) return true;
                if (got > 0) continue;
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) return false;
                selector.select(left);
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            return true;  // reset by the peer: closed too
        }
    }

    /** Lab 3's frame: 4-byte big-endian length, then UTF-8. */
    static byte[] kvFrame(String message) {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    /** Sends a Lab 3 frame. */
    Peer send(String message) {
        return write(kvFrame(message));
    }

    /** Receives a Lab 3 frame as text. */
    String receive(Duration within) {
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(read(4, within, "a reply's header")).getInt());
        if (length > (64 << 20)) throw new AssertionError("a reply announces " + length + " bytes");
        return new String(read((int) length, within, "a reply's body"), StandardCharsets.UTF_8);
    }

    /** One request and its reply (Part A). */
    String request(String message, Duration within) {
        return send(message).receive(within);
    }

    /** Python's frame: 4-byte big-endian signed length, then the bytes. */
    static byte[] pyFrame(byte[] message) {
        return ByteBuffer.allocate(4 + message.length).putInt(message.length).put(message).array();
    }

    Peer sendBytes(byte[] message) {
        return write(pyFrame(message));
    }

    byte[] recvBytes(Duration within) {
        int length = ByteBuffer.wrap(read(4, within, "a message's header")).getInt();
        if (length < 0 || length > (64 << 20)) throw new AssertionError("a message announces " + length + " bytes");
        return read(length, within, "a message's body");
    }

    @Override
    public void close() {
        try (selector; channel) {
            // both closed
        } catch (IOException e) {
            // closing a test's socket: nothing to do about a failure
        }
    }
}
