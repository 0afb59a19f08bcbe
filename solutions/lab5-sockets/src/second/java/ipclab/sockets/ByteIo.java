package ipclab.sockets;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;

/**
 * Whole reads and writes on a channel (second solution's helper): a channel's {@code read} and
 * {@code write} may move only part of a buffer, so both loop until the buffer is done.
 */
final class ByteIo {
    private ByteIo() {
    }

    /**
     * Fills {@code buffer} from {@code in}.
     *
     * @return false if the stream ended before the first byte (a clean end); true when full
     * @throws EOFException the stream ended after some bytes but before the buffer was full
     */
    static boolean fill(ReadableByteChannel in, ByteBuffer buffer) throws IOException {
        boolean started = false;
        while (buffer.hasRemaining()) {
            int n = in.read(buffer);
            if (n < 0) {
                if (!started && buffer.position() == 0) return false;
                throw new EOFException("the stream ended inside a message");
            }
            started |= n > 0;
        }
        return true;
    }

    /** Exactly {@code count} bytes from {@code in}; the end of the stream anywhere is an {@link EOFException}. */
    static byte[] exactly(ReadableByteChannel in, int count) throws IOException {
        var buffer = ByteBuffer.allocate(count);
        if (!fill(in, buffer) && count > 0) throw new EOFException("the stream ended inside a message");
        return buffer.array();
    }

    /**
     * Writes every byte of the buffers, in order, with as few writes as the channel allows: a
     * frame's 4-byte header and its body written apart meet Nagle's algorithm and the peer's
     * delayed ACK on TCP, and each small message then waits about 40 ms.
     */
    static void writeAll(GatheringByteChannel out, ByteBuffer... buffers) throws IOException {
        long left = 0;
        for (var buffer : buffers) left += buffer.remaining();
        while (left > 0) left -= out.write(buffers);
    }
}
