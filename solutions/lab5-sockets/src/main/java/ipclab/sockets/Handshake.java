package ipclab.sockets;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
 * verifies accepts the forms CPython 3.12 accepts.
 */
final class Handshake {
    static final byte[] CHALLENGE = ascii("#CHALLENGE#");
    static final byte[] WELCOME = ascii("#WELCOME#");
    static final byte[] FAILURE = ascii("#FAILURE#");
    /** The longest handshake message either side reads. */
    static final int MAX_HANDSHAKE_MESSAGE = 256;
    static final long LIMIT_SECONDS = 5;
    private static final int LEGACY_LENGTH = 20;
    private static final int MD5_LENGTH = 16;
    private static final int RANDOM_LENGTH = 40;
    private static final Map<String, String> DIGESTS = Map.of(
            "md5", "HmacMD5", "sha256", "HmacSHA256", "sha384", "HmacSHA384",
            "sha3_256", "HmacSHA3-256", "sha3_384", "HmacSHA3-384");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    /**
     * Loads the HMAC and random-number code before any peer waits: a cold JVM on a busy machine
     * can take seconds over its first HMAC, and the peer gives the whole handshake 5 s.
     */
    static void warmUp() {
        hmac("sha256", ascii("warm"), ascii("up"));
        hmac("md5", ascii("warm"), ascii("up"));
        RANDOM.nextBytes(new byte[RANDOM_LENGTH]);
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
        var over = new AtomicBoolean();
        var finished = new CountDownLatch(1);
        Thread.ofVirtual().name("handshake-watchdog").start(() -> {
            try {
                if (!finished.await(LIMIT_SECONDS, TimeUnit.SECONDS) && over.compareAndSet(false, true)) conn.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            steps.run();
        } catch (UncheckedIOException e) {
            conn.close();
            if (!over.compareAndSet(false, true)) throw new AuthenticationException("no handshake within 5 s");
            throw new AuthenticationException("the handshake broke off: " + e.getMessage());
        } catch (RuntimeException e) {
            over.set(true);
            conn.close();
            throw e;
        } finally {
            finished.countDown();
        }
        if (!over.compareAndSet(false, true)) throw new AuthenticationException("no handshake within 5 s");
    }

    /** Sends a challenge, checks the answer, says WELCOME or FAILURE. */
    static void deliver(Connection conn, byte[] authkey, boolean legacy) {
        byte[] random = new byte[legacy ? LEGACY_LENGTH : RANDOM_LENGTH];
        RANDOM.nextBytes(random);
        byte[] message = legacy ? random : concat(ascii("{sha256}"), random);
        conn.sendBytes(concat(CHALLENGE, message));
        byte[] response = conn.recvBytes(MAX_HANDSHAKE_MESSAGE);
        if (!verify(authkey, message, response)) {
            conn.sendBytes(FAILURE);
            throw new AuthenticationException("digest received was wrong");
        }
        conn.sendBytes(WELCOME);
    }

    /** Answers the peer's challenge and waits for its verdict. */
    static void answer(Connection conn, byte[] authkey) {
        byte[] challenge = conn.recvBytes(MAX_HANDSHAKE_MESSAGE);
        if (!startsWith(challenge, CHALLENGE)) throw new AuthenticationException("protocol error: expected a challenge");
        byte[] message = Arrays.copyOfRange(challenge, CHALLENGE.length, challenge.length);
        if (message.length < LEGACY_LENGTH) throw new AuthenticationException("challenge too short");
        conn.sendBytes(response(authkey, message));
        if (!Arrays.equals(conn.recvBytes(MAX_HANDSHAKE_MESSAGE), WELCOME)) {
            throw new AuthenticationException("digest sent was rejected");
        }
    }

    /** The answer to a challenge message: raw HMAC-MD5 for the legacy form, else {@code {name}} + HMAC. */
    static byte[] response(byte[] authkey, byte[] message) {
        String name = digestName(message);
        if (name.isEmpty()) return hmac("md5", authkey, message);
        return concat(ascii("{" + name + "}"), hmac(name, authkey, message));
    }

    private static boolean verify(byte[] authkey, byte[] message, byte[] response) {
        String name = digestName(response);
        byte[] mac = name.isEmpty() ? response : Arrays.copyOfRange(response, name.length() + 2, response.length);
        byte[] expected = hmac(name.isEmpty() ? "md5" : name, authkey, message);
        return MessageDigest.isEqual(expected, mac);  // constant time: no hint how much was right
    }

    /** The digest a message names: "" for the legacy form (16 or 20 bytes, no prefix). */
    private static String digestName(byte[] message) {
        if (message.length == LEGACY_LENGTH || message.length == MD5_LENGTH) return "";
        if (message.length > 0 && message[0] == '{') {
            for (int i = 1; i < Math.min(message.length, 11); i++) {
                if (message[i] == '}') {
                    String name = new String(message, 1, i - 1, StandardCharsets.US_ASCII);
                    if (DIGESTS.containsKey(name)) return name;
                    break;
                }
            }
        }
        throw new AuthenticationException("unsupported message length, missing digest prefix, or unsupported digest");
    }

    private static byte[] hmac(String name, byte[] authkey, byte[] message) {
        try {
            var mac = Mac.getInstance(DIGESTS.get(name));
            mac.init(new SecretKeySpec(authkey, DIGESTS.get(name)));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("digest " + name + " unsupported");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
