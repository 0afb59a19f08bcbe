package ipclab.grader.run;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The grader's end of the harness's results channel: checks each line's HMAC-SHA256 under the
 * run's key and its sequence number, and turns the good ones into {@link Event}s. A line that
 * is not the harness's — printed or written to the harness's stdout by the code under test,
 * replayed, or cut by an interleaved write — is refused and counted.
 *
 * <pre>
 *   &lt;seq&gt; &lt;kind&gt; [&lt;field&gt; …] &lt;hex hmac of everything before it&gt;
 *   kinds: ready | start &lt;uid&gt; | end &lt;uid&gt; &lt;status&gt; &lt;millis&gt; &lt;message&gt; | done
 *   uid and message in base64url ("-" for an empty message)
 * </pre>
 * The format's other end is {@code ipclab.grader.harness.Channel}.
 */
public final class ResultChannel {
    private final Mac mac;
    private long next;
    private int refused;
    private final java.util.List<String> firstRefused = new java.util.ArrayList<>();

    public ResultChannel(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event a line carries, or empty if the line is refused. */
    public Optional<Event> accept(String line) {
        var event = parse(line);
        if (event.isEmpty() && refused++ < 10) firstRefused.add(line.length() > 300 ? line.substring(0, 300) + "…" : line);
        return event;
    }

    /** The first few refused lines, for the instructor's log (a JVM that cannot start says why on stdout too). */
    public java.util.List<String> firstRefused() {
        return java.util.List.copyOf(firstRefused);
    }

    /** How many lines were refused so far. */
    public int refused() {
        return refused;
    }

    private Optional<Event> parse(String line) {
        int lastSpace = line.lastIndexOf(' ');
        if (lastSpace <= 0) return Optional.empty();
        String payload = line.substring(0, lastSpace);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(line.substring(lastSpace + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected, given)) return Optional.empty();
        String[] f = payload.split(" ");
        try {
            if (Long.parseLong(f[0]) != next) return Optional.empty();
            Event event = switch (f[1]) {
                case "ready" -> new Event.Ready();
                case "start" -> new Event.Started(decode(f[2]));
                case "end" -> new Event.Ended(decode(f[2]), f[3], Long.parseLong(f[4]), decode(f[5]));
                case "done" -> new Event.Done();
                default -> null;
            };
            if (event == null) return Optional.empty();
            next++;
            return Optional.of(event);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String decode(String field) {
        if (field.equals("-")) return "";
        return new String(Base64.getUrlDecoder().decode(field), StandardCharsets.UTF_8);
    }
}
