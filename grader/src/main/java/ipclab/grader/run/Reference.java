package ipclab.grader.run;

import java.time.Duration;
import java.util.Map;

import ipclab.grader.sandbox.Limits;
import ipclab.grader.score.ExpectedTest;
import ipclab.grader.score.LabGrade;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Verdict;

/**
 * How long the reference solution took on a lab's tests, measured once when the lab is prepared
 * and cached with its expected tests; it sizes the limits of every submission's run:
 *
 * <pre>
 *   a test's limit  = 10 x the reference's time for it, at least 10 s, at most the --test-timeout ceiling
 *   the run's limit = 3 x the reference's suite time + 30 s, at most the --run-timeout ceiling
 *   (both stretched by --time-factor, and by how much busier the machine is than when the
 *   reference ran, at most 4x ({@link Load}); a test without a reference time gets the ceiling)
 * </pre>
 *
 * so that a submission that hangs everywhere costs about three times what the solution costs,
 * not the ceiling for every test. A limit the instructor sets ({@link Limits#perTestFixed()},
 * {@link Limits#perRunFixed()}) is used as it is.
 *
 * @param suiteMillis the reference run's test time (wall clock, JVM start excluded); 0 if unknown
 * @param testMillis  each passed test's time, by unique id
 * @param loadPerCore the machine's load average per core when the reference ran ({@link Load#perCore()}, at least 1)
 */
public record Reference(long suiteMillis, Map<String, Long> testMillis, double loadPerCore) {
    public static final Reference NONE = new Reference(0, Map.of());
    static final int TEST_FACTOR = 10;
    static final Duration TEST_FLOOR = Duration.ofSeconds(10);
    static final int RUN_FACTOR = 3;
    static final Duration RUN_ALLOWANCE = Duration.ofSeconds(30);

    public Reference {
        testMillis = Map.copyOf(testMillis);
        loadPerCore = Math.max(1, loadPerCore);  // also a cache entry written before the field existed
    }

    /** Times taken on a quiet machine. */
    public Reference(long suiteMillis, Map<String, Long> testMillis) {
        this(suiteMillis, testMillis, 1);
    }

    /** The times of a reference solution's grade (only the tests it passed count), with the load it ran under. */
    public static Reference of(LabGrade solution, double loadPerCore) {
        var times = new java.util.HashMap<String, Long>();
        for (TestOutcome t : solution.tests()) {
            if (t.verdict() == Verdict.PASSED) times.put(t.test().uid(), Math.max(1, t.millis()));
        }
        return new Reference(solution.timings().testMillis(), times, loadPerCore);
    }

    public Duration limitFor(ExpectedTest test, Limits limits, double timeFactor) {
        Long millis = testMillis.get(test.uid());
        if (limits.perTestFixed() || millis == null) return limits.perTest();
        var derived = stretch(Duration.ofMillis(millis * TEST_FACTOR), timeFactor);
        if (derived.compareTo(TEST_FLOOR) < 0) derived = TEST_FLOOR;
        return derived.compareTo(limits.perTest()) < 0 ? derived : limits.perTest();
    }

    public Duration runLimit(Limits limits, double timeFactor) {
        if (limits.perRunFixed() || suiteMillis <= 0) return limits.perRun();
        var derived = stretch(Duration.ofMillis(suiteMillis * RUN_FACTOR), timeFactor).plus(RUN_ALLOWANCE);
        return derived.compareTo(limits.perRun()) < 0 ? derived : limits.perRun();
    }

    /** A short text for cache keys: the same times give the same text. */
    public String fingerprint() {
        return suiteMillis + ":" + new java.util.TreeMap<>(testMillis);
    }

    private static Duration stretch(Duration d, double timeFactor) {
        return Duration.ofNanos((long) (d.toNanos() * Math.max(1, timeFactor)));
    }
}
