package ipclab.sockets;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lab 3's frames on a stream socket: every request and reply of Part A is a 4-byte big-endian
 * unsigned length n, then n bytes of UTF-8. A socket, like a pipe, keeps no boundaries: one
 * {@code read} may return half a frame, or two frames and a bit.
 *
 * <pre>
 *  +----------------+------------------------------+
 *  | n (4 bytes BE) |  n bytes of UTF-8 (n ≤ max)  |     "OK" = 00 00 00 02 4F 4B
 *  +----------------+------------------------------+
 * </pre>
 */
final class Frames {
    private static final int HEADER_BYTES = 4;

    private Frames() {
    }

    /** A header announced more than the reader allows; nothing of the body was read. */
    static final class TooLargeException extends IOException {
        TooLargeException(long length, int max) {
            super("a frame announces " + length + " bytes, more than the " + max + " allowed");
        }
    }

    /** A whole frame arrived, but its bytes are not UTF-8 text; the stream is still in step. */
    static final class NotTextException extends IOException {
        NotTextException() {
            super("a frame is not valid UTF-8");
        }
    }

    /** Writes one frame, all of it. */
    static void write(WritableByteChannel out, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        var frame = ByteBuffer.allocate(HEADER_BYTES + body.length).putInt(body.length).put(body).flip();
        while (frame.hasRemaining()) out.write(frame);
    }

    /**
     * Reads one whole frame.
     *
     * @return the message, or empty at a clean end of stream before a frame
     * @throws EOFException         the stream ended inside a frame
     * @throws NotTextException     the frame is not UTF-8 (it was read whole)
     * @throws TooLargeException    the header announces more than {@code max} bytes (checked
     *                              before anything is allocated)
     */
    static Optional<String> read(ReadableByteChannel in, int max) throws IOException {
        var header = ByteBuffer.allocate(HEADER_BYTES);
        if (!fill(in, header)) {
            if (header.position() == 0) return Optional.empty();
            throw new EOFException("the stream ended inside a frame header");
        }
        long length = Integer.toUnsignedLong(header.flip().getInt());
        if (length > max) throw new TooLargeException(length, max);
        var body = ByteBuffer.allocate((int) length);
        if (!fill(in, body)) throw new EOFException("the stream ended inside a frame");
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(body.flip()).toString());
        } catch (CharacterCodingException e) {
            throw new NotTextException();
        }
    }

    /** Reads until the buffer is full (true) or the stream ends (false). */
    private static boolean fill(ReadableByteChannel in, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) return false;
        }
        return true;
    }
}
