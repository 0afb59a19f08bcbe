package ipclab.pipes;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Whole text messages over a byte stream, a second way (the lab's second solution): a
 * {@link DataOutputStream} writes the 4-byte big-endian length and the UTF-8 body, a
 * {@link DataInputStream} reads them back with {@code readFully}. Each direction has its own
 * lock, so one thread may send while another waits in {@link #receive()}.
 *
 * <pre>
 *   | length n, unsigned 32-bit big-endian (n <= 16 MiB) | n bytes of UTF-8 |
 * </pre>
 */
public class Channel implements Closeable {
    static final long LARGEST = 16L << 20;

    private final DataInputStream reader;
    private final DataOutputStream writer;
    private final ReentrantLock writing = new ReentrantLock();
    private final ReentrantLock reading = new ReentrantLock();

    public Channel(InputStream in, OutputStream out) {
        reader = new DataInputStream(in);
        writer = new DataOutputStream(out);
    }

    /** Writes one frame and flushes it; a message over 16 MiB of UTF-8 is refused before a byte is written. */
    public void send(String message) throws IOException {
        byte[] utf8 = message.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > LARGEST) throw new IllegalArgumentException("message of " + utf8.length + " bytes: the limit is 16 MiB");
        writing.lock();
        try {
            writer.writeInt(utf8.length);
            writer.write(utf8);
            writer.flush();
        } finally {
            writing.unlock();
        }
    }

    /** The next message; empty when the stream ended cleanly between frames. */
    public Optional<String> receive() throws IOException {
        reading.lock();
        try {
            int first = reader.read();
            if (first < 0) return Optional.empty();
            byte[] rest = new byte[3];
            try {
                reader.readFully(rest);
            } catch (EOFException e) {
                throw new EOFException("the frame header was cut short");
            }
            long length = ((long) first << 24) | ((rest[0] & 0xFFL) << 16) | ((rest[1] & 0xFFL) << 8) | (rest[2] & 0xFFL);
            if (length > LARGEST) throw new IOException("a frame of " + length + " bytes is over the 16 MiB limit");
            byte[] body = new byte[(int) length];
            try {
                reader.readFully(body);
            } catch (EOFException e) {
                throw new EOFException("a message of " + length + " bytes was cut short");
            }
            return Optional.of(text(body));
        } finally {
            reading.unlock();
        }
    }

    private static String text(byte[] body) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("a message is not UTF-8 text");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            reader.close();
        }
    }
}
