package ipclab.fibonacci;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;

import ipclab.testkit.Lab;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the hidden tests expect, computed apart from the lab's classes, and the checks they share. */
final class Expect {
    private Expect() {
    }

    /** F(0) … F(n-1), computed exactly (with BigInteger, so that no overflow can hide). */
    static List<Long> fibonacci(int n) {
        var numbers = new ArrayList<Long>();
        BigInteger a = BigInteger.ZERO;
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < n; i++) {
            numbers.add(a.longValueExact());
            BigInteger next = a.add(b);
            a = b;
            b = next;
        }
        return numbers;
    }

    /** The parent's whole output for n: the numbers on one line, separated by single spaces. */
    static String fibonacciLine(int n) {
        return fibonacci(n).stream().map(String::valueOf).collect(Collectors.joining(" ")) + "\n";
    }

    /** stderr without the notes a JVM prints about its environment (the agent's JAVA_TOOL_OPTIONS). */
    static List<String> ownStderrLines(RunningProgram.Result run) {
        return run.stderrLines().stream()
                .filter(line -> !line.startsWith("Picked up ") && !line.startsWith("NOTE: Picked up "))
                .toList();
    }

    /** The run succeeded: status 0 and no stack trace (stderr is shown if not). */
    static void succeeded(RunningProgram.Result run, String what) {
        assertThat(run.status()).as("exit status of %s%n  stdout: %s%n  stderr: %s", what, run.stdout(), run.stderr()).isZero();
        noStackTrace(run);
    }

    /** The program printed no stack trace. */
    static void noStackTrace(RunningProgram.Result run) {
        assertThat(run.stderr()).as("stderr must not hold a stack trace")
                .doesNotContain("Exception in thread").doesNotContainPattern("(?m)^\\s+at \\S+\\(");
    }

    /**
     * The run was refused as the labs' conventions say: the status, nothing on stdout, and one
     * line on stderr starting {@code error: } (or {@code usage: } for bad arguments). Returns that line.
     */
    static String refused(RunningProgram.Result run, int status, String what) {
        assertThat(run.status()).as("exit status for %s%n  stderr: %s", what, run.stderr()).isEqualTo(status);
        assertThat(run.stdout()).as("stdout for %s", what).isEmpty();
        noStackTrace(run);
        var lines = ownStderrLines(run);
        assertThat(lines).as("stderr for %s: one line", what).hasSize(1);
        String line = lines.getFirst();
        if (status == 2) {
            assertThat(line).as("stderr for %s", what).matches("(usage|error): .*");
        } else {
            assertThat(line).as("stderr for %s", what).startsWith("error: ");
        }
        return line;
    }

    /**
     * Every process the program started is gone soon after it exited. A killed child may take a
     * moment to die; one that is still running after seconds was left behind.
     */
    static void noProcessLeft(Lab lab, String program) {
        try {
            await().atMost(Timing.scaled(Duration.ofSeconds(10))).pollInterval(Duration.ofMillis(50))
                    .until(() -> lab.processesNow().isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(program + " exited but left processes running: " + lab.processesNow().stream()
                    .map(p -> "pid " + p.pid() + " (…" + tail(p.info().commandLine().orElse("?"), 100) + ")").toList());
        }
    }

    private static String tail(String text, int length) {
        return text.length() <= length ? text : text.substring(text.length() - length);
    }
}
