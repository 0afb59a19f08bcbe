package ipclab.grader.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The results channel: each event is one line, numbered and signed with HMAC-SHA256 under the
 * run's key, written with a single {@code write} to the harness's original stdout.
 *
 * <pre>
 *   &lt;seq&gt; &lt;kind&gt; [&lt;field&gt; …] &lt;mac&gt;\n      fields: tokens without spaces (base64url for text)
 *   mac = hex(HMAC-SHA256(key, "&lt;seq&gt; &lt;kind&gt; [&lt;field&gt; …]"))
 *
 *   0 ready
 *   1 start &lt;uid&gt;
 *   2 end &lt;uid&gt; PASSED|FAILED|ABORTED|SKIPPED &lt;millis&gt; &lt;message&gt;
 *   … done
 * </pre>
 *
 * The grader (ipclab.grader.run.ResultChannel) accepts a line only if its signature checks and
 * its number is the next one: a line printed by student code, replayed or cut by interleaving
 * is refused. The key lives only inside the {@link Mac}, in a module nobody can reflect into.
 */
final class Channel {
    private final OutputStream out;
    private final Mac mac;
    private long seq;

    Channel(OutputStream out, byte[] key) throws GeneralSecurityException {
        this.out = out;
        this.mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
    }

    synchronized void send(String kind, String... fields) {
        var payload = new StringBuilder().append(seq++).append(' ').append(kind);
        for (String field : fields) payload.append(' ').append(field);
        byte[] signature = mac.doFinal(payload.toString().getBytes(StandardCharsets.UTF_8));
        payload.append(' ').append(HexFormat.of().formatHex(signature)).append('\n');
        try {
            out.write(payload.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the grader stopped reading (it killed the run): nothing more to report
        }
    }
}
