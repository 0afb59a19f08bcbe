package ipclab.sockets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The test's own HMACs, to play either side of Python's handshake by hand. */
final class Hmac {
    static final byte[] CHALLENGE = ascii("#CHALLENGE#");
    static final byte[] WELCOME = ascii("#WELCOME#");
    static final byte[] FAILURE = ascii("#FAILURE#");

    private Hmac() {
    }

    static byte[] of(String algorithm, byte[] key, byte[] message) {
        try {
            var mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static byte[] afterChallenge(byte[] challenge) {
        return Arrays.copyOfRange(challenge, CHALLENGE.length, challenge.length);
    }
}
