package ipclab.ipc;

import java.nio.charset.StandardCharsets;

/**
 * One message taken from a {@link MessageQueue}: its type and its payload bytes. The kit's
 * programs put UTF-8 text in the payload, without a terminator, as the course's Python does.
 */
public record Message(long type, byte[] payload) {
    public Message {
        payload = payload.clone();
    }

    public static Message of(long type, String text) {
        return new Message(type, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload read as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Message[type=" + type + ", text=" + text() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.type == type && java.util.Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(type) * 31 + java.util.Arrays.hashCode(payload);
    }
}
