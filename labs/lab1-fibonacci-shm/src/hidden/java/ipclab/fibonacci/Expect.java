package ipclab.fibonacci;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

import ipclab.testkit.Lab;
import ipclab.testkit.RunningProgram;
import ipclab.testkit.Timing;

import static org.awaitility.Awaitility.await;

/**
 * What the hidden tests expect, computed apart from the lab's classes, and the one wait they share.
 * The program contract itself (exit statuses, error lines) is {@link ipclab.testkit.ProgramAssert}'s.
 */
final class Expect {
    /** How many short runs {@link #runAll} starts at once. */
    static final int AT_ONCE = 4;

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

    /**
     * Runs {@code mainClass} once for each argument list, at most {@value #AT_ONCE} JVMs at a
     * time (each takes some 50 MB: the grader's memory, not time, is the limit here), and returns
     * each list's result in the order given.
     */
    static Map<List<String>, RunningProgram.Result> runAll(Lab lab, Class<?> mainClass, List<List<String>> argLists, Duration limit) {
        var results = new LinkedHashMap<List<String>, RunningProgram.Result>();
        for (int from = 0; from < argLists.size(); from += AT_ONCE) {
            var batch = argLists.subList(from, Math.min(from + AT_ONCE, argLists.size()));
            var running = batch.stream().map(args -> lab.program(mainClass).args(args).start()).toList();
            for (int i = 0; i < batch.size(); i++) results.put(batch.get(i), running.get(i).finish(limit));
        }
        return results;
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
