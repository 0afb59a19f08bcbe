package ipclab.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import ipclab.grader.build.AotCache;
import ipclab.grader.build.Libraries;
import ipclab.grader.build.Workspace;
import ipclab.grader.sandbox.Box;
import ipclab.grader.sandbox.Limits;
import ipclab.grader.sandbox.Sandbox;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Verdict;
import ipclab.ipc.ChildJvm;

/**
 * Runs a built student x lab's tests: starts the harness JVM in a sandbox, gives it a fresh key
 * and the tests to run, follows the signed results as they come, and enforces the limits. When a
 * run ends before every expected test reported — a test past its time limit, a process cap
 * reached, the JVM ended by {@code System.exit} or a crash — the test that was running fails with
 * the reason and a new JVM runs the tests still to run, until all have an outcome, the run's time
 * is up, or the restarts are used up.
 *
 * <pre>{@code
 * var run = new TestRun(sandbox, limits, libraries, harnessModule, 1.0, 2);
 * RunResult result = run.run(workspace, expectedTests, reference);
 * }</pre>
 *
 * <p>The harness runs {@code testThreads} tests at once. Each running test has its own time
 * limit, and the run has one, both sized from the reference solution's run ({@link Reference}); a test past it fails and the others that were running start again in the next JVM.
 * When the JVM ends on its own (an exit, a crash, a cap) with several tests running, nothing says
 * which one did it: the tests still to run then run one at a time, and the next end names its test.
 */
public final class TestRun {
    private static final String HARNESS = "ipclab.grader.harness/ipclab.grader.harness.Harness";
    private static final int RESULTS_CAP = 32 << 20;
    private static final int LINE_CAP = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Sandbox sandbox;
    private final Limits limits;
    private final Libraries libraries;
    private final AotCache aot;
    private final Path harnessModule;
    private final double timeFactor;
    private final int testThreads;

