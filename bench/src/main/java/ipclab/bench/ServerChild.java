package ipclab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A lab's server started as a child JVM for a load test (Lab 2's time server, Lab 5's key-value
 * and counter servers): started, then waited for until it prints the line that says it serves
 * (never a sleep); {@link #failure()} says why it did not start, {@link #state()} what it said
 * when a client fails.
 *
 * <pre>{@code
 * var server = ServerChild.start(lab5.command("ipclab.sockets.KvServer", List.of(address)), "listening on ", resources);
 * if (server.failure() != null) throw new IOException("KvServer did not start: " + server.failure());
 * }</pre>
 *
 * @param firstLine the line it printed when it started (or null)
 */
record ServerChild(Process process, String firstLine, String failure, StringBuffer errors) {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    /** Starts the command and waits until it prints a line that starts with {@code ready}, it exits, or 20 s pass. */
    static ServerChild start(List<String> command, String ready, Resources resources) throws IOException, InterruptedException {
        var process = resources.child(new ProcessBuilder(command).redirectError(Redirect.PIPE).start());
        var lines = new ArrayBlockingQueue<String>(16);
        var errors = new StringBuffer();
        Thread.ofVirtual()
                .start(() -> forward(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)), lines));
        Thread.ofVirtual().start(() -> collect(process, errors));
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(ready)) return new ServerChild(process, line, null, errors);
            if (line == null && !process.isAlive()) {
                process.waitFor(5, TimeUnit.SECONDS);  // let the error reader finish
                String error = errors.toString().strip().lines().findFirst().orElse("no error message");
                return new ServerChild(process, null, "exit status " + process.exitValue() + ": " + error, errors);
            }
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return new ServerChild(process, null, "it did not print '" + ready + "…' within " + START_LIMIT.toSeconds() + " s", errors);
    }

    String state() {
        String error = errors.toString().strip();
        return (process.isAlive() ? "still running" : "exited with status " + process.exitValue())
                + (error.isEmpty() ? ", no error output" : ", error output: " + error);
    }

    /** Waits for the server to exit (it was asked to), killing it after 10 s. */
    void awaitExit() throws InterruptedException {
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Asks it to stop with SIGTERM (the server cleans up on it), then {@link #awaitExit()}. */
    void terminate() throws InterruptedException {
        process.destroy();
        awaitExit();
    }

    private static void forward(BufferedReader in, ArrayBlockingQueue<String> lines) {
        try (in) {
            for (String line; (line = in.readLine()) != null;) lines.offer(line);
        } catch (IOException e) {
            // the server is gone: nothing more to read
        }
    }

    private static void collect(Process process, StringBuffer errors) {
        try (var in = process.getErrorStream()) {
            errors.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the server is gone
        }
    }
}
