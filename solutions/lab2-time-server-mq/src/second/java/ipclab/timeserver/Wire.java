package ipclab.timeserver;

import java.util.OptionalLong;

/**
 * What travels on the time server's queue, as the handout's protocol table says: requests of
 * type {@link #ASK} (payload: nothing, {@code 0}, or the asking client's id) and {@link #HALT},
 * and answers of type {@link #ANSWER_BASE} + client id. The server reads with type
 * {@code -HALT}, which can only return a request, never an answer waiting for its client.
 */
final class Wire {
    /** What time is it? */
    static final long ASK = 1;
    /** Stop the server. */
    static final long HALT = 2;
    /** The answer to a request without a client id; client c's answer has type ANSWER_BASE + c. */
    static final long ANSWER_BASE = 3;

    private Wire() {
    }

    /** The type of the answer addressed to {@code client} (0: a request without an id). */
    static long answerTo(long client) {
        return ANSWER_BASE + client;
    }

    /**
     * Who asked, from a request's payload: 0 for an empty payload or {@code 0}, c for the decimal
     * client id c; nothing for a payload that names no client (or one whose answer type would not
     * fit in a C long).
     */
    static OptionalLong asker(String payload) {
        String digits = payload.strip();
        if (digits.isEmpty()) return OptionalLong.of(0);
        if (!digits.matches("[0-9]{1,19}")) return OptionalLong.empty();
        try {
            long client = Long.parseLong(digits);
            return client <= Long.MAX_VALUE - ANSWER_BASE ? OptionalLong.of(client) : OptionalLong.empty();
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }
}
