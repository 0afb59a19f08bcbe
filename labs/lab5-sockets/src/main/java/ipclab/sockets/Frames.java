package ipclab.sockets;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/**
 * Lab 3's frames on a stream socket: every request and reply of Part A is a 4-byte big-endian
 * unsigned length n, then n bytes of UTF-8. A socket, like a pipe, keeps no boundaries: one
 * {@code read} may return half a frame, or two frames and a bit. You write this class (Part A, step 1).
 *
 * <pre>
 *  +----------------+------------------------------+
 *  | n (4 bytes BE) |  n bytes of UTF-8 (n ≤ max)  |     "OK" = 00 00 00 02 4F 4B
 *  +----------------+------------------------------+
 * </pre>
 */
final class Frames {
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

    /** Writes one frame, all of it (a channel's {@code write} may write only part of a buffer). */
    static void write(WritableByteChannel out, String message) throws IOException {
        throw new UnsupportedOperationException("TODO: Frames.write: the 4-byte length, then the UTF-8 bytes, until all are written");
    }

    /**
     * Reads one whole frame.
     *
     * @return the message, or empty at a clean end of stream before a frame
     * @throws EOFException         the stream ended inside a frame
     * @throws NotTextException     the frame is not UTF-8 (it was read whole)
     * @throws TooLargeException    the header announces more than {@code max} bytes: check this
     *                              before you allocate anything
     */
    static Optional<String> read(ReadableByteChannel in, int max) throws IOException {
        throw new UnsupportedOperationException(
                "TODO: Frames.read: read until you have 4 bytes, check the length, read until you have the body");
    }
}
