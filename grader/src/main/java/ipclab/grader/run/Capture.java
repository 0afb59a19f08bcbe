package ipclab.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a stream on its own thread (so a program that floods its output never blocks on it),
 * keeping the first {@code cap} bytes and counting the rest.
 */
final class Capture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int cap;
    private long dropped;
    private final Thread thread;

    Capture(InputStream in, int cap, String name) {
        this.cap = cap;
        this.thread = Thread.ofPlatform().daemon().name(name).start(() -> drain(in));
    }

    private void drain(InputStream in) {
        var buffer = new byte[16384];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0;) {
                synchronized (this) {
                    int keep = Math.max(0, Math.min(n, cap - kept.size()));
                    kept.write(buffer, 0, keep);
                    dropped += n - keep;
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** Waits up to the time for the stream to end. */
    void awaitEnd(long millis) throws InterruptedException {
        thread.join(Math.max(1, millis));
    }

    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n… (" + dropped + " more bytes of output dropped)\n";
    }
}
