package ipclab.pipes;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Messages over a byte stream: the two ends of a pipe (or any pair of streams) turned into a
 * connection that sends and receives whole text messages, like the {@code Connection} that
 * Python's {@code multiprocessing.Pipe()} returns.
 *
 * <p>A pipe keeps no message boundaries, so every message travels as a frame:
 * <pre>
 *   0               1               2               3
 *   0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7
 *  +---------------------------------------------------------------+
 *  |        length n: unsigned 32-bit, big-endian (n ≤ 16 MiB)     |  4 bytes
 *  +---------------------------------------------------------------+
 *  |                 the message, n bytes of UTF-8                 |  n bytes
 *  |                              ...                              |
 *  +---------------------------------------------------------------+
 *  "hey" is 00 00 00 03 68 65 79; the empty message is 00 00 00 00.
 * </pre>
 *
 * <pre>{@code
 * try (var channel = new Channel(process.getInputStream(), process.getOutputStream())) {
 *     channel.send("hello");                       // the whole frame is written when it returns
 *     Optional<String> reply = channel.receive();  // waits for a whole frame; empty at the end
 * }
 * }</pre>
 *
 * <p>One thread may send while another receives (each direction has its own lock). A frame
 * costs one write of 4 + n bytes; the channel adds no buffering of its own on either side.
 */
public class Channel implements Closeable {
    /** The largest message, in bytes of UTF-8: 16 MiB. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** The message that tells the other side there are no more. */
    static final String END = "END";
    private static final int HEADER_BYTES = 4;

    private final InputStream in;
    private final OutputStream out;
    private final Object sending = new Object();
    private final Object receiving = new Object();

    /** A channel that receives from {@code in} and sends to {@code out}; it owns both streams. */
    public Channel(InputStream in, OutputStream out) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Sends one message as one frame and flushes it.
     *
     * @throws IllegalArgumentException if the message has more than 16 MiB of UTF-8; nothing
     *                                  is written and the channel stays usable
     */
    public void send(String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("a message may have at most " + MAX_MESSAGE_BYTES
                    + " bytes of UTF-8 (16 MiB); this one has " + body.length);
        }
        byte[] frame = ByteBuffer.allocate(HEADER_BYTES + body.length).putInt(body.length).put(body).array();
        synchronized (sending) {
            out.write(frame);
            out.flush();
        }
    }

    /**
     * Waits for the next message.
     *
     * @return the message, or empty if the stream ended cleanly between two frames
     * @throws EOFException if the stream ended inside a frame
     * @throws IOException  if the header announces more than 16 MiB (the body is not read),
     *                      or the body is not valid UTF-8
     */
    public Optional<String> receive() throws IOException {
        synchronized (receiving) {
            byte[] header = in.readNBytes(HEADER_BYTES);
            if (header.length == 0) return Optional.empty();
            if (header.length < HEADER_BYTES) {
                throw new EOFException("the stream ended inside a frame header (" + header.length + " of 4 bytes)");
            }
            long length = Integer.toUnsignedLong(ByteBuffer.wrap(header).getInt());
            if (length > MAX_MESSAGE_BYTES) {
                throw new IOException("a frame announces " + length + " bytes, more than the 16 MiB a message may have");
            }
            byte[] body = new byte[(int) length];
            int read = Math.max(0, in.read(body, 0, body.length));
            if (read < body.length) {
                throw new EOFException("the stream ended inside a message (" + read + " of " + length + " bytes)");
            }
            return Optional.of(decode(body));
        }
    }

    private static String decode(byte[] body) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("a message is not valid UTF-8");
        }
    }

    /** Closes both streams (the other side of a pipe then sees the end of the stream). */
    @Override
    public void close() throws IOException {
        try (in; out) {
            // closes out, then in, even if closing out fails
        }
    }
}
