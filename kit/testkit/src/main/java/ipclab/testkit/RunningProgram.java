package ipclab.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A lab program the test started (see {@link Lab#program}): a real process whose stdout and
 * stderr are captured as it runs, whose stdin the test can write, and which the test can wait
 * for with a deadline or signal. Every wait that runs out fails the test with what the program
 * printed so far. The {@link Lab} kills it and all its descendants when the test ends.
 */
public final class RunningProgram implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Output stdout;
    private final Output stderr;
    private final OutputStream stdin;

    RunningProgram(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdout = new Output(process.getInputStream(), name + "-stdout");
        this.stderr = new Output(process.getErrorStream(), name + "-stderr");
        this.stdin = process.getOutputStream();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the program has printed on stdout so far. */
    public String stdout() {
        return stdout.text();
    }

    public String stderr() {
        return stderr.text();
    }

    /** The complete lines on stdout so far. */
    public List<String> stdoutLines() {
        return stdout.lines();
    }

    public List<String> stderrLines() {
        return stderr.lines();
    }

    /** Writes text to the program's stdin and flushes it. */
    public RunningProgram write(String text) {
        try {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return this;
        } catch (IOException e) {
            throw new AssertionError(name + " no longer reads its input (" + e.getMessage() + ")" + context(), e);
        }
    }

    /** Writes one line (a newline is added) to stdin. */
    public RunningProgram writeLine(String line) {
        return write(line + "\n");
    }

    /** Closes stdin: the program sees end of input. */
    public RunningProgram closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            // it exited already: nothing more to close
        }
        return this;
    }

    /** Waits for a line on stdout that matches, and returns it. */
    public String awaitStdoutLine(Predicate<String> line, Duration within) {
        return awaitLine(stdout, "stdout", line, within);
    }

    /** Waits for this exact line on stdout. */
    public String awaitStdoutLine(String exactLine, Duration within) {
        return awaitStdoutLine(exactLine::equals, within);
    }

    public String awaitStderrLine(Predicate<String> line, Duration within) {
        return awaitLine(stderr, "stderr", line, within);
    }

    private String awaitLine(Output output, String which, Predicate<String> line, Duration within) {
        try {
            return await().alias(name + " prints a matching line on " + which)
                    .atMost(Timing.scaled(within)).pollInterval(Duration.ofMillis(10))
                    .until(() -> output.lines().stream().filter(line).findFirst().orElse(null), found -> found != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " printed no matching line on " + which + " within " + within.toSeconds()
                    + " s" + context());
        }
    }

    /**
     * Waits for the program to exit and for its output to be complete, and returns its exit
     * status. Fails if it is still running after the time.
     */
    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(Timing.scaled(within).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + within.toSeconds() + " s" + context());
            }
            // Output ends when every holder of the pipe closed it; a child it left running may hold it.
            stdout.awaitEnd(2000);
            stderr.awaitEnd(2000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
    }

    /** Closes stdin, waits for the exit and returns everything that happened. */
    public Result finish(Duration within) {
        closeStdin();
        int status = awaitExit(within);
        return new Result(status, stdout(), stderr());
    }

    /** Sends a signal (by name, e.g. {@code "INT"} or {@code "TERM"}) to the program itself. */
    public RunningProgram signal(String signal) {
        try {
            var kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid())).redirectErrorStream(true).start();
            kill.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("could not send SIG" + signal + " to " + name);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the program and every process it started, at once. */
    public void kill() {
        var tree = new java.util.ArrayList<ProcessHandle>(process.descendants().toList());
        tree.add(process.toHandle());
        ProcessTag.killAll(tree, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        kill();
        closeStdin();
    }

    /** What the program printed so far, for failure messages. */
    public String context() {
        String state = process.isAlive() ? "still running" : "exit status " + process.exitValue();
        return "\n  (" + state + ")\n  stdout: " + excerpt(stdout) + "\n  stderr: " + excerpt(stderr);
    }

    private static String excerpt(Output output) {
        String text = output.text();
        if (text.isEmpty()) return "(nothing)";
        if (text.length() > 2000) text = text.substring(0, 1000) + "\n…\n" + text.substring(text.length() - 900);
        if (output.droppedBytes() > 0) text += "\n(and " + output.droppedBytes() + " more bytes not kept)";
        return text.strip().replace("\n", "\n          ");
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }

    /** A finished program: exit status and complete output. */
    public record Result(int status, String stdout, String stderr) {
        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }
}
