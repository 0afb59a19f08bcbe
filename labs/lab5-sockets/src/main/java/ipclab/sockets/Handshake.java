package ipclab.sockets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Python's authentication handshake ({@code multiprocessing.connection}: {@code deliver_challenge},
 * {@code answer_challenge}, {@code _create_response}, {@code _verify_challenge} in CPython 3.12).
 * Each side proves it knows the authkey without sending it: one side sends random bytes, the
 * other returns their HMAC under the key.
 *
 * <pre>
 *   listener                                        client
 *   deliver:  #CHALLENGE#{sha256}&lt;40 random&gt;   ---&gt;
 *                                            &lt;---  {sha256}HMAC-SHA256(key, {sha256}&lt;40 random&gt;)
 *             #WELCOME# (or #FAILURE#)         ---&gt;
 *   answer:                                  &lt;---  #CHALLENGE#{sha256}&lt;40 random&gt;      :deliver
 *             {sha256}HMAC-SHA256(...)         ---&gt;
 *                                            &lt;---  #WELCOME# (or #FAILURE#)
 * </pre>
 *
 * The legacy form (Python 3.11 and before) sends 20 random bytes without a prefix and answers
 * with the raw 16-byte HMAC-MD5. Whoever answers follows the form of the challenge; whoever
 * verifies accepts the forms CPython 3.12 accepts. You write this class (Part B, step 2); compare
 * digests with {@link MessageDigest#isEqual} (a test checks that you do).
 */
final class Handshake {
    static final byte[] CHALLENGE = "#CHALLENGE#".getBytes(StandardCharsets.US_ASCII);
    static final byte[] WELCOME = "#WELCOME#".getBytes(StandardCharsets.US_ASCII);
    static final byte[] FAILURE = "#FAILURE#".getBytes(StandardCharsets.US_ASCII);
    /** The longest handshake message either side reads. */
    static final int MAX_HANDSHAKE_MESSAGE = 256;
    static final long LIMIT_SECONDS = 5;

    private Handshake() {
    }

    /** A step of the handshake. */
    @FunctionalInterface
    interface Steps {
        void run();
    }

    /**
     * Runs the steps, closing the connection if they take more than 5 s (a peer that says
     * nothing); any failure closes it and is an {@link AuthenticationException}.
     */
    static void within5s(Connection conn, Steps steps) {
        throw new UnsupportedOperationException("TODO: Handshake.within5s: a watchdog that closes the connection after 5 s");
    }

    /** Sends a challenge (legacy: 20 random bytes; else {sha256} and 40), checks the answer, says WELCOME or FAILURE. */
    static void deliver(Connection conn, byte[] authkey, boolean legacy) {
        throw new UnsupportedOperationException("TODO: Handshake.deliver (CPython: deliver_challenge, _verify_challenge)");
    }

    /** Answers the peer's challenge in its form and waits for its verdict. */
    static void answer(Connection conn, byte[] authkey) {
        throw new UnsupportedOperationException("TODO: Handshake.answer (CPython: answer_challenge, _create_response)");
    }
}
