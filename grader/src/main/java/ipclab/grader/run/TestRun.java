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
 * TestRun.Result result = run.run(workspace, expectedTests, reference);
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
        if (!Files.isRegularFile(harnessModule)) {
            throw new IllegalStateException("no harness module at " + harnessModule + ": build the grader first (./grade does)");
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * What running a lab's tests gave: an outcome for every expected test (in the catalog's order),
     * the output of the run, notes for the instructor, where the time went, and the most memory its
     * processes held together ({@link ipclab.grader.sandbox.Usage#memoryBytes()}, sampled as the run goes).
     */
    public record Result(List<TestOutcome> outcomes, String output, List<String> notes, long jvmStartMillis, long testMillis, int jvms,
                         long peakMemoryBytes) {
    }

    public Result run(Workspace ws, List<ExpectedTest> expected, Reference reference) {
        var run = new Run(ws, expected, reference);
        while (run.nextJvm()) {
            // each turn, one test JVM on the tests still without an outcome
        }
        return run.result();
    }

    /** One run of a lab's tests, over as many test JVMs as it takes: the outcomes so far, and what the JVMs cost. */
    private final class Run {
        final Workspace ws;
        final List<ExpectedTest> expected;
        final Map<String, ExpectedTest> byUid = new LinkedHashMap<>();
        final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        final Function<ExpectedTest, Duration> limitOf;
        final Supplier<Duration> runLimit;
        final long start = System.nanoTime();
        private final List<String> notes = new ArrayList<>();
        private final StringBuilder output = new StringBuilder();
        private long jvmStart, testTime, peakMemory;
        private int jvms;
        int threads = testThreads;

        Run(Workspace ws, List<ExpectedTest> expected, Reference reference) {
            this.ws = ws;
            this.expected = expected;
            expected.forEach(t -> byUid.put(t.uid(), t));
            var load = new Load.During(reference);
            this.limitOf = test -> reference.limitFor(test, limits, timeFactor * load.factor());
            this.runLimit = () -> reference.runLimit(limits, timeFactor * load.factor());
        }

        /** Runs one more test JVM on the tests still to run; false when the run is over (every test has its outcome). */
        boolean nextJvm() {
            var remaining = unreported();
            if (remaining.isEmpty()) return false;
            if (jvms > limits.maxRestarts()) {
                fail(remaining, "not run: the test JVM had to be restarted " + limits.maxRestarts() + " times already");
                return false;
            }
            if (jvms > 0) output.append("\n--- test JVM #").append(jvms + 1).append(" ---\n");
            var attempt = attempt(this, remaining);
            count(attempt);
            return settle(attempt);
        }

        private void count(Attempt attempt) {
            jvms++;
            jvmStart += attempt.jvmStartMillis;
            testTime += attempt.millis - attempt.jvmStartMillis;
            peakMemory = Math.max(peakMemory, attempt.peakMemory);
            output.append(attempt.output);
            if (attempt.refused > 0) {
                notes.add(attempt.refused + " line(s) on the results channel were not signed by the harness and were ignored"
                        + " (printed by the code under test?)");
            }
        }

        /** Fails the tests the JVM's end is blamed on; whether another JVM should run the rest. */
        private boolean settle(Attempt attempt) {
            if (attempt.failure == null) {
                fail(unreported(), "the test JVM finished without a result for this test");
                return false;
            }
            notes.add("test JVM #" + jvms + ": " + attempt.failure);
            boolean progress = attempt.progress;
            for (var blamed : attempt.blamed.entrySet()) {
                if (outcomes.containsKey(blamed.getKey())) continue;
                outcomes.put(blamed.getKey(),
                        new TestOutcome(byUid.get(blamed.getKey()), Verdict.FAILED, attempt.failure, blamed.getValue()));
                progress = true;
            }
            if (attempt.ambiguous && threads > 1) {
                // several tests were running when the JVM ended: run the rest one at a time, so the next end names its test
                notes.add("test JVM #" + jvms + " ended with " + attempt.running + " tests running; the rest run one at a time");
                threads = 1;
                progress = true;
            }
            if (System.nanoTime() - start > runLimit.get().toNanos()) {
                fail(unreported(), "not run: the run's time limit of " + seconds(runLimit.get()) + " was reached");
                return false;
            }
            if (!progress) {
                fail(unreported(), "not run: " + attempt.failure);
                return false;
            }
            return true;
        }

        private List<ExpectedTest> unreported() {
            return expected.stream().filter(t -> !outcomes.containsKey(t.uid())).toList();
        }

        private void fail(List<ExpectedTest> tests, String why) {
            for (var t : tests) outcomes.putIfAbsent(t.uid(), new TestOutcome(t, Verdict.FAILED, why, 0));
        }

        Result result() {
            var ordered = expected.stream().map(t -> outcomes.get(t.uid())).toList();
            String text = output.length() > limits.outputCap() * 2 ? output.substring(0, limits.outputCap() * 2) + "\n…\n"
                    : output.toString();
            return new Result(ordered, text, notes, jvmStart, testTime, jvms, peakMemory);
        }
    }

    /**
     * One test JVM's run. {@code failure} is null when the harness said it was done; {@code blamed}
     * are the tests that fail with it (uid to milliseconds run), {@code ambiguous} says that the JVM
     * ended with {@code running} tests running and nothing tells which of them ended it.
     */
    private record Attempt(String failure, Map<String, Long> blamed, int running, boolean ambiguous, boolean progress,
                           int refused, String output, long jvmStartMillis, long millis, long peakMemory) {

        static Attempt failed(String why, long millis) {
            return new Attempt(why, Map.of(), 0, false, false, 0, "", 0, millis, 0);
        }
    }

    private static final Object END_OF_RESULTS = new Object();

    /** Starts a test JVM on {@code tests}, follows it to its end (or kills it), and says how it went. */
    private Attempt attempt(Run run, List<ExpectedTest> tests) {
        long t0 = System.nanoTime();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        var channel = new ResultChannel(key);
        var events = new LinkedBlockingQueue<Object>();
        Box box;
        try {
            box = startHarness(run.ws);
        } catch (IOException e) {
            return Attempt.failed("the test JVM could not be started: " + e.getMessage(), 0);
        }
        try (box) {
            var stderr = new Capture(box.stderr(), limits.outputCap(), "run-stderr");
            var reader = Thread.ofPlatform().daemon().name("run-results").start(() -> readResults(box.stdout(), channel, events));
            sendRequest(box.stdin(), key, tests, run.threads);
            var watch = new Watch(run, box, t0);
            watch.follow(events);
            box.kill();
            stderr.awaitEnd(2000);
            reader.join(1000);
            watch.ended();
            String output = stderr.text();
            if (channel.refused() > 0) {
                output += "\n(lines refused on the results channel, the first " + channel.firstRefused().size() + " of "
                        + channel.refused() + ":)\n" + String.join("\n", channel.firstRefused()) + "\n";
            }
            return watch.attempt(output, channel.refused());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted", (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /**
     * Follows one test JVM: records each test's outcome as it comes, enforces the limits (each
     * running test's, the run's, the process tree's) and kills the JVM at the first breach, then
     * says which test, if any, its end is blamed on.
     */
    private final class Watch {
        private final Run run;
        private final Box box;
        private final long t0;
        private final Map<String, Long> running = new LinkedHashMap<>();  // uid -> when it started
        private final Map<String, Long> blamed = new LinkedHashMap<>();
        private String failure, lastEnded;
        private long jvmStart, nextUsageCheck, exitedAt, peakMemory;
        private boolean done, progress, ambiguous, stopped;

        Watch(Run run, Box box, long t0) {
            this.run = run;
            this.box = box;
            this.t0 = t0;
        }

        /** Until the results end, or the JVM is gone and something outside its tree holds the pipe for 3 s. */
        void follow(BlockingQueue<Object> events) throws InterruptedException {
            while (true) {
                Object item = events.poll(50, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (item == END_OF_RESULTS) break;
                record(item, now);
                if (failure == null) {
                    checkLimits(now);
                    if (failure != null) box.kill();
                }
                if (!box.isAlive()) {
                    if (exitedAt == 0) exitedAt = now;
                    else if (now - exitedAt > 3_000_000_000L) break;  // something outside the tree holds the pipe
                }
            }
        }

        private void record(Object item, long now) {
            switch (item) {
                case Event.Ready r -> jvmStart = (now - t0) / 1_000_000;
                case Event.Started s -> running.put(s.uid(), now);
                case Event.Ended e -> {
                    if (run.byUid.containsKey(e.uid()) && !run.outcomes.containsKey(e.uid())) {
                        run.outcomes.put(e.uid(), outcome(run.byUid.get(e.uid()), e));
                        progress = true;
                        lastEnded = e.uid();
                    }
                    running.remove(e.uid());
                }
                case Event.Done d -> done = true;
                case null, default -> {
                }
            }
        }

        private void checkLimits(long now) {
            var late = new LinkedHashMap<String, Long>();
            Duration limit = null;
            for (var r : running.entrySet()) {
                Duration own = run.limitOf.apply(run.byUid.get(r.getKey()));
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
            } else if (now - run.start > run.runLimit.get().toNanos()) {
                failure = "the run's time limit of " + seconds(run.runLimit.get()) + " was reached: the test JVM was killed";
                running.forEach((uid, since) -> blamed.put(uid, (now - since) / 1_000_000));
            } else if (now >= nextUsageCheck) {
                checkUsage();
                nextUsageCheck = now + 200_000_000L;
            }
        }

        /** The process tree's caps and memory, and whether the JVM was stopped. */
        private void checkUsage() {
            var usage = box.usage();
            peakMemory = Math.max(peakMemory, usage.memoryBytes());
            String breach = usage.breach(limits);
            if (breach != null) {
                failure = "stopped: " + breach;
            } else if (usage.jvmStopped()) {
                failure = "the test JVM was stopped (SIGSTOP?) during this test: it was killed";
                // Whom to blame is decided in ended(), once every event the JVM wrote before it stopped
                // has been read: on a busy machine the reader may not have seen the last "started" yet.
                stopped = true;
            }
        }

        /** After the JVM is gone: why it ended before the harness was done, and whom to blame. */
        void ended() {
            if (failure == null && !done) {
                int status = box.isAlive() ? -1 : box.exitValue();
                failure = !running.isEmpty()
                        ? "the test JVM ended (exit status " + status + ") during this test: does the code call System.exit"
                                + " or Runtime.halt, or crash the JVM?"
                        : "the test JVM ended (exit status " + status + ") before the tests finished";
            }
            if (stopped && running.isEmpty() && lastEnded != null) {
                // stopped just after a test reported, before the next began: that test did it
                run.outcomes.remove(lastEnded);
                blamed.put(lastEnded, 0L);
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
        }

        Attempt attempt(String output, int refused) {
            return new Attempt(failure, blamed, running.size(), ambiguous, progress, refused, output, jvmStart,
                    (System.nanoTime() - t0) / 1_000_000, peakMemory);
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
            for (int n; (n = stdout.read(buffer)) > 0;) {
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

    /**
     * Starts the harness JVM in a box: the workspace, the kit's jars, the harness module and the
     * programs' AOT cache mounted, {@link #harnessCommand} its command line. The one place, with
     * {@link #harnessCommand}, that knows where the harness is and how it is started.
     */
    private Box startHarness(Workspace ws) throws IOException {
        var cache = aot.get();
        var mounts = new LinkedHashMap<>(Map.of("work", ws.box(), "lib", libraries.dir(), "harness", harnessModule.getParent()));
        cache.ifPresent(c -> mounts.put("aot", c.getParent()));
        return sandbox.start(harnessCommand(ws, cache), mounts, ws.mountPoint(), ws.scratch(), environment());
    }

    /** The harness JVM's command; its lab programs start with the AOT cache if there is one ({@link ChildJvm#AOT_CACHE}). */
    private List<String> harnessCommand(Workspace ws, Optional<Path> aotCache) {
        String work = sandbox.pathOf("work", ws.box());
        String lib = sandbox.pathOf("lib", libraries.dir());
        var modulePath = new ArrayList<String>();
        modulePath.add(sandbox.pathOf("harness", harnessModule.getParent()) + "/" + harnessModule.getFileName());
        libraries.modulePath().forEach(j -> modulePath.add(lib + "/" + j.getFileName()));
        var classPath = new ArrayList<String>();
        classPath.add(work + "/test");
        libraries.classPath().forEach(j -> classPath.add(lib + "/" + j.getFileName()));
        classPath.add(work + "/main");
        // the child JVMs' options (one place: ChildJvm), then what the harness JVM needs more (later
        // options win; --enable-native-access adds to the one before: the harness's module calls prctl)
        var command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(ChildJvm.JVM_OPTIONS);
        command.addAll(List.of("--enable-native-access=ipclab.grader.harness", "-Xss1m", "-Xms16m", "-Xmx384m",
                "-XX:+DisableAttachMechanism", "--sun-misc-unsafe-memory-access=deny",
                "-Djava.io.tmpdir=" + sandbox.tmpDir(ws.scratch())));
        if (timeFactor != 1.0) command.add("-Dipclab.timeFactor=" + timeFactor);
        aotCache.ifPresent(
                c -> command.add("-D" + ChildJvm.AOT_CACHE + "=" + sandbox.pathOf("aot", c.getParent()) + "/" + c.getFileName()));
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
