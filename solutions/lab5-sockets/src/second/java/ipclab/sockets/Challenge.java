package ipclab.sockets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The mutual challenge of Python's {@code multiprocessing.connection} (second solution's helper),
 * in CPython 3.12's rules: a challenge is {@code #CHALLENGE#} and random bytes (20 bytes in the
 * legacy form, {@code {sha256}} and 40 bytes in the current one); the answer is the HMAC of the
 * random part with the key (raw MD5 for a legacy challenge, {@code {name}} and the named HMAC
 * otherwise); the verdict is {@code #WELCOME#} or {@code #FAILURE#}.
 *
 * <pre>{@code
 * Challenge.mutual(conn, key, true, false);   // a listener: challenge first, then answer
 * }</pre>
 *
 * <p>The whole exchange has {@value #SECONDS} s: a timer closes the connection when they are up,
 * which makes a blocked read fail. Any failure closes the connection and is an
 * {@link AuthenticationException}.
 */
final class Challenge {
    static final int SECONDS = 5;
    private static final byte[] CHALLENGE = ascii("#CHALLENGE#");
    private static final byte[] WELCOME = ascii("#WELCOME#");
    private static final byte[] FAILURE = ascii("#FAILURE#");
    private static final int LEGACY_LENGTH = 20;
    private static final int LARGEST_STEP = 256;
    /** CPython's allowed digests and their JCE names. */
    private static final Map<String, String> MACS = Map.of(
            "md5", "HmacMD5", "sha256", "HmacSHA256", "sha384", "HmacSHA384",
            "sha3_256", "HmacSHA3-256", "sha3_384", "HmacSHA3-384");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "handshake-timer");
        thread.setDaemon(true);
        return thread;
    });

    private Challenge() {
    }

    /** Loads the MAC providers now, so that a cold JVM does not spend the peer's 5 s on it. */
    static void warmUp() {
        mac("HmacSHA256", new byte[] {1}, new byte[0]);
        mac("HmacMD5", new byte[] {1}, new byte[0]);
    }

    /**
     * Both challenges on a fresh connection: the listener's side challenges first
     * ({@code challengeFirst}), the client's answers first.
     */
    static void mutual(Connection conn, byte[] key, boolean challengeFirst, boolean legacy) {
        var timeUp = TIMER.schedule(conn::close, SECONDS, TimeUnit.SECONDS);
        try {
            if (challengeFirst) {
                challenge(conn, key, legacy);
                answer(conn, key);
            } else {
                answer(conn, key);
                challenge(conn, key, legacy);
            }
        } catch (IOException | RuntimeException e) {
            conn.close();
            if (e instanceof AuthenticationException refused) throw refused;
            throw new AuthenticationException(timeUp.isDone()
                    ? "no handshake within " + SECONDS + " s" : "the handshake broke off: " + e.getMessage());
        } finally {
            timeUp.cancel(false);
        }
    }

    private static void challenge(Connection conn, byte[] key, boolean legacy) throws IOException {
        byte[] random = new byte[legacy ? LEGACY_LENGTH : 40];
        RANDOM.nextBytes(random);
        byte[] message = legacy ? random : join(ascii("{sha256}"), random);
        conn.sendBytes(join(CHALLENGE, message));
        byte[] response = conn.receive(LARGEST_STEP);
        if (!verified(key, message, response)) {
            conn.sendBytes(FAILURE);
            throw new AuthenticationException("the peer's answer to our challenge was wrong");
        }
        conn.sendBytes(WELCOME);
    }

    private static void answer(Connection conn, byte[] key) throws IOException {
        byte[] step = conn.receive(LARGEST_STEP);
        if (!startsWith(step, CHALLENGE)) throw new AuthenticationException("expected a challenge");
        byte[] message = Arrays.copyOfRange(step, CHALLENGE.length, step.length);
        if (message.length < LEGACY_LENGTH) throw new AuthenticationException("the challenge is too short");
        String digest = digestOf(message);
        conn.sendBytes(
                digest.isEmpty() ? mac("HmacMD5", key, message) : join(ascii("{" + digest + "}"), mac(MACS.get(digest), key, message)));
        if (!Arrays.equals(conn.receive(LARGEST_STEP), WELCOME)) throw new AuthenticationException("our answer was rejected");
    }

    /** Whether {@code response} is the right answer to {@code message}, compared in constant time. */
    private static boolean verified(byte[] key, byte[] message, byte[] response) {
        String digest;
        try {
            digest = digestOf(response);
        } catch (AuthenticationException notAnAnswer) {
            return false;
        }
        byte[] claimed = digest.isEmpty() ? response : Arrays.copyOfRange(response, digest.length() + 2, response.length);
        byte[] expected = mac(MACS.get(digest.isEmpty() ? "md5" : digest), key, message);
        return MessageDigest.isEqual(expected, claimed);
    }

    /**
     * The digest a challenge or answer names: empty for the legacy form (16 or 20 bytes), else
     * the name in its {@code {…}} prefix.
     */
    private static String digestOf(byte[] message) {
        if (message.length == 16 || message.length == LEGACY_LENGTH) return "";
        if (message.length > 0 && message[0] == '{') {
            for (int end = 1; end < Math.min(message.length, LEGACY_LENGTH + 2); end++) {
                if (message[end] == '}') {
                    String name = new String(message, 1, end - 1, StandardCharsets.US_ASCII);
                    if (MACS.containsKey(name)) return name;
                    break;
                }
            }
        }
        throw new AuthenticationException("unsupported message length, missing digest prefix, or unsupported digest");
    }

    private static byte[] mac(String algorithm, byte[] key, byte[] message) {
        try {
            var mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] join(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
