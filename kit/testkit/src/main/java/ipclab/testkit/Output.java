package ipclab.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One output stream of a program, read on its own thread as it is written and kept in memory up
 * to a cap ({@link #CAP_BYTES}); what comes after the cap is counted and dropped, so a program
 * that floods its output cannot exhaust the test's memory.
 */
final class Output {
    static final int CAP_BYTES = 4 << 20;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;
    private boolean ended;
    private final Thread reader;

    Output(InputStream in, String name) {
        reader = Thread.ofPlatform().daemon().name(name).start(() -> pump(in));
    }

    private void pump(InputStream in) {
        var buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (this) {
                    int keep = Math.min(n, CAP_BYTES - kept.size());
                    kept.write(buffer, 0, keep);
                    dropped += n - keep;
                }
            }
        } catch (IOException e) {
            // the stream was closed under us (the program was killed): keep what we have
        } finally {
            synchronized (this) {
                ended = true;
            }
        }
    }

    /** Everything read so far, decoded as UTF-8. */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    /** The lines read so far; a last line without its newline counts only once the stream ended. */
    synchronized List<String> lines() {
        String all = text();
        var lines = new ArrayList<>(all.lines().toList());
        if (!ended && !all.isEmpty() && !all.endsWith("\n")) lines.removeLast();
        return lines;
    }

    synchronized long droppedBytes() {
        return dropped;
    }

    /** Waits up to the time for the stream to end (every holder of its write end closed it). */
    boolean awaitEnd(long millis) throws InterruptedException {
        reader.join(Math.max(1, millis));
        return !reader.isAlive();
    }
}