    public TestRun(Sandbox sandbox, Limits limits, Libraries libraries, Path harnessModule, double timeFactor, int testThreads) {
        this.sandbox = sandbox;
        this.limits = limits;
        this.libraries = libraries;
        this.aot = new AotCache(libraries);
        this.harnessModule = harnessModule;
        this.timeFactor = timeFactor;
        this.testThreads = Math.max(1, testThreads);
        if (!Files.isRegularFile(harnessModule.resolve("module-info.class"))) {
            throw new IllegalStateException("no harness module at " + harnessModule + ": build the grader first (./grade does)");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    public RunResult run(Workspace ws, List<ExpectedTest> expected, Reference reference) {
        var load = new Load.During(reference);
        Function<ExpectedTest, Duration> limitOf = test -> reference.limitFor(test, limits, timeFactor * load.factor());
        Supplier<Duration> runLimit = () -> reference.runLimit(limits, timeFactor * load.factor());
        var byUid = new LinkedHashMap<String, ExpectedTest>();
        expected.forEach(t -> byUid.put(t.uid(), t));
        var outcomes = new LinkedHashMap<String, TestOutcome>();
        var notes = new ArrayList<String>();
        var output = new StringBuilder();
        long runStart = System.nanoTime();
        long jvmStart = 0, testTime = 0, peakMemory = 0;
        int jvms = 0;
        int threads = testThreads;
        while (true) {
            var remaining = expected.stream().filter(t -> !outcomes.containsKey(t.uid())).toList();
            if (remaining.isEmpty()) break;
            if (jvms > limits.maxRestarts()) {
                fail(remaining, outcomes, "not run: the test JVM had to be restarted " + limits.maxRestarts() + " times already");
                break;
            }
            if (jvms > 0) output.append("\n--- test JVM #").append(jvms + 1).append(" ---\n");
            var attempt = attempt(ws, remaining, byUid, outcomes, runStart, runLimit, threads, limitOf);
            jvms++;
            jvmStart += attempt.jvmStartMillis;
            testTime += attempt.millis - attempt.jvmStartMillis;
            peakMemory = Math.max(peakMemory, attempt.peakMemory);
            output.append(attempt.output);
            if (attempt.refused > 0) {
                notes.add(attempt.refused + " line(s) on the results channel were not signed by the harness and were ignored"
                        + " (printed by the code under test?)");
            }
            if (attempt.failure == null) {
                fail(expected.stream().filter(t -> !outcomes.containsKey(t.uid())).toList(), outcomes,
                        "the test JVM finished without a result for this test");
                break;
            }
            notes.add("test JVM #" + jvms + ": " + attempt.failure);
            boolean progress = attempt.progress;
            for (var blamed : attempt.blamed.entrySet()) {
                if (outcomes.containsKey(blamed.getKey())) continue;
                outcomes.put(blamed.getKey(), new TestOutcome(byUid.get(blamed.getKey()), Verdict.FAILED, attempt.failure, blamed.getValue()));
                progress = true;
            }
            if (attempt.ambiguous && threads > 1) {
                // several tests were running when the JVM ended: run the rest one at a time, so the next end names its test
                notes.add("test JVM #" + jvms + " ended with " + attempt.running + " tests running; the rest run one at a time");
                threads = 1;
                progress = true;
            }
            if (System.nanoTime() - runStart > runLimit.get().toNanos()) {
                fail(expected.stream().filter(t -> !outcomes.containsKey(t.uid())).toList(), outcomes,
                        "not run: the run's time limit of " + seconds(runLimit.get()) + " was reached");
                break;
            }
            if (!progress) {
                fail(expected.stream().filter(t -> !outcomes.containsKey(t.uid())).toList(), outcomes, "not run: " + attempt.failure);
                break;
            }
        }
        var ordered = expected.stream().map(t -> outcomes.get(t.uid())).toList();
        String text = output.length() > limits.outputCap() * 2 ? output.substring(0, limits.outputCap() * 2) + "\n…\n" : output.toString();
        return new RunResult(ordered, text, notes, jvmStart, testTime, jvms, peakMemory);
    }

    private static void fail(List<ExpectedTest> tests, Map<String, TestOutcome> outcomes, String why) {
        for (var t : tests) outcomes.putIfAbsent(t.uid(), new TestOutcome(t, Verdict.FAILED, why, 0));
    }

    /**
     * One test JVM's run. {@code failure} is null when the harness said it was done; {@code blamed}
     * are the tests that fail with it (uid to milliseconds run), {@code ambiguous} says that the JVM
     * ended with {@code running} tests running and nothing tells which of them ended it.
     */
    private record Attempt(String failure, Map<String, Long> blamed, int running, boolean ambiguous, boolean progress,
                           int refused, String output, long jvmStartMillis, long millis, long peakMemory) {
    }

    private static final Object END_OF_RESULTS = new Object();

    private Attempt attempt(Workspace ws, List<ExpectedTest> tests, Map<String, ExpectedTest> byUid,
                            Map<String, TestOutcome> outcomes, long runStart, Supplier<Duration> runLimit, int threads,
                            Function<ExpectedTest, Duration> limitOf) {
        long t0 = System.nanoTime();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        var channel = new ResultChannel(key);
        var events = new LinkedBlockingQueue<Object>();
        Box box;
        try {
            var cache = aot.get();
            var mounts = new LinkedHashMap<>(Map.of("work", ws.box(), "lib", libraries.dir(), "harness", harnessModule));
            cache.ifPresent(c -> mounts.put("aot", c.getParent()));
            box = sandbox.start(command(ws, cache), mounts, ws.mountPoint(), ws.scratch(), environment());
        } catch (IOException e) {
            return new Attempt("the test JVM could not be started: " + e.getMessage(), Map.of(), 0, false, false, 0, "", 0, 0, 0);
        }
        try (box) {
            var stderr = new Capture(box.stderr(), limits.outputCap(), "run-stderr");
            var reader = Thread.ofPlatform().daemon().name("run-results").start(() -> readResults(box.stdout(), channel, events));
            sendRequest(box.stdin(), key, tests, threads);

            var running = new LinkedHashMap<String, Long>();  // uid -> when it started
            var blamed = new LinkedHashMap<String, Long>();
            String failure = null, lastEnded = null;
            long jvmStart = 0, nextUsageCheck = 0, exitedAt = 0, peakMemory = 0;
            boolean done = false, progress = false, ambiguous = false;
            while (true) {
                Object item = events.poll(50, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (item == END_OF_RESULTS) break;
                switch (item) {
                    case Event.Ready r -> jvmStart = (now - t0) / 1_000_000;
                    case Event.Started s -> running.put(s.uid(), now);
                    case Event.Ended e -> {
                        if (byUid.containsKey(e.uid()) && !outcomes.containsKey(e.uid())) {
                            outcomes.put(e.uid(), outcome(byUid.get(e.uid()), e));
                            progress = true;
                            lastEnded = e.uid();
                        }
                        running.remove(e.uid());
                    }
                    case Event.Done d -> done = true;
                    case null, default -> {
                    }
                }
                if (failure == null) {
                    var late = new LinkedHashMap<String, Long>();
                    Duration limit = null;
                    for (var r : running.entrySet()) {
                        Duration own = limitOf.apply(byUid.get(r.getKey()));
                        if (now - r.getValue() > own.toNanos()) {
                            late.put(r.getKey(), (now - r.getValue()) / 1_000_000);
                            limit = own;
                        }
                    }
                    if (!late.isEmpty()) {
                        failure = "did not finish within the grader's limit of " + seconds(limit) + " for this test: the test JVM was killed";
                        // One test late: it fails, the others running start again in the next JVM. Several late at
                        // once may be one test that stopped the whole JVM (SIGSTOP): then nobody is blamed yet.
                        if (late.size() == 1) blamed.putAll(late);
                    } else if (now - runStart > runLimit.get().toNanos()) {
                        failure = "the run's time limit of " + seconds(runLimit.get()) + " was reached: the test JVM was killed";
                        running.forEach((uid, since) -> blamed.put(uid, (now - since) / 1_000_000));
                    } else if (now >= nextUsageCheck) {
                        var usage = box.usage();
                        peakMemory = Math.max(peakMemory, usage.memoryBytes());
                        String breach = usage.breach(limits);
                        if (breach != null) {
                            failure = "stopped: " + breach;
                        } else if (usage.jvmStopped()) {
                            failure = "the test JVM was stopped (SIGSTOP?) during this test: it was killed";
                            // stopped just after a test reported, before the next began: that test did it
                            if (running.isEmpty() && lastEnded != null) {
                                outcomes.remove(lastEnded);
                                blamed.put(lastEnded, 0L);
                            }
                        }
                        nextUsageCheck = now + 200_000_000L;
                    }
                    if (failure != null) box.kill();
                }
                if (!box.isAlive()) {
                    if (exitedAt == 0) exitedAt = now;
                    else if (now - exitedAt > 3_000_000_000L) break;  // something outside the tree holds the pipe
                }
            }
            box.kill();
            stderr.awaitEnd(2000);
            reader.join(1000);
            if (failure == null && !done) {
                int status = box.isAlive() ? -1 : box.exitValue();
                failure = !running.isEmpty()
                        ? "the test JVM ended (exit status " + status + ") during this test: does the code call System.exit"
                          + " or Runtime.halt, or crash the JVM?"
                        : "the test JVM ended (exit status " + status + ") before the tests finished";
            }
            if (failure != null && blamed.isEmpty() && !running.isEmpty()) {
                // ended by the code under test (exit, crash, a cap, a hang): certain only when one test was running
                if (running.size() == 1) {
                    long end = System.nanoTime();
                    running.forEach((uid, since) -> blamed.put(uid, (end - since) / 1_000_000));
                } else {
                    ambiguous = true;
                }
            }
            String output = stderr.text();
            if (channel.refused() > 0) {
                output += "\n(lines refused on the results channel, the first " + channel.firstRefused().size() + " of "
                        + channel.refused() + ":)\n" + String.join("\n", channel.firstRefused()) + "\n";
            }
            return new Attempt(failure, blamed, running.size(), ambiguous, progress, channel.refused(), output, jvmStart,
                    (System.nanoTime() - t0) / 1_000_000, peakMemory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt("interrupted", Map.of(), 0, false, false, 0, "", 0, (System.nanoTime() - t0) / 1_000_000, 0);
        }
    }

    private static TestOutcome outcome(ExpectedTest test, Event.Ended e) {
        var verdict = switch (e.status()) {
            case "PASSED" -> Verdict.PASSED;
            case "SKIPPED", "ABORTED" -> Verdict.SKIPPED;
            default -> Verdict.FAILED;
        };
        return new TestOutcome(test, verdict, e.message(), e.millis());
    }

    private static void sendRequest(OutputStream stdin, byte[] key, List<ExpectedTest> tests, int threads) {
        var request = new StringBuilder(HexFormat.of().formatHex(key)).append('\n');
        request.append("threads ").append(threads).append('\n');
        for (var t : tests) request.append("uid ").append(t.uid()).append('\n');
        try (stdin) {
            stdin.write(request.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the JVM died at once; the run reports why
        }
    }

    private static void readResults(InputStream stdout, ResultChannel channel, BlockingQueue<Object> events) {
        var line = new ByteArrayOutputStream();
        long total = 0;
        boolean tooLong = false;
        var buffer = new byte[8192];
        try (stdout) {
            for (int n; (n = stdout.read(buffer)) > 0; ) {
                total += n;
                if (total > RESULTS_CAP) continue;  // drain, but a flood is not read
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        if (!tooLong) channel.accept(line.toString(StandardCharsets.UTF_8)).ifPresent(events::add);
                        else channel.accept("");
                        line.reset();
                        tooLong = false;
                    } else if (line.size() < LINE_CAP) {
                        line.write(buffer[i]);
                    } else {
                        tooLong = true;
                    }
                }
            }
        } catch (IOException e) {
            // the box is gone
        } finally {
            events.add(END_OF_RESULTS);
        }
    }

    /** The harness JVM's command; its lab programs start with the AOT cache if there is one ({@link ChildJvm#AOT_CACHE}). */
    private List<String> command(Workspace ws, Optional<Path> aotCache) {
        String work = sandbox.pathOf("work", ws.box());
        String lib = sandbox.pathOf("lib", libraries.dir());
        var modulePath = new ArrayList<String>();
        modulePath.add(sandbox.pathOf("harness", harnessModule));
        libraries.modulePath().forEach(j -> modulePath.add(lib + "/" + j.getFileName()));
        var classPath = new ArrayList<String>();
        classPath.add(work + "/test");
        libraries.classPath().forEach(j -> classPath.add(lib + "/" + j.getFileName()));
        classPath.add(work + "/main");
        // the child JVMs' options (one place: ChildJvm), then what the harness JVM needs more (later options win)
        var command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(ChildJvm.JVM_OPTIONS);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED,ipclab.grader.harness", "-Xss1m", "-Xms16m", "-Xmx384m",
                "-XX:+DisableAttachMechanism", "--sun-misc-unsafe-memory-access=deny",
                "-Djava.io.tmpdir=" + sandbox.tmpDir(ws.scratch())));
        if (timeFactor != 1.0) command.add("-Dipclab.timeFactor=" + timeFactor);
        aotCache.ifPresent(c -> command.add("-D" + ChildJvm.AOT_CACHE + "=" + sandbox.pathOf("aot", c.getParent()) + "/" + c.getFileName()));
        command.addAll(List.of("-p", String.join(":", modulePath), "--add-modules", "ALL-MODULE-PATH",
                "-cp", String.join(":", classPath), "-m", HARNESS));
        return command;
    }

    private static String javaExecutable() {
        try {
            return Path.of(System.getProperty("java.home")).toRealPath().resolve("bin/java").toString();
        } catch (IOException e) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }

    private static Map<String, String> environment() {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        String tz = System.getenv("TZ");
        if (tz != null) env.put("TZ", tz);
        return env;
    }
}
