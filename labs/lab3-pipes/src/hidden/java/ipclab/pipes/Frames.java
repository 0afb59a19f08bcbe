package ipclab.pipes;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Frames as the lab defines them (a 4-byte big-endian length, then UTF-8), written by the
 * tests themselves so that they never trust the Channel under test to make their input.
 */
final class Frames {
    private Frames() {
    }

    /** The 4-byte header announcing {@code length} bytes (an unsigned 32-bit number). */
    static byte[] header(long length) {
        return ByteBuffer.allocate(4).putInt((int) length).array();
    }

    /** The frames of the messages, one after the other. */
    static byte[] bytes(String... messages) {
        var frames = new ByteArrayOutputStream();
        for (String message : messages) {
            byte[] body = message.getBytes(StandardCharsets.UTF_8);
            frames.writeBytes(header(body.length));
            frames.writeBytes(body);
        }
        return frames.toByteArray();
    }

    /**
     * The frames of the messages as text, to write to or compare with a program's stdin and
     * stdout (which the testkit handles as UTF-8): every header byte is below 0x80 as long as
     * each message has fewer than 128 bytes.
     */
    static String text(String... messages) {
        for (String message : messages) {
            if (message.getBytes(StandardCharsets.UTF_8).length >= 128) {
                throw new IllegalArgumentException("a frame as text needs a message under 128 bytes");
            }
        }
        return new String(bytes(messages), StandardCharsets.UTF_8);
    }

    /** Bytes given as numbers, e.g. {@code of(0, 0, 0, 3, 'h', 'e', 'y')}. */
    static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) bytes[i] = (byte) values[i];
        return bytes;
    }
}
